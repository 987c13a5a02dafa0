// The review queue and one-key approval (PRD-035, PRD-092): segments waiting for a person, the decisions people
// make on them (approve, reject with a reason, flag for discussion), undo, batch approval and scene approval.
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';
import { failureTags } from './notes.js';
import { segmentSchema } from './pipeline.js';
import { sceneStatuses } from './scenes.js';

export const reviewDecisionKinds = ['approve', 'reject', 'flag', 'unflag'] as const;
export const reviewDecisionKindSchema = z.enum(reviewDecisionKinds);
export type ReviewDecisionKind = z.infer<typeof reviewDecisionKindSchema>;

/** A rejection (or a flag suggesting one) names a failure tag from the notes' controlled list (PRD-035 §1.2, PRD-038). */
export const reviewReasonCodes = failureTags;
export const reviewReasonCodeSchema = z.enum(reviewReasonCodes);
export type ReviewReasonCode = z.infer<typeof reviewReasonCodeSchema>;

export const reviewReasonLabels: Record<ReviewReasonCode, string> = {
  face_artifact: 'Face artifact',
  motion_artifact: 'Motion artifact',
  lighting_mismatch: 'Lighting mismatch',
  identity_drift: 'Identity drift',
  continuity_break: 'Continuity break',
  other: 'Other',
};

/**
 * Where a current segment stands in review: `unreviewed` (checked by QA, no decision yet), `flagged` (held for
 * discussion), `approved`, `rejected`; `all` is every one of them.
 */
export const reviewStates = ['unreviewed', 'flagged', 'approved', 'rejected'] as const;
export const reviewStateSchema = z.enum(reviewStates);
export type ReviewState = z.infer<typeof reviewStateSchema>;

const reviewFilterShape = {
  sceneTypeId: publicIdSchema.optional(),
  characterId: publicIdSchema.optional(),
  qa: z.enum(['pass', 'flag', 'fail']).optional().describe('Only segments with this QA verdict'),
};

export const reviewQueueQuerySchema = z.strictObject({
  ...pageQueryShape,
  state: z.enum([...reviewStates, 'all']).default('unreviewed'),
  ...reviewFilterShape,
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const reviewDecisionSchema = z
  .object({
    id: publicIdSchema,
    segmentId: publicIdSchema,
    sceneId: publicIdSchema,
    decision: reviewDecisionKindSchema,
    reasonCode: reviewReasonCodeSchema.nullable(),
    note: z.string(),
    segmentVersion: z.number().int().describe('The version of the segment the decision was made on'),
    previousStatus: z.string().describe('The segment status before the decision (undo restores it)'),
    batchId: publicIdSchema.nullable().describe('Shared by every decision of one batch approval'),
    regenerationRunId: publicIdSchema
      .nullable()
      .describe('The regeneration a rejection requeued the segment with, if any'),
    decidedBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    decidedAt: isoDateTime,
    undoneAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewItemSchema = z
  .object({
    segment: segmentSchema,
    state: reviewStateSchema,
    flaggedAt: isoDateTime.nullable(),
    scene: z.object({ id: publicIdSchema, status: z.enum(sceneStatuses) }),
    character: z.object({ id: publicIdSchema, name: z.string() }),
    sceneType: z.object({ id: publicIdSchema, name: z.string() }),
    segmentsInScene: z.number().int().describe('Current segments of the scene, for “segment 2 of 3”'),
    generatedBy: z
      .object({ id: publicIdSchema, displayName: z.string() })
      .nullable()
      .describe('Who started the run that made this segment (independent approval is checked against it)'),
    latestDecision: reviewDecisionSchema.nullable().describe('The latest decision not undone'),
  })
  .meta({ id: 'ReviewItem' });
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewCountsSchema = z
  .object({
    unreviewed: z.number().int(),
    flagged: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    all: z.number().int(),
  })
  .describe('Segments in each state under the same scene type, character and QA filters');
export type ReviewCounts = z.infer<typeof reviewCountsSchema>;

export const reviewQueueSchema = pageSchema(reviewItemSchema)
  .extend({ counts: reviewCountsSchema })
  .meta({ id: 'ReviewQueue' });
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const reviewBodySchema = z
  .strictObject({
    decision: reviewDecisionKindSchema,
    reasonCode: reviewReasonCodeSchema
      .optional()
      .describe('Why: with `reject`, or with `flag` to suggest a rejection'),
    note: z.string().trim().max(2000).optional(),
    regenerate: z
      .boolean()
      .optional()
      .describe('With `reject`: requeue the segment for regeneration from its seed frame (no cascade)'),
  })
  .meta({ id: 'ReviewBody' });
export type ReviewBody = z.infer<typeof reviewBodySchema>;

export const reviewResultSchema = z
  .object({
    decision: reviewDecisionSchema,
    item: reviewItemSchema,
    sceneApproved: z.boolean().describe('This decision approved the whole scene (every segment approved)'),
  })
  .meta({ id: 'ReviewResult' });
export type ReviewResult = z.infer<typeof reviewResultSchema>;

export const reviewUndoBodySchema = z.strictObject({
  batchId: publicIdSchema
    .optional()
    .describe('Undo this batch of yours; without it, your latest decision (its whole batch if it had one)'),
});

export const reviewUndoResultSchema = z
  .object({ undone: z.array(reviewDecisionSchema) })
  .meta({ id: 'ReviewUndoResult' });
export type ReviewUndoResult = z.infer<typeof reviewUndoResultSchema>;

export const batchApproveBodySchema = z
  .strictObject({
    state: z.enum(['unreviewed', 'flagged', 'rejected', 'all']).default('unreviewed'),
    ...reviewFilterShape,
    expectedCount: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('The count the person confirmed; a different count now is a 409 instead of a surprise'),
  })
  .meta({ id: 'BatchApproveBody' });
export type BatchApproveBody = z.infer<typeof batchApproveBodySchema>;

export const batchApproveResultSchema = z
  .object({
    batchId: publicIdSchema,
    approved: z.number().int(),
    scenesApproved: z.number().int().describe('Scenes that became approved as a result'),
  })
  .meta({ id: 'BatchApproveResult' });
export type BatchApproveResult = z.infer<typeof batchApproveResultSchema>;
