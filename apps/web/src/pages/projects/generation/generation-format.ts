// Words and colours of generation: scene statuses (shared by the matrix and the dashboard), run statuses, estimates.
import type { SceneMatrix } from '@/api/types';
import { formatDuration } from '@/format/duration';
import { tones } from '@/theme/tokens';
import type { GenerationEstimate } from './generation-queries';

export type SceneCellStatus = SceneMatrix['rows'][number]['cells'][number]['status'];
export type SceneStatus = Exclude<SceneCellStatus, 'not_created'>;

export const sceneStatusLabels: Record<SceneCellStatus, string> = {
  not_created: 'Not created',
  pending: 'Pending',
  generating: 'Generating',
  review: 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  failed: 'Failed',
};

/** The order a scene moves through, for legends and counts. */
export const sceneStatusOrder: SceneStatus[] = [
  'pending',
  'generating',
  'review',
  'approved',
  'rejected',
  'failed',
];

/** Scene status colours (a failed generation is pink: it needs action like a rejection, but is not one). */
export const sceneStatusTones: Record<SceneCellStatus, string> = tones.sceneStatus;

export type RunStatus =
  | 'running'
  | 'awaiting_boundary'
  | 'needs_attention'
  | 'completed'
  | 'failed'
  | 'cancelled';

export const runStatusLabels: Record<RunStatus, string> = {
  running: 'Running',
  awaiting_boundary: 'Awaiting boundary frame',
  needs_attention: 'Needs attention',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const runStatusOrder: RunStatus[] = [
  'running',
  'awaiting_boundary',
  'needs_attention',
  'completed',
  'failed',
  'cancelled',
];

export const runStatusTones: Record<RunStatus, string> = {
  running: 'cyan',
  awaiting_boundary: 'violet',
  needs_attention: 'orange',
  completed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export const runStatusLabel = (status: string) => runStatusLabels[status as RunStatus] ?? status;
export const runStatusTone = (status: string) => runStatusTones[status as RunStatus] ?? 'gray';

/** "12 s", "3 min 4 s" from seconds. */
export const formatSeconds = (seconds: number) => formatDuration(seconds * 1000);

type Confidence = GenerationEstimate['confidence'];

export const confidenceTones: Record<Confidence, string> = {
  high: 'green',
  medium: 'yellow',
  low: 'orange',
  none: 'gray',
};

/** What a confidence rests on, for the person deciding whether to start. */
export const confidenceExplanations: Record<Confidence, string> = {
  high: 'Based on 20 or more finished segment renders of these workflows on these workers.',
  medium: 'Based on 5 to 19 finished segment renders; the real time may differ by a fair margin.',
  low: 'Based on fewer than 5 finished segment renders; treat it as a rough guess.',
  none: 'No segment of these workflows has finished rendering yet, so a default time per segment stands in. The first batch teaches the estimate.',
};
