// Renders every error as RFC 9457 problem+json with a stable code; bad input never becomes a 500.
import type { FieldError } from '@i2v/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, problemBody } from '../errors.js';

const contextNames: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
};

function validationFields(err: FastifyError): FieldError[] {
  const where = contextNames[err.validationContext ?? 'body'] ?? 'body';
  return (err.validation ?? []).map((v) => {
    const segments = v.instancePath.split('/').filter(Boolean);
    // Unknown keys are reported on the object; name the key itself so the client knows what to remove.
    const keys = (v.params as { keys?: unknown } | undefined)?.keys;
    const extra = v.keyword === 'unrecognized_keys' && Array.isArray(keys) ? keys.map(String) : [];
    const field = [where, ...segments, ...extra.slice(0, 1)].join('.');
    return { field, message: v.message ?? 'is invalid' };
  });
}

export function toAppError(err: FastifyError | AppError | Error): AppError | null {
  if (err instanceof AppError) return err;
  const e = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e) || e.validation) {
    const fields = validationFields(e);
    const detail = fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'The request is not valid.';
    return new AppError('request.invalid', detail, fields);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.malformed_json', 'The request body is not valid JSON.', [
        { field: 'body', message: 'is not valid JSON' },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        'request.body_too_large',
        'The request body is larger than this endpoint accepts.',
        [{ field: 'body', message: 'is too large' }],
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('request.unsupported_media_type', 'Send the body as application/json.', [
        { field: 'headers.content-type', message: 'must be application/json' },
      ]);
  }
  if (e.statusCode === 429)
    return new AppError('request.rate_limited', 'Too many requests; wait a moment and retry.');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('request.invalid', e.message || 'The request is not valid.');
  }
  return null;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  if (err.headers) reply.headers(err.headers);
  return reply
    .status(err.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send(problemBody(err, request.url.split('?')[0] ?? request.url, String(request.id)));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.detail);
      return sendProblem(reply, request, known);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      request,
      new AppError(
        'internal.error',
        `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
      ),
    );
  });
}
