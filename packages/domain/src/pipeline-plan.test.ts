import { describe, expect, it } from 'vitest';
import {
  bestAttempt,
  boundaryCandidates,
  calmestFrame,
  chooseBoundaryFrame,
  durationMet,
  elasticWindow,
  framesFor,
  jitterParameters,
  seededRandom,
  seedSourceFor,
  shouldRetry,
  trimStartFor,
  usableSeconds,
  variantAt,
} from './pipeline-plan.js';

describe('segment frames and seconds', () => {
  it('asks for one frame more than seconds × fps (the seed frame)', () => {
    expect(framesFor(5, 16)).toBe(81);
    expect(framesFor(0.05, 16)).toBe(2);
    expect(() => framesFor(0, 16)).toThrow(RangeError);
  });
  it('counts a chained segment without its repeated seed frame', () => {
    expect(usableSeconds(80, 0, 16)).toBeCloseTo(81 / 16);
    expect(usableSeconds(80, 1, 16)).toBe(5);
  });
});

describe('seed sources', () => {
  const base = { transitionAt: null, previousLikeness: null, anchorBelow: null };
  it('seeds the first segment with the hero and later ones with the boundary frame', () => {
    expect(seedSourceFor({ ...base, index: 1 })).toBe('hero');
    expect(seedSourceFor({ ...base, index: 2 })).toBe('boundary');
  });
  it('switches to the transition variant at the configured segment, exactly there', () => {
    expect(seedSourceFor({ ...base, index: 3, transitionAt: 3 })).toBe('transition');
    expect(seedSourceFor({ ...base, index: 4, transitionAt: 3 })).toBe('boundary');
    const t = { at: 3, from: 10, to: 20 };
    expect([1, 2, 3, 4].map((i) => variantAt(i, t, 10))).toEqual([10, 10, 20, 20]);
    expect(variantAt(5, null, 7)).toBe(7);
  });
  it('re-anchors on the hero when likeness drifted below the threshold', () => {
    expect(seedSourceFor({ ...base, index: 3, previousLikeness: 0.4, anchorBelow: 0.5 })).toBe('anchor');
    expect(seedSourceFor({ ...base, index: 3, previousLikeness: 0.6, anchorBelow: 0.5 })).toBe('boundary');
    expect(seedSourceFor({ ...base, index: 3, previousLikeness: 0.1, anchorBelow: null })).toBe('boundary');
  });
  it('anchors only on a measured likeness strictly below the threshold, never the first or a transition segment', () => {
    const anchored = { ...base, anchorBelow: 0.5 };
    expect(seedSourceFor({ ...anchored, index: 3, previousLikeness: 0.5 })).toBe('boundary');
    expect(seedSourceFor({ ...anchored, index: 3, previousLikeness: 0.4999 })).toBe('anchor');
    // no face measured (face QA off, a faceless character): nothing to anchor on
    expect(seedSourceFor({ ...anchored, index: 3, previousLikeness: null })).toBe('boundary');
    expect(seedSourceFor({ ...anchored, index: 1, previousLikeness: 0.1 })).toBe('hero');
    expect(seedSourceFor({ ...anchored, index: 3, transitionAt: 3, previousLikeness: 0.1 })).toBe(
      'transition',
    );
  });
  it('trims the repeated boundary frame of a chained segment, not the start of an anchored one', () => {
    expect(trimStartFor(1, 'hero')).toBe(0);
    expect(trimStartFor(2, 'boundary')).toBe(1);
    expect(trimStartFor(3, 'anchor')).toBe(0);
    expect(trimStartFor(2, 'transition')).toBe(1);
  });
});

describe('boundary frames', () => {
  const motion = [5, 5, 5, 1, 1, 5, 5, 5, 4]; // 10 frames
  it('takes the literal last frame by default', () => {
    expect(chooseBoundaryFrame({ mode: 'last', frameCount: 10, motion, windowFrames: 8 })).toBe(9);
  });
  it('takes the calmest frame of the final N in auto mode', () => {
    expect(chooseBoundaryFrame({ mode: 'auto', frameCount: 10, motion, windowFrames: 8 })).toBe(4);
    expect(chooseBoundaryFrame({ mode: 'auto', frameCount: 10, motion, windowFrames: 3 })).toBe(9);
  });
  it('leaves the choice to a person in manual mode', () => {
    expect(chooseBoundaryFrame({ mode: 'manual', frameCount: 10, motion, windowFrames: 8 })).toBeNull();
  });
  it('breaks ties towards the later frame', () => {
    expect(calmestFrame([1, 1, 1, 1], 0, 4)).toBe(4);
  });
  it('ends a final segment on the calmest frame inside the elastic window, whatever the mode', () => {
    expect(
      chooseBoundaryFrame({
        mode: 'manual',
        frameCount: 10,
        motion,
        windowFrames: 8,
        elastic: { from: 2, to: 6 },
      }),
    ).toBe(4);
  });
  it('knows the candidate frames before the clip is measured, and always picks among them', () => {
    const base = { frameCount: 10, windowFrames: 3 };
    expect(boundaryCandidates({ ...base, mode: 'last' })).toEqual({ from: 9, to: 9 });
    expect(boundaryCandidates({ ...base, mode: 'auto' })).toEqual({ from: 7, to: 9 });
    expect(boundaryCandidates({ ...base, mode: 'auto', windowFrames: 40 })).toEqual({ from: 0, to: 9 });
    expect(boundaryCandidates({ ...base, mode: 'manual' })).toBeNull();
    expect(boundaryCandidates({ ...base, mode: 'manual', elastic: { from: 2, to: 30 } })).toEqual({
      from: 2,
      to: 9,
    });
    const random = seededRandom(7);
    for (let k = 0; k < 200; k++) {
      const frameCount = 1 + Math.floor(random() * 30);
      const b = {
        mode: (['last', 'auto', 'manual'] as const)[k % 3]!,
        frameCount,
        motion: Array.from({ length: frameCount - 1 }, () => Math.round(random() * 4)),
        windowFrames: 1 + Math.floor(random() * 12),
        elastic: k % 4 === 0 ? { from: Math.floor(random() * 20), to: Math.floor(random() * 40) } : null,
      };
      const picked = chooseBoundaryFrame(b);
      const range = boundaryCandidates(b);
      if (picked === null) {
        expect(range).toBeNull();
        continue;
      }
      expect(picked).toBeGreaterThanOrEqual(range!.from);
      expect(picked).toBeLessThanOrEqual(range!.to);
    }
  });
});

describe('elastic duration', () => {
  it('finds the frames where the scene may end within tolerance', () => {
    // 15 s target ± 1 s, 10 s done, 16 fps, chained segment of 81 frames (5 s usable)
    const w = elasticWindow({
      targetSeconds: 15,
      toleranceSeconds: 1,
      secondsBefore: 10,
      fps: 16,
      trimStart: 1,
      frameCount: 81,
    })!;
    expect(usableSeconds(w.from, 1, 16) + 10).toBeCloseTo(14);
    expect(w.to).toBe(80);
  });
  it('has no window when the segment cannot reach the target', () => {
    expect(
      elasticWindow({
        targetSeconds: 30,
        toleranceSeconds: 1,
        secondsBefore: 5,
        fps: 16,
        trimStart: 1,
        frameCount: 81,
      }),
    ).toBeNull();
  });
  it('stops the window at target + tolerance', () => {
    const w = elasticWindow({
      targetSeconds: 6,
      toleranceSeconds: 0.5,
      secondsBefore: 5,
      fps: 10,
      trimStart: 1,
      frameCount: 51,
    })!;
    expect(5 + usableSeconds(w.from, 1, 10)).toBeCloseTo(5.5);
    expect(5 + usableSeconds(w.to, 1, 10)).toBeCloseTo(6.5);
  });
  it('says when the target is met', () => {
    expect(durationMet(14, 15, 1)).toBe(true);
    expect(durationMet(13.9, 15, 1)).toBe(false);
  });
});

describe('smart auto-retry', () => {
  it('retries only when enabled and within the bound', () => {
    expect(shouldRetry({ enabled: false, maxAttempts: 5, jitter: {} }, 1)).toBe(false);
    expect(shouldRetry({ enabled: true, maxAttempts: 3, jitter: {} }, 2)).toBe(true);
    expect(shouldRetry({ enabled: true, maxAttempts: 3, jitter: {} }, 3)).toBe(false);
    expect(shouldRetry({ enabled: true, maxAttempts: 500, jitter: {} }, 10)).toBe(false);
  });
  it('jitters numeric slots within bounds, reproducibly, keeping integers whole', () => {
    const params = { cfg: 6, steps: 30, sampler: 'euler', denoise: 0.9 };
    const a = jitterParameters(params, { cfg: 0.1, steps: 0.2, sampler: 0.5 }, seededRandom(7));
    const b = jitterParameters(params, { cfg: 0.1, steps: 0.2, sampler: 0.5 }, seededRandom(7));
    expect(a).toEqual(b);
    expect(a.sampler).toBe('euler');
    expect(a.denoise).toBe(0.9);
    expect(Math.abs((a.cfg as number) - 6)).toBeLessThanOrEqual(0.6 + 1e-9);
    expect(Number.isInteger(a.steps)).toBe(true);
    expect(Math.abs((a.steps as number) - 30)).toBeLessThanOrEqual(6);
  });
  it('picks the best attempt by rank, the later on a tie', () => {
    const attempts = [
      { attempt: 1, rank: 0.3 },
      { attempt: 2, rank: 0.6 },
      { attempt: 3, rank: 0.6 },
      { attempt: 4, rank: null },
    ];
    expect(bestAttempt(attempts)?.attempt).toBe(3);
    expect(bestAttempt([{ attempt: 1, rank: null }])).toBeNull();
  });
});
