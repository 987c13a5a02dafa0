// Collaborative notes (PRD-038/095), on-frame annotations (PRD-070) and poster frames (PRD-096).
import { z } from 'zod';
import { isoDateTime, publicIdSchema } from './common.js';

/**
 * The controlled list of failure tags (PRD-038): what went wrong in a clip. Notes carry them; review decisions use
 * the same list for their reasons.
 */
export const failureTags = [
  'face_artifact',
  'motion_artifact',
  'lighting_mismatch',
  'identity_drift',
  'continuity_break',
  'other',
] as const;
export type FailureTag = (typeof failureTags)[number];
export const failureTagSchema = z.enum(failureTags);

/** What a note is attached to. */
export const noteEntityTypes = ['project', 'character', 'scene', 'segment', 'video_version'] as const;
export type NoteEntityType = (typeof noteEntityTypes)[number];

export const noteCategories = ['general', 'direction', 'technical', 'client'] as const;
export type NoteCategory = (typeof noteCategories)[number];

/** `team`: everyone who can see the entity; `internal`: hidden from reviewers (client-facing roles). */
export const noteVisibilities = ['team', 'internal'] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

/** Annotation shapes drawn on a frame (PRD-070). */
export const annotationShapeTypes = ['pen', 'arrow', 'rect', 'text'] as const;

const userRefSchema = z.object({ id: publicIdSchema, displayName: z.string() });

const noteBodyText = z
  .string()
  .max(10_000)
  .describe(
    'Plain text (Markdown allowed). `@Display Name` mentions a user by display name; the `mentions` list names users by id',
  );
const mentionsField = z
  .array(publicIdSchema)
  .max(50)
  .optional()
  .describe(
    'Users to mention by id (what the composer’s autocomplete picked), in addition to `@Display Name`s in the body',
  );
const failureTagsField = z
  .array(failureTagSchema)
  .max(failureTags.length)
  .optional()
  .describe(`From the controlled list: ${failureTags.join(', ')}`);

export const noteSchema = z
  .object({
    id: publicIdSchema,
    projectId: publicIdSchema,
    entityType: z.enum(noteEntityTypes),
    entityId: publicIdSchema.describe('The project, character, scene, segment or scene video version'),
    threadId: publicIdSchema.describe('The first note of the thread (the note itself when it starts one)'),
    parentId: publicIdSchema.nullable(),
    frame: z.number().int().nullable().describe('0-based frame of the entity’s video the note is about'),
    timecode: z.string().nullable().describe('`HH:MM:SS:FF` of `frame` when the video’s frame rate is known'),
    body: z.string().describe('Empty when deleted'),
    category: z.enum(noteCategories),
    visibility: z.enum(noteVisibilities),
    failureTags: z.array(z.enum(failureTags)),
    pinned: z.boolean(),
    pinnedAt: isoDateTime.nullable(),
    resolved: z.boolean(),
    resolvedAt: isoDateTime.nullable(),
    resolvedBy: userRefSchema.nullable(),
    author: userRefSchema,
    mentions: z.array(userRefSchema),
    editedAt: isoDateTime.nullable(),
    deleted: z.boolean().describe('Deleted notes stay in their thread while it has live replies'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof noteSchema>;

export const noteThreadSchema = noteSchema
  .extend({ replies: z.array(noteSchema).describe('Oldest first') })
  .meta({ id: 'NoteThread' });
export type NoteThread = z.infer<typeof noteThreadSchema>;

export const noteThreadPageSchema = z
  .object({
    items: z.array(noteThreadSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int().describe('Threads matching the filter'),
  })
  .meta({ id: 'NoteThreadPage' });

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const noteListQuerySchema = z.strictObject({
  entityType: z.enum(noteEntityTypes),
  entityId: publicIdSchema,
  category: z.enum(noteCategories).optional(),
  tag: failureTagSchema.optional().describe('Threads whose first note carries this failure tag'),
  pinned: booleanQuery,
  resolved: booleanQuery,
  order: z
    .enum(['newest', 'oldest', 'frame'])
    .default('newest')
    .describe('`frame`: by frame (notes without one last), for a timeline'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const createNoteBodySchema = z.strictObject({
  entityType: z.enum(noteEntityTypes),
  entityId: publicIdSchema,
  body: noteBodyText,
  frame: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Segments, video versions and scenes (the final video) only'),
  category: z.enum(noteCategories).optional().describe('Default `general`'),
  visibility: z.enum(noteVisibilities).optional().describe('Default `team`; `internal` needs content.write'),
  failureTags: failureTagsField,
  mentions: mentionsField,
});

export const replyNoteBodySchema = z.strictObject({
  body: noteBodyText,
  failureTags: failureTagsField,
  mentions: mentionsField,
});

export const updateNoteBodySchema = z.strictObject({
  body: noteBodyText.optional(),
  frame: z.number().int().min(0).nullable().optional(),
  category: z.enum(noteCategories).optional(),
  visibility: z.enum(noteVisibilities).optional(),
  failureTags: failureTagsField,
  mentions: mentionsField,
});

// ---- annotations (PRD-070) ----

const unit = z.number().min(0).max(1);
const point = z.tuple([unit, unit]).describe('[x, y], 0–1 of the frame’s width and height from the top left');
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a #rrggbb colour' })
  .describe('`#rrggbb`');
const stroke = z.number().min(0.001).max(0.05).describe('Line width as a fraction of the frame’s width');
const shapeId = z.string().max(64).optional().describe('The client’s id for the shape (kept as given)');

const shapeShapes = {
  pen: {
    type: z.literal('pen'),
    id: shapeId,
    points: z.array(point).min(2).max(5000),
    color: colour,
    stroke,
  },
  arrow: { type: z.literal('arrow'), id: shapeId, from: point, to: point, color: colour, stroke },
  rect: { type: z.literal('rect'), id: shapeId, x: unit, y: unit, w: unit, h: unit, color: colour, stroke },
  text: {
    type: z.literal('text'),
    id: shapeId,
    x: unit.describe('Left of the text'),
    y: unit.describe('Baseline of the text'),
    text: z.string().min(1).max(500),
    color: colour,
    size: z.number().min(0.01).max(0.3).describe('Font size as a fraction of the frame’s height'),
  },
};

/** A shape as drawn: pen path, arrow, rectangle or text label. */
export const annotationShapeSchema = z.discriminatedUnion('type', [
  z.strictObject(shapeShapes.pen),
  z.strictObject(shapeShapes.arrow),
  z.strictObject(shapeShapes.rect),
  z.strictObject(shapeShapes.text),
]);
export type AnnotationShape = z.infer<typeof annotationShapeSchema>;

const author = { author: userRefSchema.nullable().describe('Whose layer it is on') };
export const annotatedShapeSchema = z
  .discriminatedUnion('type', [
    z.object({ ...shapeShapes.pen, ...author }),
    z.object({ ...shapeShapes.arrow, ...author }),
    z.object({ ...shapeShapes.rect, ...author }),
    z.object({ ...shapeShapes.text, ...author }),
  ])
  .meta({ id: 'AnnotatedShape' });
export type AnnotatedShape = z.infer<typeof annotatedShapeSchema>;

export const frameAnnotationSchema = z
  .object({
    fileId: publicIdSchema,
    frame: z.number().int(),
    shapes: z.array(annotatedShapeSchema).describe('Every layer; each shape names its author'),
    layers: z.array(z.object({ author: userRefSchema.nullable(), shapes: z.number().int() })),
    updatedAt: isoDateTime.nullable(),
    updatedBy: userRefSchema.nullable(),
  })
  .meta({ id: 'FrameAnnotation' });
export type FrameAnnotation = z.infer<typeof frameAnnotationSchema>;

export const annotatedFramesSchema = z
  .object({
    fileId: publicIdSchema,
    frameCount: z.number().int(),
    fps: z.number().nullable(),
    items: z.array(
      z.object({
        frame: z.number().int(),
        shapes: z.number().int(),
        authors: z.array(userRefSchema),
        updatedAt: isoDateTime,
      }),
    ),
  })
  .meta({ id: 'AnnotatedFrames' });
export type AnnotatedFrames = z.infer<typeof annotatedFramesSchema>;

export const putAnnotationBodySchema = z.strictObject({
  shapes: z
    .array(annotationShapeSchema)
    .max(500)
    .describe('Your layer on this frame, replacing what you drew before; other people’s layers stay'),
});

export const annotationParamsSchema = z.strictObject({
  fileId: publicIdSchema,
  frame: z.coerce.number().int().min(0).max(10_000_000),
});

// ---- poster frames (PRD-096) ----

export const posterSchema = z
  .object({
    fileId: publicIdSchema,
    url: z.string(),
    thumbnailUrl: z.string().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    sourceFileId: publicIdSchema.nullable().describe('The video the frame was taken from; null for an image'),
    frame: z.number().int().nullable(),
  })
  .meta({ id: 'Poster' });
export type Poster = z.infer<typeof posterSchema>;

export const posterStateSchema = z
  .object({
    poster: posterSchema.nullable().describe('null: not chosen; lists fall back to the usual thumbnail'),
  })
  .meta({ id: 'PosterState' });

export const setPosterBodySchema = z.strictObject({
  fileId: publicIdSchema
    .optional()
    .describe('An image (used as it is) or a video (a frame of it); scenes default to their video'),
  frame: z.number().int().min(0).optional().describe('0-based frame of the video (default 0)'),
});

export const autoPosterSchema = z
  .object({
    poster: posterSchema,
    method: z.enum(['face', 'sharpest', 'middle']),
    detail: z.string().describe('Why this frame: the face score, or why there was no face to go by'),
    frame: z.number().int(),
    candidates: z.number().int().describe('Frames looked at'),
  })
  .meta({ id: 'AutoPoster' });
export type AutoPoster = z.infer<typeof autoPosterSchema>;

// ---- mention autocomplete ----

export const mentionQuerySchema = z.strictObject({
  q: z.string().max(100).default('').describe('Start of a display name (any case); empty for everyone'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const mentionCandidatesSchema = z
  .object({ items: z.array(userRefSchema.extend({ role: z.enum(['admin', 'creator', 'reviewer']) })) })
  .meta({ id: 'MentionCandidates' });
