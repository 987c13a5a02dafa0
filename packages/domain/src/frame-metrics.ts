// Frame metrics for segment QA over 8-bit grayscale frames (row-major, one byte per pixel): luma, SSIM, motion,
// blur and the frame defects they reveal. Pure and deterministic; decoding is @i2v/ffmpeg's `decodeFrames`.

/** Thresholds of `frameDefects`. Calibrated on frames decoded to 128×128 with area scaling (see the defaults). */
export interface FrameDefectThresholds {
  /** A frame is black when its mean luma is below this… */
  blackMeanLuma: number;
  /** …and its luma standard deviation is below this (a dark but detailed night shot is not black). */
  blackStdDev: number;
  /** Consecutive frames whose mean absolute difference is below this did not move. */
  frozenDiff: number;
  /** A frozen run is at least this many frames in a row that did not move. */
  minFrozenFrames: number;
  /** Consecutive frames whose mean absolute difference is below this are near duplicates. */
  nearDuplicateDiff: number;
}

/**
 * Defaults, in 0…255 luma units, for frames decoded to 128×128 with area scaling. Measured frame-to-frame mean
 * absolute differences (comfy-sim renders, 81 frames at 16 fps, 512² and 832×480, mp4/webm/gif):
 * - a true freeze (the same picture re-encoded): 0.000–0.075, the top end at H.264 CRF 16;
 * - a still with light temporal grain (ffmpeg `noise=alls=3:allf=t`, the simulator's grain): 0.23–0.42, median
 *   0.30–0.41 depending on the picture; half that grain (`alls=2`): 0.05–0.20;
 * - a normal render with a slow pan: 0.27–5.8, median 1.2–2.5; its smallest values are pairs where the crop window
 *   did not move a whole pixel, so only the grain changed.
 * `frozenDiff` 0.15 is twice the codec noise of a true freeze and half the light-grain floor, so grain alone never
 * reads as frozen (0.35 would call a grainy still photo frozen). `nearDuplicateDiff` 0.75 is about twice the grain
 * floor: pairs whose picture did not visibly change. Decoding larger than 128² keeps more grain (at 256² the
 * grain diffs double); decoding smaller averages it away: recalibrate when changing the decode size.
 */
export const DEFAULT_FRAME_DEFECT_THRESHOLDS: Readonly<FrameDefectThresholds> = Object.freeze({
  blackMeanLuma: 16,
  blackStdDev: 8,
  frozenDiff: 0.15,
  minFrozenFrames: 3,
  nearDuplicateDiff: 0.75,
});

export interface FrameDefects {
  /** Indices of black frames. */
  blackFrames: number[];
  /** Runs of at least `minFrozenFrames` frames that did not move (black frames never count). */
  frozenRuns: { start: number; length: number }[];
  /** Consecutive pairs that are near duplicates (pairs of two black frames never count). */
  nearDuplicatePairs: number;
  /** Mean and maximum of `motionProfile(frames)`; 0 for fewer than two frames. */
  meanMotion: number;
  maxMotion: number;
}

function requireSize(frame: Uint8Array, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`frame size must be positive integers, got ${width}×${height}`);
  }
  if (frame.length !== width * height) {
    throw new RangeError(`a ${width}×${height} frame has ${width * height} bytes, got ${frame.length}`);
  }
}

function requireNotEmpty(frame: Uint8Array): void {
  if (frame.length === 0) throw new RangeError('a frame must have at least one pixel');
}

/** Mean luma, 0…255. */
export function meanLuma(frame: Uint8Array): number {
  requireNotEmpty(frame);
  let sum = 0;
  for (let i = 0; i < frame.length; i++) sum += frame[i]!;
  return sum / frame.length;
}

/** Population standard deviation of luma, 0…127.5. */
export function lumaStdDev(frame: Uint8Array): number {
  const mean = meanLuma(frame);
  let sq = 0;
  for (let i = 0; i < frame.length; i++) {
    const d = frame[i]! - mean;
    sq += d * d;
  }
  return Math.sqrt(sq / frame.length);
}

/** Mean absolute difference per pixel, 0…255. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  requireNotEmpty(a);
  if (a.length !== b.length) throw new RangeError(`frames differ in size: ${a.length} and ${b.length} bytes`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** `meanAbsDiff` of each frame and the next: length `frames.length − 1` (empty for fewer than two frames). */
export function motionProfile(frames: readonly Uint8Array[]): number[] {
  const motion: number[] = [];
  for (let i = 1; i < frames.length; i++) motion.push(meanAbsDiff(frames[i - 1]!, frames[i]!));
  return motion;
}

const SSIM_WINDOW = 8;
const SSIM_STRIDE = 4;
const SSIM_C1 = (0.01 * 255) ** 2;
const SSIM_C2 = (0.03 * 255) ** 2;

/** Window origins every `stride` pixels, plus one flush with the far edge so every pixel is covered. */
function windowStarts(size: number, win: number): number[] {
  const starts: number[] = [];
  for (let s = 0; s + win <= size; s += SSIM_STRIDE) starts.push(s);
  if (starts.at(-1) !== size - win) starts.push(size - win);
  return starts;
}

/**
 * Structural similarity (Wang et al. 2004) of two luma frames: the mean SSIM of uniform 8×8 windows at a stride
 * of 4 (one window per frame side shorter than 8), with C1 = (0.01·255)² and C2 = (0.03·255)². 1 for identical
 * frames, near 0 for unrelated noise, negative for anti-correlated content.
 */
export function ssim(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  requireSize(a, width, height);
  requireSize(b, width, height);
  const ww = Math.min(SSIM_WINDOW, width);
  const wh = Math.min(SSIM_WINDOW, height);
  const n = ww * wh;
  const xs = windowStarts(width, ww);
  const ys = windowStarts(height, wh);
  let total = 0;
  for (const y0 of ys) {
    for (const x0 of xs) {
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      for (let y = y0; y < y0 + wh; y++) {
        const row = y * width;
        for (let x = x0; x < x0 + ww; x++) {
          const va = a[row + x]!;
          const vb = b[row + x]!;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      total +=
        ((2 * ma * mb + SSIM_C1) * (2 * cov + SSIM_C2)) /
        ((ma * ma + mb * mb + SSIM_C1) * (va + vb + SSIM_C2));
    }
  }
  return total / (xs.length * ys.length);
}

/** Variance of the 4-neighbour Laplacian over the interior pixels: sharpness, lower = blurrier; 0 below 3×3. */
export function laplacianVariance(frame: Uint8Array, width: number, height: number): number {
  requireSize(frame, width, height);
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sq = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const l = frame[i - width]! + frame[i + width]! + frame[i - 1]! + frame[i + 1]! - 4 * frame[i]!;
      sum += l;
      sq += l * l;
    }
  }
  const count = (width - 2) * (height - 2);
  const mean = sum / count;
  return sq / count - mean * mean;
}

/** Black frames, frozen runs, near-duplicate pairs and motion statistics of a clip. */
export function frameDefects(
  frames: readonly Uint8Array[],
  width: number,
  height: number,
  thresholds: Partial<FrameDefectThresholds> = {},
): FrameDefects {
  const t = { ...DEFAULT_FRAME_DEFECT_THRESHOLDS, ...thresholds };
  for (const f of frames) requireSize(f, width, height);
  const black = frames.map((f) => meanLuma(f) < t.blackMeanLuma && lumaStdDev(f) < t.blackStdDev);
  const motion = motionProfile(frames);
  const frozenRuns: FrameDefects['frozenRuns'] = [];
  let nearDuplicatePairs = 0;
  // a black stretch is a black defect, not also a frozen one: pairs of two black frames are left out
  const still = motion.map((m, i) => !(black[i] && black[i + 1]) && m < t.frozenDiff);
  let runStart = -1;
  for (let i = 0; i <= still.length; i++) {
    if (i < still.length && still[i]) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      const length = i - runStart + 1; // i − runStart still pairs span one more frame
      if (length >= t.minFrozenFrames) frozenRuns.push({ start: runStart, length });
      runStart = -1;
    }
  }
  for (let i = 0; i < motion.length; i++) {
    if (!(black[i] && black[i + 1]) && motion[i]! < t.nearDuplicateDiff) nearDuplicatePairs++;
  }
  return {
    blackFrames: black.flatMap((b, i) => (b ? [i] : [])),
    frozenRuns,
    nearDuplicatePairs,
    meanMotion: motion.length ? motion.reduce((s, m) => s + m, 0) / motion.length : 0,
    maxMotion: motion.length ? Math.max(...motion) : 0,
  };
}

/**
 * The frame in [fromIndex, toIndex] (frame indices, inclusive, clamped to the clip) that moves least: the mean of
 * the motion into it and out of it (one side only at the clip's ends). Ties go to the later frame.
 */
export function lowestMotionFrame(motion: readonly number[], fromIndex: number, toIndex: number): number {
  if (!Number.isInteger(fromIndex) || !Number.isInteger(toIndex)) {
    throw new RangeError(`frame indices must be integers, got ${fromIndex}…${toIndex}`);
  }
  const lastFrame = motion.length; // motion has one entry fewer than there are frames
  const from = Math.max(0, fromIndex);
  const to = Math.min(lastFrame, toIndex);
  if (from > to) throw new RangeError(`no frame in ${fromIndex}…${toIndex} of a ${lastFrame + 1}-frame clip`);
  let best = from;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let i = from; i <= to; i++) {
    const sides = [motion[i - 1], motion[i]].filter((m): m is number => m !== undefined);
    const score = sides.length ? sides.reduce((s, m) => s + m, 0) / sides.length : 0;
    if (score <= bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
