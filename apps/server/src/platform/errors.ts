// The one error type of the studio: a stable code, an HTTP status, a human detail, optional field errors.
import { type ErrorCode, errorCodes, type FieldError } from '@i2v/contracts';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export const fail = (code: ErrorCode, detail: string, fieldErrors?: FieldError[]): never => {
  throw new AppError(code, detail, fieldErrors);
};

export function invalidField(field: string, message: string): AppError {
  return new AppError('request.invalid', `${field}: ${message}`, [{ field, message }]);
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemBody(err: AppError, instance: string, requestId: string) {
  return {
    type: `https://i2v.studio/problems/${err.code.replace('.', '/')}`,
    title: titles[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: err.detail,
    instance,
    requestId,
    ...(err.fieldErrors && err.fieldErrors.length > 0 ? { errors: err.fieldErrors } : {}),
  };
}
