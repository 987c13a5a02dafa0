import { describe, expect, it } from 'vitest';
import {
  batchSortKeys,
  type CandidateJob,
  inOffPeakWindow,
  matchToWorkers,
  orderFairly,
  parseOffPeakWindow,
  sortKeyBetween,
  type WorkerCapacity,
} from './job-scheduling.js';

let nextId = 1;
function job(overrides: Partial<CandidateJob> = {}): CandidateJob {
  const id = nextId++;
  return {
    id,
    priority: 1,
    sortKey: id,
    ownerId: 1,
    projectId: null,
    requiredTags: [],
    preferredTags: [],
    offPeakOnly: false,
    ...overrides,
  };
}
const worker = (id: number, overrides: Partial<WorkerCapacity> = {}): WorkerCapacity => ({
  id,
  name: `w${id}`,
  tags: [],
  maxConcurrency: 1,
  active: 0,
  ...overrides,
});
const noUsage = { byOwner: new Map(), byProject: new Map() };

describe('orderFairly', () => {
  it('puts urgent before normal before background, FIFO within a level', () => {
    const a = job({ priority: 2 });
    const b = job({ priority: 1 });
    const c = job({ priority: 0 });
    const d = job({ priority: 1 });
    expect(orderFairly([a, b, c, d], noUsage).map((j) => j.id)).toEqual([c.id, b.id, d.id, a.id]);
  });

  it('interleaves owners so a big queue cannot starve a small one', () => {
    const aJobs = Array.from({ length: 200 }, () => job({ ownerId: 1 }));
    const bJobs = Array.from({ length: 10 }, () => job({ ownerId: 2 }));
    const order = orderFairly([...aJobs, ...bJobs], noUsage);
    const lastB = Math.max(...bJobs.map((j) => order.indexOf(j)));
    const fortiethA = order.indexOf(aJobs[39]!);
    expect(lastB).toBeLessThan(fortiethA);
    expect(order.slice(0, 4).map((j) => j.ownerId)).toEqual([1, 2, 1, 2]);
  });

  it('counts what an owner already runs', () => {
    const a = job({ ownerId: 1 });
    const b = job({ ownerId: 2 });
    const order = orderFairly([a, b], { byOwner: new Map([[1, 3]]), byProject: new Map() });
    expect(order.map((j) => j.ownerId)).toEqual([2, 1]);
  });

  it('shares between projects of one owner', () => {
    const p1 = [job({ projectId: 1 }), job({ projectId: 1 })];
    const p2 = [job({ projectId: 2 })];
    const order = orderFairly([...p1, ...p2], noUsage);
    expect(order.map((j) => j.projectId)).toEqual([1, 2, 1]);
  });
});

describe('matchToWorkers', () => {
  it('sends a job to the least loaded worker that has every required tag', () => {
    const j = job({ requiredTags: ['gpu:48gb'] });
    const workers = [
      worker(1, { tags: ['gpu:24gb'] }),
      worker(2, { tags: ['gpu:48gb'], maxConcurrency: 2, active: 1 }),
      worker(3, { tags: ['gpu:48gb', 'model:wan'], maxConcurrency: 4, active: 1 }),
    ];
    expect(matchToWorkers([j], workers)).toEqual([{ job: j, workerId: 3 }]);
  });

  it('breaks ties with preferred tags', () => {
    const j = job({ preferredTags: ['model:wan'] });
    const workers = [worker(1), worker(2, { tags: ['model:wan'] })];
    expect(matchToWorkers([j], workers)[0]!.workerId).toBe(2);
  });

  it('skips a job no free worker suits, so compatible work behind it runs', () => {
    const blocked = job({ requiredTags: ['gpu:80gb'] });
    const ok = job();
    expect(matchToWorkers([blocked, ok], [worker(1)])).toEqual([{ job: ok, workerId: 1 }]);
  });

  it('never books more than a worker takes', () => {
    const jobs = Array.from({ length: 10 }, () => job());
    const out = matchToWorkers(jobs, [worker(1, { maxConcurrency: 2 }), worker(2, { active: 1 })]);
    expect(out.map((a) => a.workerId)).toEqual([1, 1]);
  });

  it('packs one worker first with the packed strategy', () => {
    const jobs = [job(), job()];
    const workers = [worker(1, { maxConcurrency: 2 }), worker(2, { maxConcurrency: 2, active: 1 })];
    expect(matchToWorkers(jobs, workers, 'packed').map((a) => a.workerId)).toEqual([2, 1]);
    expect(matchToWorkers(jobs, workers, 'least_loaded').map((a) => a.workerId)).toEqual([1, 1]);
  });
});

describe('off-peak windows', () => {
  it('parses and wraps midnight', () => {
    const w = parseOffPeakWindow('22:00-08:00')!;
    expect(inOffPeakWindow(w, 23 * 60)).toBe(true);
    expect(inOffPeakWindow(w, 7 * 60 + 59)).toBe(true);
    expect(inOffPeakWindow(w, 8 * 60)).toBe(false);
    expect(inOffPeakWindow(parseOffPeakWindow('01:00-05:00')!, 3 * 60)).toBe(true);
  });

  it('refuses text that is not a window', () => {
    expect(parseOffPeakWindow('25:00-08:00')).toBeNull();
    expect(parseOffPeakWindow('08:00-08:00')).toBeNull();
    expect(parseOffPeakWindow('night')).toBeNull();
  });
});

describe('sort keys', () => {
  it('orders a batch longest first', () => {
    const keys = batchSortKeys([5, null, 30, 10], 1000);
    const order = [0, 1, 2, 3].sort((a, b) => keys[a]! - keys[b]!);
    expect(order).toEqual([2, 3, 0, 1]);
  });

  it('finds a key between neighbours', () => {
    expect(sortKeyBetween(1, 2)).toBe(1.5);
    expect(sortKeyBetween(null, 2)).toBe(1);
    expect(sortKeyBetween(5, null)).toBe(6);
  });
});
