// Character metadata for many characters at once (PRD-066 §1.4): export as CSV or JSON, import with a preview.
import { z } from 'zod';
import { publicIdSchema } from './common.js';

export const metadataImportBodySchema = z.strictObject({
  format: z.enum(['csv', 'json']),
  content: z
    .string()
    .max(20 * 1024 * 1024)
    .describe(
      'CSV: a header with `name` and one column per metadata field, one row per character; an empty cell clears the field. JSON: `{ "characters": [{ "name": …, "metadata": { … } }] }` as the JSON export writes it; null clears a field.',
    ),
  skipInvalid: z
    .boolean()
    .default(false)
    .describe(
      'Apply the rows without errors and skip the others; otherwise any row error refuses the import',
    ),
});

export const metadataChangeSchema = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});

export const metadataImportPreviewSchema = z
  .object({
    rows: z.array(
      z.object({
        line: z.number().int().describe('Line of the CSV (header is 1), or position in the JSON list from 1'),
        name: z.string(),
        characterId: publicIdSchema.nullable(),
        changes: z.array(metadataChangeSchema),
        errors: z.array(z.string()),
      }),
    ),
    totals: z.object({
      rows: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      withErrors: z.number().int(),
    }),
  })
  .meta({ id: 'MetadataImportPreview' });
export type MetadataImportPreview = z.infer<typeof metadataImportPreviewSchema>;

export const metadataImportResultSchema = z
  .object({ updated: z.number().int(), unchanged: z.number().int(), skipped: z.number().int() })
  .meta({ id: 'MetadataImportResult' });

export const metadataExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'json']).default('csv') });
