// Unwraps an openapi-fetch result: the data on success, a thrown ApiError otherwise.
import { ApiError, networkError, toApiError } from './api-error';

type FetchResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

async function settle<T>(call: Promise<FetchResult<T>>): Promise<FetchResult<T>> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw networkError();
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result;
}

/** The response body of a successful call. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<Exclude<T, undefined>> {
  const { data } = await settle(call);
  return data as Exclude<T, undefined>;
}

/** For calls that answer 204 No Content: resolves when they succeed. */
export async function unwrapNoContent<T>(call: Promise<FetchResult<T>>): Promise<void> {
  await settle(call);
}

/** A resource and its version: the response's `ETag`, to send back as `If-Match` with the next edit. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

/** The response body of a successful call together with its `ETag` header. */
export async function unwrapVersioned<T>(
  call: Promise<FetchResult<T>>,
): Promise<Versioned<Exclude<T, undefined>>> {
  const { data, response } = await settle(call);
  return { data: data as Exclude<T, undefined>, etag: response.headers.get('etag') };
}
