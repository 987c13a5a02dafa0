// Frame-accurate extraction of one frame as a lossless PNG.
import { FfmpegError } from './errors.js';
import { probe } from './probe.js';
import { type RunOptions, runFfmpeg } from './run.js';

export type FrameSelector = { index: number } | 'last';

/** Pure: ffmpeg arguments that decode `file` and write frame `index` (0-based) to `outPng`. */
export function frameArgs(file: string, index: number, outPng: string): string[] {
  return [
    '-y',
    '-v',
    'error',
    '-i',
    file,
    '-vf',
    `select=eq(n\\,${index})`,
    '-fps_mode',
    'passthrough',
    '-frames:v',
    '1',
    '-c:v',
    'png',
    '-f',
    'image2',
    outPng,
  ];
}

/** Writes the selected frame of `file` to `outPng`; returns the frame's index. */
export async function extractFrame(
  file: string,
  which: FrameSelector,
  outPng: string,
  options: Pick<RunOptions, 'signal' | 'timeoutMs'> & {
    /** The frame count when the caller knows it already (saves a counting pass over the file). */
    frameCount?: number;
  } = {},
): Promise<number> {
  const count =
    options.frameCount ??
    (await probe(file, { countFrames: true, signal: options.signal })).video?.frameCount ??
    0;
  if (count === 0) throw new FfmpegError('FFMPEG_NOT_MEDIA', `${file} has no video frames`);
  const index = which === 'last' ? count - 1 : which.index;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new FfmpegError('FFMPEG_BAD_FRAME', `frame ${index} is outside 0..${count - 1} of ${file}`);
  }
  await runFfmpeg(frameArgs(file, index, outPng), {
    timeoutMs: options.timeoutMs ?? 60_000,
    signal: options.signal,
  });
  return index;
}
