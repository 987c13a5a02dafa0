// Characters of a project with their source image and image variants (PRD-001 §1.2, PRD-021).
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';
import { tagFilterShape } from './tags.js';

export const imageVariantStatuses = ['pending', 'generated', 'approved', 'rejected'] as const;
export const imageVariantStatusSchema = z.enum(imageVariantStatuses);
export type ImageVariantStatus = z.infer<typeof imageVariantStatusSchema>;

export const mediaFileSchema = z
  .object({
    id: publicIdSchema,
    url: z.string().describe('Signed, time-limited URL of the full image (usable in <img src>)'),
    thumbnailUrl: z.string().nullable().describe('Signed, time-limited URL of a 320 px WebP thumbnail'),
    mimeType: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    originalFilename: z.string().nullable(),
  })
  .meta({ id: 'MediaFile' });
export type MediaFile = z.infer<typeof mediaFileSchema>;

export const sourceImageQaSchema = z
  .object({
    faceFound: z.boolean(),
    faceScore: z.number().describe('Face detector confidence, 0…1'),
    sharpness: z.number().nullable().describe('Variance of the Laplacian at ≤ 512 px; low is blurry'),
    problems: z.array(
      z.object({ code: z.enum(['low_resolution', 'no_face', 'weak_face', 'blurry']), message: z.string() }),
    ),
    analysedAt: isoDateTime,
  })
  .meta({ id: 'SourceImageQa' });

export const sourceImageSchema = z
  .object({
    id: publicIdSchema,
    file: mediaFileSchema,
    isCurrent: z.boolean(),
    qa: sourceImageQaSchema
      .nullable()
      .describe(
        'Source-image QA (PRD-022) and the likeness baseline; null until analysed (a background job)',
      ),
    createdAt: isoDateTime,
  })
  .meta({ id: 'SourceImage' });

export const imageVariantSchema = z
  .object({
    id: publicIdSchema,
    variantType: z.object({ id: publicIdSchema, slug: z.string(), name: z.string() }),
    status: imageVariantStatusSchema,
    isHero: z.boolean(),
    provenance: z.enum(['upload', 'generated', 'edited']),
    file: mediaFileSchema,
    decidedBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    decidedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'ImageVariant' });
export type ImageVariant = z.infer<typeof imageVariantSchema>;

export const characterNameSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(120);
const metadataSchema = z.record(z.string().max(200), z.unknown());

export const characterSummarySchema = z
  .object({
    id: publicIdSchema,
    projectId: publicIdSchema,
    name: z.string(),
    thumbnailUrl: z.string().nullable().describe('Thumbnail of the current source image'),
    posterUrl: z
      .string()
      .nullable()
      .describe('Thumbnail of the chosen poster frame (PRD-096); lists show it instead of the source image'),
    heroCount: z.number().int().describe('Image variant types with an approved hero'),
    variantCount: z.number().int(),
    tags: z.array(z.string()),
    metadataCompleteness: z
      .number()
      .int()
      .nullable()
      .describe('Percentage of the metadata schema’s fields that have a value; null without a schema'),
    deletedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'CharacterSummary' });
export type CharacterSummary = z.infer<typeof characterSummarySchema>;

export const characterSchema = characterSummarySchema
  .extend({
    metadata: metadataSchema,
    settings: metadataSchema,
    sourceImage: sourceImageSchema.nullable(),
    sourceHistory: z.array(sourceImageSchema).describe('Replaced source images, newest first'),
    variants: z.array(imageVariantSchema),
    metadataProblems: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .describe('Where the stored metadata breaks the project’s current metadata schema'),
  })
  .meta({ id: 'Character' });
export type Character = z.infer<typeof characterSchema>;

export const characterListQuerySchema = z.strictObject({
  ...pageQueryShape,
  ...tagFilterShape,
  q: z.string().trim().max(200).optional().describe('Matches the name'),
  deleted: z.enum(['exclude', 'only']).default('exclude').describe('`only` lists the trash'),
});
export const characterPageSchema = pageSchema(characterSummarySchema).meta({ id: 'CharacterPage' });

export const createCharacterBodySchema = z.strictObject({
  name: characterNameSchema,
  metadata: metadataSchema.optional(),
  settings: metadataSchema.optional(),
});
export const updateCharacterBodySchema = z
  .strictObject({
    name: characterNameSchema.optional(),
    metadata: metadataSchema.optional(),
    settings: metadataSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'at least one field is required' });

export const characterParamsSchema = z.strictObject({ id: publicIdSchema, characterId: publicIdSchema });
export const variantDecisionBodySchema = z.strictObject({
  decision: z
    .enum(['approve', 'reject', 'hero'])
    .describe('`hero` approves it and makes it the hero of its type'),
});
export const mediaQuerySchema = z.strictObject({
  exp: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'is not a signature' }),
});
