// Character readiness (PRD-107): per character, what is done and what still blocks generation or delivery.
import { z } from 'zod';
import { characterSummarySchema } from './characters.js';
import { pageQueryShape, pageSchema } from './common.js';

export const readinessStates = ['ready', 'partial', 'not_started'] as const;

export const readinessItemSchema = z.object({
  key: z
    .string()
    .describe('`source_image`, `hero:<variant slug>`, `metadata`, `setting:<key>` or `scene_types`'),
  kind: z.enum(['source_image', 'hero', 'metadata', 'setting', 'scene_types']),
  label: z.string(),
  done: z.boolean(),
  detail: z.string().optional(),
});

export const characterReadinessSchema = z
  .object({
    character: characterSummarySchema,
    state: z.enum(readinessStates),
    percent: z.number().int().min(0).max(100),
    items: z.array(readinessItemSchema),
    missing: z.array(z.string()),
  })
  .meta({ id: 'CharacterReadiness' });
export type CharacterReadinessRow = z.infer<typeof characterReadinessSchema>;

export const readinessQuerySchema = z.strictObject({
  ...pageQueryShape,
  state: z.enum(readinessStates).optional(),
  missing: z
    .string()
    .max(140)
    .optional()
    .describe('Only characters missing this item key, e.g. `hero:formal`'),
  sort: z
    .enum(['name', 'least_ready', 'most_ready'])
    .default('name')
    .describe('By name, or by share of items done (ties by name)'),
});

export const readinessPageSchema = pageSchema(characterReadinessSchema)
  .extend({
    summary: z.object({
      total: z.number().int(),
      ready: z.number().int(),
      partial: z.number().int(),
      notStarted: z.number().int(),
      missing: z
        .array(z.object({ key: z.string(), label: z.string(), count: z.number().int() }))
        .describe('Per item, how many characters lack it (over the whole project, before filters)'),
    }),
  })
  .meta({ id: 'ReadinessPage' });
export type ReadinessPage = z.infer<typeof readinessPageSchema>;
