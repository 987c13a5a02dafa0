// Shared building blocks for request and response schemas.
import { z } from 'zod';

export const publicIdSchema = z.uuid({ error: 'must be a UUID' });
export const idParamsSchema = z.strictObject({ id: publicIdSchema });

export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('Opaque cursor from a previous page'),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page'),
  });
}

export const isoDateTime = z.iso.datetime({ offset: true });
