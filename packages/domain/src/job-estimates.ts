// When queued jobs will start and when the queue drains (PRD-090 §1.2/1.4, PRD-008 "position and estimated start"):
// a simulation of the fleet at historical durations, in queue order, honouring tags and worker concurrency.
import { hasTags } from './job-scheduling.js';

export interface EstimateWorker {
  id: number;
  tags: readonly string[];
  /** When each slot is free (ms since epoch); a free slot is `now`. One entry per concurrency slot. */
  freeAt: number[];
}

export interface EstimateJob {
  id: number;
  requiredTags: readonly string[];
  /** Expected run time (ms); null when there is no history, which counts as `fallbackMs`. */
  durationMs: number | null;
}

export interface QueueEstimate {
  /** Expected start per job id (ms since epoch); null when no worker can ever take it. */
  startAt: Map<number, number | null>;
  /** When the last estimated job finishes (ms since epoch); `now` for an empty queue. */
  drainAt: number;
}

export function estimateQueue(
  workers: readonly EstimateWorker[],
  queued: readonly EstimateJob[],
  now: number,
  fallbackMs = 60_000,
): QueueEstimate {
  const slots = workers.map((w) => ({ tags: w.tags, freeAt: w.freeAt.map((t) => Math.max(t, now)) }));
  const startAt = new Map<number, number | null>();
  let drainAt = now;
  for (const job of queued) {
    let best: { slot: number[]; index: number } | null = null;
    for (const w of slots) {
      if (!hasTags(w.tags, job.requiredTags)) continue;
      w.freeAt.forEach((t, index) => {
        if (!best || t < best.slot[best.index]!) best = { slot: w.freeAt, index };
      });
    }
    if (!best) {
      startAt.set(job.id, null);
      continue;
    }
    const b = best as { slot: number[]; index: number };
    const start = b.slot[b.index]!;
    const end = start + (job.durationMs ?? fallbackMs);
    b.slot[b.index] = end;
    startAt.set(job.id, start);
    drainAt = Math.max(drainAt, end);
  }
  return { startAt, drainAt };
}
