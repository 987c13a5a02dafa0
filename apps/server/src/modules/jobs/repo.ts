// SQL for jobs: rows, history, dependencies, the listing, and what the scheduler reads.
import type { Job } from '@i2v/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';

export type JobRow = typeof jobs.$inferSelect;

export async function findJob(db: Executor, where: SQL, lock = false): Promise<JobRow | undefined> {
  const q = db.select().from(jobs).where(where).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export interface JobView extends JobRow {
  ownerPublicId: string | null;
  ownerName: string | null;
  projectPublicId: string | null;
  projectName: string | null;
  workerPublicId: string | null;
  workerName: string | null;
  parentPublicId: string | null;
  dependsOn: string[];
}

/** Jobs with their owner, project, worker and dependency ids, for API answers. */
export async function jobViews(db: Executor, ids: number[]): Promise<Map<number, JobView>> {
  if (ids.length === 0) return new Map();
  const list = await db.query.jobs.findMany({ where: (j, { inArray }) => inArray(j.id, ids) });
  const extra = await rows<{
    id: number;
    owner_public_id: string | null;
    owner_name: string | null;
    project_public_id: string | null;
    project_name: string | null;
    worker_public_id: string | null;
    worker_name: string | null;
    parent_public_id: string | null;
    depends_on: string[] | null;
  }>(
    db,
    sql`SELECT j.id, u.public_id AS owner_public_id, u.display_name AS owner_name,
               p.public_id AS project_public_id, p.name AS project_name,
               w.public_id AS worker_public_id, w.name AS worker_name, parent.public_id AS parent_public_id,
               (SELECT array_agg(d2.public_id ORDER BY d2.id) FROM job_dependencies d
                  JOIN jobs d2 ON d2.id = d.depends_on_job_id WHERE d.job_id = j.id) AS depends_on
        FROM jobs j
        LEFT JOIN users u ON u.id = j.owner_user_id
        LEFT JOIN projects p ON p.id = j.project_id
        LEFT JOIN workers w ON w.id = j.worker_id
        LEFT JOIN jobs parent ON parent.id = j.parent_job_id
        WHERE j.id IN (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
  const byId = new Map(extra.map((e) => [Number(e.id), e]));
  const out = new Map<number, JobView>();
  for (const j of list) {
    const e = byId.get(j.id);
    out.set(j.id, {
      ...j,
      ownerPublicId: e?.owner_public_id ?? null,
      ownerName: e?.owner_name ?? null,
      projectPublicId: e?.project_public_id ?? null,
      projectName: e?.project_name ?? null,
      workerPublicId: e?.worker_public_id ?? null,
      workerName: e?.worker_name ?? null,
      parentPublicId: e?.parent_public_id ?? null,
      dependsOn: e?.depends_on ?? [],
    });
  }
  return out;
}

export async function insertJobEvent(
  db: Executor,
  e: {
    jobId: number;
    kind: 'transition' | 'log' | 'moved' | 'checkpoint';
    fromState?: string | null;
    toState?: string | null;
    attempt: number;
    level?: 'info' | 'warning' | 'error';
    message: string;
    workerId?: number | null;
    actorUserId?: number | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO job_events (job_id, kind, from_state, to_state, attempt, level, message, worker_id, actor_user_id, details)
        VALUES (${e.jobId}, ${e.kind}, ${e.fromState ?? null}, ${e.toState ?? null}, ${e.attempt}, ${e.level ?? 'info'},
                ${e.message}, ${e.workerId ?? null}, ${e.actorUserId ?? null}, ${JSON.stringify(e.details ?? {})}::jsonb)`,
  );
}

/** Jobs that depend on `jobId` and still wait. */
export async function waitingDependants(db: Executor, jobId: number): Promise<JobRow[]> {
  const ids = await rows<{ id: number }>(
    db,
    sql`SELECT j.id FROM job_dependencies d JOIN jobs j ON j.id = d.job_id
        WHERE d.depends_on_job_id = ${jobId} AND j.state = 'pending' ORDER BY j.id FOR UPDATE OF j`,
  );
  if (ids.length === 0) return [];
  return db.query.jobs.findMany({
    where: (j, { inArray }) =>
      inArray(
        j.id,
        ids.map((r) => Number(r.id)),
      ),
  });
}

/** The states of the jobs `jobId` depends on. */
export async function dependencyStates(db: Executor, jobId: number): Promise<string[]> {
  const r = await rows<{ state: string }>(
    db,
    sql`SELECT j.state FROM job_dependencies d JOIN jobs j ON j.id = d.depends_on_job_id WHERE d.job_id = ${jobId}`,
  );
  return r.map((x) => x.state);
}

/** The dependency edges reachable from `start` (job → what it depends on), for cycle checks. */
export async function dependencyGraph(db: Executor, start: number[]): Promise<Map<number, number[]>> {
  if (start.length === 0) return new Map();
  const r = await rows<{ job_id: number; depends_on_job_id: number }>(
    db,
    sql`WITH RECURSIVE reach(id) AS (
          SELECT unnest(${sql.raw(`ARRAY[${start.map(Number).join(',')}]::bigint[]`)})
          UNION
          SELECT d.depends_on_job_id FROM job_dependencies d JOIN reach r ON d.job_id = r.id
        )
        SELECT d.job_id, d.depends_on_job_id FROM job_dependencies d WHERE d.job_id IN (SELECT id FROM reach)`,
  );
  const edges = new Map<number, number[]>();
  for (const e of r) {
    const k = Number(e.job_id);
    const list = edges.get(k);
    if (list) list.push(Number(e.depends_on_job_id));
    else edges.set(k, [Number(e.depends_on_job_id)]);
  }
  return edges;
}

export function jobFilters(q: {
  states?: string[];
  kind?: string;
  ownerUserId?: number;
  projectId?: number;
  workerId?: number;
}): SQL {
  const parts: SQL[] = [sql`TRUE`];
  if (q.states?.length)
    parts.push(
      sql`j.state IN (${sql.join(
        q.states.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.kind) parts.push(sql`j.kind = ${q.kind}`);
  if (q.ownerUserId !== undefined) parts.push(sql`j.owner_user_id = ${q.ownerUserId}`);
  if (q.projectId !== undefined) parts.push(sql`j.project_id = ${q.projectId}`);
  if (q.workerId !== undefined) parts.push(sql`j.worker_id = ${q.workerId}`);
  return sql.join(parts, sql` AND `);
}

export type JobState = Job['state'];
