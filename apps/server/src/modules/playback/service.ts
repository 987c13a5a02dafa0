// What the player needs from a stored video besides its bytes (PRD-083): a filmstrip sprite sheet for the timeline
// and an H.264 proxy for sources a browser cannot decode. Both are made once, on first request, and kept in storage
// beside the video; concurrent first requests share one ffmpeg run.
import { createWriteStream } from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FilmstripLayout, planFilmstrip } from '@i2v/domain';
import { FfmpegError, probe, runFfmpeg } from '@i2v/ffmpeg';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Storage } from '../../platform/storage.js';
import type { MediaLinks } from '../media/links.js';
import { findMediaFile, type MediaFileRow } from '../media/repo.js';
import { type OpenedMedia, parseRange } from '../media/service.js';
import { proxyArgs, spriteArgs } from './ffmpeg-args.js';
import { playbackKeysOf } from './keys.js';

export interface Sprite {
  jpeg: Buffer;
  layout: FilmstripLayout;
  etag: string;
}

export type OpenedProxy = Omit<OpenedMedia, 'mimeType'>;

/** At most this many sprite or proxy runs at once: a grid of new videos must not start one ffmpeg per tile. */
const parallelRuns = 2;

export class PlaybackService {
  private readonly running = new Map<string, Promise<unknown>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly d: {
      db: Db;
      storage: Storage;
      links: MediaLinks;
      /** Longest a proxy transcode may run. */
      proxyTimeoutMs?: number;
    },
  ) {}

  /** The filmstrip of a video, made on first request; the link is the file's own signed link. */
  async sprite(publicId: string, exp: number, sig: string): Promise<Sprite> {
    const row = await this.videoOf(publicId, exp, sig);
    const keys = playbackKeysOf(row.storageKey);
    const etag = `"${row.sha256.slice(0, 16)}-sprite"`;
    const cached = await this.readSprite(keys);
    if (cached) return { ...cached, etag };
    await this.once(`sprite:${publicId}`, () => this.makeSprite(row));
    const made = await this.readSprite(keys);
    if (!made) throw new Error(`the sprite of ${publicId} was made but cannot be read`);
    return { ...made, etag };
  }

  /** The H.264 proxy of a video, transcoded on first request; `range` as for the file itself. */
  async proxy(publicId: string, exp: number, sig: string, range?: string): Promise<OpenedProxy> {
    const row = await this.videoOf(publicId, exp, sig);
    const key = playbackKeysOf(row.storageKey).proxy;
    let stat = await this.d.storage.stat(key);
    if (!stat) {
      await this.once(`proxy:${publicId}`, () => this.makeProxy(row, key));
      stat = await this.d.storage.stat(key);
      if (!stat) throw new Error(`the proxy of ${publicId} was made but cannot be read`);
    }
    const base = { size: stat.size, etag: `"${row.sha256.slice(0, 16)}-proxy"` };
    const part = range ? parseRange(range, stat.size) : null;
    if (part === 'unsatisfiable') return { ...base, stream: Readable.from([]), unsatisfiable: true };
    if (part) return { ...base, stream: this.d.storage.stream(key, part), part };
    return { ...base, stream: this.d.storage.stream(key) };
  }

  private async videoOf(publicId: string, exp: number, sig: string): Promise<MediaFileRow> {
    // sprite and proxy are views of the file: whoever holds the file's link may have them
    const check = this.d.links.verify(publicId, 'file', exp, sig);
    if (check === 'invalid') throw new AppError('media.not_found', 'No such media file.');
    if (check === 'expired')
      throw new AppError('media.link_expired', 'This media link has expired; reload the page.');
    const row = await findMediaFile(this.d.db, publicId);
    if (!row || !(await this.d.storage.stat(row.storageKey)))
      throw new AppError('media.not_found', 'No such media file.');
    if (!row.mimeType.startsWith('video/')) {
      throw new AppError(
        'video.unreadable',
        `${row.originalFilename ?? 'This file'} is ${row.mimeType}, not a video: it has no filmstrip or proxy.`,
      );
    }
    return row;
  }

  private async readSprite(keys: ReturnType<typeof playbackKeysOf>) {
    if (!(await this.d.storage.stat(keys.spriteLayout)) || !(await this.d.storage.stat(keys.sprite)))
      return null;
    const [jpeg, layout] = await Promise.all([
      this.d.storage.read(keys.sprite),
      this.d.storage.read(keys.spriteLayout),
    ]);
    return { jpeg, layout: JSON.parse(layout.toString('utf8')) as FilmstripLayout };
  }

  private makeSprite(row: MediaFileRow): Promise<void> {
    return this.withLocalCopy(row, async (input, dir) => {
      const info = await this.probeVideo(input, row);
      const layout = planFilmstrip({
        frameCount: info.frameCount,
        width: info.width,
        height: info.height,
      });
      const out = path.join(dir, 'sprite.jpg');
      await this.ffmpeg(spriteArgs(input, layout, out), 120_000, row);
      const keys = playbackKeysOf(row.storageKey);
      // the image first: the layout's presence says the pair is complete
      await this.d.storage.putFile(keys.sprite, out);
      await this.d.storage.put(keys.spriteLayout, Buffer.from(JSON.stringify(layout)));
    });
  }

  private makeProxy(row: MediaFileRow, key: string): Promise<void> {
    return this.withLocalCopy(row, async (input, dir) => {
      const info = await this.probeVideo(input, row);
      const out = path.join(dir, 'proxy.mp4');
      const gop = Math.max(1, Math.round(info.fps || 24));
      await this.ffmpeg(proxyArgs(input, out, gop), this.d.proxyTimeoutMs ?? 600_000, row);
      await this.d.storage.putFile(key, out);
    });
  }

  private async probeVideo(input: string, row: MediaFileRow) {
    try {
      const info = await probe(input, { countFrames: true, timeoutMs: 120_000 });
      if (info.video && info.video.frameCount > 0 && info.video.width > 0) return info.video;
    } catch (err) {
      if (!(err instanceof FfmpegError) || err.code !== 'FFMPEG_NOT_MEDIA') throw err;
    }
    throw new AppError(
      'video.unreadable',
      `${row.originalFilename ?? 'This file'} has no readable video picture.`,
    );
  }

  private async ffmpeg(args: string[], timeoutMs: number, row: MediaFileRow): Promise<void> {
    try {
      await runFfmpeg(args, { timeoutMs });
    } catch (err) {
      if (err instanceof FfmpegError && err.code === 'FFMPEG_FAILED') {
        throw new AppError('video.unreadable', `${row.originalFilename ?? 'This file'} cannot be decoded.`);
      }
      throw err;
    }
  }

  /** Runs `work` on a temporary local copy of the stored file (storage may not be a local disk). */
  private async withLocalCopy(row: MediaFileRow, work: (input: string, dir: string) => Promise<void>) {
    await this.slot();
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'i2v-playback-'));
    try {
      const input = path.join(dir, `source${path.extname(row.storageKey)}`);
      await pipeline(this.d.storage.stream(row.storageKey), createWriteStream(input));
      await work(input, dir);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
      this.release();
    }
  }

  /** One run per key at a time: later callers wait for the first one's result. */
  private async once(key: string, run: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current) return void (await current);
    const started = run().finally(() => this.running.delete(key));
    this.running.set(key, started);
    await started;
  }

  private async slot(): Promise<void> {
    if (this.active < parallelRuns) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
