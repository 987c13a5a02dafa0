// Assembly and delivery (PRD-039/102/025/001): a scene's approved segments joined into its final video, project
// validation, and deliveries — streamed ZIPs with a manifest, full or incremental.
import { z } from 'zod';
import { isoDateTime, publicIdSchema } from './common.js';

export const smoothingModes = ['auto', 'off', 'all'] as const;

export const assembleBodySchema = z
  .strictObject({
    smoothing: z
      .enum(smoothingModes)
      .default('auto')
      .describe('`auto`: crossfade joins whose SSIM is under the threshold; `all`: every join; `off`: none'),
    threshold: z.number().min(0).max(1).default(0.5).describe('SSIM under which a join is smoothed (auto)'),
    crossfadeFrames: z.number().int().min(1).max(24).default(4).describe('Frames a smoothed join overlaps'),
    acceptJoins: z
      .array(z.number().int().min(1))
      .max(500)
      .default([])
      .describe('Joins accepted as they are (join j lies between segment j and j + 1): never smoothed'),
  })
  .describe('How to assemble; every field is optional');
export type AssembleBody = z.infer<typeof assembleBodySchema>;

export const joinCheckSchema = z.object({
  join: z.number().int().describe('Between segment `join` and `join + 1`'),
  ssim: z.number().nullable().describe('SSIM of the last frame kept before the join and the first after it'),
  smoothed: z.boolean(),
  accepted: z.boolean(),
});

export const assemblyPreviewSchema = z
  .object({
    sceneId: publicIdSchema,
    ready: z.boolean().describe('Every current segment is approved'),
    unapproved: z.array(z.number().int()).describe('Segment indexes not approved yet'),
    method: z.enum(['copy', 'reencode']).nullable(),
    reasons: z.array(z.string()).describe('Why a re-encode is needed'),
    joins: z.array(joinCheckSchema),
    frames: z.number().int().nullable(),
    durationSeconds: z.number().nullable(),
    problem: z.string().nullable().describe('Why the scene cannot be assembled as it is'),
    assembled: z
      .object({ versionId: publicIdSchema, versionNumber: z.number().int() })
      .nullable()
      .describe('The final version when it was assembled from exactly the current segments'),
  })
  .meta({ id: 'AssemblyPreview' });
export type AssemblyPreview = z.infer<typeof assemblyPreviewSchema>;

export const assemblyJobSchema = z.object({
  jobId: publicIdSchema,
  sceneId: publicIdSchema,
});

export const deliveryProblemSchema = z.object({
  code: z
    .string()
    .describe('Stable code, e.g. `scene.not_approved`, `scene.not_assembled`, `name.duplicate`'),
  severity: z.enum(['error', 'warning']).describe('Errors block a delivery; warnings do not'),
  message: z.string(),
  characterId: publicIdSchema.nullable(),
  characterName: z.string().nullable(),
  sceneId: publicIdSchema.nullable(),
  fix: z.string().describe('Where in the studio to fix it (a path of the web app)'),
});
export type DeliveryProblem = z.infer<typeof deliveryProblemSchema>;

export const deliveryFilePlanSchema = z.object({
  path: z.string().describe('Path inside the ZIP'),
  kind: z.enum(['video', 'image', 'metadata']),
  sceneId: publicIdSchema.nullable(),
});

export const deliveryCharacterPlanSchema = z.object({
  id: publicIdSchema,
  name: z.string(),
  folder: z.string(),
  files: z.array(deliveryFilePlanSchema),
  changed: z.boolean().describe('Content differs from the last ready delivery with the same profile'),
});

export const deliveryValidationSchema = z
  .object({
    projectId: publicIdSchema,
    ok: z.boolean().describe('No errors: the project can be delivered'),
    problems: z.array(deliveryProblemSchema),
    characters: z.array(deliveryCharacterPlanSchema),
    checkedFiles: z.number().int().describe('Files checked by full decode (deep validation)'),
    lastDelivery: z
      .object({ id: publicIdSchema, number: z.number().int(), createdAt: isoDateTime })
      .nullable(),
  })
  .meta({ id: 'DeliveryValidation' });
export type DeliveryValidation = z.infer<typeof deliveryValidationSchema>;

export const deliveryValidationQuerySchema = z.strictObject({
  profileId: publicIdSchema
    .optional()
    .describe('Output profile the delivery would use (default: the masters)'),
  deep: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also decode every video in full and check it against its profile (PRD-102)'),
});

export const deliveryStartSchema = z.strictObject({
  mode: z
    .enum(['full', 'incremental'])
    .default('full')
    .describe('`incremental`: only characters whose content changed since the last ready delivery'),
  profileId: publicIdSchema
    .nullable()
    .default(null)
    .describe('Output profile to transcode every video to; null delivers the masters'),
  characterIds: z
    .array(publicIdSchema)
    .max(10_000)
    .optional()
    .describe('Only these characters (default: all)'),
});
export type DeliveryStart = z.infer<typeof deliveryStartSchema>;

export const manifestFileSchema = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  kind: z.enum(['video', 'image', 'metadata']),
  durationSeconds: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  codec: z.string().nullable(),
  fps: z.number().nullable(),
});

export const deliveryManifestSchema = z.object({
  project: z.object({ id: publicIdSchema, name: z.string() }),
  delivery: z.object({ id: publicIdSchema, number: z.number().int(), mode: z.enum(['full', 'incremental']) }),
  profile: z.string().nullable(),
  createdAt: isoDateTime,
  characters: z.array(z.object({ id: publicIdSchema, name: z.string(), folder: z.string() })),
  files: z.array(manifestFileSchema),
});
export type DeliveryManifest = z.infer<typeof deliveryManifestSchema>;

export const deliveryStatuses = ['queued', 'running', 'ready', 'failed'] as const;

export const deliverySchema = z
  .object({
    id: publicIdSchema,
    projectId: publicIdSchema,
    number: z.number().int(),
    mode: z.enum(['full', 'incremental']),
    profile: z.object({ id: publicIdSchema.nullable(), name: z.string() }).nullable(),
    status: z.enum(deliveryStatuses),
    progress: z.number(),
    characters: z.array(z.object({ id: publicIdSchema, name: z.string(), folder: z.string() })),
    files: z.number().int().describe('Files in the ZIP (manifest included)'),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    downloadUrl: z.string().nullable().describe('Only once the ZIP is complete'),
    jobId: publicIdSchema.nullable(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    requestedBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    createdAt: isoDateTime,
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryListSchema = z.object({
  items: z.array(deliverySchema),
  nextCursor: z.string().nullable(),
});
