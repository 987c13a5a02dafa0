// Tags (PRD-047): freeform labels created on first use, optionally namespaced (`style:cinematic`).
import { z } from 'zod';

export const tagNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*(:[a-z0-9][a-z0-9_-]*)?$/, {
    error: 'must be letters, digits, hyphens or underscores, optionally as namespace:value',
  });

export const setTagsBodySchema = z.strictObject({
  tags: z.array(tagNameSchema).max(50).describe('The complete set of tags; tags are created on first use'),
});

export const tagFilterShape = {
  tags: z
    .string()
    .max(1000)
    .optional()
    .describe('Comma-separated tag names; a name ending in `:` matches a whole namespace (e.g. `style:`)'),
  tagMode: z.enum(['all', 'any']).default('all').describe('`all`: every listed tag; `any`: at least one'),
};

export const tagListQuerySchema = z.strictObject({
  q: z.string().trim().toLowerCase().max(60).optional().describe('Prefix of the tag name'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const tagListSchema = z
  .object({
    items: z.array(
      z.object({ name: z.string(), characters: z.number().int(), sceneTypes: z.number().int() }),
    ),
  })
  .meta({ id: 'TagList' });

export const bulkTagsBodySchema = z
  .strictObject({
    characterIds: z
      .array(z.uuid({ error: 'must be a UUID' }))
      .min(1)
      .max(1000),
    add: z.array(tagNameSchema).max(50).default([]),
    remove: z.array(tagNameSchema).max(50).default([]),
  })
  .refine((b) => b.add.length + b.remove.length > 0, { error: 'name at least one tag to add or remove' });
export const bulkTagsResultSchema = z.object({
  changed: z.number().int().describe('Characters whose tags changed'),
  unchanged: z.number().int(),
});
