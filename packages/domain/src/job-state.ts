// The job state machine (PRD-007 §1.1, PRD-008 §1.2, ARCHITECTURE §4). Every transition of a job goes through
// `transition`, which refuses the moves that are not listed here.

export type JobState =
  | 'pending'
  | 'scheduled'
  | 'queued'
  | 'dispatched'
  | 'running'
  | 'paused'
  | 'retrying'
  | 'completed'
  | 'failed'
  | 'cancelled';

/** Why a job moves; also the verb the UI and the API speak. */
export type JobAction =
  | 'release' // dependencies met, start time reached, backoff over, resumed
  | 'dispatch' // scheduler matched it to a worker (or a media process)
  | 'start' // the worker accepted it
  | 'complete'
  | 'fail'
  | 'retry_later' // infrastructure failure: back to the queue after a backoff
  | 'cancel'
  | 'pause'
  | 'resume'
  | 'reschedule'
  | 'requeue' // a process shuts down before it sent the job anywhere, or a person retries it
  | 'wait'; // back to waiting for dependencies

const moves: Record<JobState, Partial<Record<JobAction, JobState[]>>> = {
  pending: { release: ['queued', 'scheduled'], cancel: ['cancelled'], pause: ['paused'] },
  scheduled: {
    release: ['queued'],
    cancel: ['cancelled'],
    pause: ['paused'],
    reschedule: ['scheduled', 'queued'],
  },
  queued: {
    dispatch: ['dispatched'],
    cancel: ['cancelled'],
    pause: ['paused'],
    reschedule: ['scheduled'],
    wait: ['pending'],
  },
  dispatched: {
    start: ['running'],
    complete: ['completed'],
    fail: ['failed'],
    retry_later: ['retrying'],
    cancel: ['cancelled'],
    requeue: ['queued'],
  },
  running: {
    complete: ['completed'],
    fail: ['failed'],
    retry_later: ['retrying'],
    cancel: ['cancelled'],
    pause: ['paused'],
    requeue: ['queued'],
  },
  paused: { resume: ['queued', 'scheduled', 'pending'], cancel: ['cancelled'] },
  retrying: { release: ['queued'], cancel: ['cancelled'], pause: ['paused'], fail: ['failed'] },
  completed: {},
  failed: { requeue: ['queued', 'pending', 'scheduled'] },
  cancelled: { requeue: ['queued', 'pending', 'scheduled'] },
};

export const terminalJobStates: ReadonlySet<JobState> = new Set(['completed', 'failed', 'cancelled']);
/** Holding a worker slot or a media process slot. */
export const activeJobStates: ReadonlySet<JobState> = new Set(['dispatched', 'running']);
/** Waiting to run: counted as "queued" in the tray. */
export const waitingJobStates: ReadonlySet<JobState> = new Set([
  'pending',
  'scheduled',
  'queued',
  'retrying',
  'paused',
]);

export class IllegalJobTransition extends Error {
  constructor(
    readonly from: JobState,
    readonly action: JobAction,
    readonly to: JobState | null,
  ) {
    super(describeIllegal(from, action));
  }
}

const verbs: Record<JobAction, string> = {
  release: 'released to the queue',
  dispatch: 'dispatched',
  start: 'started',
  complete: 'completed',
  fail: 'failed',
  retry_later: 'retried',
  cancel: 'cancelled',
  pause: 'paused',
  resume: 'resumed',
  reschedule: 'rescheduled',
  requeue: 'queued again',
  wait: 'put back to wait',
};

function describeIllegal(from: JobState, action: JobAction): string {
  if (terminalJobStates.has(from) && action !== 'requeue') return `A ${from} job cannot be ${verbs[action]}.`;
  return `A job that is ${from} cannot be ${verbs[action]}.`;
}

/** Whether `action` may move a job in `from` to `to` (any allowed target when `to` is omitted). */
export function canTransition(from: JobState, action: JobAction, to?: JobState): boolean {
  const targets = moves[from][action];
  if (!targets) return false;
  return to === undefined || targets.includes(to);
}

/** The checked move: returns `to`, or throws IllegalJobTransition. */
export function transition(from: JobState, action: JobAction, to: JobState): JobState {
  if (!canTransition(from, action, to)) throw new IllegalJobTransition(from, action, to);
  return to;
}

/** The actions a person can take on a job in `state` (for buttons and bulk actions). */
export function availableJobActions(state: JobState): ('cancel' | 'pause' | 'resume' | 'retry')[] {
  const out: ('cancel' | 'pause' | 'resume' | 'retry')[] = [];
  if (canTransition(state, 'cancel')) out.push('cancel');
  if (canTransition(state, 'pause')) out.push('pause');
  if (canTransition(state, 'resume')) out.push('resume');
  if (canTransition(state, 'requeue') && terminalJobStates.has(state)) out.push('retry');
  return out;
}

/** Where a job goes when it is released, resumed or retried: it waits for its dependencies and its start time. */
export function waitingState(opts: {
  dependenciesMet: boolean;
  runAt: Date | null;
  now: Date;
}): 'pending' | 'scheduled' | 'queued' {
  if (!opts.dependenciesMet) return 'pending';
  if (opts.runAt && opts.runAt.getTime() > opts.now.getTime()) return 'scheduled';
  return 'queued';
}

/**
 * Delay before attempt `attempt + 1` after an infrastructure failure: exponential from `baseMs`, capped, with full
 * jitter in the upper half so a fleet-wide outage does not bring every job back at once. `random` is in [0, 1).
 */
export function retryBackoffMs(attempt: number, random: number, baseMs = 2_000, capMs = 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * Whether adding the edges `job → each of dependsOn` to the graph makes a cycle. `edges` maps a job to the jobs it
 * depends on. Returns the cycle as a path of ids when there is one.
 */
export function findDependencyCycle<T>(job: T, dependsOn: T[], edges: Map<T, T[]>): T[] | null {
  const seen = new Set<T>();
  const path: T[] = [job];
  const visit = (node: T): boolean => {
    if (node === job) return true;
    if (seen.has(node)) return false;
    seen.add(node);
    path.push(node);
    for (const next of edges.get(node) ?? []) if (visit(next)) return true;
    path.pop();
    return false;
  };
  for (const dep of dependsOn) {
    if (visit(dep)) return [...path, job];
  }
  return null;
}
