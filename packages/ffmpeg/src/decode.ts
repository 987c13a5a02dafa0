// Decodes every frame of a video to raw 8-bit pixels at a fixed size, for frame metrics and QA.
import { open } from 'node:fs/promises';
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
  /**
   * Frames `from`…`to` (0-based, inclusive) also kept at the stream's own size as packed RGB, written to `file` in
   * the same pass: a frame picked from them afterwards (a boundary frame) needs no second decode of the clip.
   */
  keep?: KeepRange;
}

export interface KeepRange {
  from: number;
  to: number;
  file: string;
}

/** Frames kept at full size by `decodeFrames`; read one with `readKeptFrame`. */
export interface KeptFrames {
  from: number;
  /** Frames kept: fewer than asked when the clip ends earlier. */
  count: number;
  width: number;
  height: number;
  file: string;
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
  /**
   * The frames asked for with `keep`; null when none was asked for, or when the stream's pixel format is one whose
   * PNG extraction (`extractFrame`) is not 8-bit RGB (10-bit, alpha, grey, palette), so the kept pixels would not
   * be the extracted ones.
   */
  kept: KeptFrames | null;
}

/**
 * Pixel formats a PNG extraction turns into 8-bit RGB, through the same conversion the kept frames go through, so a
 * kept frame is pixel for pixel the extracted one.
 */
const rgbExact = new Set([
  'yuv420p',
  'yuvj420p',
  'yuv422p',
  'yuvj422p',
  'yuv444p',
  'yuvj444p',
  'nv12',
  'nv21',
  'rgb24',
  'bgr24',
]);

/**
 * Pure: ffmpeg arguments that write every frame of `file`, scaled to exactly width×height, as raw pixels to stdout;
 * with `keep`, the frames of that range also go unscaled, as packed RGB, to `keep.file`.
 */
export function decodeArgs(
  file: string,
  o: Pick<DecodeOptions, 'width' | 'height' | 'pixelFormat' | 'keep'>,
): string[] {
  // area averaging: a downscale keeps every source pixel's weight, so grain averages out the way it would by eye
  const scale = `scale=${o.width}:${o.height}:flags=area`;
  const raw = (pixelFormat: string, out: string) => [
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    pixelFormat,
    out,
  ];
  if (!o.keep) {
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
      '-vf',
      scale,
      ...raw(o.pixelFormat, 'pipe:1'),
    ];
  }
  const { from, to } = o.keep;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`frames to keep must be a range of frame indices, got ${from}…${to}`);
  }
  return [
    '-y',
    '-v',
    'error',
    '-i',
    file,
    '-filter_complex',
    `[0:v:0]split=2[all][tail];[all]${scale}[scaled];[tail]select='between(n\\,${from}\\,${to})'[kept]`,
    '-map',
    '[scaled]',
    ...raw(o.pixelFormat, 'pipe:1'),
    '-map',
    '[kept]',
    ...raw('rgb24', o.keep.file),
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
  let kept: KeptFrames | null = null;
  if (options.keep && rgbExact.has(v.pixelFormat)) {
    const { from, file: keptFile } = options.keep;
    kept = {
      from,
      count: Math.max(0, Math.min(frames.length - from, options.keep.to - from + 1)),
      width: v.width,
      height: v.height,
      file: keptFile,
    };
  }
  return {
    width,
    height,
    channels,
    frames,
    fps: v.fps,
    source: { width: v.width, height: v.height, codec: v.codec },
    kept,
  };
}

/** Frame `index` of the clip from the kept frames (packed RGB at the stream's size); null when it was not kept. */
export async function readKeptFrame(kept: KeptFrames, index: number): Promise<Uint8Array | null> {
  if (!Number.isInteger(index) || index < kept.from || index >= kept.from + kept.count) return null;
  const bytes = kept.width * kept.height * 3;
  const frame = new Uint8Array(bytes);
  const handle = await open(kept.file, 'r');
  try {
    const { bytesRead } = await handle.read(frame, 0, bytes, (index - kept.from) * bytes);
    return bytesRead === bytes ? frame : null;
  } finally {
    await handle.close();
  }
}

function splitFrames(stdout: Buffer, frameBytes: number): Uint8Array[] {
  const count = stdout.length / frameBytes;
  // views into the one decoded buffer: no copy per frame
  return Array.from(
    { length: count },
    (_, i) => new Uint8Array(stdout.buffer, stdout.byteOffset + i * frameBytes, frameBytes),
  );
}
