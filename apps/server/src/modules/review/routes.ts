// HTTP for review (PRD-035/092): the queue, one decision on a segment, undo, batch approval, scene approval.
import {
  batchApproveBodySchema,
  batchApproveResultSchema,
  idParamsSchema,
  reviewBodySchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
  reviewResultSchema,
  reviewUndoBodySchema,
  reviewUndoResultSchema,
  sceneSchema,
} from '@i2v/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import type { Reviewer, ReviewService } from './service.js';

const reviewerOf = (req: FastifyRequest): Reviewer => ({ ctx: contextOf(req), role: req.user!.role });

export const reviewRoutes =
  (review: ReviewService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['review'], security: [{ bearer: [] }] };
    app.get(
      '/projects/:id/review-queue',
      {
        config: { guard: 'content.read' },
        schema: {
          ...base,
          summary: 'Current segments to review, in scene order, with counts per review state',
          description:
            '`state`: `unreviewed` (checked by QA, no decision yet; the default), `flagged`, `approved`, `rejected` or `all`. The counts use the same scene type, character and QA filters.',
          params: idParamsSchema,
          querystring: reviewQueueQuerySchema,
          response: { 200: reviewQueueSchema, ...problems },
        },
      },
      async (req) => review.queue(req.params.id, req.query),
    );
    app.post(
      '/segments/:id/review',
      {
        config: { guard: 'review.flag' },
        schema: {
          ...base,
          summary: 'Decide on a segment: approve, reject (optionally requeue it), flag or unflag',
          description:
            'Reviewers flag and unflag (a flag with a reason suggests a rejection); approving and rejecting need `review.finalize` (403 `auth.forbidden`). A creator approving a segment they generated is a 403 `review.self_approval` when the project requires independent approval. A version that is no longer current is a 409 `segment.not_current`; a segment that cannot take this decision now is a 409 `segment.not_reviewable` saying why. Approving the last unapproved segment of a fully generated scene approves the scene.',
          params: idParamsSchema,
          body: reviewBodySchema,
          response: { 200: reviewResultSchema, ...problems },
        },
      },
      async (req) => review.decide(reviewerOf(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/review/undo',
      {
        config: { guard: 'review.flag' },
        schema: {
          ...base,
          summary: 'Undo your latest review decision in the project (a whole batch approval at once)',
          description:
            'Restores the segment status and flag the decision replaced. 409 `review.nothing_to_undo` when there is none; 409 `review.undo_conflict` when the segment changed since (regenerated, decided on by someone else), and then nothing is undone.',
          params: idParamsSchema,
          body: reviewUndoBodySchema,
          response: { 200: reviewUndoResultSchema, ...problems },
        },
      },
      async (req) => review.undo(reviewerOf(req), req.params.id, req.body.batchId),
    );
    app.post(
      '/projects/:id/review/batch-approve',
      {
        config: { guard: 'review.finalize' },
        schema: {
          ...base,
          summary: 'Approve every segment matching a queue filter at once (one batch, undone as one)',
          description:
            'All or nothing: 422 `review.batch_empty` when none match, 409 `review.batch_changed` when `expectedCount` differs from the count now, 403 `review.self_approval` when independent approval is required and some are yours.',
          params: idParamsSchema,
          body: batchApproveBodySchema,
          response: { 200: batchApproveResultSchema, ...problems },
        },
      },
      async (req) => review.batchApprove(reviewerOf(req), req.params.id, req.body),
    );
    app.post(
      '/scenes/:id/approve',
      {
        config: { guard: 'review.finalize' },
        schema: {
          ...base,
          summary: 'Approve a scene whose every current segment is approved; its assembly is requested',
          description:
            '422 `scene.segments_unapproved` naming the segments that are not approved, 422 `scene.no_segments` for a scene not generated yet, 409 `scene.generation_running` while it is being generated.',
          params: idParamsSchema,
          response: { 200: sceneSchema, ...problems },
        },
      },
      async (req) => review.approveScene(reviewerOf(req), req.params.id),
    );
  };
