// Finds the ffmpeg and ffprobe binaries: FFMPEG_PATH / FFPROBE_PATH, else the PATH.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { FfmpegError } from './errors.js';

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
}

function findOnPath(name: string, envPath: string | undefined): string | null {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function pick(name: string, override: string | undefined, envPath: string | undefined): string {
  if (override) {
    try {
      accessSync(override, constants.X_OK);
      return override;
    } catch {
      throw new FfmpegError('FFMPEG_MISSING', `${name} at ${override} is missing or not executable`, {
        binary: override,
      });
    }
  }
  const found = findOnPath(name, envPath);
  if (!found) {
    throw new FfmpegError(
      'FFMPEG_MISSING',
      `${name} not found on PATH; install ffmpeg or set ${name.toUpperCase()}_PATH`,
      { binary: name },
    );
  }
  return found;
}

/** Resolves both binaries from an environment (default: process.env); throws FFMPEG_MISSING. */
export function resolveFfmpeg(env: NodeJS.ProcessEnv = process.env): FfmpegBinaries {
  return {
    ffmpeg: pick('ffmpeg', env.FFMPEG_PATH, env.PATH),
    ffprobe: pick('ffprobe', env.FFPROBE_PATH, env.PATH),
  };
}

let cached: FfmpegBinaries | null = null;
/** resolveFfmpeg() on process.env, remembered after the first success. */
export function defaultBinaries(): FfmpegBinaries {
  cached ??= resolveFfmpeg();
  return cached;
}
