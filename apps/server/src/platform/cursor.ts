// Opaque keyset-pagination cursors: base64url JSON of the last row's sort key.
import { invalidField } from './errors.js';

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with the given shape; a tampered cursor is a 400 naming `query.cursor`. */
export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): (string | number)[] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === shape.length &&
      value.every((v, i) => typeof v === shape[i] && (typeof v !== 'number' || Number.isSafeInteger(v)))
    ) {
      return value as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw invalidField('query.cursor', 'is not a cursor returned by this list');
}
