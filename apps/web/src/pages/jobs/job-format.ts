// How jobs read in the web app: state and priority words and colours, the queue's state filters, and which
// control actions a job in a state offers (from the domain state machine, so the UI never offers a refused move).
import { canTransition, roleCan, terminalJobStates } from '@i2v/domain';
import type { Job, JobPriority, JobState, JobSummary, User } from '@/api/types';

export const jobStateLabels: Record<JobState, string> = {
  pending: 'Pending',
  scheduled: 'Scheduled',
  queued: 'Queued',
  dispatched: 'Dispatched',
  running: 'Running',
  paused: 'Paused',
  retrying: 'Retrying',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const jobStateColors: Record<JobState, string> = {
  pending: 'gray',
  scheduled: 'cyan',
  queued: 'blue',
  dispatched: 'indigo',
  running: 'teal',
  paused: 'yellow',
  retrying: 'orange',
  completed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export const jobStateDescriptions: Record<JobState, string> = {
  pending: 'Waits for the jobs it depends on',
  scheduled: 'Waits for its start time',
  queued: 'Waits for a free worker',
  dispatched: 'Sent to a worker, starting',
  running: 'Running on a worker',
  paused: 'Paused; resume it to queue it again',
  retrying: 'Failed on the infrastructure; runs again after a pause',
  completed: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const priorityLabels: Record<JobPriority, string> = {
  urgent: 'Urgent',
  normal: 'Normal',
  background: 'Background',
};

/** PRD-008 §7: urgent red, normal blue, background gray. */
export const priorityColors: Record<JobPriority, string> = {
  urgent: 'red',
  normal: 'blue',
  background: 'gray',
};

export const priorities: JobPriority[] = ['urgent', 'normal', 'background'];

/** Holding a worker slot. */
const runningStates: JobState[] = ['dispatched', 'running'];
/** Waiting in the queue; these can be moved, and are counted as "queued" in the tray. */
const waitingStates: JobState[] = ['pending', 'scheduled', 'queued', 'retrying', 'paused'];

export type JobStateFilter = 'active' | 'waiting' | 'running' | 'finished' | 'failed' | 'all';

export const stateFilters: Record<
  JobStateFilter,
  { label: string; states: JobState[] | null; order: 'queue' | 'newest' }
> = {
  active: { label: 'Active', states: [...runningStates, ...waitingStates], order: 'queue' },
  waiting: { label: 'Waiting', states: waitingStates, order: 'queue' },
  running: { label: 'Running', states: runningStates, order: 'queue' },
  finished: { label: 'Finished', states: ['completed', 'cancelled'], order: 'newest' },
  failed: { label: 'Failed', states: ['failed'], order: 'newest' },
  all: { label: 'All', states: null, order: 'newest' },
};

export const isRunning = (job: Pick<Job, 'state'>) => runningStates.includes(job.state);
export const isWaiting = (job: Pick<Job, 'state'>) => waitingStates.includes(job.state);
export const isFinished = (job: Pick<Job, 'state'>) => terminalJobStates.has(job.state);

/**
 * The tray's overall progress: the mean of the running jobs as listed (so it agrees with their bars), or the server's
 * figure when more run than the tray lists; null when nothing runs.
 */
export function overallProgress(summary: Pick<JobSummary, 'running' | 'progress' | 'active'>): number | null {
  if (summary.running === 0) return null;
  const running = summary.active.filter(isRunning);
  if (running.length !== summary.running) return summary.progress ?? 0;
  return running.reduce((sum, j) => sum + j.progress, 0) / running.length;
}

export type JobAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'front' | 'priority' | 'schedule';

/** The control actions a job in its state offers; acting on them is still checked by the server. */
export function actionsOf(job: Pick<Job, 'state' | 'pauseRequested'>): JobAction[] {
  const s = job.state;
  const found: JobAction[] = [];
  if (job.pauseRequested && isRunning(job)) found.push('resume');
  else if (canTransition(s, 'pause')) found.push('pause');
  if (canTransition(s, 'resume')) found.push('resume');
  if (isWaiting(job)) found.push('front');
  if (!isFinished(job)) found.push('priority');
  if (['queued', 'scheduled', 'pending', 'paused'].includes(s)) found.push('schedule');
  if (s === 'failed' || s === 'cancelled') found.push('retry');
  if (canTransition(s, 'cancel')) found.push('cancel');
  return found;
}

/** Owners act on their own jobs; "jobs.manage" acts on anyone's. Reviewers change no jobs. */
export function canControl(user: Pick<User, 'id' | 'role'>, job: Pick<Job, 'owner'>): boolean {
  if (!roleCan(user.role, 'content.write')) return false;
  return roleCan(user.role, 'jobs.manage') || job.owner?.id === user.id;
}

/** The datetime-local input's value ("2026-03-01T14:30", local time) as an ISO instant; null when not a time. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** An ISO instant as the datetime-local input shows it, in local time. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
