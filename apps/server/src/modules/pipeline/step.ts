// `segment.qa` (CPU): runs after every segment render, whatever its outcome. Measures the clip, chooses its boundary
// frame, stores the frame (lossless PNG) and the scores, and moves the run on — next segment, another attempt, a
// pause for a person, or the end — in one transaction. Idempotent: a segment settled once is not settled again.

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageAnalysePayloadSchema, segmentQaPayloadSchema } from '@i2v/contracts';
import {
  bestAttempt,
  boundaryCandidates,
  chooseBoundaryFrame,
  durationMet,
  elasticWindow,
  evaluateGates,
  jitterParameters,
  type QaVerdict,
  seededRandom,
  seedSourceFor,
  shouldRetry,
  usableSeconds,
  variantAt,
} from '@i2v/domain';
import type { FaceAnalyzer } from '@i2v/faces';
import { extractFrame, type KeptFrames, readKeptFrame } from '@i2v/ffmpeg';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Executor, Tx } from '../../db/client.js';
import { faceEmbeddings, mediaFiles, sceneRuns, segments } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { Storage } from '../../platform/storage.js';
import type { EventDraft } from '../events/bus.js';
import type { NotificationDraft } from '../events/notifications.js';
import type { JobHandler, JobRunContext } from '../jobs/registry.js';
import {
  decodeSegment,
  embedImage,
  judgeSegment,
  type SegmentAnalysis,
  UnreadableSegment,
} from './analysis.js';
import type { RunPlan } from './plan.js';
import * as repo from './repo.js';
import type { NextSegment, PipelineService } from './service.js';

type Emit = <E extends EventDraft['type']>(d: EventDraft<E>) => Promise<void>;

export interface StepDeps {
  pipeline: () => PipelineService;
  storage: Storage;
  /** The face detector, loaded once; null where it cannot run (face gates are then not measured). */
  faces: () => Promise<FaceAnalyzer | null>;
}

interface Measured {
  analysis: SegmentAnalysis;
  verdict: QaVerdict;
  outputFileId: number;
  boundaryIndex: number | null;
  boundaryFileId: number | null;
  durationSeconds: number;
}

interface Failure {
  code: string;
  message: string;
  outputFileId?: number | null;
}

export function segmentQaHandler(d: StepDeps): JobHandler<{ segmentId: string }> {
  return {
    kind: 'segment.qa',
    resource: 'cpu',
    label: 'Segment QA',
    description:
      'Checks a rendered segment (continuity, face and likeness, motion, black/frozen frames, conformance), extracts its boundary frame and starts the next step of the scene',
    payload: segmentQaPayloadSchema,
    async check(db, payload, at) {
      const found = await repo.findSegment(db, { publicId: payload.segmentId });
      if (!found) {
        throw new AppError('segment.not_found', `No segment with id ${payload.segmentId}.`, [
          { field: `${at}.segmentId`, message: 'is not a segment' },
        ]);
      }
      return { label: `QA segment ${found.segment.sequenceIndex}` };
    },
    async run(ctx) {
      return new SegmentStep(d, ctx).run();
    },
  };
}

class SegmentStep {
  private readonly p: PipelineService;
  private readonly logs: { message: string; details: Record<string, unknown> }[] = [];

  constructor(
    private readonly d: StepDeps,
    private readonly ctx: JobRunContext<{ segmentId: string }>,
  ) {
    this.p = d.pipeline();
  }

  async run() {
    try {
      return await this.step();
    } finally {
      for (const l of this.logs) await this.ctx.log('info', l.message, l.details);
    }
  }

  private async step() {
    const found = await repo.findSegment(this.p.db, { publicId: this.ctx.job.payload.segmentId });
    if (!found) return { result: { skipped: 'segment deleted' } };
    const seg = found.segment;
    if (found.status !== 'generating') return { result: { skipped: `already ${found.status}` } };
    const run = seg.runId ? await repo.findRun(this.p.db, { id: seg.runId }) : null;
    if (!run || !repo.liveRunStatuses.includes(run.status as never)) {
      await this.settleCancelled(seg.id);
      return { result: { skipped: 'run no longer live' } };
    }
    const render = seg.renderJobId ? await repo.renderOutputs(this.p.db, seg.renderJobId) : null;
    if (!render || render.state === 'cancelled') {
      await this.cancelRun(run, seg, 'The render was cancelled');
      return { result: { cancelled: true } };
    }
    if (render.state !== 'completed') {
      const e = (render.error ?? {}) as { message?: string };
      await this.fail(run, seg, {
        code: 'segment.render_failed',
        message: `The render failed: ${e.message ?? 'no reason given'}`,
      });
      return { result: { failed: 'render' } };
    }
    const video = render.files.find((f) => f.mime.startsWith('video/') || f.mime === 'image/gif');
    if (!video) {
      await this.fail(run, seg, {
        code: 'segment.no_output',
        message: 'The workflow produced no video (check its save node)',
      });
      return { result: { failed: 'no output' } };
    }
    this.ctx.progress(0.1, 'measuring');
    let measured: Measured;
    const dir = await mkdtemp(path.join(tmpdir(), 'i2v-qa-'));
    try {
      measured = await this.measure(run, seg, video, dir, render.gpuSeconds);
    } catch (err) {
      if (err instanceof UnreadableSegment) {
        await this.fail(run, seg, {
          code: 'segment.unreadable',
          message: err.message,
          outputFileId: video.id,
        });
        return { result: { failed: 'unreadable' } };
      }
      if (this.ctx.signal.aborted) throw err;
      // settled on the segment rather than retried as a job: a run never waits on a QA job that gave up
      await this.fail(run, seg, {
        code: 'segment.qa_error',
        message: `Measuring the segment failed: ${(err as Error).message}`,
        outputFileId: video.id,
      });
      return { result: { failed: 'measuring' } };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    this.ctx.progress(0.9, 'deciding');
    try {
      await this.settle(run, seg, measured);
    } catch (err) {
      if (this.ctx.signal.aborted) throw err;
      // settling rolled back: fail the segment so its run ends instead of waiting on a QA job that gave up
      await this.fail(run, seg, {
        code: 'segment.qa_error',
        message: `Deciding what follows the segment failed: ${(err as Error).message}`,
        outputFileId: video.id,
      });
      return { result: { failed: 'settling' } };
    }
    return {
      result: {
        segmentId: seg.publicId,
        verdict: measured.verdict.verdict,
        boundaryFrame: measured.boundaryIndex,
      },
    };
  }

  // ---------------------------------------------------------------- measuring

  private async measure(
    run: repo.RunRow,
    seg: repo.SegmentRow,
    video: { id: number; publicId: string; key: string },
    dir: string,
    _gpuSeconds: number,
  ): Promise<Measured> {
    const plan = run.plan as RunPlan;
    const file = path.join(dir, `segment${path.extname(video.key) || '.mp4'}`);
    await writeFile(file, await this.d.storage.read(video.key));
    const seedKey = seg.seedFileId ? await this.keyOf(seg.seedFileId) : null;
    if (!seedKey) throw new UnreadableSegment('The seed frame of this segment is gone');
    const seedImage = await this.d.storage.read(seedKey);
    const faces = await this.d.faces();
    const characterEmbedding =
      faces && plan.sourceFileId ? await this.embeddingOf(faces, plan.sourceFileId) : null;
    const baseline = seg.sequenceIndex > 1 ? await this.sceneBaseline(seg.sceneId) : null;
    const trimStart = seg.trimStartFrames;
    const fps = seg.fps ?? plan.fps;
    const elastic = (frameCount: number, fps: number) =>
      run.cascade
        ? elasticWindow({
            targetSeconds: run.targetSeconds,
            toleranceSeconds: run.toleranceSeconds,
            secondsBefore: run.secondsDone,
            fps,
            trimStart,
            frameCount,
          })
        : null;
    const boundaryRule = { mode: plan.boundaryMode, windowFrames: plan.boundaryWindowFrames };
    // the frames the boundary frame can be, as far as the requested frame count tells: kept at full size by the
    // decoding pass, so the boundary frame needs no second decode of the clip
    const candidates = seg.frameCount
      ? boundaryCandidates({
          ...boundaryRule,
          frameCount: seg.frameCount,
          elastic: elastic(seg.frameCount, fps),
        })
      : null;
    const clip = await decodeSegment(file, {
      keep: candidates ? { ...candidates, file: path.join(dir, 'kept.rgb') } : undefined,
      signal: this.ctx.signal,
    });
    const boundaryIndex = chooseBoundaryFrame({
      ...boundaryRule,
      frameCount: clip.frameCount,
      motion: clip.motion,
      elastic: elastic(clip.frameCount, clip.fps),
    });
    // faces are found on this thread while the boundary frame is encoded and registered beside them
    const [judged, stored] = await Promise.allSettled([
      judgeSegment(
        clip,
        {
          seedImage,
          expected: { width: seg.width, height: seg.height, fps, frameCount: seg.frameCount },
          characterEmbedding,
          sceneBaseline: baseline,
        },
        // a character whose source image shows no face a detector finds (a drawing, a mask) is not held to the face
        // gates: they are left unmeasured rather than failed
        characterEmbedding ? faces : null,
      ),
      boundaryIndex === null
        ? Promise.resolve(null)
        : storeBoundaryFrame(this.p.db, this.d.storage, seg.publicId, file, boundaryIndex, dir, {
            signal: this.ctx.signal,
            frameCount: clip.frameCount,
            kept: clip.kept,
          }),
    ]);
    if (judged.status === 'rejected') throw judged.reason;
    if (stored.status === 'rejected') throw stored.reason;
    const analysis = judged.value;
    const boundaryFileId = stored.value;
    const verdict = evaluateGates(analysis.scores, plan.qa);
    await this.storePoster(seg, video.id, analysis.poster);
    const durationSeconds = usableSeconds(boundaryIndex ?? analysis.frameCount - 1, trimStart, analysis.fps);
    return { analysis, verdict, outputFileId: video.id, boundaryIndex, boundaryFileId, durationSeconds };
  }

  private async keyOf(fileId: number): Promise<string | null> {
    const [f] = await this.p.db
      .select({ key: mediaFiles.storageKey })
      .from(mediaFiles)
      .where(eq(mediaFiles.id, fileId));
    return f?.key ?? null;
  }

  /** The character's likeness baseline: the source image's face embedding, computed once and kept. */
  private async embeddingOf(faces: FaceAnalyzer, fileId: number): Promise<number[] | null> {
    return characterEmbedding(this.p.db, this.d.storage, faces, fileId);
  }

  private async sceneBaseline(sceneId: number): Promise<number | null> {
    const [first] = await this.p.db
      .select({ scores: segments.qaScores })
      .from(segments)
      .where(and(eq(segments.sceneId, sceneId), eq(segments.sequenceIndex, 1), eq(segments.isCurrent, true)));
    const v = (first?.scores as { likenessStart?: unknown } | undefined)?.likenessStart;
    return typeof v === 'number' ? v : null;
  }

  /** The first frame as the clip's poster (thumbnail), unless it has one. */
  private async storePoster(seg: repo.SegmentRow, fileId: number, poster: Buffer): Promise<void> {
    const key = `segments/${seg.publicId}/poster.webp`;
    await this.d.storage.put(key, poster);
    await this.p.db
      .update(mediaFiles)
      .set({ thumbnailKey: key })
      .where(and(eq(mediaFiles.id, fileId), isNull(mediaFiles.thumbnailKey)));
  }

  // ---------------------------------------------------------------- deciding

  private async settle(run: repo.RunRow, seg: repo.SegmentRow, m: Measured): Promise<void> {
    const plan = run.plan as RunPlan;
    let notify: NotificationDraft | null = null;
    await this.p.bus.transaction(async (tx, emit) => {
      const live = await repo.findRun(tx, { id: run.id }, true);
      const current = await repo.findSegment(tx, { id: seg.id }, true);
      if (!live || !current || current.status !== 'generating') return;
      if (!repo.liveRunStatuses.includes(live.status as never)) {
        await this.markCancelled(tx, seg.id);
        return;
      }
      const now = this.p.clock.now();
      const failed = m.verdict.verdict === 'fail';
      await tx
        .update(segments)
        .set({
          statusId: repo.segmentStatusId(failed ? 'qa_fail' : 'qa_pass'),
          outputFileId: m.outputFileId,
          qaScores: {
            ...m.analysis.scores,
            likenessStart: m.analysis.likenessStart,
            likenessEnd: m.analysis.likenessEnd,
          },
          qaVerdict: m.verdict.verdict,
          qaReasons: m.verdict.reasons,
          qaRank: m.verdict.rank,
          boundaryFrameIndex: m.boundaryIndex,
          boundaryFileId: m.boundaryFileId,
          boundaryMode: plan.boundaryMode,
          durationSeconds: m.durationSeconds,
          frameCount: m.analysis.frameCount,
          fps: m.analysis.fps,
          width: m.analysis.width,
          height: m.analysis.height,
          updatedAt: now,
        })
        .where(eq(segments.id, seg.id));
      await this.p.emitSegment(tx, emit, seg.id);
      // a test shot ends after its one segment whatever QA says: its verdict is what it is for
      if (failed && live.purpose !== 'test_shot') {
        notify = await this.afterFailedQa(tx, emit, live, seg, m.verdict);
      } else {
        notify = await this.advance(tx, emit, live, seg, m);
      }
      await this.p.emitRun(tx, emit, run.id);
      if (notify && live.startedByUserId) {
        await this.p.notifications.notify(tx, emit, live.startedByUserId, null, notify);
      }
    });
    await this.p.jobs.wake();
  }

  /** A passed (or flagged) segment: count it, then the next segment, a pause for a boundary frame, or the end. */
  private async advance(
    tx: Tx,
    emit: Emit,
    run: repo.RunRow,
    seg: repo.SegmentRow,
    m: Measured,
  ): Promise<NotificationDraft | null> {
    const plan = run.plan as RunPlan;
    const now = this.p.clock.now();
    const segmentsDone = run.segmentsDone + 1;
    const secondsDone = run.secondsDone + m.durationSeconds;
    const last =
      (!run.cascade && seg.sequenceIndex === run.fromIndex) ||
      durationMet(secondsDone, run.targetSeconds, run.toleranceSeconds) ||
      run.purpose === 'test_shot';
    const progress = {
      segmentsDone,
      secondsDone,
      segmentsEstimated: Math.max(run.segmentsEstimated, segmentsDone + (last ? 0 : 1)),
      updatedAt: now,
    };
    if (last) {
      await tx
        .update(sceneRuns)
        .set({ ...progress, status: 'completed', finishedAt: now, segmentsEstimated: segmentsDone })
        .where(eq(sceneRuns.id, run.id));
      if (run.purpose === 'test_shot') {
        return {
          kind: 'scene.completed',
          level: m.verdict.verdict === 'fail' ? 'warning' : 'success',
          title: `Test shot of ${plan.characterName} · ${plan.sceneTypeName} is ready`,
          body: `QA: ${m.verdict.verdict}${m.verdict.reasons.length ? ` — ${m.verdict.reasons[0]!.message}` : ''}.`,
          link: `/projects/${plan.projectPublicId}/scenes/${await this.scenePublicId(tx, run.sceneId)}`,
        };
      }
      if (run.cascade) {
        // a shorter new chain leaves no stale segments of the old one behind
        await tx
          .update(segments)
          .set({ isCurrent: false, updatedAt: now })
          .where(
            and(
              eq(segments.sceneId, run.sceneId),
              eq(segments.isCurrent, true),
              gt(segments.sequenceIndex, seg.sequenceIndex),
            ),
          );
      }
      await this.p.settleSceneStatus(tx, run.sceneId, now);
      return {
        kind: 'scene.completed',
        level: 'success',
        title: `${plan.characterName} · ${plan.sceneTypeName} is ready for review`,
        body: `${segmentsDone} segment(s), ${secondsDone.toFixed(1)} s.`,
        link: `/projects/${plan.projectPublicId}/scenes/${await this.scenePublicId(tx, run.sceneId)}`,
      };
    }
    if (m.boundaryIndex === null) {
      await tx
        .update(sceneRuns)
        .set({ ...progress, status: 'awaiting_boundary' })
        .where(eq(sceneRuns.id, run.id));
      return {
        kind: 'scene.needs_attention',
        level: 'info',
        title: `Choose the boundary frame of segment ${seg.sequenceIndex}`,
        body: `${plan.characterName} · ${plan.sceneTypeName} waits for you to pick the frame the next segment starts from.`,
        link: `/projects/${plan.projectPublicId}/scenes/${await this.scenePublicId(tx, run.sceneId)}`,
      };
    }
    await tx.update(sceneRuns).set(progress).where(eq(sceneRuns.id, run.id));
    const after = { ...run, ...progress };
    await submitNext(this.p, this.d.storage, tx, emit, after, seg, m.boundaryFileId!, m.analysis.likenessEnd);
    return null;
  }

  /** A hard QA gate failed: another attempt within the policy, else the best attempt is kept for a person to judge. */
  private async afterFailedQa(
    tx: Tx,
    emit: Emit,
    run: repo.RunRow,
    seg: repo.SegmentRow,
    verdict: QaVerdict,
  ): Promise<NotificationDraft | null> {
    const plan = run.plan as RunPlan;
    if (shouldRetry(plan.retry, seg.attempt)) {
      await this.retry(tx, emit, run, seg);
      return null;
    }
    const attempts = await tx
      .select({ id: segments.id, attempt: segments.attempt, rank: segments.qaRank })
      .from(segments)
      .where(
        and(
          eq(segments.runId, run.id),
          eq(segments.sequenceIndex, seg.sequenceIndex),
          eq(segments.statusId, repo.segmentStatusId('qa_fail')),
        ),
      );
    const best = bestAttempt(attempts) ?? { id: seg.id, attempt: seg.attempt, rank: null };
    const now = this.p.clock.now();
    if (best.id !== seg.id) {
      await tx
        .update(segments)
        .set({ isCurrent: false, updatedAt: now })
        .where(
          and(
            eq(segments.sceneId, run.sceneId),
            eq(segments.sequenceIndex, seg.sequenceIndex),
            eq(segments.isCurrent, true),
          ),
        );
      await tx.update(segments).set({ isCurrent: true, updatedAt: now }).where(eq(segments.id, best.id));
    }
    const why = verdict.reasons
      .filter((r) => r.severity === 'hard')
      .map((r) => r.message)
      .join('; ');
    const tries =
      attempts.length > 1
        ? ` after ${attempts.length} attempts (attempt ${best.attempt} kept as the best)`
        : '';
    await tx
      .update(sceneRuns)
      .set({
        status: 'needs_attention',
        errorCode: 'qa.failed',
        error: `Segment ${seg.sequenceIndex} failed QA${tries}: ${why}`,
        updatedAt: now,
      })
      .where(eq(sceneRuns.id, run.id));
    return {
      kind: 'scene.needs_attention',
      level: 'warning',
      title: `Segment ${seg.sequenceIndex} of ${plan.characterName} · ${plan.sceneTypeName} failed QA`,
      body: `${why}${tries}. Regenerate it, or approve it as it is.`,
      link: `/projects/${plan.projectPublicId}/scenes/${await this.scenePublicId(tx, run.sceneId)}`,
    };
  }

  /** Another attempt at the same index: same seed frame, a new seed, bounded jitter of the configured slots. */
  private async retry(tx: Tx, emit: Emit, run: repo.RunRow, seg: repo.SegmentRow): Promise<void> {
    const plan = run.plan as RunPlan;
    const params = { ...(seg.parameters as Record<string, string | number | boolean>) };
    delete params.seed;
    const jittered = jitterParameters(params, plan.retry.jitter, seededRandom(seg.id * 7919 + seg.attempt));
    const changed = Object.fromEntries(Object.entries(jittered).filter(([k, v]) => params[k] !== v));
    // written to the job's history after the commit (the history is not part of this transaction)
    this.logs.push({
      message: `Segment ${seg.sequenceIndex}: attempt ${seg.attempt + 1} of ${plan.retry.maxAttempts}`,
      details: { changed },
    });
    await this.p.submitSegment(tx, emit, run, {
      index: seg.sequenceIndex,
      seedFileId: seg.seedFileId!,
      seedSource: (seg.seedSource as NextSegment['seedSource']) ?? 'boundary',
      attempt: seg.attempt + 1,
      parameters: changed,
    });
  }

  /** The render failed, produced nothing, or a file nobody can read: retry within the policy, else the run fails. */
  private async fail(run: repo.RunRow, seg: repo.SegmentRow, f: Failure): Promise<void> {
    const plan = run.plan as RunPlan;
    let notify: NotificationDraft | null = null;
    await this.p.bus.transaction(async (tx, emit) => {
      const live = await repo.findRun(tx, { id: run.id }, true);
      const current = await repo.findSegment(tx, { id: seg.id }, true);
      if (!live || !current || current.status !== 'generating') return;
      const now = this.p.clock.now();
      await tx
        .update(segments)
        .set({
          statusId: repo.segmentStatusId('failed'),
          errorCode: f.code,
          error: f.message,
          ...(f.outputFileId ? { outputFileId: f.outputFileId } : {}),
          updatedAt: now,
        })
        .where(eq(segments.id, seg.id));
      await this.p.emitSegment(tx, emit, seg.id);
      if (!repo.liveRunStatuses.includes(live.status as never)) return;
      if (shouldRetry(plan.retry, seg.attempt)) {
        await this.retry(tx, emit, live, seg);
      } else {
        await this.restorePrevious(tx, live, seg, now);
        await tx
          .update(sceneRuns)
          .set({
            status: 'failed',
            errorCode: f.code,
            error: `Segment ${seg.sequenceIndex}${seg.attempt > 1 ? ` (attempt ${seg.attempt})` : ''}: ${f.message}`,
            finishedAt: now,
            updatedAt: now,
          })
          .where(eq(sceneRuns.id, run.id));
        if (live.purpose !== 'test_shot') {
          await this.p.settleSceneStatus(tx, run.sceneId, now, live.purpose === 'generate');
        }
        notify = {
          kind: 'scene.needs_attention',
          level: 'error',
          title: `Generating ${plan.characterName} · ${plan.sceneTypeName} failed`,
          body: `Segment ${seg.sequenceIndex}: ${f.message}`,
          link: `/projects/${plan.projectPublicId}/scenes/${await this.scenePublicId(tx, run.sceneId)}`,
        };
      }
      await this.p.emitRun(tx, emit, run.id);
      if (notify && live.startedByUserId) {
        await this.p.notifications.notify(tx, emit, live.startedByUserId, null, notify);
      }
    });
    await this.p.jobs.wake();
  }

  /** A failed regeneration gives the index back to the version it replaced: nothing generated is lost. */
  private async restorePrevious(tx: Tx, run: repo.RunRow, seg: repo.SegmentRow, now: Date): Promise<void> {
    if (run.purpose !== 'regenerate') return;
    const [previous] = await tx
      .select({ id: segments.id })
      .from(segments)
      .where(
        and(
          eq(segments.sceneId, seg.sceneId),
          eq(segments.sequenceIndex, seg.sequenceIndex),
          sql`${segments.runId} IS DISTINCT FROM ${run.id}`,
          sql`${segments.durationSeconds} IS NOT NULL`,
        ),
      )
      .orderBy(sql`${segments.version} DESC`)
      .limit(1);
    if (!previous) return;
    await tx.update(segments).set({ isCurrent: false, updatedAt: now }).where(eq(segments.id, seg.id));
    await tx.update(segments).set({ isCurrent: true, updatedAt: now }).where(eq(segments.id, previous.id));
  }

  private async cancelRun(run: repo.RunRow, seg: repo.SegmentRow, message: string): Promise<void> {
    await this.p.bus.transaction(async (tx, emit) => {
      const live = await repo.findRun(tx, { id: run.id }, true);
      await this.markCancelled(tx, seg.id);
      if (!live || !repo.liveRunStatuses.includes(live.status as never)) return;
      const now = this.p.clock.now();
      await this.restorePrevious(tx, live, seg, now);
      await tx
        .update(sceneRuns)
        .set({ status: 'cancelled', error: message, finishedAt: now, updatedAt: now })
        .where(eq(sceneRuns.id, run.id));
      if (live.purpose !== 'test_shot') await this.p.settleSceneStatus(tx, run.sceneId, now);
      await this.p.emitSegment(tx, emit, seg.id);
      await this.p.emitRun(tx, emit, run.id);
    });
  }

  private async settleCancelled(segmentId: number): Promise<void> {
    await this.p.bus.transaction(async (tx, emit) => {
      await this.markCancelled(tx, segmentId);
      await this.p.emitSegment(tx, emit, segmentId);
    });
  }

  private async markCancelled(tx: Executor, segmentId: number): Promise<void> {
    await tx
      .update(segments)
      .set({ statusId: repo.segmentStatusId('cancelled'), error: 'Cancelled', updatedAt: this.p.clock.now() })
      .where(and(eq(segments.id, segmentId), eq(segments.statusId, repo.segmentStatusId('generating'))));
  }

  private async scenePublicId(tx: Executor, sceneId: number): Promise<string> {
    const r = await tx.execute<{ public_id: string }>(
      sql`SELECT public_id FROM scenes WHERE id = ${sceneId}`,
    );
    return (r as unknown as { rows: { public_id: string }[] }).rows[0]!.public_id;
  }
}

/** The segment after `seg`, seeded from its boundary frame (or the hero for a transition or re-anchoring). */
export async function submitNext(
  p: PipelineService,
  storage: Storage,
  tx: Tx,
  emit: Emit,
  run: repo.RunRow,
  seg: repo.SegmentRow,
  boundaryFileId: number,
  likenessEnd: number | null,
): Promise<void> {
  const plan = run.plan as RunPlan;
  const index = seg.sequenceIndex + 1;
  const source = seedSourceFor({
    index,
    transitionAt: plan.transition?.at ?? null,
    previousLikeness: likenessEnd,
    anchorBelow: plan.anchorBelow,
  });
  const heroOf = (i: number) =>
    p.fileId(tx, plan.heroes[String(variantAt(i, plan.transition, plan.startVariantTypeId))]!);
  const next: NextSegment = { index, seedFileId: boundaryFileId, seedSource: source, attempt: 1 };
  if (source === 'anchor') next.seedFileId = await heroOf(index);
  if (source === 'transition') {
    next.seedFileId = await heroOf(index);
    next.transitionStartFileId = boundaryFileId;
    await tx.update(sceneRuns).set({ transitionAtSegment: index }).where(eq(sceneRuns.id, run.id));
  }
  if (source === 'boundary' && plan.colourMatch) {
    next.seedFileId = await colourMatched(tx, storage, boundaryFileId, await heroOf(index));
  }
  await p.submitSegment(tx, emit, run, next);
}

/**
 * Stores frame `index` of the clip exactly (lossless PNG) and registers it as a reference image: taken from the
 * frames the decoding pass kept at full size when it is among them, else extracted frame-accurately from `file`.
 */
export async function storeBoundaryFrame(
  db: Executor,
  storage: Storage,
  segmentPublicId: string,
  file: string,
  index: number,
  dir: string,
  options: { signal?: AbortSignal; frameCount?: number; kept?: KeptFrames | null } = {},
): Promise<number> {
  const { signal, frameCount, kept } = options;
  const raw = kept ? await readKeptFrame(kept, index) : null;
  let png: Buffer;
  if (raw && kept) {
    png = await sharp(raw, { raw: { width: kept.width, height: kept.height, channels: 3 } })
      .png()
      .toBuffer();
  } else {
    const out = path.join(dir, `boundary-${index}.png`);
    await extractFrame(file, { index }, out, { signal, ...(frameCount ? { frameCount } : {}) });
    png = await readFile(out);
  }
  return registerImage(
    db,
    storage,
    `segments/${segmentPublicId}/boundary-${index}`,
    png,
    `boundary-${index}.png`,
  );
}

/**
 * Stores an image under a key fixed by its owner (so a re-run finds it instead of adding a duplicate) with a WebP
 * thumbnail, and registers it.
 */
export async function registerImage(
  db: Executor,
  storage: Storage,
  keyBase: string,
  png: Buffer,
  name: string,
): Promise<number> {
  const key = `${keyBase}.png`;
  const [existing] = await db
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(eq(mediaFiles.storageKey, key));
  if (existing) return existing.id;
  const meta = await sharp(png).metadata();
  const thumb = await sharp(png).resize(320, 320, { fit: 'inside' }).webp({ quality: 80 }).toBuffer();
  await storage.put(key, png);
  await storage.put(`${keyBase}.thumb.webp`, thumb);
  const [row] = await db
    .insert(mediaFiles)
    .values({
      publicId: newPublicId(),
      storageKey: key,
      thumbnailKey: `${keyBase}.thumb.webp`,
      sha256: createHash('sha256').update(png).digest('hex'),
      sizeBytes: png.length,
      mimeType: 'image/png',
      width: meta.width ?? null,
      height: meta.height ?? null,
      originalFilename: name,
    })
    .onConflictDoNothing()
    .returning({ id: mediaFiles.id });
  if (row) return row.id;
  const [again] = await db
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(eq(mediaFiles.storageKey, key));
  return again!.id;
}

/**
 * Colour matching (PRD-026): the boundary frame with each channel's mean and spread moved to the hero's, so colour
 * drift does not accumulate along a chain. Stored beside the boundary frame; the exact frame is kept as it was.
 */
async function colourMatched(
  tx: Executor,
  storage: Storage,
  boundaryFileId: number,
  heroFileId: number,
): Promise<number> {
  const files = await tx
    .select({ id: mediaFiles.id, key: mediaFiles.storageKey })
    .from(mediaFiles)
    .where(sql`${mediaFiles.id} IN (${boundaryFileId}, ${heroFileId})`);
  const b = files.find((f) => f.id === boundaryFileId)!;
  const h = files.find((f) => f.id === heroFileId)!;
  // both as 8-bit RGB: a black-and-white hero (or frame) has one channel, one with transparency a fourth
  const [frame, hero] = await Promise.all([
    rgbPixels(await storage.read(b.key)),
    rgbPixels(await storage.read(h.key)),
  ]);
  const [fs, hs] = await Promise.all([
    sharp(frame.data, { raw: frame.raw }).stats(),
    sharp(hero.data, { raw: hero.raw }).stats(),
  ]);
  const a: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < 3; i++) {
    const f = fs.channels[i]!;
    const t = hs.channels[i]!;
    const gain = f.stdev > 1 ? Math.min(2, Math.max(0.5, t.stdev / f.stdev)) : 1;
    a.push(gain);
    c.push(t.mean - f.mean * gain);
  }
  const png = await sharp(frame.data, { raw: frame.raw }).linear(a, c).png().toBuffer();
  return registerImage(tx, storage, b.key.replace(/\.png$/, '.matched'), png, 'boundary-matched.png');
}

/** An image's pixels as 8-bit sRGB without alpha, with the `raw` description sharp reads them back with. */
async function rgbPixels(
  image: Buffer,
): Promise<{ data: Buffer; raw: { width: number; height: number; channels: 3 } }> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, raw: { width: info.width, height: info.height, channels: 3 } };
}

/** The face embedding of a stored image, computed once (source-image QA, PRD-022/076) and kept in `face_embeddings`. */
export async function characterEmbedding(
  db: Executor,
  storage: Storage,
  faces: FaceAnalyzer,
  fileId: number,
): Promise<number[] | null> {
  const [known] = await db
    .select({ embedding: faceEmbeddings.embedding, model: faceEmbeddings.model })
    .from(faceEmbeddings)
    .where(eq(faceEmbeddings.fileId, fileId));
  if (known && known.model === faces.model) return known.embedding ?? null;
  const [f] = await db
    .select({ key: mediaFiles.storageKey })
    .from(mediaFiles)
    .where(eq(mediaFiles.id, fileId));
  if (!f) return null;
  const e = await embedImage(faces, await storage.read(f.key));
  await db
    .insert(faceEmbeddings)
    .values({ fileId, model: faces.model, embedding: e.embedding, score: e.score, quality: e.quality })
    .onConflictDoUpdate({
      target: faceEmbeddings.fileId,
      set: {
        model: faces.model,
        embedding: e.embedding,
        score: e.score,
        quality: e.quality,
        updatedAt: new Date(),
      },
    });
  return e.embedding;
}

/**
 * `image.analyse` (CPU): source-image QA (PRD-022) of a character's new source image — face found and with what
 * confidence, sharpness — and its face embedding, the likeness baseline of every segment's QA (PRD-076).
 */
export function imageAnalyseHandler(
  d: Omit<StepDeps, 'pipeline'> & { db: Executor },
): JobHandler<{ fileId: string }> {
  return {
    kind: 'image.analyse',
    resource: 'cpu',
    label: 'Analyse an image',
    description:
      'Source-image QA: finds the face, measures sharpness and stores the face embedding (likeness baseline)',
    payload: imageAnalysePayloadSchema,
    async check(db, payload, at) {
      const [f] = await db
        .select({ mime: mediaFiles.mimeType })
        .from(mediaFiles)
        .where(eq(mediaFiles.publicId, payload.fileId));
      if (!f?.mime.startsWith('image/')) {
        throw new AppError('media.not_found', `There is no image ${payload.fileId}.`, [
          { field: `${at}.fileId`, message: 'is not an image' },
        ]);
      }
      return {};
    },
    async run(ctx) {
      const faces = await d.faces();
      if (!faces) return { result: { skipped: 'face QA is off' } };
      const [f] = await d.db
        .select({ id: mediaFiles.id })
        .from(mediaFiles)
        .where(eq(mediaFiles.publicId, ctx.job.payload.fileId));
      if (!f) return { result: { skipped: 'image deleted' } };
      ctx.progress(0.2, 'finding the face');
      const embedding = await characterEmbedding(d.db, d.storage, faces, f.id);
      return { result: { fileId: ctx.job.payload.fileId, faceFound: embedding !== null } };
    },
  };
}
