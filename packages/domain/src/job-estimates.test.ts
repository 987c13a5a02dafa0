import { describe, expect, it } from 'vitest';
import { estimateQueue } from './job-estimates.js';

describe('estimateQueue', () => {
  it('starts queued jobs as slots free up, in queue order', () => {
    const now = 1000;
    const est = estimateQueue(
      [
        { id: 1, tags: [], freeAt: [now + 5000] },
        { id: 2, tags: [], freeAt: [now] },
      ],
      [
        { id: 10, requiredTags: [], durationMs: 3000 },
        { id: 11, requiredTags: [], durationMs: 3000 },
        { id: 12, requiredTags: [], durationMs: 3000 },
      ],
      now,
    );
    expect(est.startAt.get(10)).toBe(now);
    expect(est.startAt.get(11)).toBe(now + 3000);
    expect(est.startAt.get(12)).toBe(now + 5000);
    expect(est.drainAt).toBe(now + 8000);
  });

  it('honours tags, and says never when no worker can take a job', () => {
    const est = estimateQueue(
      [{ id: 1, tags: ['gpu:24gb'], freeAt: [0] }],
      [
        { id: 10, requiredTags: ['gpu:48gb'], durationMs: 1000 },
        { id: 11, requiredTags: ['gpu:24gb'], durationMs: null },
      ],
      0,
      500,
    );
    expect(est.startAt.get(10)).toBeNull();
    expect(est.startAt.get(11)).toBe(0);
    expect(est.drainAt).toBe(500);
  });
});
