// The file of a rendition: the source copied out of storage, transcoded or watermarked by ffmpeg in a temporary
// folder, moved into storage, and registered as a media file in the transaction that marks the rendition ready.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Watermark } from '@i2v/contracts';
import { type OutputProfileSpec, profileExtension } from '@i2v/domain';
import { probe } from '@i2v/ffmpeg';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import {
  characters,
  mediaFiles,
  outputProfiles,
  projects,
  renditions,
  scenes,
  sceneTypes,
  sceneVideoVersions,
} from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { Storage } from '../../platform/storage.js';
import { insertMediaFile } from '../media/repo.js';
import { renderReviewCut, transcodeToProfile } from './transcode.js';
import { watermarkImage } from './watermark.js';

type Settings = OutputProfileSpec | Watermark;

const mimeTypes: Record<string, string> = { mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm' };

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'rendition';

export interface MakeDeps {
  db: Db;
  clock: Clock;
  storage: Storage;
  /** The font for burnt-in timecodes; null when the machine has none. */
  fontFile: () => Promise<string | null>;
}

/** A scene video version with what a rendition of it needs; 404 when it (or its project) is gone. */
export async function findVersionSource(db: Executor, by: string | number) {
  const [v] = await db
    .select({
      id: sceneVideoVersions.id,
      publicId: sceneVideoVersions.publicId,
      versionNumber: sceneVideoVersions.versionNumber,
      deletedAt: sceneVideoVersions.deletedAt,
      durationSeconds: sceneVideoVersions.durationSeconds,
      storageKey: mediaFiles.storageKey,
      originalFilename: mediaFiles.originalFilename,
      scenePublicId: scenes.publicId,
      characterName: characters.name,
      sceneTypeName: sceneTypes.name,
      projectPublicId: projects.publicId,
      projectSettings: projects.settings,
      projectDeletedAt: projects.deletedAt,
    })
    .from(sceneVideoVersions)
    .innerJoin(mediaFiles, eq(mediaFiles.id, sceneVideoVersions.fileId))
    .innerJoin(scenes, eq(scenes.id, sceneVideoVersions.sceneId))
    .innerJoin(characters, eq(characters.id, scenes.characterId))
    .innerJoin(sceneTypes, eq(sceneTypes.id, scenes.sceneTypeId))
    .innerJoin(projects, eq(projects.id, characters.projectId))
    .where(typeof by === 'number' ? eq(sceneVideoVersions.id, by) : eq(sceneVideoVersions.publicId, by));
  if (!v || v.projectDeletedAt)
    throw new AppError('video.not_found', `No scene video version with id ${by}.`);
  return v;
}

/** Runs one rendition to a stored file (encoded in a temporary folder, then moved into storage) and marks it ready. */
export async function makeRenditionFile(
  d: MakeDeps,
  renditionPublicId: string,
  o: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<{ fileId: number; filePublicId: string; storageKey: string }> {
  const [r] = await d.db.select().from(renditions).where(eq(renditions.publicId, renditionPublicId));
  if (!r) throw new Error(`rendition ${renditionPublicId} is gone`);
  const version = await findVersionSource(d.db, r.videoVersionId);
  const settings = r.settings as Settings;
  const watermark = r.kind === 'review_cut' ? (settings as Watermark) : null;
  const spec = watermark ? null : (settings as OutputProfileSpec);
  const image = watermark ? await watermarkImage(d.db, watermark, 'settings') : null;
  const ext = spec ? profileExtension(spec).slice(1) : 'mp4';
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'i2v-rendition-'));
  let lastWrite = 0;
  const onProgress = (fraction: number) => {
    o.onProgress?.(fraction);
    const now = Date.now();
    if (now - lastWrite < 1000 || fraction >= 1) return;
    lastWrite = now;
    void d.db
      .update(renditions)
      .set({ progress: fraction, updatedAt: d.clock.now() })
      .where(eq(renditions.id, r.id))
      .catch(() => undefined);
  };
  try {
    const input = path.join(dir, `source${path.extname(version.storageKey)}`);
    await pipeline(d.storage.stream(version.storageKey), createWriteStream(input));
    const out = path.join(dir, `out.${ext}`);
    const options = { signal: o.signal, onProgress, durationSeconds: version.durationSeconds };
    if (spec) {
      await transcodeToProfile(input, spec, out, options);
    } else {
      let imagePath: string | undefined;
      if (image) {
        imagePath = path.join(dir, 'watermark-image');
        await pipeline(d.storage.stream(image.storageKey), createWriteStream(imagePath));
      }
      await renderReviewCut(input, watermark!, out, {
        ...options,
        imagePath,
        fontFile: await d.fontFile(),
      });
    }
    const info = await probe(out, { signal: o.signal, timeoutMs: 60_000 });
    const hash = createHash('sha256');
    await pipeline(createReadStream(out), hash);
    const filePublicId = newPublicId();
    const storageKey = `renditions/${version.publicId}/${r.publicId}.${ext}`;
    const stored = await d.storage.putFile(storageKey, out);
    const base = slug(
      path.parse(version.originalFilename ?? `${version.sceneTypeName}-v${version.versionNumber}`).name,
    );
    const suffix = spec ? slug((await profileName(d.db, r.profileId)) ?? 'profile') : 'review';
    try {
      const fileId = await d.db.transaction(async (tx) => {
        const id = await insertMediaFile(tx, {
          publicId: filePublicId,
          storageKey,
          sha256: hash.digest('hex'),
          sizeBytes: stored.size,
          mimeType: mimeTypes[ext] ?? 'application/octet-stream',
          width: info.video?.width ?? null,
          height: info.video?.height ?? null,
          originalFilename: `${base}-${suffix}.${ext}`.slice(0, 255),
        });
        await tx
          .update(renditions)
          .set({ status: 'ready', progress: 1, fileId: id, error: null, updatedAt: d.clock.now() })
          .where(eq(renditions.id, r.id));
        return id;
      });
      return { fileId, filePublicId, storageKey };
    } catch (err) {
      await d.storage.delete(storageKey);
      throw err;
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

async function profileName(db: Executor, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const [p] = await db
    .select({ name: outputProfiles.name })
    .from(outputProfiles)
    .where(eq(outputProfiles.id, id));
  return p?.name ?? null;
}
