// Renditions of a scene video version (PRD-039 §1.3, §1.5): a transcode to an output profile or a watermarked review
// cut, made once by a `media.transcode` CPU job (or inline for a delivery) and reused while its settings still match.
import {
  type CreateRenditionBody,
  defaultReviewWatermark,
  type Rendition,
  transcodePayloadSchema,
  type Watermark,
} from '@i2v/contracts';
import type { OutputProfileSpec } from '@i2v/domain';
import { and, desc, eq, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { jobs, mediaFiles, outputProfiles, renditions } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import type { EventBus } from '../events/bus.js';
import { JobFailure, type JobHandler } from '../jobs/registry.js';
import type { JobsService } from '../jobs/service.js';
import type { MediaLinks } from '../media/links.js';
import { readSettings } from '../projects/dto.js';
import { type OutputProfilesService, specOf } from './profiles.js';
import { findVersionSource, type MakeDeps, makeRenditionFile } from './rendition-file.js';
import { assertTimecodeDrawable, findFontFile, normaliseWatermark, watermarkImage } from './watermark.js';

type Settings = OutputProfileSpec | Watermark;

/** A job that ended without running the rendition to its end leaves it `queued`/`running`: it failed. */
function effective(r: { status: string; error: string | null; jobState: string | null; jobError: unknown }): {
  status: Rendition['status'];
  error: string | null;
} {
  if (
    (r.status === 'queued' || r.status === 'running') &&
    (r.jobState === 'failed' || r.jobState === 'cancelled')
  ) {
    const message = (r.jobError as { message?: string } | null)?.message;
    return {
      status: 'failed',
      error: r.jobState === 'cancelled' ? 'The job was cancelled.' : (message ?? 'The job failed.'),
    };
  }
  return { status: r.status as Rendition['status'], error: r.error };
}

export interface EnsureOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface EnsuredRendition {
  /** media_files.id of the transcoded file. */
  fileId: number;
  filePublicId: string;
  storageKey: string;
  renditionId: string;
  /** A ready rendition with the same settings was reused (nothing was encoded). */
  reused: boolean;
}

export class RenditionsService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      bus: EventBus;
      storage: Storage;
      links: MediaLinks;
      profiles: OutputProfilesService;
      jobs: () => JobsService;
      /** The font for burnt-in timecodes; null when the machine has none. */
      fontFile?: () => Promise<string | null>;
    },
  ) {}

  private fontFile(): Promise<string | null> {
    return this.d.fontFile ? this.d.fontFile() : findFontFile();
  }

  private makeDeps(): MakeDeps {
    return { db: this.d.db, clock: this.d.clock, storage: this.d.storage, fontFile: () => this.fontFile() };
  }

  // ——— reading ———

  async list(versionPublicId: string): Promise<Rendition[]> {
    const version = await findVersionSource(this.d.db, versionPublicId);
    const found = await this.select(this.d.db)
      .where(eq(renditions.videoVersionId, version.id))
      .orderBy(desc(renditions.createdAt), desc(renditions.id));
    return found.map((r) => this.toDto(r, versionPublicId));
  }

  private select(db: Executor) {
    return db
      .select({
        ...getTableColumns(renditions),
        profilePublicId: outputProfiles.publicId,
        profileName: outputProfiles.name,
        profile: getTableColumns(outputProfiles),
        filePublicId: mediaFiles.publicId,
        fileMimeType: mediaFiles.mimeType,
        fileWidth: mediaFiles.width,
        fileHeight: mediaFiles.height,
        fileSizeBytes: mediaFiles.sizeBytes,
        fileName: mediaFiles.originalFilename,
        storageKey: mediaFiles.storageKey,
        jobPublicId: jobs.publicId,
        jobState: jobs.state,
        jobError: jobs.error,
      })
      .from(renditions)
      .leftJoin(outputProfiles, eq(outputProfiles.id, renditions.profileId))
      .leftJoin(mediaFiles, eq(mediaFiles.id, renditions.fileId))
      .leftJoin(jobs, eq(jobs.id, renditions.jobId));
  }

  private toDto(
    r: Awaited<ReturnType<RenditionsService['select']>>[number],
    versionPublicId: string,
  ): Rendition {
    let { status, error } = effective(r);
    if (status === 'ready' && !r.filePublicId) {
      status = 'failed';
      error = 'The file of this rendition is gone; make it again.';
    }
    return {
      id: r.publicId,
      videoVersionId: versionPublicId,
      kind: r.kind as Rendition['kind'],
      profile: r.profilePublicId ? { id: r.profilePublicId, name: r.profileName ?? '' } : null,
      watermark: r.kind === 'review_cut' ? (r.settings as Watermark) : null,
      status,
      progress: status === 'ready' ? 1 : r.progress,
      stale:
        r.kind === 'profile' && r.profile !== null
          ? JSON.stringify(specOf(r.profile)) !== JSON.stringify(specOf(r.settings as OutputProfileSpec))
          : false,
      file:
        status === 'ready' && r.filePublicId
          ? {
              id: r.filePublicId,
              url: this.d.links.url(r.filePublicId, 'file'),
              mimeType: r.fileMimeType ?? 'application/octet-stream',
              width: r.fileWidth,
              height: r.fileHeight,
              sizeBytes: r.fileSizeBytes ?? 0,
              filename: r.fileName ?? r.publicId,
            }
          : null,
      jobId: r.jobPublicId,
      error,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  // ——— requesting ———

  /**
   * Queues a rendition of the version and its `media.transcode` job; the same settings again return the existing
   * rendition (queued, running or ready) instead, and a failed one is queued again.
   */
  async request(
    ctx: RequestContext,
    versionPublicId: string,
    body: CreateRenditionBody,
  ): Promise<{ rendition: Rendition; created: boolean }> {
    const version = await findVersionSource(this.d.db, versionPublicId);
    if (version.deletedAt) {
      throw new AppError(
        'video.in_trash',
        'This version is in the trash; restore it before deriving files from it.',
      );
    }
    let kind: 'profile' | 'review_cut';
    let settings: Settings;
    let profileId: number | null = null;
    let label: string;
    if (body.profileId) {
      const profile = await this.d.profiles.find(this.d.db, body.profileId).catch((err) => {
        if (err instanceof AppError && err.code === 'output_profile.not_found') {
          throw new AppError('output_profile.not_found', err.detail, [
            { field: 'body.profileId', message: 'is not an output profile' },
          ]);
        }
        throw err;
      });
      kind = 'profile';
      settings = specOf(profile);
      profileId = profile.id;
      label = `${profile.name} file`;
    } else {
      const own = body.reviewCut ?? readSettings(version.projectSettings).reviewWatermark;
      const field = body.reviewCut ? 'body.reviewCut' : 'settings.reviewWatermark';
      const watermark = normaliseWatermark(own ?? defaultReviewWatermark);
      await watermarkImage(this.d.db, watermark, field);
      assertTimecodeDrawable(watermark, await this.fontFile(), field);
      kind = 'review_cut';
      settings = watermark;
      label = 'review cut';
    }
    const acting = { ctx, manageAll: true };
    const outcome = await this.d.bus.transaction(async (tx, emit) => {
      // one request at a time per version, so the same settings twice make one rendition
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('renditions'), ${version.id}::int)`);
      const [existing] = await this.select(tx)
        .where(
          and(
            eq(renditions.videoVersionId, version.id),
            eq(renditions.kind, kind),
            sql`${renditions.settings} = ${JSON.stringify(settings)}::jsonb`,
            profileId === null ? undefined : eq(renditions.profileId, profileId),
          ),
        )
        .orderBy(desc(renditions.id))
        .limit(1);
      if (existing) {
        const { status } = effective(existing);
        if (status !== 'failed' && (status !== 'ready' || existing.fileId !== null)) {
          return { publicId: existing.publicId, created: false };
        }
      }
      const publicId = existing?.publicId ?? newPublicId();
      if (!existing) {
        await tx
          .insert(renditions)
          .values({ publicId, videoVersionId: version.id, kind, profileId, settings, status: 'queued' });
      }
      const job = await this.d.jobs().submitWithin(tx, emit, acting, {
        kind: 'media.transcode',
        label: `Make the ${label} of ${version.sceneTypeName} v${version.versionNumber} of ${version.characterName}`,
        projectId: version.projectPublicId,
        payload: { renditionId: publicId },
      });
      await tx
        .update(renditions)
        .set({
          status: 'queued',
          progress: 0,
          error: null,
          fileId: null,
          jobId: job.id,
          updatedAt: this.d.clock.now(),
        })
        .where(eq(renditions.publicId, publicId));
      await this.d.audit.record(tx, ctx, {
        action: 'rendition.requested',
        entityType: 'scene',
        entityId: version.scenePublicId,
        summary: `Requested the ${label} of version ${version.versionNumber} of scene ${version.sceneTypeName} of "${version.characterName}"`,
        details: { renditionId: publicId, versionId: version.publicId, kind, settings },
      });
      return { publicId, created: true };
    });
    if (outcome.created) await this.d.jobs().wake();
    const [row] = await this.select(this.d.db).where(eq(renditions.publicId, outcome.publicId));
    return { rendition: this.toDto(row!, versionPublicId), created: outcome.created };
  }

  // ——— making ———

  /**
   * For delivery packaging: the file of `versionId` transcoded to `profileId` — a ready rendition with the profile's
   * current settings, or a new one encoded here and now (and recorded, so the next delivery reuses it). Ids are
   * row ids (numbers) or public ids.
   */
  async ensureProfileRendition(
    versionId: number | string,
    profileId: number | string,
    o: EnsureOptions = {},
  ): Promise<EnsuredRendition> {
    const version = await findVersionSource(this.d.db, versionId);
    const [profile] = await this.d.db
      .select()
      .from(outputProfiles)
      .where(
        typeof profileId === 'number'
          ? eq(outputProfiles.id, profileId)
          : eq(outputProfiles.publicId, profileId),
      );
    if (!profile) throw new AppError('output_profile.not_found', `No output profile with id ${profileId}.`);
    const spec = specOf(profile);
    const [ready] = await this.select(this.d.db)
      .where(
        and(
          eq(renditions.videoVersionId, version.id),
          eq(renditions.profileId, profile.id),
          eq(renditions.status, 'ready'),
          isNotNull(renditions.fileId),
          sql`${renditions.settings} = ${JSON.stringify(spec)}::jsonb`,
        ),
      )
      .orderBy(desc(renditions.id))
      .limit(1);
    if (ready?.storageKey && (await this.d.storage.stat(ready.storageKey))) {
      o.onProgress?.(1);
      return {
        fileId: ready.fileId!,
        filePublicId: ready.filePublicId!,
        storageKey: ready.storageKey,
        renditionId: ready.publicId,
        reused: true,
      };
    }
    const publicId = newPublicId();
    await this.d.db.insert(renditions).values({
      publicId,
      videoVersionId: version.id,
      kind: 'profile',
      profileId: profile.id,
      settings: spec,
      status: 'running',
    });
    try {
      const made = await makeRenditionFile(this.makeDeps(), publicId, o);
      return { ...made, renditionId: publicId, reused: false };
    } catch (err) {
      await this.fail(publicId, err, o.signal);
      throw err;
    }
  }

  /** Records why a run ended early: queued again when the job will be retried, failed otherwise. */
  private async fail(publicId: string, err: unknown, signal?: AbortSignal): Promise<void> {
    const reason = signal?.aborted ? String(signal.reason) : null;
    const requeue = reason === 'shutdown' || reason === 'lease_lost';
    await this.d.db
      .update(renditions)
      .set({
        status: requeue ? 'queued' : 'failed',
        error: requeue
          ? null
          : reason === 'cancelled'
            ? 'Cancelled.'
            : err instanceof Error
              ? err.message
              : String(err),
        updatedAt: this.d.clock.now(),
      })
      .where(eq(renditions.publicId, publicId))
      .catch(() => undefined);
  }

  /** The `media.transcode` job: makes the rendition it names, unless it is ready already or gone. */
  handler(): JobHandler<{ renditionId: string }> {
    return {
      kind: 'media.transcode',
      resource: 'cpu',
      label: 'Transcode a scene video',
      description:
        'Makes a rendition of a scene video version: a transcode to an output profile or a watermarked review cut',
      payload: transcodePayloadSchema,
      run: async (ctx) => {
        const id = ctx.job.payload.renditionId;
        const [r] = await this.d.db
          .select({ status: renditions.status, fileId: renditions.fileId })
          .from(renditions)
          .where(eq(renditions.publicId, id));
        if (!r) return { result: { skipped: 'the rendition was deleted' } };
        if (r.status === 'ready' && r.fileId !== null) return { result: { renditionId: id, reused: true } };
        await this.d.db
          .update(renditions)
          .set({ status: 'running', progress: 0, error: null, updatedAt: this.d.clock.now() })
          .where(eq(renditions.publicId, id));
        try {
          const made = await makeRenditionFile(this.makeDeps(), id, {
            signal: ctx.signal,
            onProgress: (f) => ctx.progress(f),
          });
          return {
            result: { renditionId: id, fileId: made.filePublicId },
            outputMediaIds: [made.filePublicId],
          };
        } catch (err) {
          await this.fail(id, err, ctx.signal);
          if (ctx.signal.aborted) throw err;
          throw new JobFailure('content', err instanceof Error ? err.message : String(err));
        }
      },
    };
  }
}
