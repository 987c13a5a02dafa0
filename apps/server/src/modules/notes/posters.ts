// Poster frames (PRD-096): the picture that stands for a character or a scene in lists. An image is used as it is;
// a frame of a video is extracted at full resolution and stored as a PNG. `auto` picks the frame with the best face
// (the face detector the QA pipeline uses), or the sharpest frame when there is no face to go by.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AutoPoster, Poster } from '@i2v/contracts';
import { laplacianVariance } from '@i2v/domain';
import type { FaceAnalyzer } from '@i2v/faces';
import { decodeFrames, extractFrame } from '@i2v/ffmpeg';
import { asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { characters, mediaFiles, scenes } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import type { MediaLinks } from '../media/links.js';
import { registerImage } from '../pipeline/step.js';
import type { ProjectsService } from '../projects/service.js';
import {
  assertFrame,
  type EntityRef,
  framesOf,
  localCopy,
  resolveEntity,
  sceneVideo,
  type VideoRef,
} from './entities.js';

export type PosterOwner = 'character' | 'scene';

/** Frames decoded per video for `auto`, at this size (the QA analysis size: enough for the face detector). */
const sampleSide = 256;
const samplesPerVideo = 12;
const maxVideos = 4;

const tables = { character: characters, scene: scenes } as const;

export class PostersService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      storage: Storage;
      links: MediaLinks;
      projects: ProjectsService;
      faces: () => Promise<FaceAnalyzer | null>;
    },
  ) {}

  async get(owner: PosterOwner, publicId: string): Promise<{ poster: Poster | null }> {
    const entity = await resolveEntity(this.d.db, owner, publicId);
    return { poster: await this.current(this.d.db, owner, entity.id) };
  }

  /**
   * Sets the poster from an image (used as it is) or a frame of a video (default: frame 0; for a scene without
   * `fileId`, a frame of its own video).
   */
  async set(
    ctx: RequestContext,
    owner: PosterOwner,
    publicId: string,
    input: { fileId?: string | undefined; frame?: number | undefined },
  ): Promise<{ poster: Poster | null }> {
    const entity = await this.editable(owner, publicId);
    let source: VideoRef;
    if (input.fileId) {
      const [file] = await this.d.db
        .select({
          fileId: mediaFiles.id,
          filePublicId: mediaFiles.publicId,
          storageKey: mediaFiles.storageKey,
          mimeType: mediaFiles.mimeType,
          width: mediaFiles.width,
          height: mediaFiles.height,
        })
        .from(mediaFiles)
        .where(eq(mediaFiles.publicId, input.fileId));
      if (!file) {
        throw new AppError('media.not_found', `No media file with id ${input.fileId}.`, [
          { field: 'body.fileId', message: 'is not a stored file' },
        ]);
      }
      if (file.mimeType.startsWith('image/')) {
        if (input.frame !== undefined && input.frame !== 0) {
          throw new AppError('frame.out_of_range', 'An image has one frame (0).', [
            { field: 'body.frame', message: 'must be 0 or absent for an image' },
          ]);
        }
        await this.save(ctx, owner, entity, { posterFileId: file.fileId, sourceFileId: null, frame: null });
        return this.get(owner, publicId);
      }
      if (!file.mimeType.startsWith('video/')) {
        throw new AppError(
          'poster.unsupported_file',
          `A poster comes from an image or a video; this file is ${file.mimeType}.`,
          [{ field: 'body.fileId', message: 'is not an image or a video' }],
        );
      }
      source = { ...file, frameCount: null, fps: null };
    } else {
      const videos = await this.videosOf(owner, entity);
      if (!videos[0]) throw this.noVideo(entity, 'body.fileId');
      source = videos[0];
    }
    const frame = input.frame ?? 0;
    const posterFileId = await this.extract(entity, source, frame, 'body.frame');
    await this.save(ctx, owner, entity, { posterFileId, sourceFileId: source.fileId, frame });
    return this.get(owner, publicId);
  }

  /** Forgets the chosen poster: lists fall back to the usual thumbnail. */
  async clear(ctx: RequestContext, owner: PosterOwner, publicId: string): Promise<void> {
    const entity = await this.editable(owner, publicId);
    await this.save(ctx, owner, entity, { posterFileId: null, sourceFileId: null, frame: null });
  }

  /** Picks the frame with the most prominent, most confident face; else the sharpest; and makes it the poster. */
  async auto(ctx: RequestContext, owner: PosterOwner, publicId: string): Promise<AutoPoster> {
    const entity = await this.editable(owner, publicId);
    const videos = (await this.videosOf(owner, entity)).slice(0, maxVideos);
    if (videos.length === 0) throw this.noVideo(entity);
    const faces = await this.d.faces();
    type Candidate = { video: VideoRef; frame: number; face: number; sharpness: number };
    const candidates: Candidate[] = [];
    for (const video of videos) {
      const copy = await localCopy(this.d.storage, video.storageKey);
      try {
        const decoded = await decodeFrames(copy.file, {
          width: sampleSide,
          height: sampleSide,
          pixelFormat: 'rgb24',
          timeoutMs: 120_000,
        });
        const n = decoded.frames.length;
        const picks = [
          ...new Set(
            Array.from({ length: Math.min(samplesPerVideo, n) }, (_, k) =>
              Math.floor(((k + 0.5) * n) / Math.min(samplesPerVideo, n)),
            ),
          ),
        ];
        for (const frame of picks) {
          const rgb = decoded.frames[frame]!;
          let face = 0;
          if (faces) {
            const [best] = await faces.detect({ data: rgb, width: sampleSide, height: sampleSide });
            // a big, confident face makes a poster; a small one in the background does not
            if (best)
              face = best.score * Math.sqrt((best.box.width * best.box.height) / (sampleSide * sampleSide));
          }
          candidates.push({
            video,
            frame,
            face,
            sharpness: laplacianVariance(grey(rgb), sampleSide, sampleSide),
          });
        }
      } finally {
        await copy.done();
      }
    }
    const byFace = [...candidates].sort((a, b) => b.face - a.face || b.sharpness - a.sharpness)[0];
    let pick: Candidate;
    let method: AutoPoster['method'];
    let detail: string;
    if (byFace && byFace.face > 0) {
      pick = byFace;
      method = 'face';
      detail = `The frame with the best face (score ${byFace.face.toFixed(2)}: detector confidence × face size) of ${candidates.length} frames looked at.`;
    } else {
      const why = faces
        ? `No face was found in the ${candidates.length} frames looked at`
        : 'Face detection is off (I2V_FACE_QA=false) or could not load';
      const sharpest = [...candidates].sort((a, b) => b.sharpness - a.sharpness)[0]!;
      const flat = candidates.every((c) => Math.abs(c.sharpness - sharpest.sharpness) < 1e-6);
      if (flat) {
        const video = videos[0]!;
        const { frameCount } = await framesOf(this.d.storage, video);
        pick = { video, frame: Math.floor((frameCount - 1) / 2), face: 0, sharpness: sharpest.sharpness };
        method = 'middle';
        detail = `${why}, and every frame is as sharp as the next; took the middle frame.`;
      } else {
        pick = sharpest;
        method = 'sharpest';
        detail = `${why}; took the sharpest frame.`;
      }
    }
    const posterFileId = await this.extract(entity, pick.video, pick.frame, 'frame');
    await this.save(
      ctx,
      owner,
      entity,
      { posterFileId, sourceFileId: pick.video.fileId, frame: pick.frame },
      method,
    );
    const { poster } = await this.get(owner, publicId);
    return { poster: poster!, method, detail, frame: pick.frame, candidates: candidates.length };
  }

  private async current(db: Executor, owner: PosterOwner, id: number): Promise<Poster | null> {
    const t = tables[owner];
    const [row] = await db
      .select({
        filePublicId: mediaFiles.publicId,
        thumbnailKey: mediaFiles.thumbnailKey,
        width: mediaFiles.width,
        height: mediaFiles.height,
        sourceFileId: t.posterSourceFileId,
        frame: t.posterFrame,
      })
      .from(t)
      .innerJoin(mediaFiles, eq(mediaFiles.id, t.posterFileId))
      .where(eq(t.id, id));
    if (!row) return null;
    const [source] = row.sourceFileId
      ? await db
          .select({ id: mediaFiles.publicId })
          .from(mediaFiles)
          .where(eq(mediaFiles.id, row.sourceFileId))
      : [];
    return {
      fileId: row.filePublicId,
      url: this.d.links.url(row.filePublicId, 'file'),
      thumbnailUrl: row.thumbnailKey ? this.d.links.url(row.filePublicId, 'thumbnail') : null,
      width: row.width,
      height: row.height,
      sourceFileId: source?.id ?? null,
      frame: row.frame,
    };
  }

  private async editable(owner: PosterOwner, publicId: string): Promise<EntityRef> {
    const entity = await resolveEntity(this.d.db, owner, publicId);
    await this.d.projects.resolveForContent(this.d.db, { id: entity.projectId }, true);
    return entity;
  }

  /** Videos a poster can come from: the scene's; for a character, each of its scenes' in turn. */
  private async videosOf(owner: PosterOwner, entity: EntityRef): Promise<VideoRef[]> {
    if (owner === 'scene') {
      const v = await sceneVideo(this.d.db, entity.id);
      return v ? [v] : [];
    }
    const own = await this.d.db
      .select({ id: scenes.id })
      .from(scenes)
      .where(eq(scenes.characterId, entity.id))
      .orderBy(asc(scenes.id));
    const out: VideoRef[] = [];
    for (const s of own) {
      const v = await sceneVideo(this.d.db, s.id);
      if (v) out.push(v);
    }
    return out;
  }

  /** Extracts frame `frame` of a video at full resolution and stores it (once per video and frame). */
  private async extract(entity: EntityRef, video: VideoRef, frame: number, field: string): Promise<number> {
    const copy = await localCopy(this.d.storage, video.storageKey);
    try {
      const { frameCount } = await framesOf(this.d.storage, video, copy.file);
      if (frameCount === 0) {
        throw new AppError('poster.unsupported_file', 'This video has no frames.', [
          { field: 'body.fileId', message: 'has no video frames' },
        ]);
      }
      assertFrame(frame, frameCount, field, 'the video');
      const out = path.join(path.dirname(copy.file), 'poster.png');
      await extractFrame(copy.file, { index: frame }, out, { frameCount, timeoutMs: 60_000 });
      const png = await fsp.readFile(out);
      return await registerImage(
        this.d.db,
        this.d.storage,
        `posters/${entity.type}s/${entity.publicId}/${video.filePublicId}-${frame}`,
        png,
        `poster-${frame}.png`,
      );
    } finally {
      await copy.done();
    }
  }

  private async save(
    ctx: RequestContext,
    owner: PosterOwner,
    entity: EntityRef,
    p: { posterFileId: number | null; sourceFileId: number | null; frame: number | null },
    method?: string,
  ): Promise<void> {
    const t = tables[owner];
    await this.d.db.transaction(async (tx) => {
      await this.d.projects.resolveForContent(tx, { id: entity.projectId }, true);
      await tx
        .update(t)
        .set({
          posterFileId: p.posterFileId,
          posterSourceFileId: p.sourceFileId,
          posterFrame: p.frame,
          updatedAt: this.d.clock.now(),
        })
        .where(eq(t.id, entity.id));
      await this.d.audit.record(tx, ctx, {
        action: p.posterFileId === null ? `${owner}.poster_cleared` : `${owner}.poster_set`,
        entityType: owner,
        entityId: entity.publicId,
        summary:
          p.posterFileId === null
            ? `Cleared the poster of ${entity.label}`
            : `Set the poster of ${entity.label}${p.frame !== null ? ` to frame ${p.frame}` : ' to an image'}${method ? ` (auto: ${method})` : ''}`,
        details: { frame: p.frame, method: method ?? 'manual' },
      });
    });
  }

  private noVideo(entity: EntityRef, field?: string): AppError {
    return new AppError(
      'poster.no_video',
      `${entity.label} has no video to take a frame from yet.`,
      field ? [{ field, message: 'is required: there is no video to default to' }] : undefined,
    );
  }
}

function grey(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgb.length / 3);
  for (let i = 0, j = 0; j < out.length; i += 3, j++) {
    out[j] = (rgb[i]! * 77 + rgb[i + 1]! * 150 + rgb[i + 2]! * 29) >> 8;
  }
  return out;
}
