// Automated quality gates (PRD-049) and their rule sets per scene type (PRD-091): the scores a segment's QA
// measures, the preset profiles, and the verdict — a hard gate fails the segment, a soft gate flags it for review.

/** What QA measures on one segment. A score is null when it could not be measured (no face, no baseline…). */
export interface SegmentScores {
  /** SSIM between the seed frame and the segment's first frame (boundary continuity), 0…1. */
  continuity: number | null;
  /** Share of sampled frames where a face was found, 0…1 (null when no face detector is available). */
  facePresence: number | null;
  /** Lowest face detection confidence over the sampled frames that had a face. */
  faceConfidence: number | null;
  /** Lowest cosine similarity between a sampled frame's face and the character's source image. */
  likeness: number | null;
  /** How far likeness fell since the scene's first segment (0 = no drift). */
  likenessDrift: number | null;
  /** Mean absolute difference between consecutive frames, 0…255. */
  motion: number;
  /** Share of frames that are black. */
  blackFrames: number;
  /** Share of frames inside frozen runs (the picture stops). */
  frozenFrames: number;
  /** Share of consecutive frame pairs that are near duplicates. */
  nearDuplicates: number;
  /** Variance of the Laplacian (sharpness; low = blurry), median over sampled frames. */
  sharpness: number;
  /** Resolution, frame rate and duration as expected. */
  resolutionOk: boolean;
  fpsOk: boolean;
  durationOk: boolean;
}

export const qaProfiles = ['strict', 'standard', 'lenient'] as const;
export type QaProfile = (typeof qaProfiles)[number];

/** Gates on a minimum (`continuity` must be at least…) or a maximum (`blackFrames` at most…). */
export const qaGateKeys = [
  'continuity',
  'facePresence',
  'faceConfidence',
  'likeness',
  'likenessDrift',
  'motion',
  'blackFrames',
  'frozenFrames',
  'nearDuplicates',
  'sharpness',
] as const;
export type QaGateKey = (typeof qaGateKeys)[number];

export interface GateThreshold {
  /** Below (min gates) or above (max gates) this fails the segment; null = not a hard gate. */
  hard: number | null;
  /** Below/above this flags the segment for review; null = no soft gate. */
  soft: number | null;
}

export type QaThresholds = Record<QaGateKey, GateThreshold>;
export type QaOverrides = Partial<Record<QaGateKey, Partial<GateThreshold>>>;

export const gateDirection: Record<QaGateKey, 'min' | 'max'> = {
  continuity: 'min',
  facePresence: 'min',
  faceConfidence: 'min',
  likeness: 'min',
  likenessDrift: 'max',
  motion: 'min',
  blackFrames: 'max',
  frozenFrames: 'max',
  nearDuplicates: 'max',
  sharpness: 'min',
};

export const gateLabels: Record<QaGateKey, string> = {
  continuity: 'Boundary continuity (SSIM)',
  facePresence: 'Face present',
  faceConfidence: 'Face detection confidence',
  likeness: 'Likeness to the character',
  likenessDrift: 'Likeness drift across the scene',
  motion: 'Motion',
  blackFrames: 'Black frames',
  frozenFrames: 'Frozen frames',
  nearDuplicates: 'Near-duplicate frames',
  sharpness: 'Sharpness',
};

const standard: QaThresholds = {
  continuity: { hard: 0.45, soft: 0.6 },
  facePresence: { hard: 0.5, soft: 0.99 },
  faceConfidence: { hard: null, soft: 0.6 },
  likeness: { hard: 0.55, soft: 0.6 },
  likenessDrift: { hard: 0.35, soft: 0.2 },
  motion: { hard: null, soft: 0.3 },
  blackFrames: { hard: 0.1, soft: 0.02 },
  frozenFrames: { hard: 0.5, soft: 0.2 },
  nearDuplicates: { hard: null, soft: 0.5 },
  sharpness: { hard: null, soft: 20 },
};

/** The preset rule sets; `standard` is the default of every scene type. */
export const qaPresets: Record<QaProfile, QaThresholds> = {
  standard,
  strict: {
    continuity: { hard: 0.55, soft: 0.7 },
    facePresence: { hard: 0.9, soft: 1 },
    faceConfidence: { hard: 0.4, soft: 0.7 },
    likeness: { hard: 0.6, soft: 0.7 },
    likenessDrift: { hard: 0.3, soft: 0.15 },
    motion: { hard: null, soft: 0.5 },
    blackFrames: { hard: 0.02, soft: 0 },
    frozenFrames: { hard: 0.3, soft: 0.1 },
    nearDuplicates: { hard: 0.8, soft: 0.3 },
    sharpness: { hard: 10, soft: 40 },
  },
  lenient: {
    continuity: { hard: 0.3, soft: 0.5 },
    facePresence: { hard: 0.25, soft: 0.8 },
    faceConfidence: { hard: null, soft: 0.4 },
    likeness: { hard: 0.35, soft: 0.5 },
    likenessDrift: { hard: null, soft: 0.3 },
    motion: { hard: null, soft: null },
    blackFrames: { hard: 0.25, soft: 0.05 },
    frozenFrames: { hard: 0.8, soft: 0.4 },
    nearDuplicates: { hard: null, soft: 0.8 },
    sharpness: { hard: null, soft: 10 },
  },
};

/** A profile with a scene type's overrides applied over it. */
export function resolveThresholds(profile: QaProfile, overrides: QaOverrides = {}): QaThresholds {
  const out = structuredClone(qaPresets[profile]);
  for (const key of qaGateKeys) {
    const o = overrides[key];
    if (!o) continue;
    if (o.hard !== undefined) out[key].hard = o.hard;
    if (o.soft !== undefined) out[key].soft = o.soft;
  }
  return out;
}

/** Contradictions in a rule set: a soft threshold on the wrong side of its hard one. */
export function thresholdProblems(t: QaThresholds): { gate: QaGateKey; message: string }[] {
  const problems: { gate: QaGateKey; message: string }[] = [];
  for (const key of qaGateKeys) {
    const { hard, soft } = t[key];
    if (hard === null || soft === null) continue;
    if (gateDirection[key] === 'min' ? soft < hard : soft > hard) {
      problems.push({
        gate: key,
        message: `the soft threshold (${soft}) must be ${gateDirection[key] === 'min' ? 'at least' : 'at most'} the hard one (${hard})`,
      });
    }
  }
  return problems;
}

export interface QaReason {
  gate: QaGateKey | 'resolution' | 'fps' | 'duration';
  severity: 'hard' | 'soft';
  value: number | null;
  threshold: number | null;
  message: string;
}

export interface QaVerdict {
  verdict: 'pass' | 'flag' | 'fail';
  reasons: QaReason[];
  /** 0…1, higher is better: ranks attempts for best-of-N selection. */
  rank: number;
}

const fmt = (n: number) => (Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

function breaches(direction: 'min' | 'max', value: number, threshold: number | null): boolean {
  if (threshold === null) return false;
  return direction === 'min' ? value < threshold : value > threshold;
}

/** Applies a rule set to a segment's scores. Unmeasured scores (null) pass their gates. */
export function evaluateGates(scores: SegmentScores, t: QaThresholds): QaVerdict {
  const reasons: QaReason[] = [];
  const conform: [QaReason['gate'], boolean, string][] = [
    ['resolution', scores.resolutionOk, 'The resolution is not the one asked for'],
    ['fps', scores.fpsOk, 'The frame rate is not the one asked for'],
    ['duration', scores.durationOk, 'The duration is outside the expected range'],
  ];
  for (const [gate, ok, message] of conform) {
    if (!ok) reasons.push({ gate, severity: 'hard', value: null, threshold: null, message });
  }
  for (const key of qaGateKeys) {
    const value = scores[key];
    if (value === null) continue;
    const dir = gateDirection[key];
    const { hard, soft } = t[key];
    const word = dir === 'min' ? 'below' : 'above';
    if (breaches(dir, value, hard)) {
      reasons.push({
        gate: key,
        severity: 'hard',
        value,
        threshold: hard,
        message: `${gateLabels[key]} ${fmt(value)} is ${word} ${fmt(hard!)}`,
      });
    } else if (breaches(dir, value, soft)) {
      reasons.push({
        gate: key,
        severity: 'soft',
        value,
        threshold: soft,
        message: `${gateLabels[key]} ${fmt(value)} is ${word} ${fmt(soft!)}`,
      });
    }
  }
  const verdict = reasons.some((r) => r.severity === 'hard') ? 'fail' : reasons.length ? 'flag' : 'pass';
  return { verdict, reasons, rank: rankScores(scores, reasons) };
}

/** A single figure for best-of-N: hard breaches weigh most, then soft ones, then the quality scores themselves. */
export function rankScores(scores: SegmentScores, reasons: readonly QaReason[]): number {
  const hard = reasons.filter((r) => r.severity === 'hard').length;
  const soft = reasons.length - hard;
  const quality =
    ((scores.continuity ?? 0.7) +
      (scores.likeness ?? 0.7) +
      (scores.facePresence ?? 1) +
      (1 - scores.blackFrames) +
      (1 - scores.frozenFrames)) /
    5;
  return Math.max(0, Math.min(1, quality / (1 + hard * 2 + soft * 0.25)));
}
