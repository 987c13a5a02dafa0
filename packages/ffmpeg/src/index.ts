export {
  type ClipPart,
  concatCopy,
  concatCopyArgs,
  concatList,
  grabFrame,
  type ReencodeOptions,
  reencodeArgs,
  reencodeClips,
  reencodedFrameCount,
  reencodeFilter,
} from './assemble.js';
export {
  type DecodedFrames,
  type DecodeOptions,
  type DecodePixelFormat,
  decodeArgs,
  decodeFrames,
  type KeepRange,
  type KeptFrames,
  readKeptFrame,
} from './decode.js';
export { FfmpegError, type FfmpegErrorCode } from './errors.js';
export { hasFilter, parseFilters } from './filters.js';
export { extractFrame, type FrameSelector, frameArgs } from './frames.js';
export { type MediaProbe, parseRate, probe, readProbe } from './probe.js';
export { defaultBinaries, type FfmpegBinaries, resolveFfmpeg } from './resolve.js';
export { type RunOptions, type RunResult, runFfmpeg } from './run.js';
export { decodeCheckArgs, decodeErrors } from './verify.js';
