// How the scheduler orders ready jobs and matches them to workers (PRD-008 §1.1/1.4/1.6, PRD-046 §1.2–1.5). Pure:
// the scheduler loads candidates and free worker slots, these functions decide, the repo writes the leases.

export type PriorityLevel = 'urgent' | 'normal' | 'background';
export const priorityRank: Record<PriorityLevel, number> = { urgent: 0, normal: 1, background: 2 };
export const priorityOfRank = (rank: number): PriorityLevel =>
  rank <= 0 ? 'urgent' : rank === 1 ? 'normal' : 'background';

export interface CandidateJob {
  id: number;
  /** 0 urgent, 1 normal, 2 background. */
  priority: number;
  /** FIFO position within a priority level (smaller first). */
  sortKey: number;
  ownerId: number | null;
  projectId: number | null;
  requiredTags: readonly string[];
  preferredTags: readonly string[];
  offPeakOnly: boolean;
}

export interface WorkerCapacity {
  id: number;
  name: string;
  tags: readonly string[];
  maxConcurrency: number;
  /** Jobs dispatched to or running on it now. */
  active: number;
}

/** Jobs running now per owner and per project: the fair-share baseline. */
export interface RunningUsage {
  byOwner: ReadonlyMap<number, number>;
  byProject: ReadonlyMap<number, number>;
}

/**
 * Orders candidates: priority level first; within a level, round-robin over owners weighted by what each already
 * runs (the owner with the fewest running plus already picked goes next), then over projects the same way, then
 * FIFO. A user with 200 queued jobs therefore cannot starve a user with 10 at the same level.
 */
export function orderFairly<J extends CandidateJob>(jobs: readonly J[], usage: RunningUsage): J[] {
  const levels = new Map<number, J[]>();
  for (const j of jobs) {
    const list = levels.get(j.priority);
    if (list) list.push(j);
    else levels.set(j.priority, [j]);
  }
  const ownerLoad = new Map(usage.byOwner);
  const projectLoad = new Map(usage.byProject);
  const out: J[] = [];
  for (const level of [...levels.keys()].sort((a, b) => a - b)) {
    // FIFO queues per owner and project
    const queues = new Map<string, J[]>();
    for (const j of levels.get(level)!.sort((a, b) => a.sortKey - b.sortKey || a.id - b.id)) {
      const key = `${j.ownerId}:${j.projectId}`;
      const q = queues.get(key);
      if (q) q.push(j);
      else queues.set(key, [j]);
    }
    const heads = new Map<string, number>([...queues.keys()].map((k) => [k, 0]));
    let remaining = levels.get(level)!.length;
    while (remaining > 0) {
      let best: { queue: string; job: J; load: number; pload: number } | null = null;
      for (const [queue, q] of queues) {
        const at = heads.get(queue)!;
        if (at >= q.length) continue;
        const job = q[at]!;
        const load = job.ownerId === null ? 0 : (ownerLoad.get(job.ownerId) ?? 0);
        const pload = job.projectId === null ? 0 : (projectLoad.get(job.projectId) ?? 0);
        if (
          !best ||
          load < best.load ||
          (load === best.load && pload < best.pload) ||
          (load === best.load && pload === best.pload && job.sortKey < best.job.sortKey)
        ) {
          best = { queue, job, load, pload };
        }
      }
      if (!best) break;
      heads.set(best.queue, heads.get(best.queue)! + 1);
      if (best.job.ownerId !== null) ownerLoad.set(best.job.ownerId, best.load + 1);
      if (best.job.projectId !== null) projectLoad.set(best.job.projectId, best.pload + 1);
      out.push(best.job);
      remaining--;
    }
  }
  return out;
}

/** How to choose among suitable workers: the least loaded, or fill one worker before the next. */
export type MatchStrategy = 'least_loaded' | 'packed';

export function hasTags(workerTags: readonly string[], required: readonly string[]): boolean {
  return required.every((t) => workerTags.includes(t));
}

export interface Assignment<J> {
  job: J;
  workerId: number;
}

/**
 * Greedy matching in the given order: each job goes to a suitable worker with a free slot (every required tag),
 * by strategy, preferred tags breaking ties, then the name. A job no free worker suits is skipped, so no worker
 * idles while work it could do waits behind work it cannot.
 */
export function matchToWorkers<J extends CandidateJob>(
  ordered: readonly J[],
  workers: readonly WorkerCapacity[],
  strategy: MatchStrategy = 'least_loaded',
): Assignment<J>[] {
  const slots = workers.map((w) => ({ ...w }));
  let free = slots.reduce((n, w) => n + Math.max(0, w.maxConcurrency - w.active), 0);
  const out: Assignment<J>[] = [];
  for (const job of ordered) {
    if (free <= 0) break;
    let best: (typeof slots)[number] | null = null;
    let bestKey: number[] = [];
    for (const w of slots) {
      if (w.active >= w.maxConcurrency || !hasTags(w.tags, job.requiredTags)) continue;
      const load = w.active / w.maxConcurrency;
      const preferred = job.preferredTags.filter((t) => w.tags.includes(t)).length;
      const key = strategy === 'packed' ? [-load, -preferred] : [load, -preferred];
      if (!best || compareKeys(key, bestKey) < 0 || (compareKeys(key, bestKey) === 0 && w.name < best.name)) {
        best = w;
        bestKey = key;
      }
    }
    if (!best) continue;
    best.active++;
    free--;
    out.push({ job, workerId: best.id });
  }
  return out;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** An off-peak window in local wall-clock minutes, e.g. 22:00–08:00 (it may wrap midnight). */
export interface OffPeakWindow {
  startMinute: number;
  endMinute: number;
}

/** Parses `HH:MM-HH:MM`; null when the text is not a window. */
export function parseOffPeakWindow(text: string): OffPeakWindow | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (start === end) return null;
  return { startMinute: start, endMinute: end };
}

/** Whether `minuteOfDay` (0–1439) falls inside the window. */
export function inOffPeakWindow(window: OffPeakWindow, minuteOfDay: number): boolean {
  return window.startMinute < window.endMinute
    ? minuteOfDay >= window.startMinute && minuteOfDay < window.endMinute
    : minuteOfDay >= window.startMinute || minuteOfDay < window.endMinute;
}

/**
 * Off-peak-only jobs may start inside the window, and only while no urgent work waits (PRD-008 §1.6): they yield to
 * interactive work.
 */
export function offPeakAllowed(opts: { inWindow: boolean; urgentWaiting: boolean }): boolean {
  return opts.inWindow && !opts.urgentWaiting;
}

/**
 * Sort keys for a batch submitted together: longest expected first (LPT), so a batch's makespan on a fleet is close
 * to the lower bound; jobs without an estimate keep their order after those with one. `base` is the enqueue time.
 */
export function batchSortKeys(estimates: readonly (number | null)[], base: number): number[] {
  const order = estimates
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (b.e ?? -1) - (a.e ?? -1) || a.i - b.i)
    .map((x) => x.i);
  const keys = new Array<number>(estimates.length);
  order.forEach((index, rank) => {
    keys[index] = base + rank / 1000;
  });
  return keys;
}

/** A sort key placing a job between two neighbours (drag and drop), or before/after one at an end. */
export function sortKeyBetween(before: number | null, after: number | null): number {
  if (before !== null && after !== null) return (before + after) / 2;
  if (before !== null) return before + 1;
  if (after !== null) return after - 1;
  return 0;
}
