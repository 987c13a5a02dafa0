// The scene matrix of a project (PRD-023 §1.6): characters × (scene type × variant) with status and file names.
import { z } from 'zod';
import { publicIdSchema } from './common.js';

export const sceneStatuses = ['pending', 'generating', 'review', 'approved', 'rejected'] as const;
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
