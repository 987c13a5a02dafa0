// The one error type of @i2v/ffmpeg: a stable code plus, for a failed run, the exit code and the stderr tail.
export type FfmpegErrorCode =
  | 'FFMPEG_MISSING'
  | 'FFMPEG_FAILED'
  | 'FFMPEG_TIMEOUT'
  | 'FFMPEG_ABORTED'
  | 'FFMPEG_NOT_MEDIA'
  | 'FFMPEG_BAD_FRAME';

export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';
  constructor(
    readonly code: FfmpegErrorCode,
    message: string,
    readonly details: { exitCode?: number | null; stderrTail?: string[]; binary?: string } = {},
  ) {
    super(message);
  }
  get exitCode(): number | null | undefined {
    return this.details.exitCode;
  }
  get stderrTail(): string[] {
    return this.details.stderrTail ?? [];
  }
}
