import { describe, expect, it } from 'vitest';
import { driftOf, planCorrection, spreadInFrames } from './lockstep.js';

describe('driftOf', () => {
  it('is the signed difference to the leader', () => {
    expect(driftOf(1.1, 1)).toBeCloseTo(0.1);
    expect(driftOf(0.9, 1)).toBeCloseTo(-0.1);
  });

  it('wraps across the loop point of looping videos', () => {
    // the follower has looped to 0.05 s, the leader is still at 9.95 s of a 10 s clip: 0.1 s ahead
    expect(driftOf(0.05, 9.95, 10)).toBeCloseTo(0.1);
    expect(driftOf(9.95, 0.05, 10)).toBeCloseTo(-0.1);
    expect(driftOf(3, 1, 10)).toBeCloseTo(2);
  });
});

describe('spreadInFrames', () => {
  it('is the largest pairwise difference in frames', () => {
    expect(spreadInFrames([1, 1 + 1 / 24, 1 - 1 / 48], 24)).toBeCloseTo(1.5);
    expect(spreadInFrames([9.99, 0.01], 24, 10)).toBeCloseTo(0.48);
    expect(spreadInFrames([4], 24)).toBe(0);
  });
});

describe('planCorrection', () => {
  const tuning = { fps: 24, rate: 1 };

  it('leaves a follower within a quarter frame alone', () => {
    expect(planCorrection(0.005, 2, tuning)).toEqual({ kind: 'hold', rate: 1 });
  });

  it('slows a follower that is ahead and speeds one that is behind, proportionally and bounded', () => {
    const ahead = planCorrection(0.02, 2, tuning);
    expect(ahead.kind).toBe('nudge');
    expect(ahead.rate).toBeCloseTo(0.96);
    const behind = planCorrection(-0.1, 2, { ...tuning, rate: 2 });
    expect(behind).toEqual({ kind: 'nudge', rate: 2.2 });
  });

  it('seeks a follower more than three frames off, ahead of the leader by the seek latency', () => {
    expect(planCorrection(-0.5, 2, { ...tuning, seekLead: 0.05 })).toEqual({
      kind: 'seek',
      time: 2.05,
      rate: 1,
    });
    expect(planCorrection(0.2, 2, { ...tuning, rate: 2, seekLead: 0.05 })).toEqual({
      kind: 'seek',
      time: 2.1,
      rate: 2,
    });
  });
});
