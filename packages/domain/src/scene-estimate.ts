// Cost and time estimates for generation (PRD-061): GPU time and wall time of a scene or a batch from the history of
// completed segment renders per workflow version × worker class, with a confidence and a breakdown.

export interface EstimateScene {
  /** Workflow version × worker class the scene runs on, e.g. `42:sim`. */
  key: string;
  segments: number;
}

export interface RenderHistory {
  /** GPU seconds of past segment renders with this key (any order). */
  samples: readonly number[];
}

export type EstimateConfidence = 'high' | 'medium' | 'low' | 'none';

export interface EstimateLine {
  key: string;
  scenes: number;
  segments: number;
  secondsPerSegment: number;
  /** p10…p90 of the history; equal to the estimate when there is too little of it. */
  low: number;
  high: number;
  samples: number;
  confidence: EstimateConfidence;
  gpuSeconds: number;
}

export interface BatchEstimate {
  scenes: number;
  segments: number;
  gpuSeconds: number;
  /** Expected time until the last scene finishes on `workers` GPUs (scenes' segments run one after another). */
  wallSeconds: number;
  confidence: EstimateConfidence;
  lines: EstimateLine[];
}

const quantile = (sorted: readonly number[], q: number) => {
  if (!sorted.length) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
};

export function confidenceOf(samples: number): EstimateConfidence {
  if (samples >= 20) return 'high';
  if (samples >= 5) return 'medium';
  if (samples >= 1) return 'low';
  return 'none';
}

const rank: Record<EstimateConfidence, number> = { none: 0, low: 1, medium: 2, high: 3 };

/**
 * Estimates a batch. `fallbackSecondsPerSegment` stands in where a key has no history (confidence `none`);
 * `overheadSecondsPerSegment` is the CPU work between segments (boundary frame, QA) that delays a scene's next
 * segment but not the GPUs.
 */
export function estimateBatch(
  scenes: readonly EstimateScene[],
  history: ReadonlyMap<string, RenderHistory>,
  options: { workers: number; fallbackSecondsPerSegment: number; overheadSecondsPerSegment: number },
): BatchEstimate {
  const byKey = new Map<string, { scenes: number; segments: number; longest: number }>();
  for (const s of scenes) {
    const line = byKey.get(s.key) ?? { scenes: 0, segments: 0, longest: 0 };
    line.scenes++;
    line.segments += s.segments;
    line.longest = Math.max(line.longest, s.segments);
    byKey.set(s.key, line);
  }
  const lines: EstimateLine[] = [];
  let gpuSeconds = 0;
  let longestChain = 0;
  for (const [key, agg] of [...byKey.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sorted = [...(history.get(key)?.samples ?? [])].filter((x) => x >= 0).sort((a, b) => a - b);
    const per = sorted.length ? quantile(sorted, 0.5) : options.fallbackSecondsPerSegment;
    const line: EstimateLine = {
      key,
      scenes: agg.scenes,
      segments: agg.segments,
      secondsPerSegment: per,
      low: sorted.length >= 5 ? quantile(sorted, 0.1) : per,
      high: sorted.length >= 5 ? quantile(sorted, 0.9) : per,
      samples: sorted.length,
      confidence: confidenceOf(sorted.length),
      gpuSeconds: per * agg.segments,
    };
    lines.push(line);
    gpuSeconds += line.gpuSeconds;
    longestChain = Math.max(longestChain, agg.longest * (per + options.overheadSecondsPerSegment));
  }
  const workers = Math.max(1, options.workers);
  const segments = lines.reduce((n, l) => n + l.segments, 0);
  const confidence = lines.length
    ? lines.reduce<EstimateConfidence>((c, l) => (rank[l.confidence] < rank[c] ? l.confidence : c), 'high')
    : 'none';
  return {
    scenes: scenes.length,
    segments,
    gpuSeconds,
    wallSeconds: scenes.length ? Math.max(gpuSeconds / workers, longestChain) : 0,
    confidence,
    lines,
  };
}
