// The generation pipeline (PRD-024): a scene run is a chain of jobs — each segment a render (GPU) followed by a QA
// job (CPU) that measures it, picks its boundary frame and decides what comes next: the next segment seeded from
// that frame, another attempt (PRD-071), a pause for a person, or the end. Every step commits its rows, its next
// jobs and its events in one transaction, so a crash between steps loses nothing and repeats nothing.
import { randomInt } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  batchGenerationBodySchema,
  GenerationEstimate,
  generationSelectionSchema,
  regenerateSegmentBodySchema,
  SceneGeneration,
  SceneRun,
  Segment,
  startGenerationBodySchema,
} from '@i2v/contracts';
import { durationMet, estimateBatch, trimStartFor, usableSeconds } from '@i2v/domain';
import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/client.js';
import {
  characters,
  jobs,
  sceneRuns,
  sceneStatuses,
  scenes,
  sceneTypes,
  segments,
  workers,
} from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import type { EventBus, EventDraft } from '../events/bus.js';
import type { NotificationsService } from '../events/notifications.js';
import type { Acting, JobsService } from '../jobs/service.js';
import type { MediaLinks } from '../media/links.js';
import type { ScenesService } from '../scenes/service.js';
import { contextOfUser } from '../users/repo.js';
import { type RunPlan, resolvePlan, type SimRule, segmentRequest, simFor } from './plan.js';
import * as repo from './repo.js';
import { storeBoundaryFrame, submitNext } from './step.js';

type Emit = <E extends EventDraft['type']>(d: EventDraft<E>) => Promise<void>;
type StartBody = z.infer<typeof startGenerationBodySchema>;
type RegenerateBody = z.infer<typeof regenerateSegmentBodySchema>;
type Selection = z.infer<typeof generationSelectionSchema>;
type BatchBody = z.infer<typeof batchGenerationBodySchema>;

export interface PipelineDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  jobs: JobsService;
  scenes: ScenesService;
  audit: AuditService;
  links: MediaLinks;
  notifications: NotificationsService;
  storage: Storage;
}

/** Seconds of CPU work between two segments of a scene (boundary frame, QA), for estimates. */
const overheadSeconds = 2;
/** Per-segment GPU seconds assumed for a workflow without history. */
const fallbackSecondsPerSegment = 60;

const segmentNotFound = (id: string) => new AppError('segment.not_found', `No segment with id ${id}.`);

export interface NextSegment {
  index: number;
  seedFileId: number;
  seedSource: 'hero' | 'boundary' | 'anchor' | 'transition';
  /** The boundary frame that the transition workflow starts from (its end frame is the new variant's hero). */
  transitionStartFileId?: number | null;
  attempt: number;
  parameters?: Record<string, string | number | boolean>;
}

export class PipelineService {
  constructor(private readonly d: PipelineDeps) {}

  // ------------------------------------------------------------------ starting

  /** Starts generating a scene from its first segment. 422 when it cannot be generated, 409 while a run is live. */
  async start(acting: Acting, scenePublicId: string, body: StartBody): Promise<SceneRun> {
    const runId = await this.d.bus.transaction(async (tx, emit) => {
      const scene = await this.d.scenes.ref(tx, { publicId: scenePublicId }, true);
      return this.startWithin(tx, emit, acting, scene.id, body, 'generate');
    });
    await this.d.jobs.wake();
    return this.runView(runId);
  }

  private async startWithin(
    tx: Tx,
    emit: Emit,
    acting: Acting,
    sceneId: number,
    body: StartBody,
    purpose: 'generate' | 'test_shot',
    options: { seeds?: Record<string, number> } = {},
  ): Promise<number> {
    await tx.select({ id: scenes.id }).from(scenes).where(eq(scenes.id, sceneId)).for('update');
    const live = await repo.liveRunOf(tx, sceneId);
    if (live) {
      throw new AppError(
        'scene.generation_running',
        `This scene is already being generated (run ${live.publicId}, ${live.status.replace('_', ' ')}); cancel it first.`,
      );
    }
    const resolved = await resolvePlan(tx, sceneId, { targetSeconds: body.targetSeconds, sim: body.sim });
    const testShot = purpose === 'test_shot';
    if (options.seeds) resolved.plan.seeds = options.seeds;
    const now = this.d.clock.now();
    const [run] = await tx
      .insert(sceneRuns)
      .values({
        publicId: newPublicId(),
        sceneId,
        purpose,
        status: 'running',
        tier: body.tier,
        // a test shot is one segment (PRD-058): the scene's seed and workflow, stopped after the first segment
        targetSeconds: testShot ? resolved.segmentSeconds : resolved.targetSeconds,
        toleranceSeconds: resolved.toleranceSeconds,
        segmentSeconds: resolved.segmentSeconds,
        segmentsEstimated: testShot ? 1 : resolved.segments,
        plan: resolved.plan,
        startedByUserId: acting.ctx.actor?.userId ?? null,
        startedAt: now,
      })
      .returning();
    if (!testShot) {
      // a fresh generation replaces the chain: earlier versions stay, no longer current
      await tx
        .update(segments)
        .set({ isCurrent: false, updatedAt: now })
        .where(and(eq(segments.sceneId, sceneId), eq(segments.isCurrent, true)));
    }
    const hero = await this.fileId(tx, resolved.plan.heroes[String(resolved.plan.startVariantTypeId)]!);
    await this.submitSegment(tx, emit, run!, { index: 1, seedFileId: hero, seedSource: 'hero', attempt: 1 });
    if (!testShot) await repo.setSceneStatus(tx, sceneId, 'generating', now);
    await this.d.audit.record(tx, acting.ctx, {
      action: testShot ? 'scene.test_shot_started' : 'scene.generation_started',
      entityType: 'scene',
      entityId: (await this.scenePublicId(tx, sceneId))!,
      summary: testShot
        ? `Started a ${body.tier} test shot of ${resolved.plan.sceneTypeName} for "${resolved.plan.characterName}"`
        : `Started generating ${resolved.plan.sceneTypeName} of "${resolved.plan.characterName}" (${resolved.segments} segment(s), ${body.tier}${options.seeds ? ', upscaling the draft with its seeds' : ''})`,
      details: { runId: run!.publicId, targetSeconds: resolved.targetSeconds, tier: body.tier },
    });
    await this.emitRun(tx, emit, run!.id);
    return run!.id;
  }

  /** Regenerates one segment from its stored seed frame; with `cascade`, every later one follows from the new chain. */
  async regenerate(acting: Acting, segmentPublicId: string, body: RegenerateBody): Promise<SceneRun> {
    const runId = await this.d.bus.transaction(async (tx, emit) =>
      this.regenerateWithin(tx, emit, acting, segmentPublicId, body),
    );
    await this.d.jobs.wake();
    return this.runView(runId);
  }

  /** `regenerate` in the caller's transaction (a review rejection requeues with it); returns the new run's id. */
  async regenerateWithin(
    tx: Tx,
    emit: Emit,
    acting: Acting,
    segmentPublicId: string,
    body: RegenerateBody,
  ): Promise<number> {
    const found = await repo.findSegment(tx, { publicId: segmentPublicId });
    if (!found) throw segmentNotFound(segmentPublicId);
    const seg = found.segment;
    await this.d.scenes.ref(tx, { id: seg.sceneId }, true);
    await tx.select({ id: scenes.id }).from(scenes).where(eq(scenes.id, seg.sceneId)).for('update');
    if (!seg.isCurrent) {
      throw new AppError('segment.wrong_state', 'Only the current version of a segment can be regenerated.');
    }
    const live = await repo.liveRunOf(tx, seg.sceneId, true);
    if (live && live.status !== 'needs_attention') {
      throw new AppError(
        'scene.generation_running',
        'This scene is being generated; wait for the run to finish or cancel it first.',
      );
    }
    if (live) {
      // a run waiting for a person after failed QA: regenerating is that person's answer; the run ends here
      const at = this.d.clock.now();
      await tx
        .update(sceneRuns)
        .set({ status: 'cancelled', error: 'Superseded by a regeneration', finishedAt: at, updatedAt: at })
        .where(eq(sceneRuns.id, live.id));
      await this.emitRun(tx, emit, live.id);
    }
    if (!seg.seedFileId) {
      throw new AppError('segment.wrong_state', 'This segment has no stored seed frame to regenerate from.');
    }
    const resolved = await resolvePlan(tx, seg.sceneId, { sim: body.sim });
    const current = await repo.currentSegments(tx, seg.sceneId);
    const before = current
      .filter((c) => c.segment.sequenceIndex < seg.sequenceIndex)
      .reduce((s, c) => s + (c.segment.durationSeconds ?? 0), 0);
    const total = current.reduce((s, c) => s + (c.segment.durationSeconds ?? 0), 0);
    const now = this.d.clock.now();
    const [run] = await tx
      .insert(sceneRuns)
      .values({
        publicId: newPublicId(),
        sceneId: seg.sceneId,
        purpose: 'regenerate',
        status: 'running',
        tier: seg.tier,
        targetSeconds: body.cascade ? resolved.targetSeconds : Math.max(total, resolved.segmentSeconds),
        toleranceSeconds: resolved.toleranceSeconds,
        segmentSeconds: resolved.segmentSeconds,
        segmentsEstimated: body.cascade ? Math.max(resolved.segments - seg.sequenceIndex + 1, 1) : 1,
        secondsDone: before,
        fromIndex: seg.sequenceIndex,
        cascade: body.cascade,
        plan: resolved.plan,
        startedByUserId: acting.ctx.actor?.userId ?? null,
        startedAt: now,
      })
      .returning();
    await this.submitSegment(tx, emit, run!, {
      index: seg.sequenceIndex,
      seedFileId: seg.seedFileId,
      seedSource: (seg.seedSource as NextSegment['seedSource']) ?? 'boundary',
      attempt: 1,
    });
    await repo.setSceneStatus(tx, seg.sceneId, 'generating', now);
    await this.d.audit.record(tx, acting.ctx, {
      action: 'segment.regenerated',
      entityType: 'segment',
      entityId: seg.publicId,
      summary: `Regenerating segment ${seg.sequenceIndex} of ${resolved.plan.sceneTypeName} of "${resolved.plan.characterName}"${body.cascade ? ' and every later segment' : ''}`,
      details: { runId: run!.publicId, cascade: body.cascade },
    });
    await this.emitRun(tx, emit, run!.id);
    return run!.id;
  }

  /**
   * Creates the next segment version and submits its render and QA jobs (the QA job runs after the render whatever
   * its outcome, so a failed render is settled too). The version at that index becomes current.
   */
  async submitSegment(tx: Tx, emit: Emit, run: repo.RunRow, next: NextSegment): Promise<number> {
    const plan = run.plan as RunPlan;
    const useTransition = next.seedSource === 'transition' && plan.transitionWorkflow !== null;
    const workflow = useTransition ? plan.transitionWorkflow! : plan.workflow;
    // a test shot is kept beside the chain, never in it
    const inChain = run.purpose !== 'test_shot';
    // an upscale re-runs each segment with the draft's seed (PRD-059); retries take a fresh one
    const seed =
      (next.attempt === 1 ? plan.seeds?.[String(next.index)] : undefined) ?? randomInt(0, 2 ** 48 - 1);
    const req = segmentRequest(plan, workflow.slots, {
      index: next.index,
      count: run.fromIndex - 1 + run.segmentsEstimated,
      segmentSeconds: run.segmentSeconds,
      tier: run.tier as 'draft' | 'production',
      seed,
    });
    const parameters = { ...req.parameters, ...(next.parameters ?? {}) };
    if (workflow.slots.includes('seed')) parameters.seed = seed;
    const variantTypeId =
      plan.transition && next.index >= plan.transition.at ? plan.transition.to : plan.startVariantTypeId;
    const now = this.d.clock.now();
    if (inChain) {
      await tx
        .update(segments)
        .set({ isCurrent: false, updatedAt: now })
        .where(
          and(
            eq(segments.sceneId, run.sceneId),
            eq(segments.sequenceIndex, next.index),
            eq(segments.isCurrent, true),
          ),
        );
    }
    const version = await repo.nextVersion(tx, run.sceneId, next.index);
    const [row] = await tx
      .insert(segments)
      .values({
        publicId: newPublicId(),
        sceneId: run.sceneId,
        sequenceIndex: next.index,
        version,
        isCurrent: inChain,
        runId: run.id,
        attempt: next.attempt,
        statusId: repo.segmentStatusId('generating'),
        seedFileId: next.seedFileId,
        seedSource: next.seedSource,
        variantTypeId,
        workflowVersionId: workflow.id,
        prompt: req.prompt,
        clipPosition: req.clipPosition,
        parameters,
        tier: run.tier,
        frameCount: req.frameCount || null,
        fps: plan.fps,
        width: req.width,
        height: req.height,
        // a transition without its own workflow starts on the target hero, not on the boundary frame: nothing repeats
        trimStartFrames: trimStartFor(
          next.index,
          next.seedSource === 'transition' && !useTransition ? 'hero' : next.seedSource,
        ),
      })
      .returning({ id: segments.id, publicId: segments.publicId });
    const acting = await this.actingFor(tx, run.startedByUserId);
    const label = `${plan.characterName} · ${plan.sceneTypeName} · segment ${next.index}${next.attempt > 1 ? ` (attempt ${next.attempt})` : ''}`;
    const inputFile = useTransition ? (next.transitionStartFileId ?? next.seedFileId) : next.seedFileId;
    const sim = simFor(plan, next.index, next.attempt);
    const render = await this.d.jobs.submitWithin(tx, emit, acting, {
      kind: 'comfy.render',
      label,
      projectId: plan.projectPublicId,
      payload: {
        workflowVersionId: workflow.publicId,
        inputImageId: await this.filePublicId(tx, inputFile),
        ...(useTransition ? { endImageId: plan.heroes[String(plan.transition!.to)]! } : {}),
        parameters,
        seed,
        ...(sim ? { sim } : {}),
      },
    });
    const qa = await this.d.jobs.submitWithin(tx, emit, acting, {
      kind: 'segment.qa',
      label: `QA · ${label}`,
      projectId: plan.projectPublicId,
      payload: { segmentId: row!.publicId },
      dependsOn: [render.publicId],
      onDependencyFailure: 'run',
    });
    await tx.update(segments).set({ renderJobId: render.id, qaJobId: qa.id }).where(eq(segments.id, row!.id));
    await this.emitSegment(tx, emit, row!.id);
    return row!.id;
  }

  // ------------------------------------------------------------------ control

  /** Stops a live run: its unfinished jobs are cancelled; finished segments stay. */
  async cancel(acting: Acting, scenePublicId: string): Promise<SceneRun> {
    const { runId, jobIds } = await this.d.bus.transaction(async (tx, emit) => {
      const scene = await this.d.scenes.ref(tx, { publicId: scenePublicId }, false);
      const run = await repo.liveRunOf(tx, scene.id, true);
      if (!run) throw new AppError('scene.no_generation', 'This scene is not being generated.');
      const now = this.d.clock.now();
      await tx
        .update(sceneRuns)
        .set({ status: 'cancelled', finishedAt: now, updatedAt: now, error: 'Cancelled' })
        .where(eq(sceneRuns.id, run.id));
      const inFlight = await tx
        .select({ id: segments.id, render: segments.renderJobId, qa: segments.qaJobId })
        .from(segments)
        .where(and(eq(segments.runId, run.id), eq(segments.statusId, repo.segmentStatusId('generating'))));
      if (inFlight.length) {
        await tx
          .update(segments)
          .set({ statusId: repo.segmentStatusId('cancelled'), error: 'Cancelled', updatedAt: now })
          .where(
            inArray(
              segments.id,
              inFlight.map((s) => s.id),
            ),
          );
      }
      if (run.purpose !== 'test_shot') await this.settleSceneStatus(tx, run.sceneId, now);
      await this.d.audit.record(tx, acting.ctx, {
        action: 'scene.generation_cancelled',
        entityType: 'scene',
        entityId: scenePublicId,
        summary: `Cancelled the generation of ${(run.plan as RunPlan).sceneTypeName} of "${(run.plan as RunPlan).characterName}"`,
        details: { runId: run.publicId },
      });
      await this.emitRun(tx, emit, run.id);
      const ids = inFlight.flatMap((s) => [s.render, s.qa]).filter((x): x is number => x !== null);
      const live = ids.length
        ? await tx
            .select({ publicId: jobs.publicId })
            .from(jobs)
            .where(and(inArray(jobs.id, ids), sql`${jobs.state} NOT IN ('completed', 'failed', 'cancelled')`))
        : [];
      return { runId: run.id, jobIds: live.map((j) => j.publicId) };
    });
    for (const id of jobIds) {
      await this.d.jobs.cancel({ ...acting, manageAll: true }, id).catch(() => undefined);
    }
    return this.runView(runId);
  }

  /**
   * Manual boundary frame (PRD-024 §1.2): a person picks the frame a paused scene continues from; it is also the
   * segment's trim point. Only while the run waits for it.
   */
  async chooseBoundary(acting: Acting, segmentPublicId: string, frameIndex: number): Promise<SceneRun> {
    const found = await repo.findSegment(this.d.db, { publicId: segmentPublicId });
    if (!found) throw segmentNotFound(segmentPublicId);
    const seg = found.segment;
    await this.d.scenes.ref(this.d.db, { id: seg.sceneId }, true);
    const run = seg.runId ? await repo.findRun(this.d.db, { id: seg.runId }) : null;
    if (run?.status !== 'awaiting_boundary' || !seg.isCurrent || seg.boundaryFileId !== null) {
      throw new AppError(
        'segment.wrong_state',
        'A boundary frame is chosen while the scene waits for it, on the segment it paused after.',
      );
    }
    const count = seg.frameCount ?? 0;
    if (frameIndex < seg.trimStartFrames || frameIndex > count - 1) {
      throw new AppError(
        'segment.frame_out_of_range',
        `Frame ${frameIndex} is outside this segment (frames ${seg.trimStartFrames}…${count - 1}).`,
        [{ field: 'body.frameIndex', message: `must be between ${seg.trimStartFrames} and ${count - 1}` }],
      );
    }
    const [out] = await this.d.db
      .select({ key: sql<string>`storage_key` })
      .from(sql`media_files`)
      .where(sql`id = ${seg.outputFileId}`);
    if (!out) throw new AppError('segment.wrong_state', 'The clip of this segment is gone.');
    const dir = await mkdtemp(path.join(tmpdir(), 'i2v-boundary-'));
    let boundaryFileId: number;
    try {
      const file = path.join(dir, `segment${path.extname(out.key) || '.mp4'}`);
      await writeFile(file, await this.d.storage.read(out.key));
      boundaryFileId = await storeBoundaryFrame(
        this.d.db,
        this.d.storage,
        seg.publicId,
        file,
        frameIndex,
        dir,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await this.d.bus.transaction(async (tx, emit) => {
      const live = await repo.findRun(tx, { id: run.id }, true);
      const again = await repo.findSegment(tx, { id: seg.id }, true);
      if (live?.status !== 'awaiting_boundary' || again?.segment.boundaryFileId !== null) {
        throw new AppError('segment.wrong_state', 'The boundary frame was chosen already.');
      }
      const now = this.d.clock.now();
      const seconds = usableSeconds(frameIndex, seg.trimStartFrames, seg.fps ?? 16);
      const secondsDone = live.secondsDone - (seg.durationSeconds ?? 0) + seconds;
      await tx
        .update(segments)
        .set({
          boundaryFrameIndex: frameIndex,
          boundaryFileId,
          boundaryMode: 'manual',
          durationSeconds: seconds,
          updatedAt: now,
        })
        .where(eq(segments.id, seg.id));
      const [updated] = await tx
        .update(sceneRuns)
        .set({ status: 'running', secondsDone, updatedAt: now })
        .where(eq(sceneRuns.id, run.id))
        .returning();
      const likeness = (seg.qaScores as { likenessEnd?: unknown }).likenessEnd;
      await submitNext(
        this,
        this.d.storage,
        tx,
        emit,
        updated!,
        { ...seg, boundaryFileId },
        boundaryFileId,
        typeof likeness === 'number' ? likeness : null,
      );
      await this.d.audit.record(tx, acting.ctx, {
        action: 'segment.boundary_chosen',
        entityType: 'segment',
        entityId: seg.publicId,
        summary: `Chose frame ${frameIndex} as the boundary of segment ${seg.sequenceIndex}`,
        details: { frameIndex },
      });
      await this.emitSegment(tx, emit, seg.id);
      await this.emitRun(tx, emit, run.id);
    });
    await this.d.jobs.wake();
    return this.runView(run.id);
  }

  /** Approves a segment for assembly (PRD-035 builds the review on this). */
  async approve(ctx: RequestContext, segmentPublicId: string): Promise<Segment> {
    const resumed = await this.d.bus.transaction(async (tx, emit) =>
      this.approveWithin(tx, emit, ctx, segmentPublicId),
    );
    if (resumed) await this.d.jobs.wake();
    return this.segment(segmentPublicId);
  }

  /**
   * `approve` in the caller's transaction (the review module records its decision beside it); returns whether a
   * run went on from the segment, so the caller wakes the job engine after its commit. `audit: false` leaves the
   * audit row to the caller.
   */
  async approveWithin(
    tx: Tx,
    emit: Emit,
    ctx: RequestContext,
    segmentPublicId: string,
    options: { audit?: boolean } = {},
  ): Promise<boolean> {
    const found = await repo.findSegment(tx, { publicId: segmentPublicId }, true);
    if (!found) throw segmentNotFound(segmentPublicId);
    await this.d.scenes.ref(tx, { id: found.segment.sceneId }, true);
    if (!found.segment.isCurrent || !['qa_pass', 'qa_fail', 'rejected'].includes(found.status)) {
      throw new AppError(
        'segment.wrong_state',
        `A segment can be approved once it is generated and checked; this one is ${found.status.replace('_', ' ')}${found.segment.isCurrent ? '' : ' and not the current version'}.`,
      );
    }
    const now = this.d.clock.now();
    await tx
      .update(segments)
      .set({
        statusId: repo.segmentStatusId('approved'),
        approvedByUserId: ctx.actor?.userId ?? null,
        approvedAt: now,
        updatedAt: now,
      })
      .where(eq(segments.id, found.segment.id));
    if (options.audit !== false) {
      await this.d.audit.record(tx, ctx, {
        action: 'segment.approved',
        entityType: 'segment',
        entityId: segmentPublicId,
        summary: `Approved segment ${found.segment.sequenceIndex} (version ${found.segment.version}) for assembly`,
        details: { qaVerdict: found.segment.qaVerdict },
      });
    }
    await this.emitSegment(tx, emit, found.segment.id);
    // approving the segment a run stopped on (failed QA, kept as the best attempt) lets the run go on from it
    const run = found.segment.runId ? await repo.findRun(tx, { id: found.segment.runId }, true) : null;
    if (run?.status !== 'needs_attention' || found.status !== 'qa_fail') return false;
    return this.resumeAfter(tx, emit, run, found.segment, now);
  }

  /** A run that stopped on a segment continues from it: counted, then the next segment or the end. */
  private async resumeAfter(
    tx: Tx,
    emit: Emit,
    run: repo.RunRow,
    seg: repo.SegmentRow,
    now: Date,
  ): Promise<boolean> {
    const segmentsDone = run.segmentsDone + 1;
    const secondsDone = run.secondsDone + (seg.durationSeconds ?? 0);
    const last =
      (!run.cascade && seg.sequenceIndex === run.fromIndex) ||
      durationMet(secondsDone, run.targetSeconds, run.toleranceSeconds);
    const [updated] = await tx
      .update(sceneRuns)
      .set({
        status: last ? 'completed' : 'running',
        segmentsDone,
        secondsDone,
        errorCode: null,
        error: null,
        updatedAt: now,
        ...(last ? { finishedAt: now, segmentsEstimated: segmentsDone } : {}),
      })
      .where(eq(sceneRuns.id, run.id))
      .returning();
    if (last) {
      await this.settleSceneStatus(tx, run.sceneId, now);
    } else if (seg.boundaryFileId) {
      const likeness = (seg.qaScores as { likenessEnd?: unknown }).likenessEnd;
      await submitNext(
        this,
        this.d.storage,
        tx,
        emit,
        updated!,
        seg,
        seg.boundaryFileId,
        typeof likeness === 'number' ? likeness : null,
      );
    } else {
      await tx.update(sceneRuns).set({ status: 'awaiting_boundary' }).where(eq(sceneRuns.id, run.id));
    }
    await this.emitRun(tx, emit, run.id);
    return !last;
  }

  // ------------------------------------------------------------------ batches and estimates

  /** The scenes a selection names: created where missing (idempotent), with what keeps others out. */
  private async selectScenes(
    acting: Acting,
    projectPublicId: string,
    sel: Selection,
    create: boolean,
    /** Test shots leave the chain alone, so approved scenes may have them too. */
    testShots = false,
  ) {
    // retrying failures never plans new scenes
    if (create && !sel.sceneIds && sel.only !== 'failed') {
      await this.d.scenes.createScenes(acting.ctx, projectPublicId, {
        characterIds: sel.characterIds,
        sceneTypeIds: sel.sceneTypeIds,
      });
    }
    const [project] = await this.d.db
      .execute<{ id: number }>(
        sql`SELECT id FROM projects WHERE public_id = ${projectPublicId} AND deleted_at IS NULL`,
      )
      .then((r) => (r as unknown as { rows: { id: number }[] }).rows);
    if (!project) throw new AppError('project.not_found', `No project with id ${projectPublicId}.`);
    const conds = [eq(characters.projectId, project.id), sql`${characters.deletedAt} IS NULL`];
    if (sel.sceneIds) conds.push(inArray(scenes.publicId, sel.sceneIds));
    else {
      if (sel.characterIds) conds.push(inArray(characters.publicId, sel.characterIds));
      if (sel.sceneTypeIds) conds.push(inArray(sceneTypes.publicId, sel.sceneTypeIds));
      conds.push(eq(sceneTypes.enabled, true));
    }
    const rows = await this.d.db
      .select({
        id: scenes.id,
        publicId: scenes.publicId,
        characterName: characters.name,
        sceneTypeName: sceneTypes.name,
        status: sceneStatuses.code,
        workflowVersionId: sceneTypes.workflowVersionId,
        target: sceneTypes.targetDurationSeconds,
        segment: sceneTypes.segmentDurationSeconds,
        tolerance: sceneTypes.toleranceSeconds,
        live: sql<boolean>`EXISTS (SELECT 1 FROM scene_runs r WHERE r.scene_id = ${scenes.id} AND r.status IN ('running', 'awaiting_boundary', 'needs_attention'))`,
        lastRun: sql<
          string | null
        >`(SELECT r.status FROM scene_runs r WHERE r.scene_id = ${scenes.id} ORDER BY r.started_at DESC, r.id DESC LIMIT 1)`,
      })
      .from(scenes)
      .innerJoin(characters, eq(characters.id, scenes.characterId))
      .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
      .innerJoin(sceneStatuses, eq(sceneStatuses.id, scenes.statusId))
      .where(and(...conds))
      .orderBy(characters.name, sceneTypes.sortOrder, scenes.id);
    if (sel.sceneIds) {
      const found = new Set(rows.map((r) => r.publicId));
      const missing = sel.sceneIds.findIndex((id) => !found.has(id));
      if (missing >= 0) {
        throw new AppError('scene.not_found', 'A selected scene is not in this project.', [
          { field: `body.sceneIds.${missing}`, message: 'is not a scene of this project' },
        ]);
      }
    }
    const chosen: typeof rows = [];
    const skipped: GenerationEstimate['skipped'] = [];
    for (const r of rows) {
      const cell = `${r.characterName} × ${r.sceneTypeName}`;
      if (r.live) skipped.push({ sceneId: r.publicId, cell, reason: 'already generating' });
      else if (sel.only === 'not_started' && r.lastRun !== null)
        skipped.push({ sceneId: r.publicId, cell, reason: 'generated before' });
      else if (sel.only === 'failed' && r.lastRun !== 'failed' && r.status !== 'failed')
        skipped.push({ sceneId: r.publicId, cell, reason: 'did not fail' });
      else if (r.status === 'approved' && !testShots)
        skipped.push({ sceneId: r.publicId, cell, reason: 'approved' });
      else chosen.push(r);
    }
    return { chosen, skipped };
  }

  /** GPU and wall time for a selection (PRD-061), from the history of segment renders per workflow × worker class. */
  async estimate(acting: Acting, projectPublicId: string, sel: Selection): Promise<GenerationEstimate> {
    const { chosen, skipped } = await this.selectScenes(acting, projectPublicId, sel, false);
    const fleet = await this.d.db
      .select({ id: workers.id, tags: workers.tags })
      .from(workers)
      .where(eq(workers.adminState, 'enabled'));
    const workerClass = fleet.length ? classOf(fleet[0]!.tags) : 'any';
    const versionIds = [
      ...new Set(chosen.map((c) => c.workflowVersionId).filter((x): x is number => x !== null)),
    ];
    const history = new Map<string, { samples: number[] }>();
    const names = new Map<number, string>();
    if (versionIds.length) {
      const rows = await this.d.db.execute<{
        version_id: number;
        name: string;
        tags: string[] | null;
        secs: number;
      }>(
        sql`SELECT s.workflow_version_id AS version_id, w.name, wk.tags, j.gpu_seconds AS secs
            FROM (SELECT workflow_version_id, render_job_id FROM segments
                  WHERE workflow_version_id IN (${sql.join(
                    versionIds.map((v) => sql`${v}`),
                    sql`, `,
                  )}) AND render_job_id IS NOT NULL
                  ORDER BY id DESC LIMIT 2000) s
            JOIN jobs j ON j.id = s.render_job_id AND j.state = 'completed' AND j.gpu_seconds > 0
            JOIN workflow_versions v ON v.id = s.workflow_version_id
            JOIN workflows w ON w.id = v.workflow_id
            LEFT JOIN workers wk ON wk.id = j.worker_id`,
      );
      for (const r of (
        rows as unknown as {
          rows: { version_id: number; name: string; tags: string[] | null; secs: number }[];
        }
      ).rows) {
        const key = `${Number(r.version_id)}:${classOf(r.tags ?? [])}`;
        names.set(Number(r.version_id), r.name);
        const h = history.get(key) ?? { samples: [] };
        h.samples.push(Number(r.secs));
        history.set(key, h);
      }
    }
    const missingNames = versionIds.filter((v) => !names.has(v));
    if (missingNames.length) {
      const rows = await this.d.db.execute<{ id: number; name: string }>(
        sql`SELECT v.id, w.name FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id WHERE v.id IN (${sql.join(
          missingNames.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
      for (const r of (rows as unknown as { rows: { id: number; name: string }[] }).rows)
        names.set(Number(r.id), r.name);
    }
    const scenesIn = [];
    for (const c of chosen) {
      if (c.workflowVersionId === null) {
        skipped.push({
          sceneId: c.publicId,
          cell: `${c.characterName} × ${c.sceneTypeName}`,
          reason: 'scene type has no workflow',
        });
        continue;
      }
      scenesIn.push({
        key: `${c.workflowVersionId}:${workerClass}`,
        segments: Math.max(1, Math.ceil((c.target - c.tolerance) / c.segment - 1e-9)),
      });
    }
    const e = estimateBatch(scenesIn, history, {
      workers: Math.max(1, fleet.length),
      fallbackSecondsPerSegment,
      overheadSecondsPerSegment: overheadSeconds,
    });
    return {
      scenes: e.scenes,
      segments: e.segments,
      gpuSeconds: e.gpuSeconds,
      wallSeconds: e.wallSeconds,
      workers: fleet.length,
      confidence: e.confidence,
      lines: e.lines.map((l) => {
        const [version, cls] = l.key.split(':');
        return {
          workflow: names.get(Number(version)) ?? `version ${version}`,
          workerClass: cls ?? 'any',
          scenes: l.scenes,
          segments: l.segments,
          secondsPerSegment: l.secondsPerSegment,
          low: l.low,
          high: l.high,
          samples: l.samples,
          confidence: l.confidence,
          gpuSeconds: l.gpuSeconds,
        };
      }),
      skipped,
    };
  }

  /** Starts every selected scene that can start; the others are listed with the reason. */
  async startBatch(acting: Acting, projectPublicId: string, body: BatchBody) {
    const selected = await this.selectScenes(acting, projectPublicId, body, true);
    return this.startEach(acting, selected, body.tier, 'generate');
  }

  /** Starts a run on each chosen scene in its own transaction; a scene that cannot start is skipped with why. */
  private async startEach(
    acting: Acting,
    { chosen, skipped }: Awaited<ReturnType<PipelineService['selectScenes']>>,
    tier: 'draft' | 'production',
    purpose: 'generate' | 'test_shot',
  ) {
    const started: { sceneId: string; runId: string }[] = [];
    const notStarted = [...skipped];
    for (const c of chosen) {
      try {
        const runId = await this.d.bus.transaction(async (tx, emit) => {
          await this.d.scenes.ref(tx, { id: c.id }, true);
          return this.startWithin(tx, emit, acting, c.id, { tier }, purpose);
        });
        const [r] = await this.d.db
          .select({ publicId: sceneRuns.publicId })
          .from(sceneRuns)
          .where(eq(sceneRuns.id, runId));
        started.push({ sceneId: c.publicId, runId: r!.publicId });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        notStarted.push({
          sceneId: c.publicId,
          cell: `${c.characterName} × ${c.sceneTypeName}`,
          reason: err.message,
        });
      }
    }
    await this.d.jobs.wake();
    return { started, skipped: notStarted };
  }

  // ------------------------------------------------------------------ test shots, promotion, upscaling

  /**
   * Test shots (PRD-058): one segment of a scene type for each selected character, at draft tier by default, kept
   * beside the scenes' chains. Scenes are created where missing; the ones that cannot start are listed.
   */
  async startTestShots(
    acting: Acting,
    projectPublicId: string,
    body: { sceneTypeId: string; characterIds?: string[] | undefined; tier: 'draft' | 'production' },
  ) {
    const selected = await this.selectScenes(
      acting,
      projectPublicId,
      { sceneTypeIds: [body.sceneTypeId], characterIds: body.characterIds, only: 'all' },
      true,
      true,
    );
    return this.startEach(acting, selected, body.tier, 'test_shot');
  }

  /** The test shot gallery of a project: newest first or best QA first, by scene type and character. */
  async testShots(
    projectPublicId: string,
    q: {
      sceneTypeId?: string | undefined;
      characterId?: string | undefined;
      sort: 'newest' | 'quality';
      limit: number;
    },
  ) {
    const conds = [
      sql`${sceneRuns.purpose} = 'test_shot'`,
      sql`${characters.projectId} = (SELECT id FROM projects WHERE public_id = ${projectPublicId})`,
      sql`${characters.deletedAt} IS NULL`,
    ];
    if (q.sceneTypeId) conds.push(sql`${sceneTypes.publicId} = ${q.sceneTypeId}`);
    if (q.characterId) conds.push(sql`${characters.publicId} = ${q.characterId}`);
    const found = await this.d.db
      .select({ id: segments.id, characterName: characters.name, sceneTypeName: sceneTypes.name })
      .from(segments)
      .innerJoin(sceneRuns, eq(sceneRuns.id, segments.runId))
      .innerJoin(scenes, eq(scenes.id, segments.sceneId))
      .innerJoin(characters, eq(characters.id, scenes.characterId))
      .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
      .where(and(...conds))
      .orderBy(
        q.sort === 'quality'
          ? sql`${segments.qaRank} DESC NULLS LAST, ${segments.id} DESC`
          : desc(segments.id),
      )
      .limit(q.limit);
    if (!found.length) return { items: [] };
    const views = await repo.segmentViews(
      this.d.db,
      inArray(
        segments.id,
        found.map((f) => f.id),
      ),
    );
    const byId = new Map(views.map((v) => [v.segment.id, this.segmentView(v)]));
    return {
      items: found.map((f) => ({
        ...byId.get(f.id)!,
        characterName: f.characterName,
        sceneTypeName: f.sceneTypeName,
      })),
    };
  }

  /**
   * Promotes a test shot to segment 1 of its scene (PRD-058): the chain restarts from it and generation continues
   * from segment 2, seeded with the test shot's boundary frame.
   */
  async promote(
    acting: Acting,
    segmentPublicId: string,
    body: { tier: 'draft' | 'production' },
  ): Promise<SceneRun> {
    const runId = await this.d.bus.transaction(async (tx, emit) => {
      const found = await repo.findSegment(tx, { publicId: segmentPublicId }, true);
      if (!found) throw segmentNotFound(segmentPublicId);
      const seg = found.segment;
      await this.d.scenes.ref(tx, { id: seg.sceneId }, true);
      await tx.select({ id: scenes.id }).from(scenes).where(eq(scenes.id, seg.sceneId)).for('update');
      const origin = seg.runId ? await repo.findRun(tx, { id: seg.runId }) : null;
      if (
        origin?.purpose !== 'test_shot' ||
        !['qa_pass', 'approved'].includes(found.status) ||
        !seg.boundaryFileId
      ) {
        throw new AppError(
          'segment.wrong_state',
          'Only a finished test shot that passed QA (or was approved) can become segment 1 of its scene.',
        );
      }
      if (await repo.liveRunOf(tx, seg.sceneId)) {
        throw new AppError(
          'scene.generation_running',
          'This scene is being generated; wait or cancel it first.',
        );
      }
      const resolved = await resolvePlan(tx, seg.sceneId, {});
      const now = this.d.clock.now();
      await tx
        .update(segments)
        .set({ isCurrent: false, updatedAt: now })
        .where(and(eq(segments.sceneId, seg.sceneId), eq(segments.isCurrent, true)));
      await tx.update(segments).set({ isCurrent: true, updatedAt: now }).where(eq(segments.id, seg.id));
      const done = seg.durationSeconds ?? 0;
      const [run] = await tx
        .insert(sceneRuns)
        .values({
          publicId: newPublicId(),
          sceneId: seg.sceneId,
          purpose: 'generate',
          status: 'running',
          tier: body.tier,
          targetSeconds: resolved.targetSeconds,
          toleranceSeconds: resolved.toleranceSeconds,
          segmentSeconds: resolved.segmentSeconds,
          segmentsEstimated: Math.max(resolved.segments, 1),
          segmentsDone: 1,
          secondsDone: done,
          plan: resolved.plan,
          startedByUserId: acting.ctx.actor?.userId ?? null,
          startedAt: now,
        })
        .returning();
      if (durationMet(done, resolved.targetSeconds, resolved.toleranceSeconds)) {
        await tx
          .update(sceneRuns)
          .set({ status: 'completed', finishedAt: now, segmentsEstimated: 1 })
          .where(eq(sceneRuns.id, run!.id));
        await this.settleSceneStatus(tx, seg.sceneId, now);
      } else {
        const likeness = (seg.qaScores as { likenessEnd?: unknown }).likenessEnd;
        await submitNext(
          this,
          this.d.storage,
          tx,
          emit,
          run!,
          seg,
          seg.boundaryFileId,
          typeof likeness === 'number' ? likeness : null,
        );
        await repo.setSceneStatus(tx, seg.sceneId, 'generating', now);
      }
      await this.d.audit.record(tx, acting.ctx, {
        action: 'segment.promoted',
        entityType: 'segment',
        entityId: seg.publicId,
        summary: `Promoted a ${seg.tier} test shot to segment 1 of ${resolved.plan.sceneTypeName} of "${resolved.plan.characterName}"`,
        details: { runId: run!.publicId, tier: body.tier },
      });
      await this.emitRun(tx, emit, run!.id);
      return run!.id;
    });
    await this.d.jobs.wake();
    return this.runView(runId);
  }

  /**
   * Upscale (PRD-059): generates the scene again at production tier with the same seeds as its current draft chain,
   * segment by segment. The draft versions stay as earlier versions.
   */
  async upscale(acting: Acting, scenePublicId: string): Promise<SceneRun> {
    const runId = await this.d.bus.transaction(async (tx, emit) => {
      const scene = await this.d.scenes.ref(tx, { publicId: scenePublicId }, true);
      const chain = await repo.currentSegments(tx, scene.id);
      if (!chain.length || !chain.some((c) => c.segment.tier === 'draft')) {
        throw new AppError(
          'scene.not_generatable',
          'Upscaling re-renders a draft chain at production tier; this scene has no draft segments.',
        );
      }
      const seeds: Record<string, number> = {};
      for (const c of chain) {
        const seed = (c.segment.parameters as { seed?: unknown }).seed;
        if (typeof seed === 'number') seeds[String(c.segment.sequenceIndex)] = seed;
      }
      return this.startWithin(tx, emit, acting, scene.id, { tier: 'production' }, 'generate', { seeds });
    });
    await this.d.jobs.wake();
    return this.runView(runId);
  }

  // ------------------------------------------------------------------ reading

  async generation(scenePublicId: string): Promise<SceneGeneration> {
    const scene = await this.d.scenes.ref(this.d.db, { publicId: scenePublicId }, false);
    const rows = await repo.segmentViews(this.d.db, eq(segments.sceneId, scene.id));
    const views = rows.map((r) => this.segmentView(r));
    const runs = await repo.runViews(this.d.db, eq(sceneRuns.sceneId, scene.id));
    const runViews = runs.map((r) => this.runViewOf(r));
    const live = runViews.find((r) => ['running', 'awaiting_boundary', 'needs_attention'].includes(r.status));
    const testShot = new Set(rows.filter((r) => r.runPurpose === 'test_shot').map((r) => r.segment.publicId));
    const newestFirst = (a: Segment, b: Segment) => b.createdAt.localeCompare(a.createdAt);
    return {
      sceneId: scenePublicId,
      run: live ?? runViews.find((r) => r.purpose !== 'test_shot') ?? null,
      segments: views.filter((v) => v.isCurrent),
      attempts: views.filter((v) => !v.isCurrent && !testShot.has(v.id)).sort(newestFirst),
      testShots: views.filter((v) => !v.isCurrent && testShot.has(v.id)).sort(newestFirst),
      runs: runViews,
    };
  }

  async segment(publicId: string): Promise<Segment> {
    const [row] = await repo.segmentViews(this.d.db, eq(segments.publicId, publicId));
    if (!row) throw segmentNotFound(publicId);
    return this.segmentView(row);
  }

  async runView(id: number): Promise<SceneRun> {
    const [row] = await repo.runViews(this.d.db, eq(sceneRuns.id, id), 1);
    return this.runViewOf(row!);
  }

  /** Per project: scenes by status, latest runs by status, and the live runs with their progress. */
  async dashboard(projectPublicId: string) {
    const project = await this.d.db.execute<{ id: number }>(
      sql`SELECT id FROM projects WHERE public_id = ${projectPublicId} AND deleted_at IS NULL`,
    );
    const p = (project as unknown as { rows: { id: number }[] }).rows[0];
    if (!p) throw new AppError('project.not_found', `No project with id ${projectPublicId}.`);
    const byStatus = await this.d.db.execute<{ code: string; n: number }>(
      sql`SELECT st.code, count(*)::int AS n FROM scenes s JOIN characters c ON c.id = s.character_id
          JOIN scene_statuses st ON st.id = s.status_id
          WHERE c.project_id = ${p.id} AND c.deleted_at IS NULL GROUP BY st.code`,
    );
    const latest = await this.d.db.execute<{ status: string; n: number; done: number; est: number }>(
      sql`SELECT r.status, count(*)::int AS n, sum(r.segments_done)::int AS done, sum(r.segments_estimated)::int AS est
          FROM (SELECT DISTINCT ON (r.scene_id) r.* FROM scene_runs r JOIN scenes s ON s.id = r.scene_id
                JOIN characters c ON c.id = s.character_id
                WHERE c.project_id = ${p.id} AND c.deleted_at IS NULL
                ORDER BY r.scene_id, r.started_at DESC, r.id DESC) r
          GROUP BY r.status`,
    );
    const liveRows = await this.d.db
      .select({
        run: sceneRuns,
        scenePublicId: scenes.publicId,
        characterName: characters.name,
        sceneTypeName: sceneTypes.name,
      })
      .from(sceneRuns)
      .innerJoin(scenes, eq(scenes.id, sceneRuns.sceneId))
      .innerJoin(characters, eq(characters.id, scenes.characterId))
      .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
      .where(and(eq(characters.projectId, p.id), inArray(sceneRuns.status, [...repo.liveRunStatuses])))
      .orderBy(desc(sceneRuns.startedAt))
      .limit(100);
    const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
    const runs: Record<string, number> = {};
    let done = 0;
    let est = 0;
    for (const r of rowsOf<{ status: string; n: number; done: number; est: number }>(latest)) {
      runs[r.status] = Number(r.n);
      done += Number(r.done ?? 0);
      est += Number(r.est ?? 0);
    }
    const statuses: Record<string, number> = {};
    let total = 0;
    for (const r of rowsOf<{ code: string; n: number }>(byStatus)) {
      statuses[r.code] = Number(r.n);
      total += Number(r.n);
    }
    return {
      projectId: projectPublicId,
      scenes: total,
      byStatus: statuses,
      runs,
      segmentsDone: done,
      segmentsEstimated: est,
      live: liveRows.map((r) => ({
        ...this.runViewOf({
          run: r.run,
          scenePublicId: r.scenePublicId,
          starterPublicId: null,
          starterName: null,
        }),
        characterName: r.characterName,
        sceneTypeName: r.sceneTypeName,
      })),
    };
  }

  /** The API view of a segment row (the review queue shows the same view). */
  segmentView(r: repo.SegmentViewRow): Segment {
    const s = r.segment;
    const file = (id: string | null, thumb: boolean) =>
      id
        ? {
            id,
            url: this.d.links.url(id, 'file'),
            thumbnailUrl: thumb ? this.d.links.url(id, 'thumbnail') : null,
          }
        : null;
    return {
      id: s.publicId,
      sceneId: r.scenePublicId,
      runId: r.runPublicId,
      index: s.sequenceIndex,
      version: s.version,
      isCurrent: s.isCurrent,
      attempt: s.attempt,
      status: r.status as Segment['status'],
      seedSource: (s.seedSource as Segment['seedSource']) ?? null,
      variantTypeSlug: r.variantSlug,
      clipPosition: (s.clipPosition as Segment['clipPosition']) ?? null,
      prompt: (s.prompt as Segment['prompt']) ?? null,
      parameters: (s.parameters ?? {}) as Record<string, unknown>,
      tier: s.tier as Segment['tier'],
      frameCount: s.frameCount,
      fps: s.fps,
      width: s.width,
      height: s.height,
      durationSeconds: s.durationSeconds,
      trimStartFrames: s.trimStartFrames,
      boundaryFrameIndex: s.boundaryFrameIndex,
      boundaryMode: (s.boundaryMode as Segment['boundaryMode']) ?? null,
      qa: {
        verdict: (s.qaVerdict as Segment['qa']['verdict']) ?? null,
        reasons: (s.qaReasons ?? []) as Segment['qa']['reasons'],
        scores: (s.qaScores ?? {}) as Record<string, unknown>,
        rank: s.qaRank,
      },
      error: s.error ? { code: s.errorCode, message: s.error } : null,
      seed: file(r.seedFile, r.seedThumb),
      output: file(r.outputFile, r.outputThumb),
      boundary: file(r.boundaryFile, r.boundaryThumb),
      renderJobId: r.renderJob,
      qaJobId: r.qaJob,
      approvedAt: s.approvedAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
    };
  }

  private runViewOf(r: repo.RunViewRow): SceneRun {
    const run = r.run;
    const end = run.finishedAt ?? this.d.clock.now();
    const elapsed = Math.max(0, (end.getTime() - run.startedAt.getTime()) / 1000);
    const left = Math.max(0, run.segmentsEstimated - run.segmentsDone);
    const live = ['running', 'awaiting_boundary', 'needs_attention'].includes(run.status);
    return {
      id: run.publicId,
      sceneId: r.scenePublicId,
      purpose: run.purpose as SceneRun['purpose'],
      status: run.status as SceneRun['status'],
      tier: run.tier as SceneRun['tier'],
      targetSeconds: run.targetSeconds,
      toleranceSeconds: run.toleranceSeconds,
      segmentSeconds: run.segmentSeconds,
      segmentsEstimated: run.segmentsEstimated,
      segmentsDone: run.segmentsDone,
      secondsDone: run.secondsDone,
      fromIndex: run.fromIndex,
      cascade: run.cascade,
      transitionAtSegment: run.transitionAtSegment,
      error: run.error ? { code: run.errorCode, message: run.error } : null,
      startedBy: r.starterPublicId ? { id: r.starterPublicId, displayName: r.starterName ?? '' } : null,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      elapsedSeconds: elapsed,
      remainingSeconds: live && run.segmentsDone > 0 ? (elapsed / run.segmentsDone) * left : live ? null : 0,
    };
  }

  // ------------------------------------------------------------------ helpers for steps

  /** Steps act for the person who started the run (audit, budgets); they may act on its jobs. */
  async actingFor(db: Executor, userId: number | null): Promise<Acting> {
    return { ctx: await contextOfUser(db, userId), manageAll: true };
  }

  async fileId(db: Executor, publicId: string): Promise<number> {
    const r = await db.execute<{ id: number }>(sql`SELECT id FROM media_files WHERE public_id = ${publicId}`);
    const row = (r as unknown as { rows: { id: number }[] }).rows[0];
    if (!row) throw new AppError('media.not_found', `The image ${publicId} is gone.`);
    return Number(row.id);
  }

  async filePublicId(db: Executor, id: number): Promise<string> {
    const r = await db.execute<{ public_id: string }>(
      sql`SELECT public_id FROM media_files WHERE id = ${id}`,
    );
    return (r as unknown as { rows: { public_id: string }[] }).rows[0]!.public_id;
  }

  private async scenePublicId(db: Executor, id: number): Promise<string | null> {
    const [r] = await db.select({ p: scenes.publicId }).from(scenes).where(eq(scenes.id, id));
    return r?.p ?? null;
  }

  /** A scene's status from its chain after a run ends: in review when it has segments, else pending (or failed). */
  async settleSceneStatus(tx: Executor, sceneId: number, now: Date, failed = false): Promise<void> {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(segments)
      .where(
        and(
          eq(segments.sceneId, sceneId),
          eq(segments.isCurrent, true),
          isNotNull(segments.durationSeconds),
          ne(segments.statusId, repo.segmentStatusId('cancelled')),
        ),
      );
    const code = failed ? 'failed' : Number(r?.n ?? 0) > 0 ? 'review' : 'pending';
    await repo.setSceneStatus(tx, sceneId, code, now);
  }

  async emitRun(tx: Executor, emit: Emit, runId: number): Promise<void> {
    const run = await repo.findRun(tx, { id: runId });
    if (!run) return;
    const plan = run.plan as RunPlan;
    const scene = (await this.scenePublicId(tx, run.sceneId))!;
    const starter = run.startedByUserId
      ? ((
          (await tx.execute<{ public_id: string }>(
            sql`SELECT public_id FROM users WHERE id = ${run.startedByUserId}`,
          )) as unknown as { rows: { public_id: string }[] }
        ).rows[0]?.public_id ?? null)
      : null;
    await emit({
      type: 'scene.run_changed',
      projectId: plan.projectPublicId,
      userId: starter,
      payload: {
        sceneId: scene,
        runId: run.publicId,
        status: run.status,
        segmentsDone: run.segmentsDone,
        segmentsEstimated: run.segmentsEstimated,
        secondsDone: run.secondsDone,
        targetSeconds: run.targetSeconds,
      },
    });
  }

  async emitSegment(tx: Executor, emit: Emit, segmentId: number): Promise<void> {
    const found = await repo.findSegment(tx, { id: segmentId });
    if (!found) return;
    const s = found.segment;
    const [scene] = await tx
      .select({
        publicId: scenes.publicId,
        project: sql<string>`(SELECT p.public_id FROM projects p JOIN characters c ON c.project_id = p.id WHERE c.id = ${scenes.characterId})`,
      })
      .from(scenes)
      .where(eq(scenes.id, s.sceneId));
    await emit({
      type: 'segment.updated',
      projectId: scene!.project,
      userId: null,
      payload: {
        sceneId: scene!.publicId,
        segmentId: s.publicId,
        index: s.sequenceIndex,
        status: found.status,
        verdict: (s.qaVerdict as 'pass' | 'flag' | 'fail' | null) ?? null,
      },
    });
  }

  get notifications() {
    return this.d.notifications;
  }

  get db() {
    return this.d.db;
  }

  get bus() {
    return this.d.bus;
  }

  get clock() {
    return this.d.clock;
  }

  get jobs() {
    return this.d.jobs;
  }
}

/** A worker class for estimates: its tags, sorted (workers with the same tags are alike). */
function classOf(tags: unknown): string {
  const list = Array.isArray(tags) ? (tags as string[]) : [];
  return list.length ? [...list].sort().join('+') : 'any';
}

export type { SimRule };
