// Typed calls for every ComfyUI HTTP route, each with a timeout and an AbortSignal; failures become ComfyError.
import { Readable } from 'node:stream';
import { ComfyError, readNodeErrors } from './errors.js';
import type {
  ApiWorkflow,
  FileRef,
  HistoryEntry,
  NodeClassInfo,
  ObjectInfo,
  QueueState,
  SubmitResponse,
  SystemStats,
  UploadResponse,
} from './types.js';

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's default timeout for this call (ms). */
  timeoutMs?: number;
}

export interface ComfyHttpOptions {
  /** Default per-call timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Route prefix: `'/api'` (servers since mid-2024) or `''`; `'auto'` probes on first use (default). */
  prefix?: '/api' | '' | 'auto';
  fetch?: typeof fetch;
}

export interface SubmitRequest {
  prompt: ApiWorkflow;
  client_id?: string;
  prompt_id?: string;
  extra_data?: Record<string, unknown>;
  front?: boolean;
  number?: number;
}

export interface ServerInfo {
  version: string;
  prefix: '/api' | '';
  stats: SystemStats;
}

type Method = 'GET' | 'POST';

export class ComfyHttp {
  readonly baseUrl: string;
  private prefix: '/api' | '' | null;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private probing: Promise<ServerInfo> | null = null;

  constructor(baseUrl: string, options: ComfyHttpOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.prefix = options.prefix === undefined || options.prefix === 'auto' ? null : options.prefix;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /**
   * Identifies the server: `/api/system_stats`, else `/system_stats`. Throws COMFY_NOT_COMFY for anything that does
   * not answer like ComfyUI, or for an older protocol (no `comfyui_version`, as before ComfyUI 0.1).
   */
  async probe(options: CallOptions = {}): Promise<ServerInfo> {
    const attempt = async (prefix: '/api' | ''): Promise<SystemStats | null> => {
      const res = await this.raw('GET', `${prefix}/system_stats`, undefined, options);
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      return (await this.readJson(res, `${prefix}/system_stats`)) as SystemStats;
    };
    let prefix: '/api' | '' = '/api';
    let stats = await attempt('/api');
    if (!stats) {
      prefix = '';
      stats = await attempt('');
    }
    if (!stats || typeof stats !== 'object' || !stats.system || !Array.isArray(stats.devices)) {
      throw new ComfyError('COMFY_NOT_COMFY', `${this.baseUrl} does not answer /system_stats like ComfyUI`, {
        url: this.baseUrl,
      });
    }
    const version = stats.system.comfyui_version;
    if (typeof version !== 'string') {
      throw new ComfyError(
        'COMFY_NOT_COMFY',
        `${this.baseUrl} speaks an older ComfyUI protocol (no comfyui_version in /system_stats); update the server`,
        { url: this.baseUrl },
      );
    }
    this.prefix = prefix;
    return { version, prefix, stats };
  }

  // ---- routes -------------------------------------------------------------------------------------------------

  /** `POST /prompt`: queues an API workflow. A 400 becomes COMFY_PROMPT_INVALID with per-node errors. */
  async submitPrompt(body: SubmitRequest, options: CallOptions = {}): Promise<SubmitResponse> {
    const res = await this.call('POST', '/prompt', JSON.stringify(body), options);
    if (res.status === 400) {
      const text = await this.body(res, '/prompt', (r) => r.text());
      let parsed: { error?: { type?: string; message?: string; details?: string }; node_errors?: unknown };
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new ComfyError('COMFY_HTTP', `POST /prompt answered 400: ${text.slice(0, 200)}`, {
          status: 400,
          body: text,
        });
      }
      const nodeErrors = readNodeErrors(parsed.node_errors);
      const e = parsed.error ?? {};
      const detail = e.details ? `: ${e.details}` : '';
      throw new ComfyError('COMFY_PROMPT_INVALID', `${e.message ?? 'Prompt rejected'}${detail}`, {
        status: 400,
        errorType: e.type,
        nodeErrors,
        url: this.baseUrl,
      });
    }
    const json = (await this.readJson(res, '/prompt')) as SubmitResponse;
    if (typeof json?.prompt_id !== 'string') {
      throw new ComfyError('COMFY_NOT_COMFY', 'POST /prompt answered without a prompt_id', {
        url: this.baseUrl,
      });
    }
    return json;
  }

  /** `GET /prompt`: the number of queued + running prompts. */
  async getQueueRemaining(options: CallOptions = {}): Promise<number> {
    const json = (await this.getJson('/prompt', options)) as { exec_info?: { queue_remaining?: number } };
    return json.exec_info?.queue_remaining ?? 0;
  }

  /** `GET /queue`; pending items are returned sorted in run order (by number, then prompt id). */
  async getQueue(options: CallOptions = {}): Promise<QueueState> {
    const q = (await this.getJson('/queue', options)) as QueueState;
    const byOrder = (a: QueueState['queue_pending'][number], b: QueueState['queue_pending'][number]) =>
      a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    return {
      queue_running: q.queue_running ?? [],
      queue_pending: [...(q.queue_pending ?? [])].sort(byOrder),
    };
  }

  /** `POST /queue {delete}`: removes pending prompts (the running one is untouched). */
  deleteFromQueue(promptIds: string[], options: CallOptions = {}): Promise<void> {
    return this.postEmpty('/queue', { delete: promptIds }, options);
  }

  /** `POST /queue {clear}`: empties the pending list. */
  clearQueue(options: CallOptions = {}): Promise<void> {
    return this.postEmpty('/queue', { clear: true }, options);
  }

  /** `POST /interrupt`; with a prompt id only that prompt is interrupted (if it is running). */
  interrupt(promptId?: string, options: CallOptions = {}): Promise<void> {
    return this.postEmpty('/interrupt', promptId ? { prompt_id: promptId } : {}, options);
  }

  /** `POST /free`. */
  free(body: { unload_models?: boolean; free_memory?: boolean }, options: CallOptions = {}): Promise<void> {
    return this.postEmpty('/free', body, options);
  }

  /** `GET /history?max_items=&offset=` (always pass max_items on a long-lived server). */
  async getHistory(
    query: { maxItems?: number; offset?: number } = {},
    options: CallOptions = {},
  ): Promise<Record<string, HistoryEntry>> {
    const params = new URLSearchParams();
    if (query.maxItems !== undefined) params.set('max_items', String(query.maxItems));
    if (query.offset !== undefined) params.set('offset', String(query.offset));
    const qs = params.size ? `?${params}` : '';
    return (await this.getJson(`/history${qs}`, options)) as Record<string, HistoryEntry>;
  }

  /** `GET /history/{id}`: the entry, or null while queued/running or when unknown. */
  async getHistoryEntry(promptId: string, options: CallOptions = {}): Promise<HistoryEntry | null> {
    const json = (await this.getJson(`/history/${encodeURIComponent(promptId)}`, options)) as Record<
      string,
      HistoryEntry
    >;
    return json[promptId] ?? null;
  }

  /** `POST /history {delete}`. */
  deleteHistory(promptIds: string[], options: CallOptions = {}): Promise<void> {
    return this.postEmpty('/history', { delete: promptIds }, options);
  }

  /** `POST /history {clear}`. */
  clearHistory(options: CallOptions = {}): Promise<void> {
    return this.postEmpty('/history', { clear: true }, options);
  }

  /** `GET /view` into memory. */
  async viewBuffer(file: FileRef, options: CallOptions = {}): Promise<Buffer> {
    const res = await this.call('GET', this.viewPath(file), undefined, options);
    await this.expectOk(res, '/view');
    return Buffer.from(await this.body(res, '/view', (r) => r.arrayBuffer()));
  }

  /** `GET /view` as a Node stream (the timeout covers the response headers only). */
  async viewStream(file: FileRef, options: CallOptions = {}): Promise<Readable> {
    const res = await this.call('GET', this.viewPath(file), undefined, options);
    await this.expectOk(res, '/view');
    if (!res.body) return Readable.from([]);
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  }

  /** `POST /upload/image` (multipart). Always use the returned `name`: the server may rename. */
  async uploadImage(
    file: { name: string; data: Uint8Array; mimeType?: string },
    fields: { type?: 'input' | 'temp' | 'output'; subfolder?: string; overwrite?: boolean } = {},
    options: CallOptions = {},
  ): Promise<UploadResponse> {
    const form = new FormData();
    form.set(
      'image',
      new Blob([new Uint8Array(file.data)], { type: file.mimeType ?? 'application/octet-stream' }),
      file.name,
    );
    if (fields.type) form.set('type', fields.type);
    if (fields.subfolder) form.set('subfolder', fields.subfolder);
    if (fields.overwrite) form.set('overwrite', 'true');
    const res = await this.call('POST', '/upload/image', form, options);
    return (await this.readJson(res, '/upload/image')) as UploadResponse;
  }

  /** `POST /upload/mask`: the image's alpha applied to `original` (an earlier upload), saved as PNG. */
  async uploadMask(
    file: { name: string; data: Uint8Array; mimeType?: string },
    original: FileRef,
    fields: { type?: 'input' | 'temp' | 'output'; subfolder?: string; overwrite?: boolean } = {},
    options: CallOptions = {},
  ): Promise<UploadResponse> {
    const form = new FormData();
    form.set(
      'image',
      new Blob([new Uint8Array(file.data)], { type: file.mimeType ?? 'image/png' }),
      file.name,
    );
    form.set('original_ref', JSON.stringify(original));
    if (fields.type) form.set('type', fields.type);
    if (fields.subfolder) form.set('subfolder', fields.subfolder);
    if (fields.overwrite) form.set('overwrite', 'true');
    const res = await this.call('POST', '/upload/mask', form, options);
    return (await this.readJson(res, '/upload/mask')) as UploadResponse;
  }

  /** `GET /view_metadata/{folder}?filename=`: a model file's safetensors `__metadata__`, or null (404). */
  async getModelMetadata(
    folder: string,
    filename: string,
    options: CallOptions = {},
  ): Promise<Record<string, unknown> | null> {
    const q = new URLSearchParams({ filename });
    const res = await this.call(
      'GET',
      `/view_metadata/${encodeURIComponent(folder)}?${q}`,
      undefined,
      options,
    );
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    return (await this.readJson(res, '/view_metadata')) as Record<string, unknown>;
  }

  /** `GET /object_info`: the whole node catalogue. */
  async getObjectInfo(options: CallOptions = {}): Promise<ObjectInfo> {
    return (await this.getJson('/object_info', { timeoutMs: 60_000, ...options })) as ObjectInfo;
  }

  /** `GET /object_info/{class}`: one class, or null when the server does not know it. */
  async getNodeClass(classType: string, options: CallOptions = {}): Promise<NodeClassInfo | null> {
    const json = (await this.getJson(`/object_info/${encodeURIComponent(classType)}`, options)) as ObjectInfo;
    return json[classType] ?? null;
  }

  /** `GET /system_stats`. */
  async getSystemStats(options: CallOptions = {}): Promise<SystemStats> {
    return (await this.getJson('/system_stats', options)) as SystemStats;
  }

  /** `GET /models`: the model folder names. */
  async getModelFolders(options: CallOptions = {}): Promise<string[]> {
    return (await this.getJson('/models', options)) as string[];
  }

  /** `GET /models/{folder}`: file names in a folder, or null for an unknown folder (404). */
  async getModels(folder: string, options: CallOptions = {}): Promise<string[] | null> {
    const res = await this.call('GET', `/models/${encodeURIComponent(folder)}`, undefined, options);
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    return (await this.readJson(res, `/models/${folder}`)) as string[];
  }

  /** `GET /embeddings`. */
  async getEmbeddings(options: CallOptions = {}): Promise<string[]> {
    return (await this.getJson('/embeddings', options)) as string[];
  }

  /** `GET /extensions`. */
  async getExtensions(options: CallOptions = {}): Promise<string[]> {
    return (await this.getJson('/extensions', options)) as string[];
  }

  /** `GET /features`: server capabilities; `{}` on servers that predate the route. */
  async getFeatures(options: CallOptions = {}): Promise<Record<string, unknown>> {
    const res = await this.call('GET', '/features', undefined, options);
    if (res.status === 404) {
      await res.body?.cancel();
      return {};
    }
    return (await this.readJson(res, '/features')) as Record<string, unknown>;
  }

  /** URL of a file for `/view`, for callers that hand it to another tool. */
  viewUrl(file: FileRef): string {
    return `${this.baseUrl}${this.prefix ?? ''}${this.viewPath(file)}`;
  }

  /** The WebSocket URL for a client id. */
  async socketUrl(clientId: string): Promise<string> {
    const prefix = await this.ensurePrefix();
    const u = new URL(`${this.baseUrl}${prefix}/ws`);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('clientId', clientId);
    return u.toString();
  }

  // ---- plumbing -----------------------------------------------------------------------------------------------

  private viewPath(file: FileRef): string {
    const q = new URLSearchParams({
      filename: file.filename,
      subfolder: file.subfolder ?? '',
      type: file.type,
    });
    return `/view?${q}`;
  }

  private async ensurePrefix(options: CallOptions = {}): Promise<'/api' | ''> {
    if (this.prefix !== null) return this.prefix;
    this.probing ??= this.probe(options).finally(() => {
      this.probing = null;
    });
    return (await this.probing).prefix;
  }

  private async getJson(route: string, options: CallOptions): Promise<unknown> {
    const res = await this.call('GET', route, undefined, options);
    return this.readJson(res, route);
  }

  private async postEmpty(route: string, body: unknown, options: CallOptions): Promise<void> {
    const res = await this.call('POST', route, JSON.stringify(body), options);
    await this.expectOk(res, route);
    await res.body?.cancel();
  }

  private async call(
    method: Method,
    route: string,
    body: string | FormData | undefined,
    options: CallOptions,
  ) {
    const prefix = await this.ensurePrefix(options);
    const res = await this.raw(method, `${prefix}${route}`, body, options);
    if (res.status === 413) {
      const text = await this.body(res, route, (r) => r.text());
      throw new ComfyError('COMFY_TOO_LARGE', `${method} ${route} body is over the server's upload limit`, {
        status: 413,
        body: text.slice(0, 500),
        url: this.baseUrl,
      });
    }
    return res;
  }

  private async raw(method: Method, path: string, body: string | FormData | undefined, options: CallOptions) {
    const url = `${this.baseUrl}${path}`;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = {};
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    try {
      try {
        return await this.fetchImpl(url, { method, body, headers, signal });
      } catch (err) {
        // a pooled keep-alive connection the server closed (e.g. it restarted): retry a GET once on a fresh one
        const code = (err as { cause?: { code?: string } }).cause?.code;
        if (method !== 'GET' || signal.aborted || (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET'))
          throw err;
        return await this.fetchImpl(url, { method, body, headers, signal });
      }
    } catch (err) {
      if (options.signal?.aborted) {
        throw new ComfyError('COMFY_ABORTED', `${method} ${url} aborted`, { url, cause: err });
      }
      if (timeout.aborted) {
        throw new ComfyError('COMFY_TIMEOUT', `${method} ${url} got no answer within ${timeoutMs} ms`, {
          url,
          cause: err,
        });
      }
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new ComfyError(
        'COMFY_UNREACHABLE',
        `${method} ${url} failed: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
        { url, cause: err },
      );
    }
  }

  private async expectOk(res: Response, route: string): Promise<void> {
    if (res.ok) return;
    const text = await res.text().catch(() => '');
    throw new ComfyError('COMFY_HTTP', `${route} answered ${res.status}: ${text.slice(0, 200)}`, {
      status: res.status,
      body: text.slice(0, 2000),
      url: this.baseUrl,
    });
  }

  /** Reads a body; a timeout or drop mid-body becomes a ComfyError like one before the headers. */
  private async body<T>(res: Response, route: string, read: (r: Response) => Promise<T>): Promise<T> {
    try {
      return await read(res);
    } catch (err) {
      const name = (err as Error)?.name;
      if (name === 'TimeoutError') {
        throw new ComfyError('COMFY_TIMEOUT', `${route}: the answer stalled mid-body`, {
          url: this.baseUrl,
          cause: err,
        });
      }
      if (name === 'AbortError') {
        throw new ComfyError('COMFY_ABORTED', `${route}: aborted while reading the answer`, {
          url: this.baseUrl,
          cause: err,
        });
      }
      throw new ComfyError('COMFY_UNREACHABLE', `${route}: the connection broke mid-answer`, {
        url: this.baseUrl,
        cause: err,
      });
    }
  }

  private async readJson(res: Response, route: string): Promise<unknown> {
    await this.expectOk(res, route);
    const text = await this.body(res, route, (r) => r.text());
    try {
      return JSON.parse(text);
    } catch {
      throw new ComfyError(
        'COMFY_NOT_COMFY',
        `${route} answered ${res.headers.get('content-type') ?? 'no content type'}, not JSON: ${text.slice(0, 80)}`,
        { status: res.status, body: text.slice(0, 2000), url: this.baseUrl },
      );
    }
  }
}
