// Scene types (PRD-023): a reusable recipe of workflow, LoRAs, prompt templates, durations and variant applicability.
import { z } from 'zod';
import { isoDateTime, publicIdSchema } from './common.js';
import { slugSchema } from './image-variant-types.js';
import { generationSettingsInputSchema, generationSettingsSchema } from './pipeline.js';
import { tagFilterShape } from './tags.js';

export const clipPositionSchema = z.enum(['full_clip', 'start_clip', 'continuation_clip']);

const promptTextSchema = z.strictObject({
  positive: z.string().max(4000).default(''),
  negative: z.string().max(4000).default(''),
});
export const promptTemplatesSchema = z
  .strictObject({
    full_clip: promptTextSchema.optional(),
    start_clip: promptTextSchema.optional(),
    continuation_clip: promptTextSchema.optional(),
  })
  .describe('`full_clip` serves every position unless `start_clip` / `continuation_clip` override it')
  .meta({ id: 'PromptTemplates' });

export const loraSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
  weight: z.number().min(-5).max(5),
});

const seconds = z.number().positive({ error: 'must be more than 0 seconds' }).max(3600);

export const applicabilitySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('variants'),
      variantTypeIds: z
        .array(publicIdSchema)
        .min(1, { error: 'choose at least one image variant type' })
        .max(50),
    }),
    z.strictObject({
      kind: z.literal('transition'),
      fromVariantTypeId: publicIdSchema,
      toVariantTypeId: publicIdSchema,
      atSegment: z.number().int().min(1).describe('The first segment generated from the target variant'),
      suffix: slugSchema.describe('File-name suffix of transition scenes, e.g. `to_formal`'),
      transitionWorkflowRef: z.string().trim().max(200).nullable().default(null),
    }),
  ])
  .meta({ id: 'SceneTypeApplicability' });

export const slotValueSchema = z.union([z.string().max(4000), z.number(), z.boolean()]);
export const slotBindingsSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be a slot key (snake_case)' }),
    slotValueSchema,
  )
  .describe('Parameter slot key of the pinned workflow version → the value this scene type sets');

export const workflowPinSchema = z
  .object({
    versionId: publicIdSchema,
    workflowId: publicIdSchema,
    workflowName: z.string(),
    versionNumber: z.number().int(),
    latestVersionNumber: z
      .number()
      .int()
      .describe('Newer than `versionNumber` means an upgrade is available'),
    productionReady: z.boolean(),
  })
  .meta({ id: 'WorkflowPin' });

export const sceneTypeSchema = z
  .object({
    id: publicIdSchema,
    projectId: publicIdSchema
      .nullable()
      .describe('null for a studio-level scene type, available to every project'),
    name: z.string(),
    contentName: z.string().describe('The name as it appears in delivered file names (snake_case)'),
    description: z.string(),
    workflowRef: z.string().nullable().describe('Workflow to run; validated when generation starts'),
    workflowVersionId: publicIdSchema
      .nullable()
      .describe('The pinned workflow version; upgrading is explicit'),
    workflow: workflowPinSchema.nullable(),
    transitionWorkflowVersionId: publicIdSchema.nullable(),
    transitionWorkflow: workflowPinSchema.nullable(),
    slotBindings: slotBindingsSchema,
    loras: z.array(loraSchema),
    prompts: promptTemplatesSchema,
    targetDurationSeconds: z.number(),
    segmentDurationSeconds: z.number(),
    toleranceSeconds: z.number(),
    segmentCount: z.number().int().describe('Segments needed to reach the target duration'),
    applicability: applicabilitySchema,
    generation: generationSettingsSchema,
    enabled: z.boolean(),
    sortOrder: z.number().int(),
    tags: z.array(z.string()),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'SceneType' });
export type SceneType = z.infer<typeof sceneTypeSchema>;

export const sceneTypeListQuerySchema = z.strictObject({
  projectId: publicIdSchema
    .optional()
    .describe('Studio-level types plus this project’s own; without it, studio-level only'),
  enabled: z.enum(['true', 'false']).optional(),
  ...tagFilterShape,
});
export const sceneTypeListSchema = z.object({ items: z.array(sceneTypeSchema) });

const sceneTypeFields = {
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(120),
  description: z.string().trim().max(2000),
  workflowRef: z.string().trim().min(1).max(200).nullable(),
  workflowVersionId: publicIdSchema.nullable(),
  transitionWorkflowVersionId: publicIdSchema.nullable(),
  slotBindings: slotBindingsSchema,
  loras: z.array(loraSchema).max(20),
  prompts: promptTemplatesSchema,
  targetDurationSeconds: seconds,
  segmentDurationSeconds: seconds,
  toleranceSeconds: z.number().min(0).max(600),
  applicability: applicabilitySchema,
  enabled: z.boolean(),
  sortOrder: z.number().int().min(0).max(100_000),
};

export const createSceneTypeBodySchema = z.strictObject({
  projectId: publicIdSchema.nullable().default(null),
  name: sceneTypeFields.name,
  description: sceneTypeFields.description.default(''),
  workflowRef: sceneTypeFields.workflowRef.default(null),
  workflowVersionId: sceneTypeFields.workflowVersionId.default(null),
  transitionWorkflowVersionId: sceneTypeFields.transitionWorkflowVersionId.default(null),
  slotBindings: sceneTypeFields.slotBindings.default({}),
  loras: sceneTypeFields.loras.default([]),
  prompts: sceneTypeFields.prompts,
  targetDurationSeconds: sceneTypeFields.targetDurationSeconds,
  segmentDurationSeconds: sceneTypeFields.segmentDurationSeconds,
  toleranceSeconds: sceneTypeFields.toleranceSeconds.default(0),
  applicability: sceneTypeFields.applicability,
  generation: generationSettingsInputSchema.optional(),
  enabled: sceneTypeFields.enabled.default(true),
  sortOrder: sceneTypeFields.sortOrder.optional(),
});
export const updateSceneTypeBodySchema = z
  .strictObject({
    name: sceneTypeFields.name.optional(),
    description: sceneTypeFields.description.optional(),
    workflowRef: sceneTypeFields.workflowRef.optional(),
    workflowVersionId: sceneTypeFields.workflowVersionId.optional(),
    transitionWorkflowVersionId: sceneTypeFields.transitionWorkflowVersionId.optional(),
    slotBindings: sceneTypeFields.slotBindings.optional(),
    loras: sceneTypeFields.loras.optional(),
    prompts: sceneTypeFields.prompts.optional(),
    targetDurationSeconds: sceneTypeFields.targetDurationSeconds.optional(),
    segmentDurationSeconds: sceneTypeFields.segmentDurationSeconds.optional(),
    toleranceSeconds: sceneTypeFields.toleranceSeconds.optional(),
    applicability: sceneTypeFields.applicability.optional(),
    generation: generationSettingsInputSchema.optional(),
    enabled: sceneTypeFields.enabled.optional(),
    sortOrder: sceneTypeFields.sortOrder.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'at least one field is required' });

export const promptPreviewBodySchema = z.strictObject({
  characterId: publicIdSchema,
  prompts: promptTemplatesSchema
    .optional()
    .describe('Unsaved templates to preview; the saved ones by default'),
});
const renderedSchema = z.object({ text: z.string(), unresolved: z.array(z.string()) });
export const promptPreviewSchema = z
  .object({
    positions: z.array(
      z.object({
        position: clipPositionSchema,
        source: clipPositionSchema
          .nullable()
          .describe('Which template was used after fallback; null when none'),
        positive: renderedSchema,
        negative: renderedSchema,
      }),
    ),
    unresolved: z.array(z.string()).describe('Every placeholder the character has no value for'),
  })
  .meta({ id: 'PromptPreview' });
