import { describe, expect, it } from 'vitest';
import { confidenceOf, estimateBatch } from './scene-estimate.js';

describe('batch estimates', () => {
  const opts = { workers: 4, fallbackSecondsPerSegment: 60, overheadSecondsPerSegment: 1 };
  it('uses the median of the history per workflow × worker class', () => {
    const history = new Map([['1:sim', { samples: [10, 12, 11, 50, 9] }]]);
    const e = estimateBatch(
      Array.from({ length: 8 }, () => ({ key: '1:sim', segments: 3 })),
      history,
      opts,
    );
    expect(e.segments).toBe(24);
    expect(e.lines[0]!.secondsPerSegment).toBe(11);
    expect(e.gpuSeconds).toBe(24 * 11);
    expect(e.wallSeconds).toBe((24 * 11) / 4);
    expect(e.confidence).toBe('medium');
    expect(e.lines[0]!.high).toBeGreaterThan(e.lines[0]!.low);
  });
  it('never estimates less than the longest chain of one scene', () => {
    const e = estimateBatch([{ key: 'a', segments: 6 }], new Map([['a', { samples: [10] }]]), opts);
    expect(e.wallSeconds).toBe(6 * 11);
  });
  it('falls back without history and reports no confidence', () => {
    const e = estimateBatch([{ key: 'x', segments: 2 }], new Map(), opts);
    expect(e.gpuSeconds).toBe(120);
    expect(e.confidence).toBe('none');
  });
  it('takes the weakest confidence of its lines', () => {
    const samples = Array.from({ length: 25 }, () => 5);
    const e = estimateBatch(
      [
        { key: 'a', segments: 1 },
        { key: 'b', segments: 1 },
      ],
      new Map([
        ['a', { samples }],
        ['b', { samples: [1] }],
      ]),
      opts,
    );
    expect(e.confidence).toBe('low');
    expect(confidenceOf(25)).toBe('high');
    expect(estimateBatch([], new Map(), opts).wallSeconds).toBe(0);
  });
});
