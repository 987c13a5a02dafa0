// ffmpeg runs that derive a file from a scene video: a transcode to an output profile, and a watermarked review cut.
// The argument lists are built by pure functions (tested as arrays); the two runners are the only place they run.
import fsp from 'node:fs/promises';
import type { Watermark } from '@i2v/contracts';
import { type OutputProfileSpec, profileEncoderArgs, profileFilters, silentAudioCodec } from '@i2v/domain';
import { probe, runFfmpeg } from '@i2v/ffmpeg';
import { findFontFile, type ReviewCutLayout, renderTextWatermark, reviewCutFilter } from './watermark.js';

export interface TranscodeOptions {
  signal?: AbortSignal;
  /** Fraction 0…1 of the source encoded so far. */
  onProgress?: (fraction: number) => void;
  /** Duration of the source; probed when not given (progress needs it). */
  durationSeconds?: number;
}

/** An hour per run is far beyond any scene video; a hung ffmpeg must still end. */
const runTimeoutMs = 3_600_000;
const quiet = ['-loglevel', 'error', '-nostats', '-progress', 'pipe:2'];

/** Pure: ffmpeg arguments of a transcode of `input` to `spec` into `out` (video only, or with a silent track). */
export function transcodeArgs(input: string, spec: OutputProfileSpec, out: string): string[] {
  const silent = spec.audio === 'silent';
  return [
    '-y',
    '-i',
    input,
    ...(silent ? ['-f', 'lavfi', '-i', 'anullsrc=channel_layout=stereo:sample_rate=48000'] : []),
    '-map',
    '0:v:0',
    ...(silent ? ['-map', '1:a:0', '-c:a', silentAudioCodec(spec), '-b:a', '96k', '-shortest'] : ['-an']),
    '-vf',
    profileFilters(spec).join(','),
    ...profileEncoderArgs(spec),
    '-map_metadata',
    '-1',
    ...quiet,
    out,
  ];
}

/** Pure: ffmpeg arguments of a review cut: `input` with the watermark picture `watermarkPng` laid over it. */
export function reviewCutArgs(
  input: string,
  watermarkPng: string,
  layout: ReviewCutLayout,
  out: string,
): string[] {
  return [
    '-y',
    '-i',
    input,
    '-i',
    watermarkPng,
    '-filter_complex',
    reviewCutFilter(layout),
    '-map',
    '[out]',
    '-map',
    '0:a?',
    '-c:v',
    'libx264',
    '-preset',
    'fast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    '-map_metadata',
    '-1',
    ...quiet,
    out,
  ];
}

function progressOf(o: TranscodeOptions, duration: number): ((seconds: number) => void) | undefined {
  const report = o.onProgress;
  if (!report || !(duration > 0)) return undefined;
  return (seconds) => report(Math.min(1, Math.max(0, seconds / duration)));
}

/** Transcodes `input` to the output profile `spec`, writing `out` (its extension should be the profile's). */
export async function transcodeToProfile(
  input: string,
  spec: OutputProfileSpec,
  out: string,
  o: TranscodeOptions = {},
): Promise<void> {
  const duration =
    o.durationSeconds ??
    (o.onProgress ? (await probe(input, { signal: o.signal, timeoutMs: 60_000 })).durationSeconds : 0);
  await runFfmpeg(transcodeArgs(input, spec, out), {
    signal: o.signal,
    timeoutMs: runTimeoutMs,
    onProgress: progressOf(o, duration),
  });
  o.onProgress?.(1);
}

/**
 * Renders a watermarked review cut of `input` into `out` (H.264 MP4 at the source size and rate, every frame kept).
 * An image watermark needs its stored image at `imagePath`; a timecode needs a font (`fontFile`, found when not given).
 */
export async function renderReviewCut(
  input: string,
  watermark: Watermark,
  out: string,
  o: TranscodeOptions & { imagePath?: string; fontFile?: string | null } = {},
): Promise<void> {
  const info = await probe(input, { signal: o.signal, timeoutMs: 60_000 });
  if (!info.video) throw new Error(`${input} has no video stream`);
  const fontFile = o.fontFile === undefined ? await findFontFile() : o.fontFile;
  let picture = o.imagePath;
  const textPng = `${out}.watermark.png`;
  if (watermark.kind === 'text') {
    await fsp.writeFile(textPng, await renderTextWatermark(watermark.text ?? ''));
    picture = textPng;
  }
  if (!picture) throw new Error('an image watermark needs the path of its image');
  try {
    const layout: ReviewCutLayout = {
      videoWidth: info.video.width,
      videoHeight: info.video.height,
      fps: info.video.fps || 25,
      watermark,
      fontFile,
    };
    await runFfmpeg(reviewCutArgs(input, picture, layout, out), {
      signal: o.signal,
      timeoutMs: runTimeoutMs,
      onProgress: progressOf(o, o.durationSeconds ?? info.durationSeconds),
    });
    o.onProgress?.(1);
  } finally {
    await fsp.rm(textPng, { force: true });
  }
}
