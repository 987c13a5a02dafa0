// Stores processed images (files first, rows after) and serves them through signed links.

import { Readable } from 'node:stream';
import type { MediaFile } from '@i2v/contracts';
import { inArray } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { mediaFiles } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { Storage } from '../../platform/storage.js';
import { playbackKeysOf } from '../playback/keys.js';
import type { ProcessedImage } from './images.js';
import type { MediaLinks, MediaRendition } from './links.js';
import { findMediaFile, insertMediaFile, type MediaFileRow } from './repo.js';

export interface StagedImage {
  publicId: string;
  sha256: string;
  width: number;
  height: number;
  format: ProcessedImage['format'];
  originalFilename: string;
  /** Registers the already written files in the caller's transaction; returns the row id. */
  register(tx: Executor): Promise<number>;
  /** Removes the written files when the transaction that would register them fails. */
  discard(): Promise<void>;
}

/** A stored file opened for an HTTP answer, whole or one byte range of it. */
export interface OpenedMedia {
  stream: Readable;
  mimeType: string;
  size: number;
  etag: string;
  /** Set when a satisfiable range was asked for. */
  part?: { start: number; end: number };
  /** Set when the range cannot be satisfied (answer 416). */
  unsatisfiable?: true;
}

export class MediaService {
  constructor(
    private readonly db: Db,
    private readonly storage: Storage,
    readonly links: MediaLinks,
  ) {}

  /** Writes the image and its thumbnail to storage; the row is added only once the caller's transaction commits. */
  async stage(image: ProcessedImage, originalFilename: string, folder: string): Promise<StagedImage> {
    return this.stageWith(image, originalFilename, folder, async (dataKey, thumbKey) => {
      await this.storage.put(dataKey, image.data);
      await this.storage.put(thumbKey, image.thumbnail);
    });
  }

  /** As `stage`, for an image whose bytes and thumbnail are already in local files (imports); they stay there. */
  async stageFiles(
    image: Omit<ProcessedImage, 'data' | 'thumbnail'> & { sizeBytes: number },
    files: { data: string; thumbnail: string },
    originalFilename: string,
    folder: string,
  ): Promise<StagedImage> {
    return this.stageWith(image, originalFilename, folder, async (dataKey, thumbKey) => {
      await this.storage.putFile(dataKey, files.data);
      await this.storage.putFile(thumbKey, files.thumbnail);
    });
  }

  private async stageWith(
    image: Omit<ProcessedImage, 'data' | 'thumbnail'> & { sizeBytes?: number; data?: Buffer },
    originalFilename: string,
    folder: string,
    write: (dataKey: string, thumbnailKey: string) => Promise<void>,
  ): Promise<StagedImage> {
    const publicId = newPublicId();
    const ext = image.format === 'jpeg' ? 'jpg' : image.format;
    const storageKey = `${folder}/${publicId}.${ext}`;
    const thumbnailKey = `${folder}/${publicId}.thumb.webp`;
    const discard = async () => {
      await this.storage.delete(storageKey);
      await this.storage.delete(thumbnailKey);
    };
    try {
      await write(storageKey, thumbnailKey);
    } catch (err) {
      await discard();
      throw err;
    }
    return {
      publicId,
      sha256: image.sha256,
      width: image.width,
      height: image.height,
      format: image.format,
      originalFilename,
      register: (tx) =>
        insertMediaFile(tx, {
          publicId,
          storageKey,
          thumbnailKey,
          sha256: image.sha256,
          sizeBytes: image.sizeBytes ?? image.data?.length ?? 0,
          mimeType: image.mimeType,
          width: image.width,
          height: image.height,
          originalFilename: originalFilename.slice(0, 255),
        }),
      discard,
    };
  }

  /**
   * Deletes media rows in the caller's transaction (their owners' rows must be gone) and returns the storage keys of
   * their files, for `deleteStored` once the transaction has committed: a rolled-back purge keeps its files.
   */
  async dropRows(tx: Executor, fileIds: number[]): Promise<string[]> {
    if (fileIds.length === 0) return [];
    const rows = await tx
      .delete(mediaFiles)
      .where(inArray(mediaFiles.id, fileIds))
      .returning({ key: mediaFiles.storageKey, thumb: mediaFiles.thumbnailKey });
    return rows.flatMap((r) => [r.key, ...(r.thumb ? [r.thumb] : [])]);
  }

  /** Removes stored files after the transaction that dropped their rows has committed. */
  async deleteStored(keys: string[]): Promise<void> {
    // with the sprite and proxy the player may have made of a video (deleting what is not there is a no-op)
    const all = keys.flatMap((k) => [k, ...Object.values(playbackKeysOf(k))]);
    await Promise.all(all.map((k) => this.storage.delete(k)));
  }

  describe(
    row: Pick<
      MediaFileRow,
      | 'publicId'
      | 'thumbnailKey'
      | 'mimeType'
      | 'width'
      | 'height'
      | 'sizeBytes'
      | 'sha256'
      | 'originalFilename'
    >,
  ): MediaFile {
    return {
      id: row.publicId,
      url: this.links.url(row.publicId, 'file'),
      thumbnailUrl: row.thumbnailKey ? this.links.url(row.publicId, 'thumbnail') : null,
      mimeType: row.mimeType,
      width: row.width,
      height: row.height,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      originalFilename: row.originalFilename,
    };
  }

  /**
   * Opens a stored file for a signed link; with `range` (an HTTP `Range: bytes=…` header) only that part, so videos
   * stream and seek without downloading whole.
   */
  async open(
    publicId: string,
    rendition: MediaRendition,
    exp: number,
    sig: string,
    range?: string,
  ): Promise<OpenedMedia> {
    const check = this.links.verify(publicId, rendition, exp, sig);
    if (check === 'invalid') throw new AppError('media.not_found', 'No such media file.');
    if (check === 'expired')
      throw new AppError('media.link_expired', 'This media link has expired; reload the page.');
    const row = await findMediaFile(this.db, publicId);
    const key = rendition === 'file' ? row?.storageKey : row?.thumbnailKey;
    const stat = key ? await this.storage.stat(key) : null;
    if (!row || !key || !stat) throw new AppError('media.not_found', 'No such media file.');
    const base = {
      mimeType: rendition === 'file' ? row.mimeType : 'image/webp',
      size: stat.size,
      etag: `"${row.sha256.slice(0, 16)}-${rendition}"`,
    };
    const part = range ? parseRange(range, stat.size) : null;
    if (part === 'unsatisfiable') return { ...base, stream: Readable.from([]), unsatisfiable: true };
    if (part) return { ...base, stream: this.storage.stream(key, part), part };
    return { ...base, stream: this.storage.stream(key) };
  }
}

/** One `bytes=start-end` range (also `start-` and `-suffix`); null to send everything, as for several ranges. */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
