// Assembly (PRD-039 §1.1, PRD-025 §1.2): a scene's approved segments joined into its final video — trimmed at
// the boundary frames, stream-copied where nothing needs cutting, otherwise re-encoded once, with a short crossfade
// at joins that jump (boundary smoothing). Runs as a `scene.assemble` job; the result is a new scene video version.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type AssembleBody, type AssemblyPreview, assembleBodySchema, publicIdSchema } from '@i2v/contracts';
import {
  AssemblyError,
  type AssemblyPlan,
  keptFrames,
  planAssembly,
  type SegmentToAssemble,
  ssim,
} from '@i2v/domain';
import { concatCopy, FfmpegError, grabFrame, type MediaProbe, probe, reencodeClips } from '@i2v/ffmpeg';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/client.js';
import { mediaFiles, sceneVideoVersions } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import type { EventBus } from '../events/bus.js';
import { JobFailure, type JobHandler } from '../jobs/registry.js';
import type { JobsService } from '../jobs/service.js';
import * as pipelineRepo from '../pipeline/repo.js';
import type { SceneVideosService } from '../scenes/videos.js';
import { contextOfUser } from '../users/repo.js';

/** Joins are compared on small grey frames: enough to tell a jump from a continuation. */
const joinSize = 128;

export interface AssemblyDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  audit: AuditService;
  storage: Storage;
  jobs: JobsService;
  sceneVideos: SceneVideosService;
  scene: (
    db: Executor,
    by: { publicId: string } | { id: number },
    forEdit: boolean,
  ) => Promise<{
    id: number;
    publicId: string;
    label: string;
  }>;
}

interface LoadedSegment {
  publicId: string;
  sequenceIndex: number;
  status: string;
  tier: 'draft' | 'production';
  trimStartFrames: number;
  boundaryFrameIndex: number | null;
  storageKey: string | null;
  versionNumber: number;
}

const assemblePayloadSchema = z.object({
  sceneId: publicIdSchema,
  options: assembleBodySchema,
});
type AssemblePayload = z.infer<typeof assemblePayloadSchema>;

export class AssemblyService {
  constructor(private readonly d: AssemblyDeps) {}

  /** The current segments of a scene with their output files, in order. */
  private async load(db: Executor, sceneId: number): Promise<LoadedSegment[]> {
    const rows = await pipelineRepo.currentSegments(db, sceneId);
    const fileIds = rows.flatMap((r) => (r.segment.outputFileId ? [r.segment.outputFileId] : []));
    const files = fileIds.length
      ? await db
          .select({ id: mediaFiles.id, key: mediaFiles.storageKey })
          .from(mediaFiles)
          .where(inArray(mediaFiles.id, fileIds))
      : [];
    const keyOf = new Map(files.map((f) => [f.id, f.key]));
    return rows.map((r) => ({
      publicId: r.segment.publicId,
      sequenceIndex: r.segment.sequenceIndex,
      status: r.status,
      tier: r.segment.tier as 'draft' | 'production',
      trimStartFrames: r.segment.trimStartFrames,
      boundaryFrameIndex: r.segment.boundaryFrameIndex,
      storageKey: r.segment.outputFileId ? (keyOf.get(r.segment.outputFileId) ?? null) : null,
      versionNumber: r.segment.version,
    }));
  }

  /** Refuses a scene whose current segments are not all approved (422 naming them). */
  private assertApproved(segs: LoadedSegment[]): void {
    if (segs.length === 0) {
      throw new AppError('assembly.no_segments', 'This scene has no segments yet; generate it first.');
    }
    const open = segs.filter((s) => s.status !== 'approved');
    if (open.length > 0) {
      throw new AppError(
        'assembly.not_approved',
        `Segment${open.length > 1 ? 's' : ''} ${open.map((s) => s.sequenceIndex).join(', ')} ${open.length > 1 ? 'are' : 'is'} not approved; approve every segment before assembling.`,
        open.map((s) => ({
          field: `segments.${s.sequenceIndex}`,
          message: `is ${s.status.replace('_', ' ')}, not approved`,
        })),
      );
    }
  }

  /**
   * Queues the assembly of a scene inside the caller's transaction (the review module calls this when the last
   * segment is approved). Returns the job's public id.
   */
  async request(tx: Tx, ctx: RequestContext, sceneId: number, body?: Partial<AssembleBody>): Promise<string> {
    const scene = await this.d.scene(tx, { id: sceneId }, false);
    const options = assembleBodySchema.parse(body ?? {});
    const found = await tx.execute<{ p: string }>(
      sql`SELECT p.public_id AS p FROM scenes s JOIN characters c ON c.id = s.character_id JOIN projects p ON p.id = c.project_id WHERE s.id = ${sceneId}`,
    );
    const projectPublicId = (found as unknown as { rows: { p: string }[] }).rows[0]?.p;
    const job = await this.d.jobs.submitWithin(
      tx,
      async () => undefined,
      { ctx, manageAll: true },
      {
        kind: 'scene.assemble',
        label: `Assemble ${scene.label}`,
        projectId: projectPublicId,
        payload: { sceneId: scene.publicId, options },
      },
    );
    await this.d.audit.record(tx, ctx, {
      action: 'scene.assembly_requested',
      entityType: 'scene',
      entityId: scene.publicId,
      summary: `Queued the assembly of ${scene.label}`,
      details: { jobId: job.publicId, smoothing: options.smoothing },
    });
    return job.publicId;
  }

  /** `POST /scenes/{id}/assemble`: checks the segments, then queues the job. */
  async start(
    ctx: RequestContext,
    scenePublicId: string,
    body: AssembleBody,
  ): Promise<{ jobId: string; sceneId: string }> {
    const jobId = await this.d.db.transaction(async (tx) => {
      const scene = await this.d.scene(tx, { publicId: scenePublicId }, true);
      this.assertApproved(await this.load(tx, scene.id));
      return this.request(tx, ctx, scene.id, body);
    });
    await this.d.jobs.wake();
    return { jobId, sceneId: scenePublicId };
  }

  /** What an assembly would do now: joins with their SSIM, copy or re-encode, and why not when it cannot. */
  async preview(scenePublicId: string, body: AssembleBody): Promise<AssemblyPreview> {
    const scene = await this.d.scene(this.d.db, { publicId: scenePublicId }, false);
    const segs = await this.load(this.d.db, scene.id);
    const unapproved = segs.filter((s) => s.status !== 'approved').map((s) => s.sequenceIndex);
    const base: AssemblyPreview = {
      sceneId: scenePublicId,
      ready: segs.length > 0 && unapproved.length === 0,
      unapproved,
      method: null,
      reasons: [],
      joins: [],
      frames: null,
      durationSeconds: null,
      problem: segs.length === 0 ? 'This scene has no segments yet.' : null,
      assembled: await this.assembledFrom(scene.id, segs),
    };
    if (segs.length === 0) return base;
    const dir = await mkdtemp(path.join(tmpdir(), 'i2v-join-'));
    try {
      const { plan } = await this.plan(segs, body, dir);
      return {
        ...base,
        method: plan.method,
        reasons: plan.reasons,
        joins: plan.joins,
        frames: plan.frames,
        durationSeconds: plan.durationSeconds,
      };
    } catch (err) {
      if (err instanceof AppError) return { ...base, problem: err.message };
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The scene's final version when it was assembled from exactly these segment versions. */
  private async assembledFrom(sceneId: number, segs: LoadedSegment[]) {
    const [final] = await this.d.db
      .select({
        publicId: sceneVideoVersions.publicId,
        versionNumber: sceneVideoVersions.versionNumber,
        assembly: sceneVideoVersions.assembly,
      })
      .from(sceneVideoVersions)
      .where(and(eq(sceneVideoVersions.sceneId, sceneId), eq(sceneVideoVersions.isFinal, true)));
    const used =
      (final?.assembly as { segments?: { id: string }[] } | null)?.segments?.map((s) => s.id) ?? [];
    const same =
      used.length > 0 && used.length === segs.length && used.every((id, i) => id === segs[i]!.publicId);
    return final && same ? { versionId: final.publicId, versionNumber: final.versionNumber } : null;
  }

  /** Copies each segment's file to `dir`, probes it and measures its joins; then plans. */
  private async plan(
    segs: LoadedSegment[],
    body: AssembleBody,
    dir: string,
    signal?: AbortSignal,
  ): Promise<{ plan: AssemblyPlan; files: string[] }> {
    const files: string[] = [];
    const toAssemble: SegmentToAssemble[] = [];
    for (const s of segs) {
      const unreadable = (why: string) =>
        new AppError('assembly.segment_unreadable', `Segment ${s.sequenceIndex} cannot be read: ${why}.`, [
          { field: `segments.${s.sequenceIndex}`, message: why },
        ]);
      if (!s.storageKey || !(await this.d.storage.stat(s.storageKey)))
        throw unreadable('its file is missing');
      const file = path.join(dir, `${String(s.sequenceIndex).padStart(4, '0')}.mp4`);
      await pipeline(this.d.storage.stream(s.storageKey), createWriteStream(file));
      let info: MediaProbe;
      try {
        info = await probe(file, { countFrames: true, timeoutMs: 60_000, signal });
      } catch (err) {
        if (err instanceof FfmpegError && err.code === 'FFMPEG_MISSING') throw err;
        throw unreadable('ffprobe cannot read it');
      }
      if (!info.video || info.video.frameCount === 0) throw unreadable('it has no video frames');
      files.push(file);
      toAssemble.push({
        key: s.publicId,
        sequenceIndex: s.sequenceIndex,
        frameCount: info.video.frameCount,
        trimStartFrames: s.trimStartFrames,
        boundaryFrameIndex: s.boundaryFrameIndex,
        codec: info.video.codec,
        width: info.video.width,
        height: info.video.height,
        fps: info.video.fps,
        pixelFormat: info.video.pixelFormat,
        tier: s.tier,
      });
    }
    const joinSsim: (number | null)[] = [];
    for (let j = 0; j + 1 < toAssemble.length; j++) {
      const a = toAssemble[j]!;
      const b = toAssemble[j + 1]!;
      const grey = { width: joinSize, height: joinSize, pixelFormat: 'gray' as const, signal };
      try {
        const [fa, fb] = await Promise.all([
          grabFrame(files[j]!, keptFrames(a).to, grey),
          grabFrame(files[j + 1]!, keptFrames(b).from, grey),
        ]);
        joinSsim.push(ssim(fa, fb, joinSize, joinSize));
      } catch {
        joinSsim.push(null);
      }
    }
    try {
      return { plan: planAssembly(toAssemble, joinSsim, body), files };
    } catch (err) {
      if (err instanceof AssemblyError) {
        throw new AppError(
          err.code,
          `${err.message}.`,
          err.segments.map((key) => ({
            field: `segments.${toAssemble.find((t) => t.key === key)?.sequenceIndex ?? key}`,
            message: err.message,
          })),
        );
      }
      throw err;
    }
  }

  /** The job: assembles the scene's approved segments into a new final version. Idempotent per run. */
  async run(
    payload: AssemblePayload,
    o: { signal: AbortSignal; progress: (f: number, text?: string) => void; ownerUserId: number | null },
  ): Promise<{ versionId: string; method: string; frames: number; smoothedJoins: number[] }> {
    const scene = await this.d.scene(this.d.db, { publicId: payload.sceneId }, false);
    const segs = await this.load(this.d.db, scene.id);
    this.assertApproved(segs);
    const dir = await mkdtemp(path.join(tmpdir(), 'i2v-assemble-'));
    try {
      o.progress(0.05, 'reading segments');
      const { plan, files } = await this.plan(segs, payload.options, dir, o.signal);
      const out = path.join(dir, 'scene.mp4');
      o.progress(0.2, plan.method === 'copy' ? 'joining (stream copy)' : 'joining (re-encode)');
      const onProgress = (seconds: number) =>
        o.progress(0.2 + 0.7 * Math.min(1, seconds / Math.max(plan.durationSeconds, 0.01)));
      if (plan.method === 'copy') {
        await concatCopy(files, path.join(dir, 'list.txt'), out, { signal: o.signal, onProgress });
      } else {
        await reencodeClips(
          {
            parts: plan.parts.map((p, i) => ({ file: files[i]!, from: p.from, to: p.to })),
            smoothJoins: plan.smoothJoins,
            crossfadeFrames: plan.crossfadeFrames,
            width: plan.width,
            height: plan.height,
            fps: plan.fps,
          },
          out,
          { signal: o.signal, onProgress },
        );
      }
      o.progress(0.92, 'storing');
      // segments must still be the ones planned: a regeneration while the job ran makes this assembly stale
      const now = await this.load(this.d.db, scene.id);
      const same =
        now.length === segs.length &&
        now.every((s, i) => s.publicId === segs[i]!.publicId && s.status === 'approved');
      if (!same) {
        throw new AppError(
          'assembly.not_approved',
          'The scene changed while it was being assembled (a segment was regenerated or un-approved); assemble it again.',
        );
      }
      const ctx = await contextOfUser(this.d.db, o.ownerUserId);
      const versionId = await this.d.sceneVideos.addGenerated(ctx, scene.publicId, out, {
        tier: plan.tier,
        notes: `Assembled from ${plan.parts.length} segment(s)${plan.smoothJoins.length ? `, ${plan.smoothJoins.length} join(s) smoothed` : ''} (${plan.method === 'copy' ? 'stream copy' : 're-encoded'})`,
        assembly: {
          method: plan.method,
          reasons: plan.reasons,
          segments: plan.parts.map((p, i) => ({
            id: p.key,
            index: p.sequenceIndex,
            version: segs[i]!.versionNumber,
            from: p.from,
            to: p.to,
          })),
          joins: plan.joins,
          crossfadeFrames: plan.crossfadeFrames,
          frames: plan.frames,
        },
      });
      return {
        versionId,
        method: plan.method,
        frames: plan.frames,
        smoothedJoins: plan.joins.filter((j) => j.smoothed).map((j) => j.join),
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

export function sceneAssembleHandler(assembly: () => AssemblyService): JobHandler<AssemblePayload> {
  return {
    kind: 'scene.assemble',
    resource: 'cpu',
    label: 'Assemble a scene',
    description:
      "Joins a scene's approved segments into its final video (stream copy or one re-encode, trimmed at the boundary frames, joins smoothed) and adds it as the scene's final version",
    payload: assemblePayloadSchema,
    async run(ctx) {
      try {
        const result = await assembly().run(ctx.job.payload, {
          signal: ctx.signal,
          progress: (f, text) => ctx.progress(f, text ?? null),
          ownerUserId: ctx.job.ownerUserId,
        });
        return { result };
      } catch (err) {
        if (err instanceof AppError) {
          throw new JobFailure('content', err.message);
        }
        throw err;
      }
    },
  };
}
