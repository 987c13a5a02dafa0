// Joins clips into one video (PRD-039 §1.1): stream copy through the concat demuxer when every clip is used whole
// and the streams match, otherwise one re-encode pass that trims each clip at exact frames and can crossfade a join
// (boundary smoothing, PRD-025) with the `blend` filter — ffmpeg's `xfade` is not needed.
import { FfmpegError } from './errors.js';
import { type RunOptions, runFfmpeg } from './run.js';

export interface ClipPart {
  file: string;
  /** First and last frame used, inclusive, 0-based. */
  from: number;
  to: number;
}

export interface ReencodeOptions {
  parts: readonly ClipPart[];
  /** Joins to crossfade: join `j` lies between part `j` and part `j + 1`. */
  smoothJoins?: readonly number[];
  /** Frames each smoothed join overlaps. */
  crossfadeFrames?: number;
  width: number;
  height: number;
  fps: number;
  /** x264 constant quality of the master (lower is better). */
  crf?: number;
  preset?: string;
}

/** Pure: the concat demuxer's list file for `files` (single quotes escaped as the demuxer wants). */
export function concatList(files: readonly string[]): string {
  return files.map((f) => `file '${f.replaceAll("'", "'\\''")}'\n`).join('');
}

/** Pure: ffmpeg arguments that stream-copy the clips listed in `listFile` into `out`. */
export function concatCopyArgs(listFile: string, out: string): string[] {
  return [
    '-y',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    listFile,
    '-map',
    '0:v:0',
    '-c',
    'copy',
    '-movflags',
    '+faststart',
    '-progress',
    'pipe:2',
    out,
  ];
}

/** Frames the re-encoded video will have: every part's frames, less the overlap of each smoothed join. */
export function reencodedFrameCount(o: Pick<ReencodeOptions, 'parts' | 'smoothJoins' | 'crossfadeFrames'>) {
  const total = o.parts.reduce((n, p) => n + (p.to - p.from + 1), 0);
  return total - effectiveJoins(o).length * crossfadeOf(o);
}

function crossfadeOf(o: Pick<ReencodeOptions, 'parts' | 'crossfadeFrames'>): number {
  const shortest = Math.min(...o.parts.map((p) => p.to - p.from + 1));
  // a part gives at most half its frames to each neighbour's crossfade
  return Math.max(0, Math.min(o.crossfadeFrames ?? 4, Math.floor(shortest / 2)));
}

function effectiveJoins(o: Pick<ReencodeOptions, 'parts' | 'smoothJoins' | 'crossfadeFrames'>): number[] {
  if (crossfadeOf(o) === 0) return [];
  return [...new Set(o.smoothJoins ?? [])]
    .filter((j) => Number.isInteger(j) && j >= 0 && j < o.parts.length - 1)
    .sort((a, b) => a - b);
}

/**
 * Pure: the filter graph of a re-encode. Each part is trimmed to its frames and conformed to one size; a smoothed
 * join takes the last K frames of one part and the first K of the next and blends them with a linear ramp, so the
 * joined video is K frames shorter per smoothed join and never jumps.
 */
export function reencodeFilter(o: ReencodeOptions): string {
  const k = crossfadeOf(o);
  const joins = new Set(effectiveJoins(o));
  const chains: string[] = [];
  const sequence: string[] = [];
  o.parts.forEach((p, i) => {
    const len = p.to - p.from + 1;
    const head = joins.has(i - 1) ? k : 0;
    const tail = joins.has(i) ? k : 0;
    const base =
      `[${i}:v:0]trim=start_frame=${p.from}:end_frame=${p.to + 1},setpts=PTS-STARTPTS,` +
      `scale=${o.width}:${o.height}:flags=lanczos,setsar=1,format=yuv420p`;
    const pieces: { name: string; from: number; to: number }[] = [];
    if (head) pieces.push({ name: `h${i}`, from: 0, to: head });
    pieces.push({ name: `b${i}`, from: head, to: len - tail });
    if (tail) pieces.push({ name: `t${i}`, from: len - tail, to: len });
    if (pieces.length === 1) {
      chains.push(`${base}[b${i}]`);
    } else {
      chains.push(`${base},split=${pieces.length}${pieces.map((x) => `[s${i}${x.name}]`).join('')}`);
      for (const x of pieces) {
        chains.push(
          `[s${i}${x.name}]trim=start_frame=${x.from}:end_frame=${x.to},setpts=PTS-STARTPTS[${x.name}]`,
        );
      }
    }
    if (head) sequence.push(`x${i - 1}`);
    sequence.push(`b${i}`);
    if (tail) {
      // the incoming clip's weight rises (n+1)/(K+1) over the K frames (n from the frame's time: `N` starts at 0
      // or 1 depending on the ffmpeg version), never all of one side, so the join itself is smoothed
      const w = `((floor(T*${o.fps}+0.5)+1)/${k + 1})`;
      chains.push(`[t${i}][h${i + 1}]blend=all_expr='A*(1-${w})+B*${w}'[x${i}]`);
    }
  });
  // body pieces emptied by a crossfade on both sides are skipped by concat only if absent, so keep them out
  const live = sequence.filter((name) => {
    if (!name.startsWith('b')) return true;
    const i = Number(name.slice(1));
    const p = o.parts[i]!;
    const len = p.to - p.from + 1;
    return len - (joins.has(i - 1) ? k : 0) - (joins.has(i) ? k : 0) > 0;
  });
  chains.push(`${live.map((n) => `[${n}]`).join('')}concat=n=${live.length}:v=1:a=0,fps=${o.fps}[out]`);
  return chains.join(';');
}

/** Pure: ffmpeg arguments of a re-encode of `o` into `out` (H.264 master, visually lossless by default). */
export function reencodeArgs(o: ReencodeOptions, out: string): string[] {
  return [
    '-y',
    ...o.parts.flatMap((p) => ['-i', p.file]),
    '-filter_complex',
    reencodeFilter(o),
    '-map',
    '[out]',
    '-c:v',
    'libx264',
    '-preset',
    o.preset ?? 'fast',
    '-crf',
    String(o.crf ?? 14),
    '-pix_fmt',
    'yuv420p',
    '-r',
    String(o.fps),
    '-movflags',
    '+faststart',
    '-an',
    '-progress',
    'pipe:2',
    out,
  ];
}

/** Stream-copies whole clips into `out`; `listFile` is where the demuxer's list is written. */
export async function concatCopy(
  files: readonly string[],
  listFile: string,
  out: string,
  options: Pick<RunOptions, 'signal' | 'timeoutMs' | 'onProgress'> = {},
): Promise<void> {
  if (files.length === 0) throw new FfmpegError('FFMPEG_FAILED', 'nothing to concatenate');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(listFile, concatList(files));
  await runFfmpeg(concatCopyArgs(listFile, out), { timeoutMs: 300_000, ...options });
}

/** Re-encodes the parts into `out` with exact trims and optional smoothed joins. */
export async function reencodeClips(
  o: ReencodeOptions,
  out: string,
  options: Pick<RunOptions, 'signal' | 'timeoutMs' | 'onProgress'> = {},
): Promise<void> {
  if (o.parts.length === 0) throw new FfmpegError('FFMPEG_FAILED', 'nothing to concatenate');
  await runFfmpeg(reencodeArgs(o, out), { timeoutMs: 900_000, ...options });
}

/** One frame of `file` as raw 8-bit pixels at width×height (grey or RGB), for comparing joins. */
export async function grabFrame(
  file: string,
  index: number,
  o: { width: number; height: number; pixelFormat: 'gray' | 'rgb24'; signal?: AbortSignal },
): Promise<Uint8Array> {
  const { stdout } = await runFfmpeg(
    [
      '-i',
      file,
      '-vf',
      `select=eq(n\\,${index}),scale=${o.width}:${o.height}:flags=area,format=${o.pixelFormat}`,
      '-frames:v',
      '1',
      '-fps_mode',
      'passthrough',
      '-f',
      'rawvideo',
      'pipe:1',
    ],
    { timeoutMs: 60_000, signal: o.signal },
  );
  const size = o.width * o.height * (o.pixelFormat === 'gray' ? 1 : 3);
  if (stdout.length < size) {
    throw new FfmpegError('FFMPEG_BAD_FRAME', `frame ${index} is not in ${file}`);
  }
  return new Uint8Array(stdout.buffer, stdout.byteOffset, size);
}
