// What notes, annotations and posters attach to: an entity (project, character, scene, segment, scene video version)
// resolved to its project, an app link, and the video its frames refer to.
import { createWriteStream } from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { NoteEntityType } from '@i2v/contracts';
import { probe } from '@i2v/ffmpeg';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import {
  characters,
  mediaFiles,
  projects,
  scenes,
  sceneTypes,
  sceneVideoVersions,
  segments,
} from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import type { Storage } from '../../platform/storage.js';

/** A stored video whose frames notes, annotations and posters refer to. */
export interface VideoRef {
  fileId: number;
  filePublicId: string;
  storageKey: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  /** As recorded when the video was stored; null when unknown (counted from the file on use). */
  frameCount: number | null;
  fps: number | null;
}

export interface EntityRef {
  type: NoteEntityType;
  /** The row id in its own table (the project's for `project`). */
  id: number;
  publicId: string;
  projectId: number;
  projectPublicId: string;
  /** For audit summaries and notifications: `scene Walk of "Ava"`. */
  label: string;
  /** Path in the web app. */
  link: string;
  sceneId: number | null;
  characterId: number | null;
}

const notFound: Record<NoteEntityType, (id: string) => AppError> = {
  project: (id) => new AppError('project.not_found', `No project with id ${id}.`),
  character: (id) => new AppError('character.not_found', `No character with id ${id}.`),
  scene: (id) => new AppError('scene.not_found', `No scene with id ${id}.`),
  segment: (id) => new AppError('segment.not_found', `No segment with id ${id}.`),
  video_version: (id) => new AppError('video.not_found', `No scene video version with id ${id}.`),
};

const videoColumns = {
  fileId: mediaFiles.id,
  filePublicId: mediaFiles.publicId,
  storageKey: mediaFiles.storageKey,
  mimeType: mediaFiles.mimeType,
  width: mediaFiles.width,
  height: mediaFiles.height,
};

/** Scene context shared by scenes, segments and video versions. */
function sceneQuery(db: Executor) {
  return db
    .select({
      sceneId: scenes.id,
      scenePublicId: scenes.publicId,
      characterId: characters.id,
      characterName: characters.name,
      sceneTypeName: sceneTypes.name,
      projectId: projects.id,
      projectPublicId: projects.publicId,
    })
    .from(scenes)
    .innerJoin(characters, eq(characters.id, scenes.characterId))
    .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
    .innerJoin(projects, eq(projects.id, characters.projectId));
}

/** The entity behind a public id, or the entity's 404 (`scene.not_found`, …). */
export async function resolveEntity(
  db: Executor,
  type: NoteEntityType,
  publicId: string,
): Promise<EntityRef> {
  const missing = notFound[type](publicId);
  switch (type) {
    case 'project': {
      const [p] = await db
        .select({ id: projects.id, publicId: projects.publicId, name: projects.name })
        .from(projects)
        .where(eq(projects.publicId, publicId));
      if (!p) throw missing;
      return {
        type,
        id: p.id,
        publicId,
        projectId: p.id,
        projectPublicId: p.publicId,
        label: `project "${p.name}"`,
        link: `/projects/${p.publicId}`,
        sceneId: null,
        characterId: null,
      };
    }
    case 'character': {
      const [c] = await db
        .select({
          id: characters.id,
          name: characters.name,
          projectId: projects.id,
          projectPublicId: projects.publicId,
        })
        .from(characters)
        .innerJoin(projects, eq(projects.id, characters.projectId))
        .where(eq(characters.publicId, publicId));
      if (!c) throw missing;
      return {
        type,
        id: c.id,
        publicId,
        projectId: c.projectId,
        projectPublicId: c.projectPublicId,
        label: `character "${c.name}"`,
        link: `/projects/${c.projectPublicId}/characters/${publicId}`,
        sceneId: null,
        characterId: c.id,
      };
    }
    case 'scene': {
      const [s] = await sceneQuery(db).where(eq(scenes.publicId, publicId));
      if (!s) throw missing;
      return {
        type,
        id: s.sceneId,
        publicId,
        projectId: s.projectId,
        projectPublicId: s.projectPublicId,
        label: `scene ${s.sceneTypeName} of "${s.characterName}"`,
        link: `/projects/${s.projectPublicId}/scenes/${s.scenePublicId}`,
        sceneId: s.sceneId,
        characterId: s.characterId,
      };
    }
    case 'segment': {
      const [row] = await db
        .select({
          id: segments.id,
          sceneId: segments.sceneId,
          index: segments.sequenceIndex,
          version: segments.version,
        })
        .from(segments)
        .where(eq(segments.publicId, publicId));
      if (!row) throw missing;
      const [s] = await sceneQuery(db).where(eq(scenes.id, row.sceneId));
      if (!s) throw missing;
      return {
        type,
        id: row.id,
        publicId,
        projectId: s.projectId,
        projectPublicId: s.projectPublicId,
        label: `segment ${row.index} (v${row.version}) of scene ${s.sceneTypeName} of "${s.characterName}"`,
        link: `/projects/${s.projectPublicId}/scenes/${s.scenePublicId}`,
        sceneId: s.sceneId,
        characterId: s.characterId,
      };
    }
    case 'video_version': {
      const [row] = await db
        .select({
          id: sceneVideoVersions.id,
          sceneId: sceneVideoVersions.sceneId,
          n: sceneVideoVersions.versionNumber,
        })
        .from(sceneVideoVersions)
        .where(eq(sceneVideoVersions.publicId, publicId));
      if (!row) throw missing;
      const [s] = await sceneQuery(db).where(eq(scenes.id, row.sceneId));
      if (!s) throw missing;
      return {
        type,
        id: row.id,
        publicId,
        projectId: s.projectId,
        projectPublicId: s.projectPublicId,
        label: `video version ${row.n} of scene ${s.sceneTypeName} of "${s.characterName}"`,
        link: `/projects/${s.projectPublicId}/scenes/${s.scenePublicId}`,
        sceneId: s.sceneId,
        characterId: s.characterId,
      };
    }
  }
}

/**
 * The video a scene's frames refer to: its final version, else its newest live version, else the output of its
 * first current segment. null when it has none yet.
 */
export async function sceneVideo(db: Executor, sceneId: number): Promise<VideoRef | null> {
  const [version] = await db
    .select({ ...videoColumns, frameCount: sceneVideoVersions.frameCount, fps: sceneVideoVersions.fps })
    .from(sceneVideoVersions)
    .innerJoin(mediaFiles, eq(mediaFiles.id, sceneVideoVersions.fileId))
    .where(and(eq(sceneVideoVersions.sceneId, sceneId), isNull(sceneVideoVersions.deletedAt)))
    .orderBy(desc(sceneVideoVersions.isFinal), desc(sceneVideoVersions.versionNumber))
    .limit(1);
  if (version) return version;
  const [segment] = await db
    .select({ ...videoColumns, frameCount: segments.frameCount, fps: segments.fps })
    .from(segments)
    .innerJoin(mediaFiles, eq(mediaFiles.id, segments.outputFileId))
    .where(and(eq(segments.sceneId, sceneId), eq(segments.isCurrent, true)))
    .orderBy(asc(segments.sequenceIndex))
    .limit(1);
  return segment ?? null;
}

/** The video of an entity, for notes at a frame: null for projects and characters, or a scene without video. */
export async function entityVideo(db: Executor, entity: EntityRef): Promise<VideoRef | null> {
  switch (entity.type) {
    case 'scene':
      return sceneVideo(db, entity.id);
    case 'segment': {
      const [v] = await db
        .select({ ...videoColumns, frameCount: segments.frameCount, fps: segments.fps })
        .from(segments)
        .innerJoin(mediaFiles, eq(mediaFiles.id, segments.outputFileId))
        .where(eq(segments.id, entity.id));
      return v ?? null;
    }
    case 'video_version': {
      const [v] = await db
        .select({ ...videoColumns, frameCount: sceneVideoVersions.frameCount, fps: sceneVideoVersions.fps })
        .from(sceneVideoVersions)
        .innerJoin(mediaFiles, eq(mediaFiles.id, sceneVideoVersions.fileId))
        .where(eq(sceneVideoVersions.id, entity.id));
      return v ?? null;
    }
    default:
      return null;
  }
}

/**
 * What a media file is to the studio, for annotations: the output of a segment or a scene video version (its
 * scene's project owns the annotations). `media.not_found` when there is no such file; null when it is some other
 * file (an image, a delivery).
 */
export async function annotatableVideo(
  db: Executor,
  filePublicId: string,
): Promise<{ video: VideoRef; projectId: number; projectPublicId: string } | null> {
  const [file] = await db
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(eq(mediaFiles.publicId, filePublicId));
  if (!file) throw new AppError('media.not_found', `No media file with id ${filePublicId}.`);
  const [owner] = await rows<{
    project_id: number;
    project_public_id: string;
    frame_count: number | null;
    fps: number | null;
  }>(
    db,
    sql`
    SELECT p.id AS project_id, p.public_id AS project_public_id, o.frame_count, o.fps
    FROM (
      SELECT v.scene_id, v.frame_count, v.fps FROM scene_video_versions v WHERE v.file_id = ${file.id}
      UNION ALL
      SELECT g.scene_id, g.frame_count, g.fps FROM segments g WHERE g.output_file_id = ${file.id}
    ) o
    JOIN scenes s ON s.id = o.scene_id
    JOIN characters c ON c.id = s.character_id
    JOIN projects p ON p.id = c.project_id
    LIMIT 1`,
  );
  if (!owner) return null;
  const [v] = await db.select(videoColumns).from(mediaFiles).where(eq(mediaFiles.id, file.id));
  return {
    video: {
      ...v!,
      frameCount: owner.frame_count == null ? null : Number(owner.frame_count),
      fps: owner.fps == null ? null : Number(owner.fps),
    },
    projectId: Number(owner.project_id),
    projectPublicId: String(owner.project_public_id),
  };
}

/** Copies a stored video to a temporary file for ffmpeg; `done` removes it. */
export async function localCopy(
  storage: Storage,
  key: string,
): Promise<{ file: string; done: () => Promise<void> }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'i2v-frame-'));
  const file = path.join(dir, `source${path.extname(key) || '.mp4'}`);
  try {
    await pipeline(storage.stream(key), createWriteStream(file));
  } catch (err) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { file, done: () => fsp.rm(dir, { recursive: true, force: true }) };
}

/** Frames and rate of a video, counted from the file when the record has no count. */
export async function framesOf(
  storage: Storage,
  video: VideoRef,
  file?: string,
): Promise<{ frameCount: number; fps: number | null }> {
  if (video.frameCount !== null && video.frameCount > 0)
    return { frameCount: video.frameCount, fps: video.fps };
  const copy = file ? null : await localCopy(storage, video.storageKey);
  try {
    const info = await probe(file ?? copy!.file, { countFrames: true, timeoutMs: 60_000 });
    return { frameCount: info.video?.frameCount ?? 0, fps: video.fps ?? info.video?.fps ?? null };
  } finally {
    await copy?.done();
  }
}

/** 422 naming the field when `frame` is not a frame of a video of `frameCount` frames. */
export function assertFrame(frame: number, frameCount: number, field: string, what: string): void {
  if (frame < 0 || frame >= frameCount) {
    throw new AppError(
      'frame.out_of_range',
      `Frame ${frame} is outside ${what}, which has ${frameCount} frame(s) (0–${Math.max(0, frameCount - 1)}).`,
      [{ field, message: `must be between 0 and ${Math.max(0, frameCount - 1)}` }],
    );
  }
}

/** `HH:MM:SS:FF` of a 0-based frame at a frame rate. */
export function timecodeOf(frame: number, fps: number | null): string | null {
  if (!fps || fps <= 0) return null;
  const base = Math.round(fps);
  const totalSeconds = Math.floor(frame / base);
  const ff = frame % base;
  const hh = Math.floor(totalSeconds / 3600);
  const mm = Math.floor((totalSeconds % 3600) / 60);
  const ss = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hh)}:${two(mm)}:${two(ss)}:${two(ff)}`;
}
