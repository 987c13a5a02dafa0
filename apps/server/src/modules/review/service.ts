// Review (PRD-035, PRD-092): the queue of segments waiting for a person, one-key decisions on them (approve, reject
// with a reason and optionally requeue, flag for discussion), undo, batch approval, and scene approval once every
// segment of a scene is approved. Each decision is recorded with who, when and which version, changes the segment,
// writes its audit row and emits `segment.updated` in one transaction.
import type {
  BatchApproveBody,
  BatchApproveResult,
  ReviewBody,
  ReviewDecision,
  ReviewItem,
  ReviewQueue,
  ReviewQueueQuery,
  ReviewResult,
  ReviewUndoResult,
  Scene,
} from '@i2v/contracts';
import { decisionRefusal, reviewStateOf, roleCan, segmentStatusWords } from '@i2v/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { reviewDecisions, segments } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { AuditService } from '../audit/service.js';
import type { EventBus } from '../events/bus.js';
import * as pipelineRepo from '../pipeline/repo.js';
import type { PipelineService } from '../pipeline/service.js';
import type { ProjectsService } from '../projects/service.js';
import type { ScenesService } from '../scenes/service.js';
import * as repo from './repo.js';
import {
  type AssemblyHook,
  assertIndependent,
  capitalised,
  type Reviewer,
  SceneApproval,
} from './scene-approval.js';

export type { AssemblyHook, Reviewer };

export interface ReviewDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  audit: AuditService;
  pipeline: PipelineService;
  scenes: ScenesService;
  projects: ProjectsService;
  assembly?: AssemblyHook | undefined;
}

/** A batch approval is one transaction; beyond this it would hold its locks too long. */
const maxBatch = 500;

const pastTense = { approve: 'approved', reject: 'rejected', flag: 'flagged', unflag: 'unflagged' } as const;

export class ReviewService {
  /** Requests the assembly of an approved scene; optional, wired where assembly exists. */
  assembly: AssemblyHook | undefined;

  private readonly sceneApproval: SceneApproval;

  constructor(private readonly d: ReviewDeps) {
    this.assembly = d.assembly;
    this.sceneApproval = new SceneApproval({ ...d, assembly: () => this.assembly });
  }

  // ------------------------------------------------------------------ reading

  async queue(projectPublicId: string, q: ReviewQueueQuery): Promise<ReviewQueue> {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    const after = q.cursor
      ? (([sceneId, index]) => ({ sceneId: sceneId as number, index: index as number }))(
          decodeCursor(q.cursor, ['number', 'number']),
        )
      : undefined;
    const filter = { sceneTypeId: q.sceneTypeId, characterId: q.characterId, qa: q.qa };
    const [found, counts] = await Promise.all([
      repo.queueItems(this.d.db, project.id, { ...filter, state: q.state }, after, q.limit + 1),
      repo.queueCounts(this.d.db, project.id, filter),
    ]);
    const { page, nextCursor } = pageOf(found, q.limit, (last) => [last.sceneId, last.index]);
    return { items: await this.itemViews(page), nextCursor, counts };
  }

  private async itemViews(found: repo.ItemRow[]): Promise<ReviewItem[]> {
    if (!found.length) return [];
    const ids = found.map((f) => f.id);
    const [views, decisions] = await Promise.all([
      pipelineRepo.segmentViews(this.d.db, inArray(segments.id, ids)),
      repo.latestDecisions(this.d.db, ids),
    ]);
    const viewOf = new Map(views.map((v) => [v.segment.id, this.d.pipeline.segmentView(v)]));
    const decisionOf = new Map(decisions.map((d) => [d.segmentId, decisionView(d)]));
    return found.map((f) => ({
      segment: viewOf.get(f.id)!,
      state: reviewStateOf(f.status, f.flaggedAt !== null),
      flaggedAt: f.flaggedAt?.toISOString() ?? null,
      scene: { id: f.scenePublicId, status: f.sceneStatus as ReviewItem['scene']['status'] },
      character: { id: f.characterPublicId, name: f.characterName },
      sceneType: { id: f.sceneTypePublicId, name: f.sceneTypeName },
      segmentsInScene: f.inScene,
      generatedBy: f.generatorPublicId
        ? { id: f.generatorPublicId, displayName: f.generatorName ?? '' }
        : null,
      latestDecision: decisionOf.get(f.id) ?? null,
    }));
  }

  private async itemOf(segmentId: number): Promise<ReviewItem> {
    const [item] = await this.itemViews(await repo.itemsByIds(this.d.db, [segmentId]));
    return item!;
  }

  private async decisionOf(id: number): Promise<ReviewDecision> {
    const [row] = await repo.decisionViews(this.d.db, [id]);
    return decisionView(row!);
  }

  // ------------------------------------------------------------------ deciding

  /** One decision on one segment (PRD-035 §1.1): the keys Enter, Backspace/Delete and F of the review page. */
  async decide(who: Reviewer, segmentPublicId: string, body: ReviewBody): Promise<ReviewResult> {
    checkBody(who, body);
    let wake = false;
    const { decisionId, segmentId, sceneApproved } = await this.d.bus.transaction(async (tx, emit) => {
      const peek = await pipelineRepo.findSegment(tx, { publicId: segmentPublicId });
      if (!peek) throw new AppError('segment.not_found', `No segment with id ${segmentPublicId}.`);
      await this.d.scenes.ref(tx, { id: peek.segment.sceneId }, true);
      // decisions on one scene queue behind each other, so its approval is judged on settled statuses; the scene
      // is locked before the segment, as batches and undo do
      await repo.lockScene(tx, peek.segment.sceneId);
      const found = (await pipelineRepo.findSegment(tx, { id: peek.segment.id }, true))!;
      const seg = found.segment;
      if (!seg.isCurrent) {
        throw new AppError(
          'segment.not_current',
          `This is version ${seg.version} of segment ${seg.sequenceIndex}, which a newer version has replaced; review the current one.`,
        );
      }
      const refusal = decisionRefusal(
        body.decision,
        { status: found.status, flagged: seg.flaggedAt !== null },
        body.regenerate,
      );
      if (refusal) throw new AppError('segment.not_reviewable', refusal);
      const project = (await repo.projectOfScene(tx, seg.sceneId))!;
      if (body.decision === 'approve') {
        assertIndependent(who, project.settings, seg.runId ? [await this.starterOf(tx, seg.runId)] : []);
      }
      const now = this.d.clock.now();
      let regenerationRunId: number | null = null;
      let approvedScene = false;
      if (body.decision === 'approve' && found.status !== 'approved') {
        wake = await this.d.pipeline.approveWithin(tx, emit, who.ctx, segmentPublicId, { audit: false });
        if (seg.flaggedAt) await tx.update(segments).set({ flaggedAt: null }).where(eq(segments.id, seg.id));
      } else if (body.decision === 'approve') {
        // approving a flagged segment that was approved before: the discussion is settled, the approval stands
        await tx.update(segments).set({ flaggedAt: null, updatedAt: now }).where(eq(segments.id, seg.id));
        await this.d.pipeline.emitSegment(tx, emit, seg.id);
      } else {
        await tx
          .update(segments)
          .set(
            body.decision === 'reject'
              ? {
                  statusId: pipelineRepo.segmentStatusId('rejected'),
                  approvedByUserId: null,
                  approvedAt: null,
                  flaggedAt: null,
                  updatedAt: now,
                }
              : { flaggedAt: body.decision === 'flag' ? now : null, updatedAt: now },
          )
          .where(eq(segments.id, seg.id));
        if (body.decision === 'reject') await this.sceneApproval.unapprove(tx, who.ctx, seg.sceneId, now);
        await this.d.pipeline.emitSegment(tx, emit, seg.id);
      }
      const [decision] = await tx
        .insert(reviewDecisions)
        .values({
          publicId: newPublicId(),
          segmentId: seg.id,
          sceneId: seg.sceneId,
          projectId: project.id,
          decision: body.decision,
          reasonCode: body.reasonCode ?? null,
          note: body.note ?? '',
          segmentVersion: seg.version,
          previousStatus: found.status,
          previousFlaggedAt: seg.flaggedAt,
          decidedByUserId: who.ctx.actor?.userId ?? null,
          decidedAt: now,
        })
        .returning({ id: reviewDecisions.id, publicId: reviewDecisions.publicId });
      if (body.decision === 'reject' && body.regenerate) {
        regenerationRunId = await this.d.pipeline.regenerateWithin(
          tx,
          emit,
          { ctx: who.ctx, manageAll: roleCan(who.role, 'jobs.manage') },
          segmentPublicId,
          { cascade: false },
        );
        await tx
          .update(reviewDecisions)
          .set({ regenerationRunId })
          .where(eq(reviewDecisions.id, decision!.id));
        wake = true;
      }
      await this.d.audit.record(tx, who.ctx, {
        action: `segment.${pastTense[body.decision]}`,
        entityType: 'segment',
        entityId: seg.publicId,
        summary: `${capitalised(pastTense[body.decision])} segment ${seg.sequenceIndex} (version ${seg.version})${
          body.reasonCode ? `: ${body.reasonCode.replace('_', ' ')}` : ''
        }${regenerationRunId ? '; requeued for regeneration' : ''}`,
        details: {
          decisionId: decision!.publicId,
          reasonCode: body.reasonCode ?? null,
          note: body.note ?? '',
          version: seg.version,
          previousStatus: found.status,
          regenerate: Boolean(regenerationRunId),
        },
      });
      if (body.decision === 'approve')
        approvedScene = await this.sceneApproval.settle(tx, who.ctx, seg.sceneId);
      return { decisionId: decision!.id, segmentId: seg.id, sceneApproved: approvedScene };
    });
    if (wake) await this.d.pipeline.jobs.wake();
    return {
      decision: await this.decisionOf(decisionId),
      item: await this.itemOf(segmentId),
      sceneApproved,
    };
  }

  /**
   * Approves every segment matching the filter (PRD-092 §1.1) in one transaction with one batch id: all of them or,
   * when any cannot be approved, none.
   */
  async batchApprove(
    who: Reviewer,
    projectPublicId: string,
    body: BatchApproveBody,
  ): Promise<BatchApproveResult> {
    const batchId = newPublicId();
    let wake = false;
    const result = await this.d.bus.transaction(async (tx, emit) => {
      const project = await this.d.projects.resolveForContent(tx, { publicId: projectPublicId }, true);
      const found = await repo.batchCandidates(tx, project.id, body);
      if (!found.length) {
        throw new AppError(
          'review.batch_empty',
          'No segment matching these filters is waiting for approval.',
        );
      }
      if (found.length > maxBatch) {
        throw new AppError(
          'review.batch_too_large',
          `${found.length} segments match; a batch approves at most ${maxBatch}. Narrow it by scene type or character.`,
        );
      }
      if (body.expectedCount !== undefined && body.expectedCount !== found.length) {
        throw new AppError(
          'review.batch_changed',
          `${found.length} segments match now, not the ${body.expectedCount} you confirmed; the queue changed meanwhile. Check the count and confirm again.`,
        );
      }
      const settings = (await repo.projectOfScene(tx, found[0]!.sceneId))!.settings;
      assertIndependent(
        who,
        settings,
        found.map((f) => f.generatorUserId),
        found.length,
      );
      const now = this.d.clock.now();
      const sceneIds = [...new Set(found.map((f) => f.sceneId))];
      for (const id of sceneIds) {
        await repo.lockScene(tx, id);
      }
      for (const f of found) {
        if (await this.d.pipeline.approveWithin(tx, emit, who.ctx, f.publicId, { audit: false })) wake = true;
        if (f.flaggedAt) await tx.update(segments).set({ flaggedAt: null }).where(eq(segments.id, f.id));
      }
      const versions = new Map(
        (
          await tx
            .select({ id: segments.id, version: segments.version })
            .from(segments)
            .where(
              inArray(
                segments.id,
                found.map((f) => f.id),
              ),
            )
        ).map((s) => [s.id, s.version]),
      );
      await tx.insert(reviewDecisions).values(
        found.map((f) => ({
          publicId: newPublicId(),
          segmentId: f.id,
          sceneId: f.sceneId,
          projectId: project.id,
          decision: 'approve',
          segmentVersion: versions.get(f.id)!,
          previousStatus: f.status,
          previousFlaggedAt: f.flaggedAt,
          batchId,
          decidedByUserId: who.ctx.actor?.userId ?? null,
          decidedAt: now,
        })),
      );
      await this.d.audit.record(tx, who.ctx, {
        action: 'segment.batch_approved',
        entityType: 'project',
        entityId: project.publicId,
        summary: `Approved ${found.length} segment(s) of ${sceneIds.length} scene(s) at once`,
        details: {
          batchId,
          filter: {
            state: body.state,
            sceneTypeId: body.sceneTypeId,
            characterId: body.characterId,
            qa: body.qa,
          },
          segments: found.map((f) => f.publicId),
        },
      });
      let scenesApproved = 0;
      for (const id of sceneIds) if (await this.sceneApproval.settle(tx, who.ctx, id)) scenesApproved++;
      return { batchId, approved: found.length, scenesApproved };
    });
    if (wake) await this.d.pipeline.jobs.wake();
    return result;
  }

  /**
   * Takes back the caller's latest decision in a project (a whole batch when it was one, or the batch named),
   * restoring each segment's status and flag. Refused, without undoing any, when a segment changed since.
   */
  async undo(who: Reviewer, projectPublicId: string, batchId: string | undefined): Promise<ReviewUndoResult> {
    const userId = who.ctx.actor?.userId;
    const undone = await this.d.bus.transaction(async (tx, emit) => {
      const project = await this.d.projects.resolveForContent(tx, { publicId: projectPublicId }, true);
      const decisions = userId === undefined ? [] : await repo.undoable(tx, project.id, userId, batchId);
      if (!decisions.length) {
        throw new AppError(
          'review.nothing_to_undo',
          batchId
            ? 'That batch is not one of yours in this project, or it was undone already.'
            : 'You have no decision in this project left to undo.',
        );
      }
      const now = this.d.clock.now();
      const touchedScenes = new Set<number>();
      for (const d of decisions) {
        await repo.lockScene(tx, d.sceneId);
        const found = (await pipelineRepo.findSegment(tx, { id: d.segmentId }, true))!;
        await this.assertUndoable(tx, d, found);
        await tx
          .update(reviewDecisions)
          .set({ undoneAt: now, updatedAt: now })
          .where(eq(reviewDecisions.id, d.id));
        // an undone approval takes the approver off; an undone rejection of an approved segment puts the
        // approval that stands back
        const approval =
          d.decision === 'approve'
            ? { approvedByUserId: null, approvedAt: null }
            : d.decision === 'reject' && d.previousStatus === 'approved'
              ? await repo.latestApproval(tx, d.segmentId).then((a) => ({
                  approvedByUserId: a?.userId ?? null,
                  approvedAt: a?.at ?? now,
                }))
              : {};
        const restore = {
          statusId: pipelineRepo.segmentStatusId(d.previousStatus),
          flaggedAt: d.previousFlaggedAt,
          updatedAt: now,
          ...approval,
        };
        await tx.update(segments).set(restore).where(eq(segments.id, d.segmentId));
        await this.d.pipeline.emitSegment(tx, emit, d.segmentId);
        touchedScenes.add(d.sceneId);
      }
      for (const sceneId of touchedScenes) {
        // an undone approval takes the scene back to review; an undone rejection may complete it again
        if (!(await this.sceneApproval.unapprove(tx, who.ctx, sceneId, now))) {
          await this.sceneApproval.settle(tx, who.ctx, sceneId);
        }
      }
      await this.d.audit.record(tx, who.ctx, {
        action: 'review.undone',
        entityType: 'project',
        entityId: project.publicId,
        summary:
          decisions.length === 1
            ? `Undid a review decision (${decisions[0]!.decision}) on a segment`
            : `Undid a batch of ${decisions.length} review decisions`,
        details: { decisions: decisions.map((d) => d.publicId), batchId: decisions[0]!.batchId },
      });
      return decisions.map((d) => d.id);
    });
    return { undone: (await repo.decisionViews(this.d.db, undone)).map(decisionView) };
  }

  /** Approves a scene explicitly once every current segment is approved (see SceneApproval). */
  approveScene(who: Reviewer, scenePublicId: string): Promise<Scene> {
    return this.sceneApproval.approve(who, scenePublicId);
  }

  // ------------------------------------------------------------------ rules

  private async starterOf(tx: Tx, runId: number): Promise<number | null> {
    const run = await pipelineRepo.findRun(tx, { id: runId });
    return run?.startedByUserId ?? null;
  }

  /** An undo puts back what the decision replaced only if nothing changed the segment since. */
  private async assertUndoable(
    tx: Tx,
    d: repo.DecisionRow,
    found: NonNullable<Awaited<ReturnType<typeof pipelineRepo.findSegment>>>,
  ): Promise<void> {
    const seg = found.segment;
    const conflict = (why: string) =>
      new AppError(
        'review.undo_conflict',
        `Segment ${seg.sequenceIndex} changed since: ${why}. Nothing was undone.`,
      );
    if (d.regenerationRunId !== null) {
      throw conflict('the rejection requeued it for regeneration; review the new version instead');
    }
    if (!seg.isCurrent) throw conflict('a newer version replaced it');
    const later = await repo.laterDecision(tx, d);
    if (later) throw conflict(`${later.decider ?? 'someone'} decided on it after you`);
    const expected =
      d.decision === 'approve'
        ? found.status === 'approved'
        : d.decision === 'reject'
          ? found.status === 'rejected'
          : d.decision === 'flag'
            ? seg.flaggedAt !== null
            : seg.flaggedAt === null;
    if (!expected) throw conflict(`it is ${segmentStatusWords(found.status)} now`);
    if (
      d.decision === 'approve' &&
      seg.runId &&
      (await repo.runWentOnAfter(tx, seg.runId, seg.sequenceIndex, d.decidedAt))
    ) {
      throw conflict('generation went on from it after the approval; reject or regenerate it instead');
    }
  }
}

// ------------------------------------------------------------------ pure helpers

/** Who may make a decision and which fields go with which decision; bad combinations name the field. */
function checkBody(who: Reviewer, body: ReviewBody): void {
  if ((body.decision === 'approve' || body.decision === 'reject') && !roleCan(who.role, 'review.finalize')) {
    throw new AppError(
      'auth.forbidden',
      `Your role (${who.role}) flags segments and suggests rejections; approving and rejecting need the "review.finalize" permission (creators and admins).`,
    );
  }
  if (body.reasonCode !== undefined && (body.decision === 'approve' || body.decision === 'unflag')) {
    throw new AppError(
      'review.invalid_decision',
      `A reason goes with a rejection or a flag, not with ${body.decision}.`,
      [{ field: 'body.reasonCode', message: `is only for reject and flag, not ${body.decision}` }],
    );
  }
  if (body.regenerate !== undefined && body.decision !== 'reject') {
    throw new AppError(
      'review.invalid_decision',
      'Only a rejection can requeue a segment for regeneration.',
      [{ field: 'body.regenerate', message: `is only for reject, not ${body.decision}` }],
    );
  }
}

function decisionView(r: repo.DecisionViewRow): ReviewDecision {
  return {
    id: r.publicId,
    segmentId: r.segmentPublicId,
    sceneId: r.scenePublicId,
    decision: r.decision as ReviewDecision['decision'],
    reasonCode: (r.reasonCode as ReviewDecision['reasonCode']) ?? null,
    note: r.note,
    segmentVersion: r.segmentVersion,
    previousStatus: r.previousStatus,
    batchId: r.batchId,
    regenerationRunId: r.regenerationRunPublicId,
    decidedBy: r.deciderPublicId ? { id: r.deciderPublicId, displayName: r.deciderName ?? '' } : null,
    decidedAt: r.decidedAt.toISOString(),
    undoneAt: r.undoneAt?.toISOString() ?? null,
  };
}
