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

/** Cursor of lists ordered by (created_at, id); a cursor whose time does not parse is refused like any other. */
export function decodeTimeCursor(cursor: string | undefined): { createdAt: Date; id: number } | undefined {
  if (!cursor) return undefined;
  const [iso, id] = decodeCursor(cursor, ['string', 'number']) as [string, number];
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()))
    throw invalidField('query.cursor', 'is not a cursor returned by this list');
  return { createdAt, id };
}

/** Cursor of lists ordered by (lower(name), id). */
export function decodeNameCursor(cursor: string | undefined): { name: string; id: number } | undefined {
  if (!cursor) return undefined;
  const [name, id] = decodeCursor(cursor, ['string', 'number']) as [string, number];
  return { name, id };
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says another page exists, and the cursor is the
 * sort key of the page's last row.
 */
export function pageOf<T>(
  found: T[],
  limit: number,
  keyOf: (last: T) => (string | number)[],
): { page: T[]; nextCursor: string | null } {
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: found.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
