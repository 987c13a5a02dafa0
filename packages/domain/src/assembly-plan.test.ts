import { describe, expect, it } from 'vitest';
import { AssemblyError, planAssembly, type SegmentToAssemble } from './assembly-plan.js';

const seg = (i: number, o: Partial<SegmentToAssemble> = {}): SegmentToAssemble => ({
  key: `s${i}`,
  sequenceIndex: i,
  frameCount: 81,
  trimStartFrames: 0,
  boundaryFrameIndex: null,
  codec: 'h264',
  width: 512,
  height: 512,
  fps: 16,
  pixelFormat: 'yuv420p',
  tier: 'production',
  ...o,
});

describe('planAssembly', () => {
  it('stream-copies whole matching H.264 segments', () => {
    const plan = planAssembly([seg(1), seg(2), seg(3)], [0.9, 0.9]);
    expect(plan.method).toBe('copy');
    expect(plan.reasons).toEqual([]);
    expect(plan.frames).toBe(243);
    expect(plan.durationSeconds).toBeCloseTo(243 / 16);
  });

  it('keeps the frames from the trim to the boundary frame and re-encodes then', () => {
    const plan = planAssembly([seg(1, { boundaryFrameIndex: 75 }), seg(2, { trimStartFrames: 1 })], [0.95]);
    expect(plan.method).toBe('reencode');
    expect(plan.parts).toEqual([
      { key: 's1', sequenceIndex: 1, from: 0, to: 75 },
      { key: 's2', sequenceIndex: 2, from: 1, to: 80 },
    ]);
    expect(plan.frames).toBe(76 + 80);
  });

  it('smooths only joins under the threshold in auto mode, unless accepted as they are', () => {
    const segments = [seg(1), seg(2), seg(3)];
    const auto = planAssembly(segments, [0.2, 0.9], {
      smoothing: 'auto',
      threshold: 0.5,
      crossfadeFrames: 4,
      acceptJoins: [],
    });
    expect(auto.joins.map((j) => j.smoothed)).toEqual([true, false]);
    expect(auto.smoothJoins).toEqual([0]);
    expect(auto.method).toBe('reencode');
    expect(auto.frames).toBe(243 - 4);
    const accepted = planAssembly(segments, [0.2, 0.9], {
      smoothing: 'auto',
      threshold: 0.5,
      crossfadeFrames: 4,
      acceptJoins: [1],
    });
    expect(accepted.joins[0]).toMatchObject({ join: 1, smoothed: false, accepted: true });
    expect(accepted.method).toBe('copy');
    const all = planAssembly(segments, [null, 0.99], {
      smoothing: 'all',
      threshold: 0.5,
      crossfadeFrames: 4,
      acceptJoins: [],
    });
    expect(all.smoothJoins).toEqual([0, 1]);
    const off = planAssembly(segments, [0.1, 0.1], {
      smoothing: 'off',
      threshold: 0.5,
      crossfadeFrames: 4,
      acceptJoins: [],
    });
    expect(off.smoothJoins).toEqual([]);
  });

  it('re-encodes to the first size when sizes or codecs differ, and marks draft content', () => {
    const plan = planAssembly(
      [seg(1), seg(2, { width: 256, height: 256, codec: 'hevc', tier: 'draft' })],
      [1],
    );
    expect(plan.method).toBe('reencode');
    expect(plan.reasons.join(' ')).toMatch(/512×512/);
    expect(plan.reasons.join(' ')).toMatch(/codecs/);
    expect(plan.tier).toBe('draft');
  });

  it('refuses mismatched frame rates, naming the segments', () => {
    try {
      planAssembly([seg(1), seg(2, { fps: 24 }), seg(3)], [1, 1]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AssemblyError);
      expect((e as AssemblyError).code).toBe('assembly.fps_mismatch');
      expect((e as AssemblyError).segments).toEqual(['s2']);
    }
  });

  it('refuses no segments and kept frames outside a segment', () => {
    expect(() => planAssembly([], [])).toThrow(/no segments/);
    expect(() => planAssembly([seg(1, { boundaryFrameIndex: 90 })], [])).toThrow(AssemblyError);
    expect(() => planAssembly([seg(1, { trimStartFrames: 5, boundaryFrameIndex: 3 })], [])).toThrow(
      /keeps frames 5…3/,
    );
  });
});
