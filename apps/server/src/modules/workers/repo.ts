// SQL for workers, their vitals time series and their events.
import { and, asc, desc, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { workerEvents, workers, workerVitals } from '../../db/schema/index.js';

export type WorkerRow = typeof workers.$inferSelect;
export type WorkerInsert = typeof workers.$inferInsert;
export type VitalsInsert = typeof workerVitals.$inferInsert;
export type VitalsRow = typeof workerVitals.$inferSelect;
export type WorkerEventInsert = typeof workerEvents.$inferInsert;
export type WorkerEventRow = typeof workerEvents.$inferSelect;

const active = ne(workers.adminState, 'decommissioned');

export async function findWorker(db: Executor, publicId: string, lock = false): Promise<WorkerRow | null> {
  const q = db.select().from(workers).where(eq(workers.publicId, publicId));
  const found = lock ? await q.for('update') : await q;
  return found[0] ?? null;
}

/** The worker (not decommissioned) holding this name (case-insensitive) or URL. */
export async function findActiveByNameOrUrl(
  db: Executor,
  name: string | null,
  url: string | null,
): Promise<WorkerRow[]> {
  const matches = [
    ...(name ? [sql`lower(${workers.name}) = lower(${name})`] : []),
    ...(url ? [eq(workers.url, url)] : []),
  ];
  if (matches.length === 0) return [];
  return db
    .select()
    .from(workers)
    .where(and(active, or(...matches)));
}

export async function listWorkers(
  db: Executor,
  filter: { health?: string | undefined; adminState?: string | undefined },
  after: { name: string; id: number } | undefined,
  limit: number,
): Promise<WorkerRow[]> {
  const conds = [
    filter.adminState ? eq(workers.adminState, filter.adminState) : active,
    ...(filter.health ? [eq(workers.health, filter.health)] : []),
    ...(after
      ? [
          or(
            gt(sql`lower(${workers.name})`, after.name),
            and(eq(sql`lower(${workers.name})`, after.name), gt(workers.id, after.id)),
          ),
        ]
      : []),
  ];
  return db
    .select()
    .from(workers)
    .where(and(...conds))
    .orderBy(asc(sql`lower(${workers.name})`), asc(workers.id))
    .limit(limit);
}

/** Every worker the health loop checks. */
export function activeWorkers(db: Executor): Promise<WorkerRow[]> {
  return db.select().from(workers).where(active).orderBy(asc(workers.id));
}

export async function insertWorker(db: Executor, row: WorkerInsert): Promise<WorkerRow> {
  const [created] = await db.insert(workers).values(row).returning();
  return created!;
}

export async function updateWorker(
  db: Executor,
  id: number,
  patch: Partial<WorkerInsert>,
): Promise<WorkerRow> {
  const [updated] = await db.update(workers).set(patch).where(eq(workers.id, id)).returning();
  return updated!;
}

export async function insertEvents(db: Executor, rows: WorkerEventInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(workerEvents).values(rows);
}

export async function listEvents(
  db: Executor,
  workerId: number,
  after: { createdAt: Date; id: number } | undefined,
  limit: number,
): Promise<WorkerEventRow[]> {
  const where = after
    ? and(
        eq(workerEvents.workerId, workerId),
        or(
          lt(workerEvents.createdAt, after.createdAt),
          and(eq(workerEvents.createdAt, after.createdAt), lt(workerEvents.id, after.id)),
        ),
      )
    : eq(workerEvents.workerId, workerId);
  return db
    .select()
    .from(workerEvents)
    .where(where)
    .orderBy(desc(workerEvents.createdAt), desc(workerEvents.id))
    .limit(limit);
}

/** The thresholds whose latest event is `threshold_exceeded`, per worker (to resume alerts after a restart). */
export async function openThresholds(db: Executor, workerIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (workerIds.length === 0) return out;
  const rows = await db
    .select({
      workerId: workerEvents.workerId,
      kind: workerEvents.kind,
      threshold: sql<string>`${workerEvents.details}->>'threshold'`,
    })
    .from(workerEvents)
    .where(
      and(
        inArray(workerEvents.workerId, workerIds),
        inArray(workerEvents.kind, ['threshold_exceeded', 'threshold_cleared']),
      ),
    )
    .orderBy(asc(workerEvents.id));
  const latest = new Map<string, { workerId: number; kind: string; threshold: string }>();
  for (const r of rows) latest.set(`${r.workerId}:${r.threshold}`, r);
  for (const r of latest.values()) {
    if (r.kind !== 'threshold_exceeded') continue;
    out.set(r.workerId, [...(out.get(r.workerId) ?? []), r.threshold]);
  }
  return out;
}

export async function insertVitals(db: Executor, rows: VitalsInsert[]): Promise<void> {
  if (rows.length === 0) return;
  // one array parameter per column: far cheaper to parse and plan than a VALUES list of rows × columns
  const col = <T>(pick: (r: VitalsInsert) => T) => JSON.stringify(rows.map(pick));
  const at = (d: Date | string | null | undefined) => (d instanceof Date ? d.toISOString() : (d ?? null));
  await db.execute(sql`
    INSERT INTO worker_vitals (worker_id, sampled_at, gpu_utilization, temperature_c, vram_used_bytes,
      vram_total_bytes, ram_used_bytes, queue_running, queue_pending, created_at, updated_at)
    SELECT v.worker_id::bigint, v.sampled_at::timestamptz, v.gpu::real, v.temp::real, v.vram_used::bigint,
      v.vram_total::bigint, v.ram_used::bigint, v.q_run::int, v.q_pend::int, v.created_at::timestamptz,
      v.updated_at::timestamptz
    FROM ROWS FROM (
      jsonb_array_elements_text(${col((r) => r.workerId)}::jsonb),
      jsonb_array_elements_text(${col((r) => at(r.sampledAt))}::jsonb),
      jsonb_array_elements_text(${col((r) => r.gpuUtilization ?? null)}::jsonb),
      jsonb_array_elements_text(${col((r) => r.temperatureC ?? null)}::jsonb),
      jsonb_array_elements_text(${col((r) => r.vramUsedBytes ?? null)}::jsonb),
      jsonb_array_elements_text(${col((r) => r.vramTotalBytes ?? null)}::jsonb),
      jsonb_array_elements_text(${col((r) => r.ramUsedBytes ?? null)}::jsonb),
      jsonb_array_elements_text(${col((r) => r.queueRunning ?? null)}::jsonb),
      jsonb_array_elements_text(${col((r) => r.queuePending ?? null)}::jsonb),
      jsonb_array_elements_text(${col((r) => at(r.createdAt) ?? new Date().toISOString())}::jsonb),
      jsonb_array_elements_text(${col((r) => at(r.updatedAt) ?? new Date().toISOString())}::jsonb)
    ) AS v(worker_id, sampled_at, gpu, temp, vram_used, vram_total, ram_used, q_run, q_pend, created_at, updated_at)`);
}

/** The newest sample of each worker. */
export async function latestVitals(db: Executor, workerIds: number[]): Promise<Map<number, VitalsRow>> {
  const out = new Map<number, VitalsRow>();
  if (workerIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([workerVitals.workerId])
    .from(workerVitals)
    .where(inArray(workerVitals.workerId, workerIds))
    .orderBy(workerVitals.workerId, desc(workerVitals.sampledAt), desc(workerVitals.id));
  for (const r of rows) out.set(r.workerId, r);
  return out;
}

export interface VitalsBucketRow {
  bucket: number;
  samples: number;
  gpuAvg: number | null;
  gpuMax: number | null;
  tempAvg: number | null;
  tempMax: number | null;
  vramAvg: number | null;
  vramMax: number | null;
  vramTotal: number | null;
  queueAvg: number | null;
  queueMax: number | null;
}

/** Samples in [from, to) grouped into buckets of `bucketSeconds` counted from `from`. */
export async function vitalsBuckets(
  db: Executor,
  workerId: number,
  from: Date,
  to: Date,
  bucketSeconds: number,
): Promise<VitalsBucketRow[]> {
  const fromIso = from.toISOString();
  const bucket = sql<number>`floor(extract(epoch from (${workerVitals.sampledAt} - ${fromIso}::timestamptz)) / ${bucketSeconds})::int`;
  const queue = sql`(coalesce(${workerVitals.queueRunning}, 0) + coalesce(${workerVitals.queuePending}, 0))`;
  const num = (expr: ReturnType<typeof sql>) => sql<number | null>`(${expr})::float8`;
  return db
    .select({
      bucket,
      samples: sql<number>`count(*)::int`,
      gpuAvg: num(sql`avg(${workerVitals.gpuUtilization})`),
      gpuMax: num(sql`max(${workerVitals.gpuUtilization})`),
      tempAvg: num(sql`avg(${workerVitals.temperatureC})`),
      tempMax: num(sql`max(${workerVitals.temperatureC})`),
      vramAvg: num(sql`avg(${workerVitals.vramUsedBytes})`),
      vramMax: num(sql`max(${workerVitals.vramUsedBytes})`),
      vramTotal: num(sql`max(${workerVitals.vramTotalBytes})`),
      queueAvg: num(sql`avg(${queue})`),
      queueMax: num(sql`max(${queue})`),
    })
    .from(workerVitals)
    .where(
      and(
        eq(workerVitals.workerId, workerId),
        sql`${workerVitals.sampledAt} >= ${fromIso}::timestamptz`,
        lt(workerVitals.sampledAt, to),
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

export async function pruneVitals(db: Executor, workerIds: number[], before: Date): Promise<void> {
  for (const id of workerIds) {
    await db
      .delete(workerVitals)
      .where(and(eq(workerVitals.workerId, id), lt(workerVitals.sampledAt, before)));
  }
}

export async function countWorkers(
  db: Executor,
): Promise<{ adminState: string; health: string; n: number }[]> {
  return db
    .select({ adminState: workers.adminState, health: workers.health, n: sql<number>`count(*)::int` })
    .from(workers)
    .groupBy(workers.adminState, workers.health);
}

/** What one health check changes on a worker; null facts keep what is stored. */
export interface HealthCheckUpdate {
  id: number;
  health: string;
  healthDetail: string | null;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  lastCheckedAt: Date;
  lastSeenAt: Date | null;
  comfyVersion: string | null;
  gpuName: string | null;
  vramTotalBytes: number | null;
}

/** Applies a round of health checks in one statement. */
export async function applyHealthChecks(db: Executor, updates: HealthCheckUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const col = <T>(pick: (u: HealthCheckUpdate) => T) => JSON.stringify(updates.map(pick));
  await db.execute(sql`
    UPDATE workers AS w SET
      health = v.health,
      health_detail = v.health_detail,
      consecutive_failures = v.failures::int,
      consecutive_successes = v.successes::int,
      last_checked_at = v.checked_at::timestamptz,
      last_seen_at = coalesce(v.seen_at::timestamptz, w.last_seen_at),
      comfy_version = coalesce(v.comfy_version, w.comfy_version),
      gpu_name = coalesce(v.gpu_name, w.gpu_name),
      vram_total_bytes = coalesce(v.vram_total_bytes::bigint, w.vram_total_bytes)
    FROM ROWS FROM (
      jsonb_array_elements_text(${col((u) => u.id)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.health)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.healthDetail)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.consecutiveFailures)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.consecutiveSuccesses)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.lastCheckedAt.toISOString())}::jsonb),
      jsonb_array_elements_text(${col((u) => u.lastSeenAt?.toISOString() ?? null)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.comfyVersion)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.gpuName)}::jsonb),
      jsonb_array_elements_text(${col((u) => u.vramTotalBytes)}::jsonb)
    ) AS v(id, health, health_detail, failures, successes, checked_at, seen_at, comfy_version, gpu_name, vram_total_bytes)
    WHERE w.id = v.id::bigint`);
}
