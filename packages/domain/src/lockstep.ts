// Lockstep playback of several players on one transport (PRD-036 sync-play grid, PRD-083): how far a follower is
// from the leader, and what to do about it — nothing, a small change of playback rate, or a seek.

/**
 * Seconds `time` is ahead of `leaderTime` (negative: behind). With `loopSeconds` the videos loop, so a follower just
 * past the loop point is a little ahead, not a whole loop behind: the difference is wrapped into ±half a loop.
 */
export function driftOf(time: number, leaderTime: number, loopSeconds: number | null = null): number {
  const d = time - leaderTime;
  if (!loopSeconds || loopSeconds <= 0) return d;
  const wrapped = (((d + loopSeconds / 2) % loopSeconds) + loopSeconds) % loopSeconds;
  return wrapped - loopSeconds / 2;
}

/** Largest difference between any two of `times`, in frames (wrapped as `driftOf` wraps). */
export function spreadInFrames(
  times: readonly number[],
  fps: number,
  loopSeconds: number | null = null,
): number {
  if (times.length < 2) return 0;
  const drifts = times.map((t) => driftOf(t, times[0]!, loopSeconds));
  return (Math.max(...drifts) - Math.min(...drifts)) * fps;
}

export interface LockstepTuning {
  fps: number;
  /** The transport's speed; nudges are relative to it. */
  rate: number;
  /** Drift under this many frames is left alone (a follower cannot be closer than its decoder allows). */
  holdWithinFrames?: number;
  /** Drift over this many frames is fixed by seeking; between, by nudging the playback rate. */
  seekBeyondFrames?: number;
  /** Rate change per second of drift, e.g. 2: 20 ms of drift plays 4 % slower or faster. */
  gain?: number;
  /** Largest change of rate a nudge makes, as a fraction of `rate`. */
  maxNudge?: number;
  /** Seconds a seek of a playing video takes to show its frame; a seek aims that far ahead of the leader. */
  seekLead?: number;
}

export type LockstepCorrection =
  | { kind: 'hold'; rate: number }
  | { kind: 'nudge'; rate: number }
  | { kind: 'seek'; time: number; rate: number };

/** What to do with a follower `drift` seconds off a leader that is at `leaderTime`. */
export function planCorrection(
  drift: number,
  leaderTime: number,
  tuning: LockstepTuning,
): LockstepCorrection {
  const {
    fps,
    rate,
    holdWithinFrames = 0.25,
    seekBeyondFrames = 3,
    gain = 2,
    maxNudge = 0.1,
    seekLead = 0,
  } = tuning;
  const frames = Math.abs(drift) * fps;
  if (frames > seekBeyondFrames) return { kind: 'seek', time: leaderTime + seekLead * rate, rate };
  if (frames <= holdWithinFrames) return { kind: 'hold', rate };
  const change = Math.min(maxNudge, Math.abs(drift) * gain);
  // ahead plays slower, behind plays faster
  return { kind: 'nudge', rate: rate * (drift > 0 ? 1 - change : 1 + change) };
}
