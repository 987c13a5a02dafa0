// The recursive segment loop (PRD-024), pure: how many frames a segment asks for, where its seed comes from,
// which frame ends it (boundary frame modes and elastic duration), when the scene is long enough, and the smart
// auto-retry policy (PRD-071).

/** Frames to ask of the workflow for a segment: the first frame is the seed, so one more than seconds × fps. */
export function framesFor(seconds: number, fps: number): number {
  if (!(seconds > 0) || !(fps > 0)) throw new RangeError('seconds and fps must be positive');
  return Math.max(2, Math.round(seconds * fps) + 1);
}

/**
 * Seconds a segment adds to its scene when it ends at `boundaryIndex` (inclusive): a chained segment repeats its
 * seed frame, which is dropped (`trimStart` = 1), so frames [trimStart, boundaryIndex] count.
 */
export function usableSeconds(boundaryIndex: number, trimStart: number, fps: number): number {
  return Math.max(0, boundaryIndex + 1 - trimStart) / fps;
}

export type SeedSource = 'hero' | 'boundary' | 'anchor' | 'transition';

export interface SeedChoiceInput {
  index: number;
  /** The segment index where the transition variant takes over; null for a scene without a transition. */
  transitionAt: number | null;
  /** Likeness of the previous segment's boundary frame to the character (null when unmeasured). */
  previousLikeness: number | null;
  /** Re-seed from the hero when likeness falls below this (PRD-026 likeness anchoring); null = off. */
  anchorBelow: number | null;
}

/**
 * Where a segment's seed comes from: the hero for the first; for the transition segment the target variant
 * (as the end frame of the transition workflow when there is one); otherwise the previous boundary frame, or
 * the hero again when likeness drifted below the anchor threshold.
 */
export function seedSourceFor(s: SeedChoiceInput): SeedSource {
  if (s.index === 1) return 'hero';
  if (s.transitionAt !== null && s.index === s.transitionAt) return 'transition';
  if (s.anchorBelow !== null && s.previousLikeness !== null && s.previousLikeness < s.anchorBelow) {
    return 'anchor';
  }
  return 'boundary';
}

/**
 * Frames a segment drops from its start: one seeded with the previous segment's boundary frame (or a transition
 * that starts on it) repeats that frame first, so it is dropped; the first segment and one re-anchored on the hero
 * start on a picture of their own and keep every frame.
 */
export function trimStartFor(index: number, source: SeedSource): 0 | 1 {
  return index > 1 && source !== 'anchor' && source !== 'hero' ? 1 : 0;
}

/** The variant whose hero seeds segment `index` (and every later one) in a transition scene. */
export function variantAt(
  index: number,
  transition: { at: number; from: number; to: number } | null,
  variant: number,
): number {
  if (!transition) return variant;
  return index >= transition.at ? transition.to : transition.from;
}

export type BoundaryMode = 'last' | 'auto' | 'manual';

export interface BoundaryInput {
  mode: BoundaryMode;
  frameCount: number;
  /** Mean absolute difference between consecutive frames (length frameCount − 1). */
  motion: readonly number[];
  /** `auto`: look at the final N frames. */
  windowFrames: number;
  /** Elastic duration of a final segment: the frame range inside the tolerance window (inclusive). */
  elastic?: { from: number; to: number } | null;
}

/** The motion around frame i: mean of the differences on either side of it. */
function motionAround(motion: readonly number[], i: number): number {
  const before = i > 0 ? motion[i - 1] : undefined;
  const after = i < motion.length ? motion[i] : undefined;
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after!;
  if (after === undefined) return before;
  return (before + after) / 2;
}

/** Lowest-motion frame in [from, to]; ties go to the later frame (longer clip). */
export function calmestFrame(motion: readonly number[], from: number, to: number): number {
  let best = to;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = to; i >= from; i--) {
    const v = motionAround(motion, i);
    if (v < bestValue - 1e-9) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/**
 * The frames the boundary frame is chosen from (inclusive): the last frame, the final N in `auto` mode, the
 * elastic window of a final segment; null for `manual` (a person picks it). Known before the clip is measured, so
 * the decoding pass can keep just these frames at full size.
 */
export function boundaryCandidates(b: Omit<BoundaryInput, 'motion'>): { from: number; to: number } | null {
  const last = b.frameCount - 1;
  if (last < 0) throw new RangeError('a segment has at least one frame');
  if (b.elastic) {
    const from = Math.max(0, Math.min(last, b.elastic.from));
    return { from, to: Math.max(from, Math.min(last, b.elastic.to)) };
  }
  if (b.mode === 'manual') return null;
  if (b.mode === 'last') return { from: last, to: last };
  return { from: Math.max(0, last - Math.max(1, b.windowFrames) + 1), to: last };
}

/**
 * The boundary frame chosen automatically: the calmest of the candidates (`null` for `manual`: a person picks it).
 * A final segment under elastic duration ends on the calmest frame inside the tolerance window instead.
 */
export function chooseBoundaryFrame(b: BoundaryInput): number | null {
  const range = boundaryCandidates(b);
  return range && calmestFrame(b.motion, range.from, range.to);
}

export interface DurationState {
  targetSeconds: number;
  toleranceSeconds: number;
  /** Seconds of the scene before this segment. */
  secondsBefore: number;
  fps: number;
  trimStart: number;
  frameCount: number;
}

/**
 * Elastic duration (PRD-024 §1.4): when this segment can reach the target within tolerance, the frame range where
 * the scene may end — from the first frame that meets `target − tolerance` to the last within `target + tolerance`.
 * null when the segment ends before the window (the scene needs another segment).
 */
export function elasticWindow(d: DurationState): { from: number; to: number } | null {
  const last = d.frameCount - 1;
  const endAt = (i: number) => d.secondsBefore + usableSeconds(i, d.trimStart, d.fps);
  const minEnd = d.targetSeconds - d.toleranceSeconds - 1e-9;
  const maxEnd = d.targetSeconds + d.toleranceSeconds + 1e-9;
  if (endAt(last) < minEnd) return null;
  let from = d.trimStart;
  while (from < last && endAt(from) < minEnd) from++;
  let to = from;
  while (to < last && endAt(to + 1) <= maxEnd) to++;
  return { from, to };
}

/** Whether the scene has reached its target within tolerance. */
export function durationMet(secondsDone: number, targetSeconds: number, toleranceSeconds: number): boolean {
  return secondsDone >= targetSeconds - toleranceSeconds - 1e-9;
}

export interface RetryPolicy {
  enabled: boolean;
  /** Attempts per segment, the first included (1…10). */
  maxAttempts: number;
  /** Bounded jitter of numeric slots per attempt, as a fraction of the value (e.g. `{ cfg: 0.1 }`). */
  jitter: Record<string, number>;
}

export const noRetry: RetryPolicy = { enabled: false, maxAttempts: 1, jitter: {} };

/** Another attempt after a failed gate or a content failure? Never beyond the policy's bound (no retry storms). */
export function shouldRetry(policy: RetryPolicy, attempt: number): boolean {
  return policy.enabled && attempt < Math.max(1, Math.min(10, policy.maxAttempts));
}

/** A deterministic PRNG (mulberry32) so that jitter is reproducible from the attempt's seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Parameters for a retry: numeric slots named in the jitter move by at most ±fraction of their value (at most
 * ±50 %); whole numbers stay whole. Slots without a numeric value are left alone.
 */
export function jitterParameters(
  parameters: Readonly<Record<string, string | number | boolean>>,
  jitter: Readonly<Record<string, number>>,
  random: () => number,
): Record<string, string | number | boolean> {
  const out = { ...parameters };
  for (const [key, fraction] of Object.entries(jitter)) {
    const value = out[key];
    if (typeof value !== 'number' || !(fraction > 0)) continue;
    const f = Math.min(0.5, fraction);
    const moved = value * (1 + (random() * 2 - 1) * f);
    if (!Number.isInteger(value)) {
      out[key] = Number(moved.toFixed(4));
      continue;
    }
    // a whole number stays whole, and rounding never takes it beyond the bound
    const whole = Math.round(moved);
    out[key] = Math.abs(whole - value) <= Math.abs(value) * f ? whole : value;
  }
  return out;
}

/** Best-of-N: the attempt with the highest rank; the latest wins a tie. */
export function bestAttempt<T extends { rank: number | null; attempt: number }>(
  attempts: readonly T[],
): T | null {
  let best: T | null = null;
  for (const a of attempts) {
    if (a.rank === null) continue;
    if (!best || a.rank > best.rank! || (a.rank === best.rank && a.attempt > best.attempt)) best = a;
  }
  return best;
}
