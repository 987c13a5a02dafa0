// Integrity by full decode (PRD-102): every frame decoded, errors collected; nothing is written.
import { FfmpegError } from './errors.js';
import { type RunOptions, runFfmpeg } from './run.js';

/** Pure: arguments that decode every stream of `file` and report only errors. */
export function decodeCheckArgs(file: string): string[] {
  return ['-v', 'error', '-xerror', '-i', file, '-map', '0:v:0', '-f', 'null', '-'];
}

/** Decodes `file` in full; returns the errors ffmpeg reported (empty for an intact file). */
export async function decodeErrors(
  file: string,
  options: Pick<RunOptions, 'signal' | 'timeoutMs'> = {},
): Promise<string[]> {
  try {
    const { stderr } = await runFfmpeg(decodeCheckArgs(file), { timeoutMs: 300_000, ...options });
    return stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  } catch (err) {
    if (err instanceof FfmpegError && err.code === 'FFMPEG_FAILED') {
      const tail = err.details.stderrTail?.filter(Boolean) ?? [];
      return tail.length ? tail : [err.message];
    }
    throw err;
  }
}
