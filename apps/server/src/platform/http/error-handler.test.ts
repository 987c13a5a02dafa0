import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { toAppError } from './error-handler.js';

const fastifyError = (props: Partial<FastifyError>) =>
  Object.assign(new Error(props.message ?? 'x'), props) as FastifyError;

describe('toAppError', () => {
  it('keeps our own errors', () => {
    const e = new AppError('user.not_found', 'gone');
    expect(toAppError(e)).toBe(e);
  });

  it('turns validation errors into field errors with the request part', () => {
    const e = toAppError(
      fastifyError({
        validationContext: 'querystring',
        validation: [
          { keyword: 'too_big', instancePath: '/limit', schemaPath: '', params: {}, message: 'too big' },
        ],
      }),
    );
    expect(e?.code).toBe('request.invalid');
    expect(e?.fieldErrors).toEqual([{ field: 'query.limit', message: 'too big' }]);
  });

  it('names the unknown key itself', () => {
    const e = toAppError(
      fastifyError({
        validationContext: 'body',
        validation: [
          {
            keyword: 'unrecognized_keys',
            instancePath: '/',
            schemaPath: '',
            params: { keys: ['extra'] },
            message: 'Unrecognized key',
          },
        ],
      }),
    );
    expect(e?.fieldErrors?.[0]?.field).toBe('body.extra');
  });

  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 'request.malformed_json', 400],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 'request.body_too_large', 413],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'request.unsupported_media_type', 415],
  ])('maps %s to %s', (code, ours, status) => {
    const e = toAppError(fastifyError({ code }));
    expect(e?.code).toBe(ours);
    expect(e?.status).toBe(status);
  });

  it('leaves unknown server errors for the generic 500', () => {
    expect(toAppError(new Error('boom'))).toBeNull();
  });
});
