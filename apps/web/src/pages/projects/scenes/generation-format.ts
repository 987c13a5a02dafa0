// Words and colours for scene runs, segments and their QA, as the scene page shows them.
import { gateDirection, gateLabels, type QaGateKey, qaGateKeys } from '@i2v/domain';
import type { SceneRunStatus, Segment } from './generation-queries';

export const runStatusLabels: Record<SceneRunStatus, string> = {
  running: 'Generating',
  awaiting_boundary: 'Waiting for a boundary frame',
  needs_attention: 'Needs attention',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const runStatusColors: Record<SceneRunStatus, string> = {
  running: 'blue',
  awaiting_boundary: 'orange',
  needs_attention: 'orange',
  completed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export const segmentStatusLabels: Record<Segment['status'], string> = {
  pending: 'Waiting',
  generating: 'Generating',
  qa_pass: 'QA passed',
  qa_fail: 'QA failed',
  approved: 'Approved',
  rejected: 'Rejected',
  failed: 'Render failed',
  cancelled: 'Cancelled',
};

type Verdict = NonNullable<Segment['qa']['verdict']>;
export const verdictLabels: Record<Verdict, string> = { pass: 'QA pass', flag: 'QA flag', fail: 'QA fail' };
export const verdictColors: Record<Verdict, string> = { pass: 'green', flag: 'yellow', fail: 'red' };
export const severityColors = { hard: 'red', soft: 'yellow' } as const;

export const clipPositionLabels: Record<NonNullable<Segment['clipPosition']>, string> = {
  full_clip: 'Full clip (the only segment)',
  start_clip: 'Start clip (first of several)',
  continuation_clip: 'Continuation clip',
};

/** Where a segment's seed frame came from, in a few words. */
export function seedSourceOf(s: Pick<Segment, 'seedSource' | 'index'>): string {
  switch (s.seedSource) {
    case 'hero':
      return 'from the hero';
    case 'boundary':
      return `from segment ${s.index - 1}`;
    case 'anchor':
      return 'from the hero (re-anchored)';
    case 'transition':
      return 'variant switch';
    default:
      return 'no seed frame';
  }
}

/** "0.56 s", "5 s", "12.5 s". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  return `${Number(seconds.toFixed(seconds >= 10 ? 1 : 2))} s`;
}

/** Shares and similarities as two decimals, the raw measures as one: as QA's own reason messages write them. */
const rawScores = new Set(['motion', 'sharpness']);

export function formatScore(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'not measured';
  if (typeof value === 'boolean') return value ? 'as asked' : 'not as asked';
  if (typeof value !== 'number') return String(value);
  if (rawScores.has(key)) return value.toFixed(1);
  return value.toFixed(2);
}

export interface QaRow {
  /** The gate as QA reasons name it. */
  gate: string;
  label: string;
  scoreKey: string;
  /** A pass/fail conformance check, a thresholded gate, or a figure shown for information. */
  kind: 'conformance' | 'gate' | 'info';
  direction: 'min' | 'max';
}

/** The conformance checks (pass or fail), then every thresholded gate, then the informative likeness figures. */
export const qaRows: QaRow[] = [
  {
    gate: 'resolution',
    label: 'Resolution',
    scoreKey: 'resolutionOk',
    kind: 'conformance',
    direction: 'min',
  },
  { gate: 'fps', label: 'Frame rate', scoreKey: 'fpsOk', kind: 'conformance', direction: 'min' },
  { gate: 'duration', label: 'Duration', scoreKey: 'durationOk', kind: 'conformance', direction: 'min' },
  ...qaGateKeys.map(
    (k: QaGateKey): QaRow => ({
      gate: k,
      label: gateLabels[k],
      scoreKey: k,
      kind: 'gate',
      direction: gateDirection[k],
    }),
  ),
  {
    gate: 'likenessStart',
    label: 'Likeness at the first frame',
    scoreKey: 'likenessStart',
    kind: 'info',
    direction: 'min',
  },
  {
    gate: 'likenessEnd',
    label: 'Likeness at the last frame',
    scoreKey: 'likenessEnd',
    kind: 'info',
    direction: 'min',
  },
];

/** "fail < 0.45 · flag < 0.60" from a gate's thresholds. */
export function describeThreshold(
  direction: 'min' | 'max',
  t: { hard: number | null; soft: number | null } | undefined,
  key: string,
): string {
  if (!t || (t.hard === null && t.soft === null)) return 'off';
  const sign = direction === 'min' ? '<' : '>';
  const parts: string[] = [];
  if (t.hard !== null) parts.push(`fail ${sign} ${formatScore(key, t.hard)}`);
  if (t.soft !== null) parts.push(`flag ${sign} ${formatScore(key, t.soft)}`);
  return parts.join(' · ');
}
