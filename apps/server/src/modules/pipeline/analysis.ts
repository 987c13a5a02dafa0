// Measures a rendered segment for automated QA (PRD-049): continuity with its seed frame, faces and likeness to the
// character, motion, black/frozen/near-duplicate frames, sharpness and conformance. Deterministic: the same file and
// seed give the same scores.

import {
  type FrameDefects,
  frameDefects,
  laplacianVariance,
  motionProfile,
  type SegmentScores,
  ssim,
} from '@i2v/domain';
import type { FaceAnalyzer, RgbImage } from '@i2v/faces';
import { cosineSimilarity } from '@i2v/faces';
import { decodeFrames, type KeepRange, type KeptFrames } from '@i2v/ffmpeg';
import sharp from 'sharp';

/** Frames are decoded at this size: large enough for the face detector. */
export const analysisSide = 256;
/** Pixel metrics run at half that (the frame-defect thresholds are calibrated for 128 × 128 grey). */
export const metricSide = 128;

export interface SegmentAnalysis {
  scores: SegmentScores;
  /** Measured facts of the file. */
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  motion: number[];
  /** Likeness of the first and last sampled frame (drift and anchoring). */
  likenessStart: number | null;
  likenessEnd: number | null;
  /** The first frame at analysis size as a WebP poster for the segment strip. */
  poster: Buffer;
}

export interface AnalysisInput {
  file: string;
  seedImage: Buffer;
  expected: { width: number | null; height: number | null; fps: number; frameCount: number | null };
  /** Embedding of the character's source image; null when it has no face or there is no detector. */
  characterEmbedding: number[] | null;
  /** Likeness at the start of the scene's first segment, the baseline for drift. */
  sceneBaseline: number | null;
}

export class UnreadableSegment extends Error {}

function toGray(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgb.length / 3);
  for (let i = 0, j = 0; j < out.length; i += 3, j++) {
    out[j] = (rgb[i]! * 77 + rgb[i + 1]! * 150 + rgb[i + 2]! * 29) >> 8;
  }
  return out;
}

/** Grey at half size: each output pixel the mean luma of a 2 × 2 block (an area downscale). */
function halfGray(rgb: Uint8Array, side: number): Uint8Array {
  const half = side / 2;
  const out = new Uint8Array(half * half);
  const luma = (p: number) => rgb[p]! * 77 + rgb[p + 1]! * 150 + rgb[p + 2]! * 29;
  for (let y = 0; y < half; y++) {
    for (let x = 0; x < half; x++) {
      const p = (2 * y * side + 2 * x) * 3;
      const q = p + side * 3;
      out[y * half + x] = (luma(p) + luma(p + 3) + luma(q) + luma(q + 3) + 512) >> 10;
    }
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** The seed image framed as the video frames are (centre crop to the video's aspect), at analysis size, grey. */
async function seedGray(seed: Buffer, width: number, height: number): Promise<Uint8Array> {
  const aspect = width / height;
  const meta = await sharp(seed).metadata();
  const w = meta.width ?? width;
  const h = meta.height ?? height;
  let cw = w;
  let ch = Math.round(w / aspect);
  if (ch > h) {
    ch = h;
    cw = Math.round(h * aspect);
  }
  const data = await sharp(seed)
    .extract({ left: Math.floor((w - cw) / 2), top: Math.floor((h - ch) / 2), width: cw, height: ch })
    .resize(metricSide, metricSide, { fit: 'fill', kernel: 'cubic' })
    .removeAlpha()
    .greyscale()
    .raw()
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** A clip decoded once: its frames at analysis size, the pixel metrics on them, and the facts of the file. */
export interface DecodedSegment {
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  /** Every frame, RGB at analysis size. */
  rgb: Uint8Array[];
  /** Every frame, grey at metric size. */
  gray: Uint8Array[];
  motion: number[];
  defects: FrameDefects;
  /** Frames kept at full size for the boundary frame (see `decodeSegment`'s `keep`); null when none are. */
  kept: KeptFrames | null;
}

/**
 * Decodes the clip in one pass and measures its pixels (motion, black, frozen, near-duplicate frames). With `keep`,
 * the frames of that range are also kept at full size, so a boundary frame among them needs no second decode.
 */
export async function decodeSegment(
  file: string,
  options: { keep?: KeepRange | undefined; signal?: AbortSignal | undefined } = {},
): Promise<DecodedSegment> {
  const { keep, signal } = options;
  let decoded: Awaited<ReturnType<typeof decodeFrames>>;
  try {
    decoded = await decodeFrames(file, {
      width: analysisSide,
      height: analysisSide,
      pixelFormat: 'rgb24',
      ...(signal ? { signal } : {}),
      ...(keep ? { keep } : {}),
      timeoutMs: 120_000,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new UnreadableSegment(`ffprobe cannot read the segment file: ${(err as Error).message}`);
  }
  if (!decoded.frames.length) throw new UnreadableSegment('The segment file decoded to no frames');
  const gray = decoded.frames.map((f) => halfGray(f, analysisSide));
  return {
    width: decoded.source.width,
    height: decoded.source.height,
    fps: decoded.fps,
    frameCount: decoded.frames.length,
    rgb: decoded.frames,
    gray,
    motion: motionProfile(gray),
    defects: frameDefects(gray, metricSide, metricSide),
    kept: decoded.kept,
  };
}

interface FaceFindings {
  facePresence: number | null;
  faceConfidence: number | null;
  likeness: number | null;
  likenessStart: number | null;
  likenessEnd: number | null;
}

/** Faces on the sampled frames, and their likeness to the character where there is an embedding to compare with. */
async function findFaces(
  faces: FaceAnalyzer | null,
  rgb: Uint8Array[],
  samples: number[],
  characterEmbedding: number[] | null,
): Promise<FaceFindings> {
  if (!faces) {
    return {
      facePresence: null,
      faceConfidence: null,
      likeness: null,
      likenessStart: null,
      likenessEnd: null,
    };
  }
  let found = 0;
  const confidences: number[] = [];
  const likenesses: (number | null)[] = [];
  for (const i of samples) {
    const image: RgbImage = { data: rgb[i]!, width: analysisSide, height: analysisSide };
    const [face] = await faces.detect(image);
    if (!face) {
      // a frame without a face is face presence's business; likeness is judged on the faces there are
      likenesses.push(null);
      continue;
    }
    found++;
    confidences.push(face.score);
    likenesses.push(characterEmbedding ? cosineSimilarity(face.embedding, characterEmbedding) : null);
  }
  const measured = likenesses.filter((x): x is number => x !== null);
  return {
    facePresence: found / samples.length,
    faceConfidence: confidences.length ? Math.min(...confidences) : null,
    likeness: measured.length ? Math.min(...measured) : null,
    likenessStart: measured[0] ?? null,
    likenessEnd: measured[measured.length - 1] ?? null,
  };
}

/** The first frame at analysis size as a WebP poster, in the clip's aspect. */
function posterOf(clip: DecodedSegment): Promise<Buffer> {
  const big = Math.max(clip.width, clip.height);
  return sharp(Buffer.from(clip.rgb[0]!), {
    raw: { width: analysisSide, height: analysisSide, channels: 3 },
  })
    .resize(Math.round((analysisSide * clip.width) / big), Math.round((analysisSide * clip.height) / big), {
      fit: 'fill',
    })
    .webp({ quality: 80 })
    .toBuffer();
}

/** Judges a decoded clip: continuity with its seed, sharpness, faces and likeness, conformance; and its poster. */
export async function judgeSegment(
  clip: DecodedSegment,
  input: Omit<AnalysisInput, 'file'>,
  faces: FaceAnalyzer | null,
): Promise<SegmentAnalysis> {
  const { gray, defects } = clip;
  const n = clip.frameCount;
  const side = metricSide;
  // sharp works on its own threads: the seed and the poster are made while the faces are found on this one
  const seedPending = seedGray(input.seedImage, clip.width, clip.height);
  const posterPending = posterOf(clip);
  // both settle before anything can throw, so no rejection is left unhandled
  const pendingBoth = Promise.allSettled([seedPending, posterPending]);
  const samples = [...new Set([0, Math.floor((n - 1) / 2), n - 1])];
  const sharpness = median(samples.map((i) => laplacianVariance(gray[i]!, side, side)));
  let found: FaceFindings;
  try {
    found = await findFaces(faces, clip.rgb, samples, input.characterEmbedding);
  } finally {
    await pendingBoth;
  }
  const [seed, poster] = await Promise.all([seedPending, posterPending]);
  const continuity = ssim(seed, gray[0]!, side, side);
  const frozen = defects.frozenRuns.reduce((s, r) => s + r.length, 0);
  const baseline = input.sceneBaseline ?? found.likenessStart;
  const likenessDrift =
    baseline !== null && found.likenessEnd !== null ? Math.max(0, baseline - found.likenessEnd) : null;
  const e = input.expected;
  return {
    scores: {
      continuity,
      facePresence: found.facePresence,
      faceConfidence: found.faceConfidence,
      likeness: found.likeness,
      likenessDrift,
      motion: defects.meanMotion,
      blackFrames: defects.blackFrames.length / n,
      frozenFrames: frozen / n,
      nearDuplicates: n > 1 ? defects.nearDuplicatePairs / (n - 1) : 0,
      sharpness,
      resolutionOk:
        (e.width === null || e.width === clip.width) && (e.height === null || e.height === clip.height),
      fpsOk: Math.abs(clip.fps - e.fps) < 0.01,
      durationOk: e.frameCount === null || Math.abs(n - e.frameCount) <= 1,
    },
    width: clip.width,
    height: clip.height,
    fps: clip.fps,
    frameCount: n,
    motion: clip.motion,
    likenessStart: found.likenessStart,
    likenessEnd: found.likenessEnd,
    poster,
  };
}

/** Decodes and judges a clip: `decodeSegment` then `judgeSegment`. */
export async function analyseSegment(
  input: AnalysisInput,
  faces: FaceAnalyzer | null,
  signal?: AbortSignal,
): Promise<SegmentAnalysis> {
  return judgeSegment(await decodeSegment(input.file, { signal }), input, faces);
}

/** Face embedding of an image (the character's source image): the likeness baseline. */
export async function embedImage(
  faces: FaceAnalyzer,
  image: Buffer,
): Promise<{ embedding: number[] | null; score: number; quality: Record<string, unknown> }> {
  const meta = await sharp(image).metadata();
  const { data, info } = await sharp(image)
    .rotate()
    .resize(512, 512, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgb = new Uint8Array(data.buffer, data.byteOffset, data.length);
  const [face] = await faces.detect({ data: rgb, width: info.width, height: info.height });
  const sharpness = laplacianVariance(toGray(rgb), info.width, info.height);
  return {
    embedding: face ? face.embedding : null,
    score: face?.score ?? 0,
    quality: {
      width: meta.width ?? null,
      height: meta.height ?? null,
      faceFound: Boolean(face),
      faceBox: face?.box ?? null,
      sharpness,
    },
  };
}
