// SQL for jobs: rows, history, dependencies, the listing, and what the scheduler reads.
import type { Job } from '@i2v/contracts';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, rows } from '../../db/client.js';
import { jobs, projects, users, workers } from '../../db/schema/index.js';

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

/** Jobs with their owner, project, worker and dependency ids, for API answers (one query). */
export async function jobViews(db: Executor, ids: number[]): Promise<Map<number, JobView>> {
  if (ids.length === 0) return new Map();
  const parent = alias(jobs, 'parent');
  const list = await db
    .select({
      job: jobs,
      ownerPublicId: users.publicId,
      ownerName: users.displayName,
      projectPublicId: projects.publicId,
      projectName: projects.name,
      workerPublicId: workers.publicId,
      workerName: workers.name,
      parentPublicId: parent.publicId,
      dependsOn: sql<string[] | null>`(SELECT array_agg(d2.public_id ORDER BY d2.id) FROM job_dependencies d
                                        JOIN jobs d2 ON d2.id = d.depends_on_job_id WHERE d.job_id = ${jobs.id})`,
    })
    .from(jobs)
    .leftJoin(users, eq(users.id, jobs.ownerUserId))
    .leftJoin(projects, eq(projects.id, jobs.projectId))
    .leftJoin(workers, eq(workers.id, jobs.workerId))
    .leftJoin(parent, eq(parent.id, jobs.parentJobId))
    .where(inArray(jobs.id, ids));
  const out = new Map<number, JobView>();
  for (const r of list) {
    out.set(r.job.id, {
      ...r.job,
      ownerPublicId: r.ownerPublicId,
      ownerName: r.ownerName,
      projectPublicId: r.projectPublicId,
      projectName: r.projectName,
      workerPublicId: r.workerPublicId,
      workerName: r.workerName,
      parentPublicId: r.parentPublicId,
      dependsOn: r.dependsOn ?? [],
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
