// Scene video versions (PRD-109): every video of a scene, imported from outside here (the pipeline adds generated
// ones with 5/6). A new version becomes the final one; any live version can be made final; a version that is not
// final can be moved to the trash, restored, or purged (row and files gone).

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SceneVideoVersion } from '@i2v/contracts';
import { extractFrame, FfmpegError, type MediaProbe, probe } from '@i2v/ffmpeg';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db, Executor, Tx } from '../../db/client.js';
import { mediaFiles, sceneVideoVersions, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import { insertMediaFile } from '../media/repo.js';
import type { MediaService } from '../media/service.js';

/** Containers we take, by ffprobe format name, with the MIME type and file extension they are stored under. */
const containers: { match: RegExp; mimeType: string; ext: string }[] = [
  { match: /\b(mp4|mov|m4a|3gp|3g2|mj2)\b/, mimeType: 'video/mp4', ext: 'mp4' },
  { match: /\bwebm\b|\bmatroska\b/, mimeType: 'video/webm', ext: 'webm' },
];
const posterSize = 480;

export interface VideoUpload {
  filename: string;
  stream: Readable;
  notes: string;
}

const notFound = (id: string) => new AppError('video.not_found', `No scene video version with id ${id}.`);

const columns = {
  id: sceneVideoVersions.id,
  publicId: sceneVideoVersions.publicId,
  sceneId: sceneVideoVersions.sceneId,
  versionNumber: sceneVideoVersions.versionNumber,
  source: sceneVideoVersions.source,
  isFinal: sceneVideoVersions.isFinal,
  notes: sceneVideoVersions.notes,
  durationSeconds: sceneVideoVersions.durationSeconds,
  fps: sceneVideoVersions.fps,
  frameCount: sceneVideoVersions.frameCount,
  codec: sceneVideoVersions.codec,
  deletedAt: sceneVideoVersions.deletedAt,
  createdAt: sceneVideoVersions.createdAt,
  fileRowId: mediaFiles.id,
  filePublicId: mediaFiles.publicId,
  storageKey: mediaFiles.storageKey,
  thumbnailKey: mediaFiles.thumbnailKey,
  mimeType: mediaFiles.mimeType,
  width: mediaFiles.width,
  height: mediaFiles.height,
  sizeBytes: mediaFiles.sizeBytes,
  originalFilename: mediaFiles.originalFilename,
  creatorPublicId: users.publicId,
  creatorName: users.displayName,
};
type VersionRow = Awaited<ReturnType<typeof selectVersions>>[number];

function selectVersions(db: Executor) {
  return db
    .select(columns)
    .from(sceneVideoVersions)
    .innerJoin(mediaFiles, eq(mediaFiles.id, sceneVideoVersions.fileId))
    .leftJoin(users, eq(users.id, sceneVideoVersions.createdByUserId));
}

/** What the scene service lends: the scene behind an id, checked editable when asked, with a label for audit. */
export interface SceneRef {
  id: number;
  publicId: string;
  label: string;
}

export class SceneVideosService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      media: MediaService;
      storage: Storage;
      maxBytes: number;
      scene: (tx: Executor, scenePublicId: string, forEdit: boolean) => Promise<SceneRef>;
      sceneById: (tx: Executor, sceneId: number, forEdit: boolean) => Promise<SceneRef>;
    },
  ) {}

  async list(scenePublicId: string, deleted: 'exclude' | 'only' | 'include'): Promise<SceneVideoVersion[]> {
    const scene = await this.d.scene(this.d.db, scenePublicId, false);
    const where = and(
      eq(sceneVideoVersions.sceneId, scene.id),
      deleted === 'exclude'
        ? isNull(sceneVideoVersions.deletedAt)
        : deleted === 'only'
          ? isNotNull(sceneVideoVersions.deletedAt)
          : undefined,
    );
    const found = await selectVersions(this.d.db)
      .where(where)
      .orderBy(desc(sceneVideoVersions.versionNumber));
    return found.map((r) => this.toDto(r, scene.publicId));
  }

  async get(publicId: string): Promise<SceneVideoVersion> {
    const row = await this.find(this.d.db, publicId);
    const scene = await this.d.sceneById(this.d.db, row.sceneId, false);
    return this.toDto(row, scene.publicId);
  }

  /** Streams the upload to a temporary file, checks it with ffprobe, stores it with a poster, adds the version. */
  async import(ctx: RequestContext, scenePublicId: string, upload: VideoUpload): Promise<SceneVideoVersion> {
    await this.d.scene(this.d.db, scenePublicId, true);
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'i2v-video-'));
    const source = path.join(dir, 'upload');
    const written: string[] = [];
    try {
      // hashed as it streams in, so the file is read once more only by ffprobe
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(upload.stream, hashing, createWriteStream(source)).catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(
            'video.too_large',
            `${upload.filename} is larger than ${Math.round(this.d.maxBytes / 1048576)} MiB.`,
            [{ field: 'body.file', message: 'is too large' }],
          );
        }
        throw err;
      });
      const info = await this.inspect(source, upload.filename);
      const versionPublicId = await this.store(ctx, scenePublicId, source, dir, info, written, {
        source: 'imported',
        filename: upload.filename,
        notes: upload.notes,
        sha256: hash.digest('hex'),
        tier: 'production',
        assembly: null,
      });
      return this.get(versionPublicId);
    } catch (err) {
      await Promise.all(written.map((k) => this.d.storage.delete(k)));
      throw err;
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Adds a version assembled by the pipeline from `file` (a finished video on local disk, left in place): stored
   * with a poster, made final, audited. Returns the version's public id.
   */
  async addGenerated(
    ctx: RequestContext,
    scenePublicId: string,
    file: string,
    o: { tier: 'draft' | 'production'; assembly: Record<string, unknown>; notes: string },
  ): Promise<string> {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'i2v-video-'));
    const written: string[] = [];
    try {
      const info = await this.inspect(file, path.basename(file));
      const sha256 = createHash('sha256');
      await pipeline((await import('node:fs')).createReadStream(file), sha256);
      return await this.store(ctx, scenePublicId, file, dir, info, written, {
        source: 'generated',
        filename: path.basename(file),
        notes: o.notes,
        sha256: sha256.digest('hex'),
        tier: o.tier,
        assembly: o.assembly,
      });
    } catch (err) {
      await Promise.all(written.map((k) => this.d.storage.delete(k)));
      throw err;
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }

  /** Stores a checked video and its poster, then adds it as the scene's next version, final. */
  private async store(
    ctx: RequestContext,
    scenePublicId: string,
    source: string,
    dir: string,
    info: MediaProbe,
    written: string[],
    o: {
      source: 'imported' | 'generated';
      filename: string;
      notes: string;
      sha256: string;
      tier: 'draft' | 'production';
      assembly: Record<string, unknown> | null;
    },
  ): Promise<string> {
    const container = containers.find((c) => c.match.test(info.formatName))!;
    const poster = path.join(dir, 'poster.png');
    await extractFrame(source, { index: 0 }, poster, { timeoutMs: 60_000 });
    const posterWebp = await sharp(poster)
      .resize(posterSize, posterSize, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    const filePublicId = newPublicId();
    const versionPublicId = newPublicId();
    const storageKey = `videos/${scenePublicId}/${versionPublicId}.${container.ext}`;
    const thumbnailKey = `videos/${scenePublicId}/${versionPublicId}.poster.webp`;
    await this.d.storage.putFile(storageKey, source);
    written.push(storageKey);
    await this.d.storage.put(thumbnailKey, posterWebp);
    written.push(thumbnailKey);
    await this.d.db.transaction(async (tx) => {
      const scene = await this.d.scene(tx, scenePublicId, true);
      // serialise version numbers per scene
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('scene_video_versions'), ${scene.id}::int)`);
      const next =
        ((
          await tx
            .select({ n: sql<number>`coalesce(max(${sceneVideoVersions.versionNumber}), 0)::int` })
            .from(sceneVideoVersions)
            .where(eq(sceneVideoVersions.sceneId, scene.id))
        )[0]?.n ?? 0) + 1;
      const fileId = await insertMediaFile(tx, {
        publicId: filePublicId,
        storageKey,
        thumbnailKey,
        sha256: o.sha256,
        sizeBytes: info.sizeBytes,
        mimeType: container.mimeType,
        width: info.video!.width,
        height: info.video!.height,
        originalFilename: o.filename.slice(0, 255),
      });
      await this.unsetFinal(tx, scene.id);
      await tx.insert(sceneVideoVersions).values({
        publicId: versionPublicId,
        sceneId: scene.id,
        versionNumber: next,
        source: o.source,
        tier: o.tier,
        assembly: o.assembly,
        fileId,
        durationSeconds: info.durationSeconds,
        fps: info.video!.fps || null,
        frameCount: info.video!.frameCount || null,
        codec: info.video!.codec,
        isFinal: true,
        notes: o.notes,
        createdByUserId: ctx.actor?.userId ?? null,
      });
      await this.d.audit.record(tx, ctx, {
        action: o.source === 'imported' ? 'scene.video_imported' : 'scene.video_assembled',
        entityType: 'scene',
        entityId: scene.publicId,
        summary: `${o.source === 'imported' ? `Imported version ${next} of ${scene.label} (${o.filename})` : `Assembled version ${next} of ${scene.label}`}; it is now final`,
        details: {
          versionId: versionPublicId,
          versionNumber: next,
          codec: info.video!.codec,
          width: info.video!.width,
          height: info.video!.height,
          durationSeconds: info.durationSeconds,
        },
      });
    });
    return versionPublicId;
  }

  async setFinal(ctx: RequestContext, publicId: string): Promise<SceneVideoVersion> {
    await this.d.db.transaction(async (tx) => {
      const row = await this.find(tx, publicId, true);
      const scene = await this.d.sceneById(tx, row.sceneId, true);
      if (row.deletedAt) {
        throw new AppError(
          'video.in_trash',
          'This version is in the trash; restore it before making it final.',
        );
      }
      if (row.isFinal) return;
      await this.unsetFinal(tx, row.sceneId);
      await tx
        .update(sceneVideoVersions)
        .set({ isFinal: true, updatedAt: this.d.clock.now() })
        .where(eq(sceneVideoVersions.id, row.id));
      await this.d.audit.record(tx, ctx, {
        action: 'scene.video_final_set',
        entityType: 'scene',
        entityId: scene.publicId,
        summary: `Made version ${row.versionNumber} the final video of ${scene.label}`,
        details: { versionId: publicId, versionNumber: row.versionNumber },
      });
    });
    return this.get(publicId);
  }

  async trash(ctx: RequestContext, publicId: string): Promise<void> {
    await this.d.db.transaction(async (tx) => {
      const row = await this.find(tx, publicId, true);
      const scene = await this.d.sceneById(tx, row.sceneId, true);
      if (row.deletedAt) return;
      if (row.isFinal) {
        throw new AppError(
          'video.final_in_use',
          `Version ${row.versionNumber} is the final video of ${scene.label}; make another version final first.`,
        );
      }
      await tx
        .update(sceneVideoVersions)
        .set({ deletedAt: this.d.clock.now(), updatedAt: this.d.clock.now() })
        .where(eq(sceneVideoVersions.id, row.id));
      await this.d.audit.record(tx, ctx, {
        action: 'scene.video_deleted',
        entityType: 'scene',
        entityId: scene.publicId,
        summary: `Moved version ${row.versionNumber} of ${scene.label} to the trash`,
        details: { versionId: publicId },
      });
    });
  }

  async restore(ctx: RequestContext, publicId: string): Promise<SceneVideoVersion> {
    await this.d.db.transaction(async (tx) => {
      const row = await this.find(tx, publicId, true);
      const scene = await this.d.sceneById(tx, row.sceneId, true);
      if (!row.deletedAt) return;
      await tx
        .update(sceneVideoVersions)
        .set({ deletedAt: null, updatedAt: this.d.clock.now() })
        .where(eq(sceneVideoVersions.id, row.id));
      await this.d.audit.record(tx, ctx, {
        action: 'scene.video_restored',
        entityType: 'scene',
        entityId: scene.publicId,
        summary: `Restored version ${row.versionNumber} of ${scene.label} from the trash`,
        details: { versionId: publicId },
      });
    });
    return this.get(publicId);
  }

  /** Removes a trashed version for good: its row, its media row and both files. */
  async purge(ctx: RequestContext, publicId: string): Promise<void> {
    const keys: string[] = [];
    await this.d.db.transaction(async (tx) => {
      const row = await this.find(tx, publicId, true);
      const scene = await this.d.sceneById(tx, row.sceneId, true);
      if (!row.deletedAt) {
        throw new AppError(
          'video.not_in_trash',
          `Version ${row.versionNumber} is not in the trash; move it there before purging it.`,
        );
      }
      await tx.delete(sceneVideoVersions).where(eq(sceneVideoVersions.id, row.id));
      keys.push(...(await this.d.media.dropRows(tx, [row.fileRowId])));
      await this.d.audit.record(tx, ctx, {
        action: 'scene.video_purged',
        entityType: 'scene',
        entityId: scene.publicId,
        summary: `Purged version ${row.versionNumber} of ${scene.label} (${row.sizeBytes} bytes freed)`,
        details: { versionId: publicId, sizeBytes: row.sizeBytes },
      });
    });
    await this.d.media.deleteStored(keys);
  }

  /** The final live version of each given scene, by scene id. */
  async finalVersionIds(db: Executor, sceneIds: number[]): Promise<Map<number, string>> {
    if (sceneIds.length === 0) return new Map();
    const found = await db
      .select({ sceneId: sceneVideoVersions.sceneId, publicId: sceneVideoVersions.publicId })
      .from(sceneVideoVersions)
      .where(
        and(
          sql`${sceneVideoVersions.sceneId} = ANY(${`{${sceneIds.join(',')}}`}::bigint[])`,
          eq(sceneVideoVersions.isFinal, true),
          isNull(sceneVideoVersions.deletedAt),
        ),
      );
    return new Map(found.map((f) => [f.sceneId, f.publicId]));
  }

  private async inspect(file: string, filename: string): Promise<MediaProbe> {
    let info: MediaProbe;
    try {
      info = await probe(file, { countFrames: true, timeoutMs: 60_000 });
    } catch (err) {
      if (err instanceof FfmpegError && err.code === 'FFMPEG_MISSING') throw err;
      throw new AppError('video.unreadable', `${filename} is not a video we can read.`, [
        { field: 'body.file', message: 'is not a readable video' },
      ]);
    }
    if (!containers.some((c) => c.match.test(info.formatName))) {
      throw new AppError(
        'video.unsupported_format',
        `${filename} is ${info.formatName}; import MP4, MOV or WebM.`,
        [{ field: 'body.file', message: 'is not MP4, MOV or WebM' }],
      );
    }
    if (!info.video || info.video.width <= 0 || info.video.frameCount === 0) {
      throw new AppError('video.unreadable', `${filename} has no video picture (audio only?).`, [
        { field: 'body.file', message: 'has no video stream' },
      ]);
    }
    return info;
  }

  private async unsetFinal(tx: Tx | Executor, sceneId: number): Promise<void> {
    await tx
      .update(sceneVideoVersions)
      .set({ isFinal: false, updatedAt: this.d.clock.now() })
      .where(and(eq(sceneVideoVersions.sceneId, sceneId), eq(sceneVideoVersions.isFinal, true)));
  }

  private async find(db: Executor, publicId: string, lock = false): Promise<VersionRow> {
    const q = selectVersions(db).where(eq(sceneVideoVersions.publicId, publicId));
    const found = lock ? await q.for('update', { of: sceneVideoVersions }) : await q;
    if (!found[0]) throw notFound(publicId);
    return found[0];
  }

  private toDto(r: VersionRow, scenePublicId: string): SceneVideoVersion {
    return {
      id: r.publicId,
      sceneId: scenePublicId,
      versionNumber: r.versionNumber,
      source: r.source as SceneVideoVersion['source'],
      isFinal: r.isFinal,
      notes: r.notes,
      durationSeconds: r.durationSeconds,
      fps: r.fps,
      frameCount: r.frameCount,
      codec: r.codec,
      file: {
        id: r.filePublicId,
        url: this.d.media.links.url(r.filePublicId, 'file'),
        posterUrl: r.thumbnailKey ? this.d.media.links.url(r.filePublicId, 'thumbnail') : null,
        mimeType: r.mimeType,
        width: r.width,
        height: r.height,
        sizeBytes: r.sizeBytes,
        originalFilename: r.originalFilename,
      },
      createdBy: r.creatorPublicId ? { id: r.creatorPublicId, displayName: r.creatorName ?? '' } : null,
      deletedAt: r.deletedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
