// Reads a media file's container, video and audio properties through ffprobe's JSON output.
import { FfmpegError } from './errors.js';
import { defaultBinaries } from './resolve.js';
import { runFfmpeg } from './run.js';

export interface MediaProbe {
  formatName: string;
  durationSeconds: number;
  sizeBytes: number;
  bitRate: number;
  video?: {
    codec: string;
    width: number;
    height: number;
    fps: number;
    frameCount: number;
    pixelFormat: string;
  };
  audio?: { codec: string; channels: number; sampleRate: number };
}

interface RawStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  nb_read_frames?: string;
  pix_fmt?: string;
  channels?: number;
  sample_rate?: string;
  duration?: string;
}

/** `"16/1"` → 16; `"0/0"` → 0. */
export function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [n, d] = rate.split('/').map(Number);
  if (!n || !d) return 0;
  return n / d;
}

/** Pure: turns ffprobe `-show_format -show_streams` JSON into a MediaProbe. */
export function readProbe(json: unknown): MediaProbe {
  const raw = json as { format?: Record<string, string>; streams?: RawStream[] };
  const format = raw.format ?? {};
  const streams = raw.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  const durationSeconds = Number(format.duration ?? v?.duration ?? 0) || 0;
  const result: MediaProbe = {
    formatName: format.format_name ?? '',
    durationSeconds,
    sizeBytes: Number(format.size ?? 0) || 0,
    bitRate: Number(format.bit_rate ?? 0) || 0,
  };
  if (v) {
    const fps = parseRate(v.avg_frame_rate) || parseRate(v.r_frame_rate);
    const counted = Number(v.nb_read_frames ?? v.nb_frames ?? Number.NaN);
    result.video = {
      codec: v.codec_name ?? '',
      width: v.width ?? 0,
      height: v.height ?? 0,
      fps,
      frameCount: Number.isFinite(counted) ? counted : Math.round(durationSeconds * fps),
      pixelFormat: v.pix_fmt ?? '',
    };
  }
  if (a) {
    result.audio = {
      codec: a.codec_name ?? '',
      channels: a.channels ?? 0,
      sampleRate: Number(a.sample_rate ?? 0),
    };
  }
  return result;
}

/** Probes `file`; `countFrames` decodes the stream for an exact frame count. Throws FFMPEG_NOT_MEDIA. */
export async function probe(
  file: string,
  options: { countFrames?: boolean; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<MediaProbe> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'];
  if (options.countFrames) args.push('-count_frames');
  args.push(file);
  let stdout: Buffer;
  try {
    ({ stdout } = await runFfmpeg(args, {
      binary: defaultBinaries().ffprobe,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 30_000,
    }));
  } catch (err) {
    if (err instanceof FfmpegError && err.code === 'FFMPEG_FAILED') {
      throw new FfmpegError('FFMPEG_NOT_MEDIA', `${file} is not a readable media file`, err.details);
    }
    throw err;
  }
  const parsed = readProbe(JSON.parse(stdout.toString('utf8')));
  if (!parsed.video && !parsed.audio) {
    throw new FfmpegError('FFMPEG_NOT_MEDIA', `${file} has no video or audio stream`);
  }
  return parsed;
}
