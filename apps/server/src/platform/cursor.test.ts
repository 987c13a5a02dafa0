import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';
import { AppError } from './errors.js';

describe('cursors', () => {
  it('round-trip the sort key', () => {
    const c = encodeCursor(['2026-11-25T10:00:00.000Z', 42]);
    expect(decodeCursor(c, ['string', 'number'])).toEqual(['2026-11-25T10:00:00.000Z', 42]);
  });

  it.each(['garbage', encodeCursor([1]), encodeCursor(['a', 'b']), encodeCursor(['a', 1.5]), '%%%'])(
    'reject a tampered cursor %s as a 400 naming query.cursor',
    (bad) => {
      try {
        decodeCursor(bad, ['string', 'number']);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).status).toBe(400);
        expect((err as AppError).fieldErrors?.[0]?.field).toBe('query.cursor');
      }
    },
  );
});
