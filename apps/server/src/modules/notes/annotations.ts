// On-frame annotations (PRD-070): per media file (a segment's clip or a scene video version) and frame, a list of
// shapes in per-author layers. Saving replaces the caller's layer only. A frame exports as a PNG at the video's full
// resolution: the exact frame extracted by ffmpeg with the shapes drawn over it.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AnnotatedFrames, AnnotatedShape, AnnotationShape, FrameAnnotation } from '@i2v/contracts';
import { annotationSvg } from '@i2v/domain';
import { extractFrame } from '@i2v/ffmpeg';
import { and, asc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db, Executor } from '../../db/client.js';
import { annotations, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import type { EventBus } from '../events/bus.js';
import { annotatableVideo, assertFrame, framesOf, localCopy, type VideoRef } from './entities.js';
import type { Viewer } from './service.js';

/** A shape as stored: what was drawn and the public id of its author. */
type StoredShape = AnnotationShape & { authorId: string | null };

export class AnnotationsService {
  constructor(
    private readonly d: { db: Db; clock: Clock; audit: AuditService; bus: EventBus; storage: Storage },
  ) {}

  /** The frames of a file that carry annotations. */
  async frames(filePublicId: string): Promise<AnnotatedFrames> {
    const { video } = await this.target(filePublicId);
    const { frameCount, fps } = await framesOf(this.d.storage, video);
    const found = await this.d.db
      .select({ frame: annotations.frame, shapes: annotations.shapes, updatedAt: annotations.updatedAt })
      .from(annotations)
      .where(eq(annotations.fileId, video.fileId))
      .orderBy(asc(annotations.frame));
    const names = await this.names(found.flatMap((f) => (f.shapes as StoredShape[]).map((s) => s.authorId)));
    return {
      fileId: filePublicId,
      frameCount,
      fps,
      items: found.map((f) => {
        const shapes = f.shapes as StoredShape[];
        const authors = [...new Set(shapes.map((s) => s.authorId))]
          .filter((a): a is string => a !== null)
          .map((a) => ({ id: a, displayName: names.get(a) ?? '' }));
        return { frame: f.frame, shapes: shapes.length, authors, updatedAt: f.updatedAt.toISOString() };
      }),
    };
  }

  async get(filePublicId: string, frame: number): Promise<FrameAnnotation> {
    const { video } = await this.target(filePublicId);
    await this.checkFrame(video, frame);
    return this.read(this.d.db, filePublicId, video.fileId, frame);
  }

  /** Replaces the caller's layer on a frame; other people's shapes stay. An empty list removes the layer. */
  async put(
    ctx: RequestContext,
    viewer: Viewer,
    filePublicId: string,
    frame: number,
    shapes: AnnotationShape[],
  ): Promise<FrameAnnotation> {
    const { video, projectPublicId, projectId } = await this.target(filePublicId);
    await this.checkFrame(video, frame);
    await this.d.bus.transaction(async (tx, emit) => {
      const [row] = await tx
        .select({ id: annotations.id, shapes: annotations.shapes })
        .from(annotations)
        .where(and(eq(annotations.fileId, video.fileId), eq(annotations.frame, frame)))
        .for('update');
      const others = ((row?.shapes ?? []) as StoredShape[]).filter((s) => s.authorId !== viewer.publicId);
      const mine: StoredShape[] = shapes.map((s) => ({ ...s, authorId: viewer.publicId }));
      const next = [...others, ...mine];
      const now = this.d.clock.now();
      if (row && next.length === 0) {
        await tx.delete(annotations).where(eq(annotations.id, row.id));
      } else if (row) {
        await tx
          .update(annotations)
          .set({ shapes: next, updatedByUserId: viewer.id, updatedAt: now })
          .where(eq(annotations.id, row.id));
      } else if (next.length > 0) {
        await tx
          .insert(annotations)
          .values({
            publicId: newPublicId(),
            fileId: video.fileId,
            projectId,
            frame,
            shapes: next,
            createdByUserId: viewer.id,
            updatedByUserId: viewer.id,
          })
          .onConflictDoUpdate({
            target: [annotations.fileId, annotations.frame],
            set: { shapes: next, updatedByUserId: viewer.id, updatedAt: now },
          });
      }
      await this.d.audit.record(tx, ctx, {
        action: 'annotation.saved',
        entityType: 'media_file',
        entityId: filePublicId,
        summary: `Saved ${mine.length} shape(s) on frame ${frame}`,
        details: { frame, shapes: mine.length, kept: others.length },
      });
      await emit({
        type: 'annotation.changed',
        projectId: projectPublicId,
        userId: null,
        payload: { fileId: filePublicId, frame },
      });
    });
    return this.read(this.d.db, filePublicId, video.fileId, frame);
  }

  /** The frame at full resolution with every layer drawn over it, as PNG bytes. */
  async png(filePublicId: string, frame: number): Promise<Buffer> {
    const { video } = await this.target(filePublicId);
    const copy = await localCopy(this.d.storage, video.storageKey);
    try {
      const { frameCount } = await framesOf(this.d.storage, video, copy.file);
      assertFrame(frame, frameCount, 'params.frame', 'the video');
      const out = path.join(path.dirname(copy.file), 'frame.png');
      await extractFrame(copy.file, { index: frame }, out, { frameCount, timeoutMs: 60_000 });
      const image = await fsp.readFile(out);
      const [row] = await this.d.db
        .select({ shapes: annotations.shapes })
        .from(annotations)
        .where(and(eq(annotations.fileId, video.fileId), eq(annotations.frame, frame)));
      const shapes = (row?.shapes ?? []) as StoredShape[];
      if (shapes.length === 0) return image;
      const meta = await sharp(image).metadata();
      const svg = annotationSvg(shapes, meta.width!, meta.height!);
      return await sharp(image)
        .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
        .png()
        .toBuffer();
    } finally {
      await copy.done();
    }
  }

  private async read(
    db: Executor,
    filePublicId: string,
    fileId: number,
    frame: number,
  ): Promise<FrameAnnotation> {
    const [row] = await db
      .select({
        shapes: annotations.shapes,
        updatedAt: annotations.updatedAt,
        updatedBy: annotations.updatedByUserId,
      })
      .from(annotations)
      .where(and(eq(annotations.fileId, fileId), eq(annotations.frame, frame)));
    const stored = (row?.shapes ?? []) as StoredShape[];
    const names = await this.names(stored.map((s) => s.authorId));
    const [editor] = row?.updatedBy
      ? await db
          .select({ id: users.publicId, displayName: users.displayName })
          .from(users)
          .where(eq(users.id, row.updatedBy))
      : [];
    const ref = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '' } : null);
    const layers = new Map<string | null, number>();
    for (const s of stored) layers.set(s.authorId, (layers.get(s.authorId) ?? 0) + 1);
    return {
      fileId: filePublicId,
      frame,
      shapes: stored.map(({ authorId, ...shape }) => ({ ...shape, author: ref(authorId) }) as AnnotatedShape),
      layers: [...layers].map(([a, n]) => ({ author: ref(a), shapes: n })),
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: editor ?? null,
    };
  }

  private async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
    if (wanted.length === 0) return new Map();
    const found = await this.d.db
      .select({ id: users.publicId, name: users.displayName })
      .from(users)
      .where(inArray(users.publicId, wanted));
    return new Map(found.map((f) => [f.id, f.name]));
  }

  private async target(filePublicId: string) {
    const found = await annotatableVideo(this.d.db, filePublicId);
    if (!found) {
      throw new AppError(
        'annotation.not_annotatable',
        'Only the video of a segment or a scene video version can be annotated.',
        [{ field: 'params.fileId', message: 'is not a segment clip or a scene video' }],
      );
    }
    return found;
  }

  private async checkFrame(video: VideoRef, frame: number): Promise<void> {
    const { frameCount } = await framesOf(this.d.storage, video);
    assertFrame(frame, frameCount, 'params.frame', 'the video');
  }
}
