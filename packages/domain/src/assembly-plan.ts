// How a scene's approved segments become one video (PRD-039 §1.1, PRD-025 §1.2): which frames of each segment
// are kept, whether the join can be a lossless stream copy, and which joins get a short crossfade.

export interface SegmentToAssemble {
  /** Stable identity (public id) for errors and the record of what was used. */
  key: string;
  sequenceIndex: number;
  frameCount: number;
  /** Frames dropped at the start (a chained segment repeats its seed frame). */
  trimStartFrames: number;
  /** The chosen boundary frame: the last frame kept. null keeps every frame. */
  boundaryFrameIndex: number | null;
  codec: string;
  width: number;
  height: number;
  fps: number;
  pixelFormat: string;
  tier: 'draft' | 'production';
}

export type SmoothingMode = 'auto' | 'off' | 'all';

export interface AssemblyOptions {
  /** `auto`: crossfade joins whose SSIM is under `threshold`; `all`: every join; `off`: none. */
  smoothing: SmoothingMode;
  threshold: number;
  crossfadeFrames: number;
  /** Joins (1-based: join j lies between segment j and j + 1) accepted as they are (manual override). */
  acceptJoins: readonly number[];
}

export const defaultAssemblyOptions: AssemblyOptions = {
  smoothing: 'auto',
  threshold: 0.5,
  crossfadeFrames: 4,
  acceptJoins: [],
};

export interface JoinPlan {
  /** 1-based: between segment `join` and `join + 1` of the scene. */
  join: number;
  ssim: number | null;
  smoothed: boolean;
  accepted: boolean;
}

export interface AssemblyPlan {
  method: 'copy' | 'reencode';
  /** Why a re-encode was needed (empty for a copy). */
  reasons: string[];
  parts: { key: string; sequenceIndex: number; from: number; to: number }[];
  joins: JoinPlan[];
  /** 0-based join indexes for the encoder (between part j and j + 1). */
  smoothJoins: number[];
  crossfadeFrames: number;
  width: number;
  height: number;
  fps: number;
  tier: 'draft' | 'production';
  frames: number;
  durationSeconds: number;
}

export type AssemblyErrorCode = 'assembly.no_segments' | 'assembly.fps_mismatch' | 'assembly.bad_frames';

export class AssemblyError extends Error {
  override readonly name = 'AssemblyError';
  constructor(
    readonly code: AssemblyErrorCode,
    message: string,
    readonly segments: string[] = [],
  ) {
    super(message);
  }
}

/** The frames kept of one segment, inclusive: from its trim to its boundary frame. */
export function keptFrames(s: SegmentToAssemble): { from: number; to: number } {
  const to = s.boundaryFrameIndex ?? s.frameCount - 1;
  return { from: s.trimStartFrames, to };
}

/**
 * Plans an assembly. Segments must be in sequence order. `joinSsim[j]` is the SSIM between the last kept frame of
 * segment j and the first kept frame of segment j + 1 (null when unmeasured). Frame rates must agree — conforming
 * one would change its motion and move every frame-exact trim — so a mismatch is an error, not a silent fix.
 */
export function planAssembly(
  segments: readonly SegmentToAssemble[],
  joinSsim: readonly (number | null)[],
  options: AssemblyOptions = defaultAssemblyOptions,
): AssemblyPlan {
  if (segments.length === 0) throw new AssemblyError('assembly.no_segments', 'The scene has no segments');
  const first = segments[0]!;
  const badRate = segments.filter((s) => Math.abs(s.fps - first.fps) > 0.01);
  if (badRate.length > 0) {
    throw new AssemblyError(
      'assembly.fps_mismatch',
      `Segment${badRate.length > 1 ? 's' : ''} ${badRate.map((s) => s.sequenceIndex).join(', ')} run at ${badRate[0]!.fps} fps, segment ${first.sequenceIndex} at ${first.fps} fps; regenerate them at one frame rate`,
      badRate.map((s) => s.key),
    );
  }
  const parts = segments.map((s) => {
    const { from, to } = keptFrames(s);
    if (!(from >= 0 && to >= from && to < s.frameCount)) {
      throw new AssemblyError(
        'assembly.bad_frames',
        `Segment ${s.sequenceIndex} keeps frames ${from}…${to} of ${s.frameCount}`,
        [s.key],
      );
    }
    return { key: s.key, sequenceIndex: s.sequenceIndex, from, to };
  });
  const accepted = new Set(options.acceptJoins);
  const joins: JoinPlan[] = segments.slice(1).map((_, j) => {
    const join = segments[j]!.sequenceIndex;
    const ssim = joinSsim[j] ?? null;
    const isAccepted = accepted.has(join);
    const smoothed =
      !isAccepted &&
      (options.smoothing === 'all' ||
        (options.smoothing === 'auto' && ssim !== null && ssim < options.threshold));
    return { join, ssim, smoothed, accepted: isAccepted };
  });
  const smoothJoins = joins.flatMap((j, i) => (j.smoothed ? [i] : []));
  const shortest = Math.min(...parts.map((p) => p.to - p.from + 1));
  const crossfadeFrames = smoothJoins.length
    ? Math.max(0, Math.min(options.crossfadeFrames, Math.floor(shortest / 2)))
    : 0;

  const reasons: string[] = [];
  if (parts.some((p, i) => p.from > 0 || p.to < segments[i]!.frameCount - 1)) {
    reasons.push('segments are trimmed at their seed or boundary frames');
  }
  if (segments.some((s) => s.width !== first.width || s.height !== first.height)) {
    reasons.push(`segment sizes differ; conformed to ${first.width}×${first.height}`);
  }
  if (segments.some((s) => s.codec !== first.codec || s.pixelFormat !== first.pixelFormat)) {
    reasons.push('segment codecs or pixel formats differ');
  }
  if (first.codec !== 'h264') reasons.push(`segments are ${first.codec}; the master is H.264`);
  if (crossfadeFrames > 0) reasons.push(`${smoothJoins.length} join(s) smoothed`);

  const frames = parts.reduce((n, p) => n + (p.to - p.from + 1), 0) - smoothJoins.length * crossfadeFrames;
  return {
    method: reasons.length === 0 ? 'copy' : 'reencode',
    reasons,
    parts,
    joins,
    smoothJoins: crossfadeFrames > 0 ? smoothJoins : [],
    crossfadeFrames,
    width: first.width,
    height: first.height,
    fps: first.fps,
    tier: segments.some((s) => s.tier === 'draft') ? 'draft' : 'production',
    frames,
    durationSeconds: frames / first.fps,
  };
}
