// Bulk character onboarding from a folder or ZIP (PRD-016/067): upload, preview, adjust, import with progress.
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';

export const characterImportStatuses = [
  'analysing',
  'ready',
  'importing',
  'completed',
  'failed',
  'cancelled',
] as const;
export type CharacterImportStatus = (typeof characterImportStatuses)[number];

export const importFileSchema = z
  .object({
    path: z.string(),
    size: z.number().int(),
    role: z.enum(['source', 'variant', 'metadata', 'ignored']),
    variantTypeSlug: z.string().optional(),
    note: z.string().optional().describe('Why the file is ignored'),
  })
  .meta({ id: 'ImportFile' });

export const importEntrySchema = z
  .object({
    folder: z.string().describe('Path of the character folder inside the upload; identifies the entry'),
    name: z.string().describe('Character name: the folder name, or the rename chosen in the preview'),
    action: z
      .enum(['create', 'update', 'unchanged', 'skip'])
      .describe('What importing does: a new character, new images or metadata for an existing one, nothing'),
    errors: z.array(z.string()).describe('The entry cannot be imported while it has errors'),
    warnings: z.array(z.string()),
    newImages: z.number().int(),
    sourceImage: z.boolean(),
    variants: z.record(z.string(), z.number().int()).describe('New variant images per variant type slug'),
    metadataChange: z.boolean(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    files: z.array(importFileSchema),
  })
  .meta({ id: 'ImportEntry' });
export type ImportEntry = z.infer<typeof importEntrySchema>;

export const importTotalsSchema = z.object({
  entries: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  skip: z.number().int(),
  withErrors: z.number().int(),
  newImages: z.number().int(),
});

export const characterImportSchema = z
  .object({
    id: publicIdSchema,
    projectId: publicIdSchema,
    status: z.enum(characterImportStatuses),
    sourceKind: z.enum(['folder', 'zip']),
    sourceName: z.string(),
    createdBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    totals: importTotalsSchema.nullable().describe('Null while the upload is being analysed'),
    entries: z.array(importEntrySchema),
    ignoredFiles: z.array(importFileSchema).describe('Files outside any character folder'),
    report: z
      .object({
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        skipped: z.number().int(),
        images: z.number().int(),
        characters: z.array(
          z.object({
            folder: z.string(),
            name: z.string(),
            characterId: publicIdSchema.nullable(),
            action: z.enum(['create', 'update', 'unchanged', 'skip']),
          }),
        ),
      })
      .nullable(),
    error: z.string().nullable(),
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'CharacterImport' });
export type CharacterImport = z.infer<typeof characterImportSchema>;

export const characterImportPageSchema = pageSchema(
  characterImportSchema.omit({ entries: true, ignoredFiles: true }),
).meta({ id: 'CharacterImportPage' });
export const characterImportListQuerySchema = z.strictObject({ ...pageQueryShape });

export const updateCharacterImportBodySchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        folder: z.string().min(1).max(1000),
        name: z.string().trim().min(1, { error: 'must not be empty' }).max(120).optional(),
        skip: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(10_000)
    .describe('Renames and skips per character folder; an entry without name or skip undoes earlier choices'),
});

export const commitCharacterImportBodySchema = z.strictObject({
  skipInvalid: z
    .boolean()
    .default(false)
    .describe('Import the valid entries and skip those with errors; otherwise any error refuses the import'),
});
