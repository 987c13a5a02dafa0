import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FRAME_DEFECT_THRESHOLDS,
  frameDefects,
  laplacianVariance,
  lowestMotionFrame,
  lumaStdDev,
  meanAbsDiff,
  meanLuma,
  motionProfile,
  ssim,
} from './frame-metrics.js';

const W = 64;
const H = 48;

/** mulberry32: a small seeded PRNG so every run sees the same "random" frames. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const frameOf = (f: (x: number, y: number) => number, w = W, h = H) => {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[y * w + x] = Math.max(0, Math.min(255, Math.round(f(x, y))));
  }
  return out;
};
const flat = (v: number) => frameOf(() => v);
const noise = (seed: number, lo = 0, hi = 255) => {
  const r = prng(seed);
  return frameOf(() => lo + r() * (hi - lo));
};
/** A picture with structure at several scales: a gradient, stripes and a bright disc. */
const picture = (dx = 0) =>
  frameOf((x0, y) => {
    const x = x0 - dx;
    const disc = (x - 30) ** 2 + (y - 22) ** 2 < 100 ? 80 : 0;
    return 40 + x * 1.5 + y + 30 * Math.sin(x / 3) * Math.cos(y / 5) + disc;
  });
/** `frame` with light grain: a quarter of the pixels one step brighter. */
const grainy = (frame: Uint8Array, seed: number) => {
  const r = prng(seed);
  return frame.map((v) => Math.min(255, v + (r() < 0.25 ? 1 : 0)));
};
const boxBlur = (frame: Uint8Array, w = W, h = H) =>
  frameOf(
    (x, y) => {
      let s = 0;
      let n = 0;
      for (let j = -2; j <= 2; j++) {
        for (let i = -2; i <= 2; i++) {
          const xx = x + i;
          const yy = y + j;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          s += frame[yy * w + xx]!;
          n++;
        }
      }
      return s / n;
    },
    w,
    h,
  );

describe('luma', () => {
  it('measures mean and spread', () => {
    expect(meanLuma(flat(100))).toBe(100);
    expect(lumaStdDev(flat(100))).toBe(0);
    const half = frameOf((x) => (x < W / 2 ? 0 : 200));
    expect(meanLuma(half)).toBe(100);
    expect(lumaStdDev(half)).toBe(100);
  });

  it('refuses an empty frame', () => {
    expect(() => meanLuma(new Uint8Array(0))).toThrow(RangeError);
  });
});

describe('ssim', () => {
  it('is exactly 1 for identical frames, flat ones included', () => {
    expect(ssim(picture(), picture(), W, H)).toBe(1);
    expect(ssim(flat(0), flat(0), W, H)).toBe(1);
  });

  it('is near 0 for unrelated noise', () => {
    expect(Math.abs(ssim(noise(1), noise(2), W, H))).toBeLessThan(0.05);
  });

  it('rates a shifted picture below the same picture with a little noise', () => {
    const base = picture();
    const shifted = ssim(base, picture(3), W, H);
    const noisy = ssim(base, grainy(base, 7), W, H);
    expect(noisy).toBeGreaterThan(0.95);
    expect(shifted).toBeLessThan(noisy);
    expect(shifted).toBeGreaterThan(ssim(base, noise(3), W, H));
  });

  it('covers frames smaller than a window and edges off the stride', () => {
    const a = noise(4).subarray(0, 5 * 3);
    expect(ssim(a, a, 5, 3)).toBe(1);
    const odd = frameOf((x, y) => x * 7 + y * 3, 13, 11);
    const changedCorner = odd.slice();
    changedCorner[13 * 11 - 1] = 0; // only the bottom-right pixel, covered by the flush window alone
    expect(ssim(odd, changedCorner, 13, 11)).toBeLessThan(1);
  });

  it('refuses frames of the wrong size', () => {
    expect(() => ssim(picture(), new Uint8Array(10), W, H)).toThrow(RangeError);
  });
});

describe('motion', () => {
  it('measures the mean absolute difference between frames', () => {
    expect(meanAbsDiff(flat(10), flat(13))).toBe(3);
    expect(meanAbsDiff(flat(13), flat(10))).toBe(3);
    expect(meanAbsDiff(picture(), picture())).toBe(0);
    expect(() => meanAbsDiff(flat(1), new Uint8Array(3))).toThrow(RangeError);
  });

  it('profiles consecutive frames', () => {
    expect(motionProfile([flat(0), flat(2), flat(2), flat(7)])).toEqual([2, 0, 5]);
    expect(motionProfile([flat(0)])).toEqual([]);
    expect(motionProfile([])).toEqual([]);
  });
});

describe('laplacianVariance', () => {
  it('drops when a picture is blurred', () => {
    for (const frame of [picture(), noise(5)]) {
      expect(laplacianVariance(boxBlur(frame), W, H)).toBeLessThan(laplacianVariance(frame, W, H) / 2);
    }
  });

  it('is 0 for a flat frame or one too small for the kernel', () => {
    expect(laplacianVariance(flat(90), W, H)).toBe(0);
    expect(laplacianVariance(new Uint8Array([1, 200, 3, 4]), 2, 2)).toBe(0);
  });
});

describe('frameDefects', () => {
  const moving = (n: number, from = 0) => Array.from({ length: n }, (_, i) => grainy(picture(from + i), i));

  it('finds black frames but not a dark, detailed one', () => {
    const night = noise(6, 0, 40); // mean ~20, spread ~11: dark, yet a picture
    const nearBlack = grainy(flat(4), 1);
    const d = frameDefects([picture(), flat(0), nearBlack, night], W, H);
    expect(d.blackFrames).toEqual([1, 2]);
  });

  it('finds a frozen run and leaves grain-only and moving stretches alone', () => {
    const still = picture(10);
    const frames = [
      ...moving(4), // 0–3 move
      still,
      still,
      still,
      still, // 4–7 frozen: 4 frames
      ...moving(3, 20), // 8–10 move
      still,
      still, // 11–12: only two frames, too short to be a run
      ...moving(2, 30), // 13–14
      grainy(still, 100),
      grainy(still, 101),
      grainy(still, 102), // 15–17: a still with grain is not frozen, but its pairs are near duplicates
    ];
    const d = frameDefects(frames, W, H);
    expect(d.frozenRuns).toEqual([{ start: 4, length: 4 }]);
    // 3 frozen pairs, 1 short still pair, 2 grainy pairs
    expect(d.nearDuplicatePairs).toBe(6);
    expect(d.blackFrames).toEqual([]);
    expect(d.maxMotion).toBeGreaterThan(DEFAULT_FRAME_DEFECT_THRESHOLDS.nearDuplicateDiff);
    expect(frameDefects(frames, W, H, { minFrozenFrames: 2 }).frozenRuns).toEqual([
      { start: 4, length: 4 },
      { start: 11, length: 2 },
    ]);
  });

  it('reports a run reaching the last frame, and a black stretch as black only', () => {
    const d = frameDefects([...moving(3), flat(0), flat(0), flat(0), flat(0)], W, H);
    expect(d.blackFrames).toEqual([3, 4, 5, 6]);
    expect(d.frozenRuns).toEqual([]);
    expect(d.nearDuplicatePairs).toBe(0);
    const tail = frameDefects([...moving(3), picture(9), picture(9), picture(9)], W, H);
    expect(tail.frozenRuns).toEqual([{ start: 3, length: 3 }]);
  });

  it('summarises motion', () => {
    const d = frameDefects(
      [flat(0), flat(2), flat(2), flat(7)].map((f) => f.map((v) => v + 50)),
      W,
      H,
    );
    expect(d.meanMotion).toBeCloseTo(7 / 3, 10);
    expect(d.maxMotion).toBe(5);
    expect(frameDefects([picture()], W, H)).toMatchObject({ meanMotion: 0, maxMotion: 0, frozenRuns: [] });
  });

  it('refuses a frame of the wrong size', () => {
    expect(() => frameDefects([picture(), new Uint8Array(5)], W, H)).toThrow(RangeError);
  });
});

describe('lowestMotionFrame', () => {
  // frames 0…6; motion[i] is the change from frame i to frame i+1
  const motion = [5, 4, 1, 1, 6, 2];

  it('picks the frame whose motion in and out is lowest', () => {
    // frame scores: 0→5, 1→4.5, 2→2.5, 3→1, 4→3.5, 5→4, 6→2
    expect(lowestMotionFrame(motion, 0, 6)).toBe(3);
    expect(lowestMotionFrame(motion, 4, 6)).toBe(6);
    expect(lowestMotionFrame(motion, 0, 2)).toBe(2);
  });

  it('gives ties to the later frame', () => {
    expect(lowestMotionFrame([1, 1, 1, 1], 0, 4)).toBe(4);
    expect(lowestMotionFrame([3, 1, 3, 1, 3], 0, 5)).toBe(4);
  });

  it('clamps to the clip and refuses an empty or fractional range', () => {
    expect(lowestMotionFrame(motion, -5, 99)).toBe(3);
    expect(lowestMotionFrame([], 0, 0)).toBe(0);
    expect(() => lowestMotionFrame(motion, 5, 4)).toThrow(RangeError);
    expect(() => lowestMotionFrame(motion, 7, 9)).toThrow(RangeError);
    expect(() => lowestMotionFrame(motion, 0.5, 3)).toThrow(RangeError);
  });
});
