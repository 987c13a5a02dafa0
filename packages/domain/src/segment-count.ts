// Elastic duration (PRD-023 §1.4, PRD-024): how many segments a scene needs to reach its target within tolerance.

/** Segments needed so the scene lasts at least `target − tolerance` seconds; at least one. */
export function segmentCountFor(
  targetSeconds: number,
  segmentSeconds: number,
  toleranceSeconds: number,
): number {
  if (!(targetSeconds > 0) || !(segmentSeconds > 0) || !(toleranceSeconds >= 0)) {
    throw new RangeError('durations must be positive and the tolerance not negative');
  }
  // the epsilon keeps 15 / 5 at 3 segments despite floating-point noise
  return Math.max(1, Math.ceil((targetSeconds - toleranceSeconds) / segmentSeconds - 1e-9));
}
