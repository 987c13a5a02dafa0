// ComfyUI side of the studio (issue 3/6): the worker fleet with its health and GPU vitals (PRD-046/006), and
// imported workflows with their versions, discovered parameters and validation results (PRD-075).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from './columns.js';
import { users } from './users.js';

/** A ComfyUI server (real or comfy-sim) that runs GPU work. */
export const workers = pgTable(
  'workers',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    name: text('name').notNull(),
    /** Base URL, e.g. `http://10.0.0.5:8188`; unique among workers not decommissioned. */
    url: text('url').notNull(),
    /** Capability tags the scheduler matches jobs against, e.g. `gpu:24gb`, `model:wan`. */
    tags: jsonb('tags').notNull().default([]),
    maxConcurrency: integer('max_concurrency').notNull().default(1),
    /** What an admin chose: enabled, draining (finish, take nothing new), disabled, decommissioned (history kept). */
    adminState: text('admin_state').notNull().default('enabled'),
    /** What the health loop sees: unknown until the first check, then healthy / degraded / down (with hysteresis). */
    health: text('health').notNull().default('unknown'),
    healthDetail: text('health_detail'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    consecutiveSuccesses: integer('consecutive_successes').notNull().default(0),
    comfyVersion: text('comfy_version'),
    gpuName: text('gpu_name'),
    vramTotalBytes: bigint('vram_total_bytes', { mode: 'number' }),
    /** Started by this studio (comfy-sim), not registered by a person. */
    isSimulated: boolean('is_simulated').notNull().default(false),
    lastSeenAt: tstz('last_seen_at'),
    lastCheckedAt: tstz('last_checked_at'),
    decommissionedAt: tstz('decommissioned_at'),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_workers_public_id').on(t.publicId),
    uniqueIndex('uq_workers_name').on(sql`lower(${t.name})`).where(sql`${t.adminState} <> 'decommissioned'`),
    uniqueIndex('uq_workers_url').on(t.url).where(sql`${t.adminState} <> 'decommissioned'`),
    index('idx_workers_created_by_user_id').on(t.createdByUserId),
    check(
      'ck_workers_admin_state',
      sql`${t.adminState} IN ('enabled', 'draining', 'disabled', 'decommissioned')`,
    ),
    check('ck_workers_health', sql`${t.health} IN ('unknown', 'healthy', 'degraded', 'down')`),
    check('ck_workers_max_concurrency', sql`${t.maxConcurrency} BETWEEN 1 AND 64`),
  ],
);

/** GPU and queue vitals sampled by the health loop; a time series with retention. */
export const workerVitals = pgTable(
  'worker_vitals',
  {
    id: idColumn(),
    workerId: bigint('worker_id', { mode: 'number' })
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    sampledAt: tstz('sampled_at').notNull(),
    gpuUtilization: real('gpu_utilization'),
    temperatureC: real('temperature_c'),
    vramUsedBytes: bigint('vram_used_bytes', { mode: 'number' }),
    vramTotalBytes: bigint('vram_total_bytes', { mode: 'number' }),
    ramUsedBytes: bigint('ram_used_bytes', { mode: 'number' }),
    queueRunning: integer('queue_running'),
    queuePending: integer('queue_pending'),
    ...timestamps,
  },
  (t) => [index('idx_worker_vitals_worker_id').on(t.workerId, t.sampledAt)],
);

/** What happened to a worker: registrations, health changes, threshold alerts, admin state changes. */
export const workerEvents = pgTable(
  'worker_events',
  {
    id: idColumn(),
    workerId: bigint('worker_id', { mode: 'number' })
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    kind: text('kind').notNull(),
    severity: text('severity').notNull().default('info'),
    message: text('message').notNull(),
    details: jsonb('details').notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index('idx_worker_events_worker_id').on(t.workerId, t.createdAt),
    check(
      'ck_worker_events_kind',
      sql`${t.kind} IN ('registered', 'state_changed', 'health_changed', 'threshold_exceeded', 'threshold_cleared', 'updated')`,
    ),
    check('ck_worker_events_severity', sql`${t.severity} IN ('info', 'warning', 'critical')`),
  ],
);

/** A ComfyUI workflow known to the studio; its content lives in versions. */
export const workflows = pgTable(
  'workflows',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    deletedAt: tstz('deleted_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_workflows_public_id').on(t.publicId),
    uniqueIndex('uq_workflows_name').on(sql`lower(${t.name})`).where(sql`${t.deletedAt} IS NULL`),
    index('idx_workflows_created_by_user_id').on(t.createdByUserId),
  ],
);

/** One imported or edited state of a workflow, in API format (the UI format kept when that was imported). */
export const workflowVersions = pgTable(
  'workflow_versions',
  {
    id: idColumn(),
    publicId: uuid('public_id').notNull(),
    workflowId: bigint('workflow_id', { mode: 'number' })
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    /** `api` or `ui`: the format it was imported in. */
    sourceFormat: text('source_format').notNull(),
    apiJson: jsonb('api_json').notNull(),
    uiJson: jsonb('ui_json'),
    /** Hash of the canonical API JSON, for duplicate detection. */
    sha256: text('sha256').notNull(),
    nodeCount: integer('node_count').notNull(),
    /** Named, categorised parameter slots, discovered and marked by hand. */
    parameters: jsonb('parameters').notNull().default([]),
    notes: text('notes').notNull().default(''),
    /** Per worker: pass/fail with the problems found, and when it was checked. */
    validation: jsonb('validation').notNull().default({}),
    /** The last dry run: worker, outcome, timings, error. */
    dryRun: jsonb('dry_run'),
    productionReady: boolean('production_ready').notNull().default(false),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('uq_workflow_versions_public_id').on(t.publicId),
    uniqueIndex('uq_workflow_versions_number').on(t.workflowId, t.versionNumber),
    index('idx_workflow_versions_sha256').on(t.sha256),
    index('idx_workflow_versions_created_by_user_id').on(t.createdByUserId),
    check('ck_workflow_versions_source_format', sql`${t.sourceFormat} IN ('api', 'ui')`),
    check('ck_workflow_versions_number', sql`${t.versionNumber} >= 1`),
  ],
);
