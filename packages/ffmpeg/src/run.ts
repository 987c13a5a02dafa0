// Runs ffmpeg (or ffprobe) as a child process with timeout, abort and progress reporting.
import { spawn } from 'node:child_process';
import { FfmpegError } from './errors.js';
import { defaultBinaries } from './resolve.js';

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called with the output position in seconds as ffmpeg reports it. */
  onProgress?: (seconds: number) => void;
  /** Binary to run; default the resolved ffmpeg. */
  binary?: string;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

const TAIL_LINES = 20;

function parseTime(line: string): number | null {
  const m = /out_time_us=(\d+)/.exec(line) ?? null;
  if (m) return Number(m[1]) / 1e6;
  const t = /time=(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(line);
  if (t) return Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3]);
  return null;
}

/** Runs ffmpeg with `args`; resolves with stdout/stderr, rejects with FfmpegError. */
export function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const binary = options.binary ?? defaultBinaries().ffmpeg;
  const { signal, timeoutMs, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new FfmpegError('FFMPEG_ABORTED', 'ffmpeg run aborted'));
  const fullArgs = binary.endsWith('ffprobe') ? [...args] : ['-hide_banner', '-nostdin', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let partial = '';
    let ended: FfmpegError | null = null;
    const stop = (err: FfmpegError) => {
      ended ??= err;
      child.kill('SIGKILL');
    };
    const timer = timeoutMs
      ? setTimeout(
          () => stop(new FfmpegError('FFMPEG_TIMEOUT', `ffmpeg ran past ${timeoutMs} ms`)),
          timeoutMs,
        )
      : null;
    const onAbort = () => stop(new FfmpegError('FFMPEG_ABORTED', 'ffmpeg run aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
      if (stderr.length > 256_000) stderr = stderr.slice(-128_000);
      if (!onProgress) return;
      const lines = (partial + d).split(/[\r\n]/);
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const s = parseTime(line);
        if (s !== null) onProgress(s);
      }
    });
    const tail = () =>
      stderr
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .slice(-TAIL_LINES);
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegError('FFMPEG_MISSING', `cannot run ${binary}: ${err.message}`, { binary }));
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (ended) {
        reject(new FfmpegError(ended.code, ended.message, { exitCode: code, stderrTail: tail(), binary }));
      } else if (code !== 0) {
        const lines = tail();
        reject(
          new FfmpegError('FFMPEG_FAILED', `${binary} exited with ${code}: ${lines.at(-1) ?? ''}`, {
            exitCode: code,
            stderrTail: lines,
            binary,
          }),
        );
      } else {
        resolve({ stdout: Buffer.concat(out), stderr });
      }
    });
  });
}
