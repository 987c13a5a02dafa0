// The scene matrix of a project (PRD-023 §1.6): characters × (scene type × variant) with status and file names.
import { z } from 'zod';
import { publicIdSchema } from './common.js';

export const sceneStatuses = ['pending', 'generating', 'review', 'approved', 'rejected', 'failed'] as const;
export const matrixCellStatusSchema = z.enum(['not_created', ...sceneStatuses]);

export const cellBlockerSchema = z.object({
  code: z.enum(['no_source_image', 'no_hero', 'unnamable']),
  variantTypeId: publicIdSchema.optional(),
});

export const sceneMatrixSchema = z
  .object({
    projectId: publicIdSchema,
    variantTypes: z.array(z.object({ id: publicIdSchema, slug: z.string(), name: z.string() })),
    sceneTypes: z.array(z.object({ id: publicIdSchema, name: z.string(), contentName: z.string() })),
    columns: z.array(
      z.object({
        key: z.string().describe('`sceneTypeId:variantTypeId`, the same in every row'),
        sceneTypeId: publicIdSchema,
        variantTypeId: publicIdSchema.describe('The variant the scene starts from'),
        transition: z.object({ toVariantTypeId: publicIdSchema, suffix: z.string() }).nullable(),
        fileName: z.string().nullable().describe('Delivered file name of the scene video'),
        namingProblem: z.string().nullable(),
      }),
    ),
    rows: z.array(
      z.object({
        character: z.object({ id: publicIdSchema, name: z.string(), thumbnailUrl: z.string().nullable() }),
        cells: z.array(
          z.object({
            sceneId: publicIdSchema.nullable(),
            status: matrixCellStatusSchema,
            blockers: z.array(cellBlockerSchema).describe('What keeps this cell from being generated'),
          }),
        ),
      }),
    ),
    nextCursor: z.string().nullable().describe('More characters follow; pass as `cursor`'),
    totals: z.object({ cells: z.number().int(), created: z.number().int(), ready: z.number().int() }),
  })
  .meta({ id: 'SceneMatrix' });
export type SceneMatrix = z.infer<typeof sceneMatrixSchema>;

export const sceneMatrixQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200).describe('Characters per page'),
  cursor: z.string().max(200).optional(),
});

export const createScenesBodySchema = z.strictObject({
  characterIds: z
    .array(publicIdSchema)
    .max(5000)
    .optional()
    .describe('Default: every character of the project'),
  sceneTypeIds: z.array(publicIdSchema).max(500).optional().describe('Default: every enabled scene type'),
});
export const createScenesResponseSchema = z.object({
  created: z.number().int().describe('Scenes created now'),
  existing: z.number().int().describe('Selected cells that already had a scene'),
});

export const sceneSchema = z
  .object({
    id: publicIdSchema,
    projectId: publicIdSchema,
    character: z.object({ id: publicIdSchema, name: z.string(), thumbnailUrl: z.string().nullable() }),
    sceneType: z.object({ id: publicIdSchema, name: z.string() }),
    variantType: z.object({ id: publicIdSchema, slug: z.string(), name: z.string() }),
    transition: z.object({ toVariantTypeId: publicIdSchema, suffix: z.string() }).nullable(),
    status: z.enum(sceneStatuses),
    fileName: z.string().nullable().describe('Delivered file name of the scene video'),
    tags: z.array(z.string()),
    finalVersionId: publicIdSchema.nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Scene' });
export type Scene = z.infer<typeof sceneSchema>;

export const sceneVideoVersionSchema = z
  .object({
    id: publicIdSchema,
    sceneId: publicIdSchema,
    versionNumber: z.number().int(),
    source: z.enum(['generated', 'imported']),
    isFinal: z.boolean().describe('The version delivered; at most one per scene'),
    notes: z.string(),
    durationSeconds: z.number(),
    fps: z.number().nullable(),
    frameCount: z.number().int().nullable(),
    codec: z.string(),
    file: z.object({
      id: publicIdSchema,
      url: z.string().describe('Signed, time-limited URL of the video (supports HTTP range requests)'),
      posterUrl: z.string().nullable().describe('Signed URL of a still of the first frame'),
      mimeType: z.string(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
      sizeBytes: z.number().int(),
      originalFilename: z.string().nullable(),
    }),
    createdBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    deletedAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'SceneVideoVersion' });
export type SceneVideoVersion = z.infer<typeof sceneVideoVersionSchema>;

export const sceneVideoVersionListSchema = z.object({ items: z.array(sceneVideoVersionSchema) });
export const sceneVideoVersionListQuerySchema = z.strictObject({
  deleted: z
    .enum(['exclude', 'only', 'include'])
    .default('exclude')
    .describe('`only` lists the versions in the trash'),
});
