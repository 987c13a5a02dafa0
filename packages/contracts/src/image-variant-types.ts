// Image variant types: studio data naming the kinds of seed image (e.g. casual, formal) and their file prefixes.
import { z } from 'zod';
import { isoDateTime, publicIdSchema } from './common.js';

export const slugSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(40)
  .regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, {
    error: 'must be lowercase letters and digits separated by single underscores',
  });

export const imageVariantTypeSchema = z
  .object({
    id: publicIdSchema,
    name: z.string(),
    slug: z.string(),
    filePrefix: z.string().describe('Prefix of delivered file names; empty for the default type'),
    isDefault: z.boolean(),
    sortOrder: z.number().int(),
    generation: z
      .object({
        workflowVersionId: publicIdSchema
          .nullable()
          .describe('Image-to-image workflow version; null: not generated'),
        workflowName: z.string().nullable(),
        prompt: z.string().describe('Its prompt; `{character_name}` and `{metadata.field}` are filled in'),
      })
      .describe('How this variant is derived from a source image (PRD-021)'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'ImageVariantType' });
export type ImageVariantType = z.infer<typeof imageVariantTypeSchema>;

export const imageVariantTypeListSchema = z.object({ items: z.array(imageVariantTypeSchema) });

const nameSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(80);
const prefixSchema = z.union([z.literal(''), slugSchema]);

export const createImageVariantTypeBodySchema = z.strictObject({
  name: nameSchema,
  slug: slugSchema,
  filePrefix: prefixSchema.optional().describe('Defaults to the slug; must be empty for the default type'),
  isDefault: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});

export const updateImageVariantTypeBodySchema = z
  .strictObject({
    name: nameSchema.optional(),
    filePrefix: prefixSchema.optional(),
    isDefault: z
      .literal(true)
      .optional()
      .describe('Makes this the default type; the previous default loses it'),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
    generationWorkflowVersionId: publicIdSchema.nullable().optional(),
    generationPrompt: z.string().trim().max(4000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'at least one field is required' });

export const generateVariantBodySchema = z.strictObject({
  variantType: slugSchema.describe('Slug of the variant type to derive from the source image'),
});
export const generateVariantResultSchema = z
  .object({
    renderJobId: publicIdSchema.describe('The image-to-image render (GPU)'),
    collectJobId: publicIdSchema.describe('Registers its pictures as `generated` variants'),
  })
  .meta({ id: 'VariantGeneration' });
