// The one error type of the web app: an RFC 9457 problem from the server, or a network failure shaped like one.
import type { FieldError, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const p = body as Record<string, unknown>;
  return typeof p.status === 'number' && typeof p.code === 'string' && typeof p.detail === 'string';
}

/** Turns a failed response's body into an ApiError, even when the body is not problem+json. */
export function toApiError(body: unknown, response: Response): ApiError {
  if (isProblem(body)) {
    return new ApiError({
      ...body,
      title: body.title ?? response.statusText,
      type: body.type ?? 'about:blank',
    });
  }
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    code: `http.${response.status}`,
    detail:
      response.status >= 500
        ? 'The server could not complete the request. Try again in a moment.'
        : `The request failed (HTTP ${response.status}).`,
  });
}

export function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'network.unreachable',
    detail: 'Cannot reach the i2v Studio server. Check your connection and try again.',
  });
}

/** A human sentence for any thrown value. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
