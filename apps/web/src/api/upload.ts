// Uploads: multipart/form-data (one image, or a folder of files with their paths), through the same bearer auth and 401 refresh as the
// typed client. XMLHttpRequest rather than fetch, because only it reports upload progress.
import { sessionStore } from '@/auth/session-store';
import { networkError, toApiError } from './api-error';
import { tokenAfterRejection } from './session-token';

export interface UploadOptions {
  /** Called with the share of the file sent so far, 0 to 1. */
  onProgress?: (sent: number) => void;
  signal?: AbortSignal;
}

interface Answer {
  status: number;
  statusText: string;
  body: unknown;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(
  url: string,
  form: () => FormData,
  token: string | null,
  options: UploadOptions,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () =>
      resolve({ status: xhr.status, statusText: xhr.statusText, body: parseBody(xhr.responseText) });
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form());
  });
}

/** Uploads one file to a multipart route; resolves with the response body, throws an ApiError when refused. */
export function uploadFile<T>(url: string, file: File, options: UploadOptions = {}): Promise<T> {
  return uploadForm<T>(
    url,
    () => {
      const form = new FormData();
      form.append('file', file, file.name);
      return form;
    },
    options,
  );
}

/** Sends a multipart form built by `form` (called again if the session has to be refreshed first). */
export async function uploadForm<T>(
  url: string,
  form: () => FormData,
  options: UploadOptions = {},
): Promise<T> {
  const token = sessionStore.getAccessToken();
  let answer = await send(url, form, token, options);
  if (answer.status === 401) {
    const fresh = await tokenAfterRejection(token);
    if (fresh) {
      options.onProgress?.(0);
      answer = await send(url, form, fresh, options);
      if (answer.status === 401) sessionStore.end('expired');
    }
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw toApiError(
      answer.body,
      new Response(null, { status: answer.status, statusText: answer.statusText }),
    );
  }
  return answer.body as T;
}
