// Decodes every frame of a video to raw 8-bit pixels at a fixed size, for frame metrics and QA.
import { FfmpegError } from './errors.js';
import { probe } from './probe.js';
import { runFfmpeg } from './run.js';

export type DecodePixelFormat = 'gray' | 'rgb24';

export interface DecodeOptions {
  width: number;
  height: number;
  pixelFormat: DecodePixelFormat;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface DecodedFrames {
  width: number;
  height: number;
  channels: 1 | 3;
  /** One `width × height × channels` array per frame, in stream order, none dropped or duplicated. */
  frames: Uint8Array[];
  fps: number;
  /** The stream's own size (before scaling) and codec. */
  source: { width: number; height: number; codec: string };
}

/** Pure: ffmpeg arguments that write every frame of `file`, scaled to exactly width×height, as raw pixels to stdout. */
export function decodeArgs(
  file: string,
  o: Pick<DecodeOptions, 'width' | 'height' | 'pixelFormat'>,
): string[] {
  return [
    '-v',
    'error',
    '-i',
    file,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    // area averaging: a downscale keeps every source pixel's weight, so grain averages out the way it would by eye
    '-vf',
    `scale=${o.width}:${o.height}:flags=area`,
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    o.pixelFormat,
    'pipe:1',
  ];
}

/** Decodes every frame of `file`; throws FFMPEG_NOT_MEDIA when it is not a readable video. */
export async function decodeFrames(file: string, options: DecodeOptions): Promise<DecodedFrames> {
  const { width, height, pixelFormat, signal } = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`decode size must be positive integers, got ${width}×${height}`);
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  // probe (for fps) and decode run side by side: each is a process start, and the start dominates short clips
  const [probed, decoded] = await Promise.allSettled([
    probe(file, { signal, timeoutMs }),
    runFfmpeg(decodeArgs(file, options), { signal, timeoutMs }),
  ]);
  if (probed.status === 'rejected') throw probed.reason;
  if (!probed.value.video) throw new FfmpegError('FFMPEG_NOT_MEDIA', `${file} has no video stream`);
  if (decoded.status === 'rejected') {
    const err = decoded.reason;
    if (err instanceof FfmpegError && err.code === 'FFMPEG_FAILED') {
      throw new FfmpegError('FFMPEG_NOT_MEDIA', `${file} could not be decoded`, err.details);
    }
    throw err;
  }
  const channels = pixelFormat === 'gray' ? 1 : 3;
  const frameBytes = width * height * channels;
  const { stdout } = decoded.value;
  if (stdout.length % frameBytes !== 0) {
    throw new FfmpegError('FFMPEG_FAILED', `${file} decoded to ${stdout.length} bytes, not whole frames`);
  }
  const frames = splitFrames(stdout, frameBytes);
  if (frames.length === 0) throw new FfmpegError('FFMPEG_NOT_MEDIA', `${file} has no video frames`);
  const v = probed.value.video;
  return {
    width,
    height,
    channels,
    frames,
    fps: v.fps,
    source: { width: v.width, height: v.height, codec: v.codec },
  };
}

function splitFrames(stdout: Buffer, frameBytes: number): Uint8Array[] {
  const count = stdout.length / frameBytes;
  // views into the one decoded buffer: no copy per frame
  return Array.from(
    { length: count },
    (_, i) => new Uint8Array(stdout.buffer, stdout.byteOffset + i * frameBytes, frameBytes),
  );
}
