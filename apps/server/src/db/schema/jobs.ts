// The job engine (issue 4/6, ARCHITECTURE §4 and §6): durable jobs with leases, their dependencies and history, the
// domain event outbox, and in-app notifications.
import { jobKinds, notificationKinds } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from './columns.js';
import { workers } from './comfy.js';
import { projects } from './projects.js';
import { users } from './users.js';

const jobStateList = `'pending', 'scheduled', 'queued', 'dispatched', 'running', 'paused', 'retrying', 'completed', 'failed', 'cancelled'`;

/** A unit of background work: a GPU render through a ComfyUI worker, or CPU work in a media process. */
export const jobs = pgTable(
  'jobs',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    kind: text('kind').notNull(),
    /** `gpu` or `cpu`, fixed by the kind; the scheduler claims each separately. */
    resource: text('resource').notNull(),
    label: text('label').notNull(),
    /** IDs and settings, never blobs; checked by the kind's handler at submission. */
    payload: jsonb('payload').notNull().default({}),
    /** 0 urgent, 1 normal, 2 background. */
    priority: smallint('priority').notNull().default(1),
    /** FIFO position within a priority level; move to front / drag and drop rewrite it. */
    sortKey: doublePrecision('sort_key').notNull(),
    state: text('state').notNull(),
    ownerUserId: bigint('owner_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    projectId: bigint('project_id', { mode: 'number' }).references(() => projects.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    parentJobId: bigint('parent_job_id', { mode: 'number' }).references((): AnyPgColumn => jobs.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    requiredTags: jsonb('required_tags').notNull().default([]),
    preferredTags: jsonb('preferred_tags').notNull().default([]),
    offPeakOnly: boolean('off_peak_only').notNull().default(false),
    /** Not before this time (scheduled submission; retry backoff). */
    runAt: tstz('run_at'),
    /** What a dependency's failure does to this job: cancel it, or run it anyway. */
    onDependencyFailure: text('on_dependency_failure').notNull().default('cancel'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    workerId: bigint('worker_id', { mode: 'number' }).references(() => workers.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** The process holding the lease (host:pid:random) and until when. */
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: tstz('lease_expires_at'),
    /** ComfyUI prompt id of the current attempt: recovery reads `/history` instead of rendering again. */
    promptId: text('prompt_id'),
    progress: real('progress').notNull().default(0),
    progressText: text('progress_text'),
    pauseRequested: boolean('pause_requested').notNull().default(false),
    result: jsonb('result'),
    error: jsonb('error'),
    /** Completed steps of a multi-step job (PRD-028): a resumed run skips them. */
    checkpoints: jsonb('checkpoints').notNull().default([]),
    /** Not counted against budgets and quotas (an admin's choice at submission); still measured. */
    budgetExempt: boolean('budget_exempt').notNull().default(false),
    /** GPU time used by finished attempts, for quotas and budgets. */
    gpuSeconds: real('gpu_seconds').notNull().default(0),
    queuedAt: tstz('queued_at'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_jobs_public_id').on(t.publicId),
    // the scheduler's claim: ready jobs of a resource in queue order
    index('idx_jobs_ready').on(t.resource, t.priority, t.sortKey).where(sql`${t.state} = 'queued'`),
    // fair share: the head of each owner's and project's queue within a level
    index('idx_jobs_ready_queues')
      .on(
        t.resource,
        t.priority,
        sql`coalesce(${t.ownerUserId}, 0)`,
        sql`coalesce(${t.projectId}, 0)`,
        t.sortKey,
      )
      .where(sql`${t.state} = 'queued'`),
    // timers: scheduled and retrying jobs whose time has come
    index('idx_jobs_run_at').on(t.runAt).where(sql`${t.state} IN ('scheduled', 'retrying')`),
    // the sweeper: leases that may have expired
    index('idx_jobs_lease').on(t.leaseExpiresAt).where(sql`${t.state} IN ('dispatched', 'running')`),
    index('idx_jobs_state').on(t.state, t.createdAt),
    index('idx_jobs_owner_user_id').on(t.ownerUserId, t.createdAt),
    index('idx_jobs_project_id').on(t.projectId, t.createdAt),
    index('idx_jobs_worker_id').on(t.workerId, t.state),
    index('idx_jobs_parent_job_id').on(t.parentJobId),
    check('ck_jobs_state', sql.raw(`state IN (${jobStateList})`)),
    // kinds are code; a new kind comes with a migration that widens this list
    check('ck_jobs_kind', sql.raw(`kind IN (${jobKinds.map((k) => `'${k}'`).join(', ')})`)),
    check('ck_jobs_resource', sql`${t.resource} IN ('gpu', 'cpu')`),
    check('ck_jobs_priority', sql`${t.priority} BETWEEN 0 AND 2`),
    check('ck_jobs_on_dependency_failure', sql`${t.onDependencyFailure} IN ('cancel', 'run')`),
    check('ck_jobs_progress', sql`${t.progress} BETWEEN 0 AND 1`),
    check('ck_jobs_max_attempts', sql`${t.maxAttempts} BETWEEN 1 AND 10`),
  ],
);

/** B runs after A: `job_id` waits for `depends_on_job_id` (PRD-097). */
export const jobDependencies = pgTable(
  'job_dependencies',
  {
    id: idColumn(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    dependsOnJobId: bigint('depends_on_job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_job_dependencies_pair').on(t.jobId, t.dependsOnJobId),
    index('idx_job_dependencies_job_id').on(t.jobId),
    index('idx_job_dependencies_depends_on_job_id').on(t.dependsOnJobId),
  ],
);

/** A job's history: every transition (with attempt and worker), log lines, moves and checkpoints. */
export const jobEvents = pgTable(
  'job_events',
  {
    id: idColumn(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    attempt: integer('attempt').notNull().default(0),
    level: text('level').notNull().default('info'),
    message: text('message').notNull(),
    workerId: bigint('worker_id', { mode: 'number' }).references(() => workers.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    actorUserId: bigint('actor_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    details: jsonb('details').notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index('idx_job_events_job_id').on(t.jobId, t.id),
    index('idx_job_events_worker_id').on(t.workerId),
    index('idx_job_events_actor_user_id').on(t.actorUserId),
    check('ck_job_events_from_state', sql.raw(`from_state IS NULL OR from_state IN (${jobStateList})`)),
    check('ck_job_events_to_state', sql.raw(`to_state IS NULL OR to_state IN (${jobStateList})`)),
    check('ck_job_events_kind', sql`${t.kind} IN ('transition', 'log', 'moved', 'checkpoint')`),
    check('ck_job_events_level', sql`${t.level} IN ('info', 'warning', 'error')`),
  ],
);

/**
 * The transactional outbox: every domain event, written by the transaction that causes it. Live pushes read it
 * through NOTIFY; webhook delivery (issue 6/6 and later) reads it by id.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: idColumn(),
    type: text('type').notNull(),
    projectPublicId: uuid('project_public_id'),
    userPublicId: uuid('user_public_id'),
    payload: jsonb('payload').notNull(),
    ...timestamps,
  },
  (t) => [
    index('idx_domain_events_type').on(t.type, t.id),
    index('idx_domain_events_created_at').on(t.createdAt),
  ],
);

/** What a user is told in the app: job finished, failed, moved to another worker. */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    kind: text('kind').notNull().default('job.completed'),
    level: text('level').notNull().default('info'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    /** `live` (pushed), `held` (do-not-disturb; pushed when it ends), `digest` (summarised later). */
    delivery: text('delivery').notNull().default('live'),
    deliveredAt: tstz('delivered_at'),
    readAt: tstz('read_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_notifications_public_id').on(t.publicId),
    index('idx_notifications_user_id').on(t.userId, t.id),
    check('ck_notifications_level', sql`${t.level} IN ('info', 'success', 'warning', 'error')`),
    check('ck_notifications_delivery', sql`${t.delivery} IN ('live', 'held', 'digest')`),
    check(
      'ck_notifications_kind',
      sql.raw(`kind IN (${[...notificationKinds, 'digest'].map((k) => `'${k}'`).join(', ')})`),
    ),
    index('idx_notifications_pending').on(t.delivery, t.userId).where(sql`${t.deliveredAt} IS NULL`),
  ],
);

/** A recurring schedule (PRD-008 §2.1): submits a job from its template at every cron occurrence. */
export const jobSchedules = pgTable(
  'job_schedules',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    name: text('name').notNull(),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull().default('UTC'),
    enabled: boolean('enabled').notNull().default(true),
    /** The submission body, without start time and dependencies. */
    template: jsonb('template').notNull(),
    ownerUserId: bigint('owner_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    nextRunAt: tstz('next_run_at'),
    lastRunAt: tstz('last_run_at'),
    lastJobId: bigint('last_job_id', { mode: 'number' }).references(() => jobs.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    lastError: text('last_error'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_job_schedules_public_id').on(t.publicId),
    index('idx_job_schedules_due').on(t.nextRunAt).where(sql`${t.enabled}`),
    index('idx_job_schedules_owner_user_id').on(t.ownerUserId),
    index('idx_job_schedules_last_job_id').on(t.lastJobId),
  ],
);

/**
 * A GPU-hour budget (PRD-093): a project's budget or a user's quota over a period, with warning thresholds and a
 * hard limit that holds new work once reached.
 */
export const gpuBudgets = pgTable(
  'gpu_budgets',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    scope: text('scope').notNull(),
    projectId: bigint('project_id', { mode: 'number' }).references(() => projects.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    limitHours: real('limit_hours').notNull(),
    /** `total` (a project's whole budget), `day`, `week` or `month` (resets at the start of each, UTC). */
    period: text('period').notNull(),
    /** Fractions of the limit at which the owner is warned, e.g. [0.75, 0.9]. */
    warnAt: jsonb('warn_at').notNull().default([0.75, 0.9]),
    /** Reaching the limit holds new work (false: warn only). */
    hardLimit: boolean('hard_limit').notNull().default(true),
    /** Highest threshold already warned about in the current period, so each warning fires once. */
    warnedLevel: real('warned_level').notNull().default(0),
    warnedPeriodStart: tstz('warned_period_start'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_gpu_budgets_public_id').on(t.publicId),
    uniqueIndex('uq_gpu_budgets_project_id').on(t.projectId).where(sql`${t.scope} = 'project'`),
    uniqueIndex('uq_gpu_budgets_user_id').on(t.userId).where(sql`${t.scope} = 'user'`),
    index('idx_gpu_budgets_user_id').on(t.userId),
    index('idx_gpu_budgets_project_id').on(t.projectId),
    check(
      'ck_gpu_budgets_scope',
      sql`(${t.scope} = 'project' AND ${t.projectId} IS NOT NULL AND ${t.userId} IS NULL) OR (${t.scope} = 'user' AND ${t.userId} IS NOT NULL AND ${t.projectId} IS NULL)`,
    ),
    check('ck_gpu_budgets_period', sql`${t.period} IN ('total', 'day', 'week', 'month')`),
    check('ck_gpu_budgets_limit', sql`${t.limitHours} > 0`),
  ],
);

/** Per user: how each kind of notification reaches them, do-not-disturb, digest interval (PRD-010 §1.4–1.5). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: idColumn(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    settings: jsonb('settings').notNull(),
    lastDigestAt: tstz('last_digest_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('uq_notification_preferences_user_id').on(t.userId)],
);
