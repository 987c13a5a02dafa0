// Output profiles (PRD-039 §1.5), watermarks (§1.4) and renditions of a scene video version: profile transcodes and
// watermarked review cuts (§1.3).
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';

export const outputContainerValues = ['mp4', 'mov', 'webm'] as const;
export const outputCodecValues = ['h264', 'h265', 'vp9', 'prores'] as const;
export const outputAudioValues = ['drop', 'silent'] as const;
/** Pixel formats some codec takes; which codec takes which is checked with the rest (`output_profile.invalid`). */
export const outputPixelFormats = [
  'yuv420p',
  'yuv422p',
  'yuv444p',
  'yuv420p10le',
  'yuv422p10le',
  'yuv444p10le',
] as const;

const nullableInt = (what: string) =>
  z.number().int({ error: 'must be a whole number' }).nullable().describe(what);

const profileFields = {
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(100),
  description: z.string().trim().max(500),
  container: z.enum(outputContainerValues),
  videoCodec: z.enum(outputCodecValues),
  width: nullableInt('Output width in pixels; null (with height null) keeps the source size'),
  height: nullableInt('Output height in pixels; null (with width null) keeps the source size'),
  fps: z.number().nullable().describe('Frame rate; null keeps the source rate'),
  crf: nullableInt('Constant quality (lower is better); exactly one of crf and bitrateKbps'),
  bitrateKbps: nullableInt('Target bitrate in kbit/s; exactly one of crf and bitrateKbps'),
  pixelFormat: z.enum(outputPixelFormats),
  audio: z
    .enum(outputAudioValues)
    .describe('`drop`: no audio track; `silent`: a silent track, for platforms that require one'),
};

export const outputProfileSchema = z
  .object({
    id: publicIdSchema,
    ...profileFields,
    isPreset: z.boolean().describe('Shipped with the studio: read-only, duplicate it to change it'),
    createdBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'OutputProfile' });
export type OutputProfile = z.infer<typeof outputProfileSchema>;

export const outputProfileListQuerySchema = z.strictObject({
  ...pageQueryShape,
  q: z.string().trim().max(200).optional().describe('Matches name or description'),
});
export const outputProfilePageSchema = pageSchema(outputProfileSchema).meta({ id: 'OutputProfilePage' });

export const createOutputProfileBodySchema = z
  .strictObject({
    ...profileFields,
    description: profileFields.description.default(''),
    width: profileFields.width.default(null),
    height: profileFields.height.default(null),
    fps: profileFields.fps.default(null),
    crf: profileFields.crf.default(null),
    bitrateKbps: profileFields.bitrateKbps.default(null),
    audio: profileFields.audio.default('drop'),
  })
  .describe(
    'Impossible combinations (ProRes in MP4, an odd height in 4:2:0, crf and bitrate) are a 422 naming the field',
  );
export type CreateOutputProfileBody = z.infer<typeof createOutputProfileBodySchema>;

export const updateOutputProfileBodySchema = z
  .strictObject(profileFields)
  .partial()
  .describe('Only the fields given change; the result is checked as a whole');
export type UpdateOutputProfileBody = z.infer<typeof updateOutputProfileBodySchema>;

export const duplicateOutputProfileBodySchema = z.strictObject({
  name: profileFields.name.optional().describe('Default: "<name> (copy)"'),
});

// ——— watermarks ———

export const watermarkPositions = ['center', 'top_left', 'top_right', 'bottom_left', 'bottom_right'] as const;

export const watermarkSchema = z
  .strictObject({
    kind: z.enum(['text', 'image']),
    text: z.string().trim().min(1).max(100).optional().describe('The text drawn (kind `text`)'),
    imageFileId: publicIdSchema
      .optional()
      .describe('A stored image (kind `image`), e.g. from POST /watermark-images'),
    position: z.enum(watermarkPositions),
    opacity: z.number().min(0.05).max(1),
    scale: z.number().min(0.05).max(1).describe('Width of the watermark as a fraction of the video width'),
    timecode: z.boolean().describe('Also burn in a running timecode'),
  })
  .superRefine((w, ctx) => {
    if (w.kind === 'text' && !w.text) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required for a text watermark' });
    }
    if (w.kind === 'image' && !w.imageFileId) {
      ctx.addIssue({ code: 'custom', path: ['imageFileId'], message: 'is required for an image watermark' });
    }
  })
  .meta({ id: 'Watermark' });
export type Watermark = z.infer<typeof watermarkSchema>;

/** The studio's review watermark, used when a project keeps none of its own. */
export const defaultReviewWatermark: Watermark = {
  kind: 'text',
  text: 'REVIEW',
  position: 'bottom_right',
  opacity: 0.5,
  scale: 0.2,
  timecode: true,
};

// ——— renditions ———

export const renditionKinds = ['profile', 'review_cut'] as const;
export const renditionStatusValues = ['queued', 'running', 'ready', 'failed'] as const;

export const renditionSchema = z
  .object({
    id: publicIdSchema,
    videoVersionId: publicIdSchema,
    kind: z.enum(renditionKinds),
    profile: z
      .object({ id: publicIdSchema, name: z.string() })
      .nullable()
      .describe('The output profile (kind `profile`)'),
    watermark: watermarkSchema.nullable().describe('The watermark as drawn (kind `review_cut`)'),
    status: z.enum(renditionStatusValues),
    progress: z.number().min(0).max(1),
    stale: z.boolean().describe('The profile was edited after this file was made'),
    file: z
      .object({
        id: publicIdSchema,
        url: z.string().describe('Signed, time-limited URL of the file'),
        mimeType: z.string(),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
        sizeBytes: z.number().int(),
        filename: z.string().describe('A file name to save it under'),
      })
      .nullable()
      .describe('Set once ready'),
    jobId: publicIdSchema.nullable(),
    error: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Rendition' });
export type Rendition = z.infer<typeof renditionSchema>;

export const renditionListSchema = z.object({ items: z.array(renditionSchema) });

export const createRenditionBodySchema = z
  .strictObject({
    profileId: publicIdSchema.optional().describe('Transcode to this output profile'),
    reviewCut: watermarkSchema
      .nullable()
      .optional()
      .describe("A watermarked review cut; null uses the project's review watermark"),
  })
  .superRefine((b, ctx) => {
    if ((b.profileId === undefined) === (b.reviewCut === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['profileId'], message: 'give either profileId or reviewCut' });
    }
  })
  .describe('Either `profileId` or `reviewCut`; the same settings again return the existing rendition');
export type CreateRenditionBody = z.infer<typeof createRenditionBodySchema>;

export const transcodePayloadSchema = z
  .strictObject({ renditionId: publicIdSchema.describe('The rendition to make') })
  .meta({ id: 'TranscodePayload' });
