// The job engine of one process: the scheduler (timers, lease sweeper, GPU claims matched to workers), the CPU claim
// loop of media processes, and the executor that runs claimed jobs under renewed leases. Several processes may run
// it against one PostgreSQL: claims lock rows with FOR UPDATE SKIP LOCKED, so no job runs twice and no worker is
// double-booked.
import { hostname } from 'node:os';
import {
  activeJobStates,
  type CandidateJob,
  inOffPeakWindow,
  type JobState,
  type MatchStrategy,
  matchToWorkers,
  orderFairly,
  parseOffPeakWindow,
} from '@i2v/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/client.js';
import { jobs, projects, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { newPublicId } from '../../platform/ids.js';
import { systemContext } from '../../platform/request-context.js';
import type { EventBus } from '../events/bus.js';
import type { BudgetsService } from './budgets.js';
import { JobFailure, type JobRegistry, type RunningJob, type StopReason } from './registry.js';
import type { JobRow } from './repo.js';
import * as repo from './repo.js';
import type { JobsService } from './service.js';

export interface EngineOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  registry: JobRegistry;
  jobs: JobsService;
  /** Runs the scheduler and the bridge: claims GPU jobs and drives ComfyUI workers. */
  gpu: boolean;
  /** Runs CPU jobs (media role), this many at once. */
  cpuConcurrency: number;
  leaseMs: number;
  tickMs: number;
  strategy: MatchStrategy;
  offPeak: string;
  /** Budgets: owners and projects over a hard limit are held; usage warnings after each finished job. */
  budgets?: BudgetsService;
  /** Recurring schedules whose occurrences the tick submits. */
  schedules?: { fireDue(): Promise<number> };
  /** Adopt every lease at start (the embedded database: no other process can hold one). */
  adoptAllAtStart: boolean;
  onError: (err: unknown, context: string) => void;
}

interface Local {
  job: JobRow;
  abort: AbortController;
  done: Promise<void>;
  lastProgressWrite: number;
  refs: { project: string | null; owner: string | null };
  pendingProgress: { fraction: number; text: string | null } | null;
}

const maxClaim = 500;

export class JobEngine {
  readonly processId = `${hostname()}:${process.pid}:${newPublicId().slice(-6)}`;
  private readonly local = new Map<number, Local>();
  private timer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private offBus: (() => void)[] = [];
  private readonly window;
  /** Last tick's figures, for the health page and benchmarks. */
  lastTick = { ms: 0, dispatched: 0, at: 0 };
  /** Jobs this process has dispatched since it started. */
  dispatchedHere = 0;

  constructor(private readonly o: EngineOptions) {
    this.window = parseOffPeakWindow(o.offPeak);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.offBus.push(this.o.bus.onWake(() => this.wake()));
    this.offBus.push(
      this.o.bus.subscribe((e) => {
        if (e.type !== 'job.state_changed') return;
        const p = e.payload as { jobId: string; to: JobState };
        for (const l of this.local.values()) {
          if (l.job.publicId === p.jobId && !activeJobStates.has(p.to)) {
            l.abort.abort(p.to === 'cancelled' ? 'cancelled' : 'lease_lost');
          }
        }
      }),
    );
    this.timer = setInterval(() => this.wake(), this.o.tickMs);
    this.timer.unref();
    this.renewTimer = setInterval(
      () => void this.renew().catch((e) => this.o.onError(e, 'lease renewal')),
      Math.max(250, Math.floor(this.o.leaseMs / 3)),
    );
    this.renewTimer.unref();
    void (async () => {
      if (this.o.adoptAllAtStart) await this.adoptAll().catch((e) => this.o.onError(e, 'adopting leases'));
      this.wake();
    })();
  }

  /** Stops claiming; running jobs are stopped and left for recovery (prompts keep running on their workers). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const off of this.offBus) off();
    this.offBus = [];
    if (this.timer) clearInterval(this.timer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    await this.ticking?.catch(() => undefined);
    for (const l of this.local.values()) l.abort.abort('shutdown');
    await Promise.allSettled([...this.local.values()].map((l) => l.done));
  }

  /**
   * Submits a system job of `kind` every `intervalMs` (and once now) unless one is already waiting or running, so
   * periodic upkeep is visible in the queue and runs in a media process like any CPU job.
   */
  every(kind: string, label: string, intervalMs: number): () => void {
    const submit = async () => {
      const [open] = await rows<{ n: number }>(
        this.o.db,
        sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${kind}
              AND state IN ('pending', 'scheduled', 'queued', 'dispatched', 'running', 'retrying')`,
      );
      if ((open?.n ?? 0) > 0) return;
      await this.o.jobs.createMany({ ctx: systemContext, manageAll: true }, [
        { kind, payload: {}, priority: 'background', label },
      ]);
    };
    const run = () => void submit().catch((err) => this.o.onError(err, `submitting ${kind}`));
    run();
    const timer = setInterval(run, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** For the system health page. */
  status() {
    return {
      running: !this.stopped,
      gpu: this.o.gpu,
      cpuSlots: this.o.cpuConcurrency,
      lastTickAt: this.lastTick.at ? new Date(this.lastTick.at).toISOString() : null,
      lastTickMs: this.lastTick.at ? Math.round(this.lastTick.ms * 10) / 10 : null,
      runningHere: this.local.size,
    };
  }

  /** Jobs this process runs now. */
  runningHere(): number {
    return this.local.size;
  }

  /** Asks for a scheduling pass now (coalesced with one in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((err) => this.o.onError(err, 'scheduler tick'))
      .finally(() => {
        this.ticking = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** One pass: timers, expired leases, GPU claims, CPU claims. */
  async tick(): Promise<void> {
    const started = performance.now();
    if (this.o.schedules) await this.o.schedules.fireDue();
    await this.promoteTimers();
    await this.sweepLeases();
    let dispatched = 0;
    if (this.o.gpu) dispatched += await this.claimGpu();
    if (this.o.cpuConcurrency > 0) dispatched += await this.claimCpu();
    this.lastTick = { ms: performance.now() - started, dispatched, at: Date.now() };
  }

  // ---------------------------------------------------------------- timers and leases

  /** Scheduled jobs whose start time came and retrying jobs whose backoff is over go to the queue. */
  async promoteTimers(): Promise<number> {
    const now = this.o.clock.now();
    return this.o.bus.transaction(async (tx, emit) => {
      const due = await tx
        .select()
        .from(jobs)
        .where(sql`${jobs.state} IN ('scheduled', 'retrying') AND ${jobs.runAt} <= ${now}`)
        .orderBy(jobs.runAt)
        .limit(maxClaim)
        .for('update', { skipLocked: true });
      for (const job of due) {
        await this.o.jobs.move(tx, emit, job, 'release', 'queued', {
          reason: job.state === 'scheduled' ? 'Start time reached' : `Attempt ${job.attempts + 1} queued`,
          set: { queuedAt: now },
        });
      }
      return due.length;
    });
  }

  /**
   * Jobs whose lease expired (their process died or hung): a GPU job whose prompt was submitted is adopted and
   * recovered from the worker's history; anything else goes back for another attempt.
   */
  async sweepLeases(): Promise<void> {
    const now = this.o.clock.now();
    const adopted: { job: JobRow; worker: WorkerRef | null }[] = [];
    await this.o.bus.transaction(async (tx, emit) => {
      const expired = await tx
        .select()
        .from(jobs)
        .where(sql`${jobs.state} IN ('dispatched', 'running') AND ${jobs.leaseExpiresAt} < ${now}`)
        .limit(100)
        .for('update', { skipLocked: true });
      for (const job of expired) {
        if (this.local.has(job.id)) continue;
        if (job.resource === 'gpu' && job.promptId && this.o.gpu) {
          adopted.push({
            job: await this.adopt(tx, job, 'its lease expired'),
            worker: await this.workerRef(tx, job.workerId),
          });
          continue;
        }
        await this.infrastructureFailure(
          tx,
          emit,
          job,
          `The process running it stopped answering (lease expired)`,
        );
      }
    });
    for (const a of adopted) this.run(a.job, a.worker);
  }

  private async adopt(tx: Tx, job: JobRow, why: string): Promise<JobRow> {
    const until = new Date(this.o.clock.now().getTime() + this.o.leaseMs);
    const [row] = await tx
      .update(jobs)
      .set({ leaseOwner: this.processId, leaseExpiresAt: until, updatedAt: sql`now()` })
      .where(eq(jobs.id, job.id))
      .returning();
    await repo.insertJobEvent(tx, {
      jobId: job.id,
      kind: 'log',
      attempt: job.attempts,
      level: 'warning',
      message: `Recovering: ${why}; following prompt ${job.promptId} on its worker`,
      workerId: job.workerId,
      details: { process: this.processId },
    });
    return row!;
  }

  /** At start on the embedded database every lease is stale: adopt GPU jobs with prompts, retry the rest. */
  private async adoptAll(): Promise<void> {
    const adopted: { job: JobRow; worker: WorkerRef | null }[] = [];
    await this.o.bus.transaction(async (tx, emit) => {
      const held = await tx
        .select()
        .from(jobs)
        .where(sql`${jobs.state} IN ('dispatched', 'running')`)
        .for('update');
      for (const job of held) {
        if (job.resource === 'gpu' && job.promptId && this.o.gpu) {
          adopted.push({
            job: await this.adopt(tx, job, 'the studio restarted'),
            worker: await this.workerRef(tx, job.workerId),
          });
        } else {
          await this.infrastructureFailure(
            tx,
            emit,
            job,
            'The studio restarted before the job was sent to a worker',
          );
        }
      }
    });
    for (const a of adopted) this.run(a.job, a.worker);
  }

  /** Renews the leases of every job running here; a job whose lease was taken or ended is stopped. */
  async renew(): Promise<void> {
    if (this.local.size === 0) return;
    const ids = [...this.local.keys()];
    const until = new Date(this.o.clock.now().getTime() + this.o.leaseMs);
    const held = await rows<{ id: number }>(
      this.o.db,
      sql`UPDATE jobs SET lease_expires_at = ${until}
          WHERE id IN (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )}) AND lease_owner = ${this.processId} AND state IN ('dispatched', 'running')
          RETURNING id`,
    );
    const still = new Set(held.map((h) => Number(h.id)));
    const gone = ids.filter((id) => !still.has(id));
    // a job cancelled before its run registered here missed the event: it is stopped as cancelled, so the worker
    // is told to stop too (a lost lease leaves the prompt for whoever adopts the job)
    const cancelled = gone.length
      ? new Set(
          (
            await rows<{ id: number }>(
              this.o.db,
              sql`SELECT id FROM jobs WHERE state = 'cancelled' AND id IN (${sql.join(
                gone.map((i) => sql`${i}`),
                sql`, `,
              )})`,
            )
          ).map((r) => Number(r.id)),
        )
      : new Set<number>();
    for (const id of gone) this.local.get(id)?.abort.abort(cancelled.has(id) ? 'cancelled' : 'lease_lost');
    for (const l of this.local.values()) await this.flushProgress(l);
  }

  // ---------------------------------------------------------------- claims

  /** Matches ready GPU jobs to free worker slots in one transaction and starts them here. */
  async claimGpu(): Promise<number> {
    const now = this.o.clock.now();
    let workerRefs = new Map<number, WorkerRef>();
    const started = await this.o.bus.transaction(async (tx, _emit, emitMany) => {
      // lock the workers we may book: a second scheduler skips them, so no worker is double-booked
      const free = await rows<{
        id: number;
        public_id: string;
        name: string;
        url: string;
        tags: string[];
        max: number;
      }>(
        tx,
        sql`SELECT w.id, w.public_id, w.name, w.url, w.tags, w.max_concurrency AS max
            FROM workers w
            WHERE w.admin_state = 'enabled' AND w.health IN ('healthy', 'degraded')
            ORDER BY w.id FOR UPDATE OF w SKIP LOCKED`,
      );
      if (free.length === 0) return [];
      // counted by a new statement, after the locks: its snapshot sees every dispatch committed by the scheduler
      // that held a worker before us (a subquery of the locking statement would read an older snapshot)
      const load = await rows<{ worker_id: number; n: number }>(
        tx,
        sql`SELECT worker_id, count(*)::int AS n FROM jobs
            WHERE state IN ('dispatched', 'running') AND worker_id IN (${sql.join(
              free.map((w) => sql`${w.id}`),
              sql`, `,
            )})
            GROUP BY worker_id`,
      );
      const active = new Map(load.map((l) => [Number(l.worker_id), l.n]));
      const capacity = free
        .map((w) => ({
          id: Number(w.id),
          name: w.name,
          tags: w.tags,
          maxConcurrency: w.max,
          active: active.get(Number(w.id)) ?? 0,
        }))
        .filter((w) => w.active < w.maxConcurrency);
      const slots = capacity.reduce((n, w) => n + w.maxConcurrency - w.active, 0);
      if (slots === 0) return [];
      workerRefs = new Map(
        free.map((w) => [
          Number(w.id),
          { id: Number(w.id), publicId: w.public_id, name: w.name, url: w.url },
        ]),
      );
      // only jobs that could start now are candidates: a free worker has their tags, the off-peak window is open
      // for off-peak jobs, and no hard budget limit holds them; otherwise they would crowd out work that can run
      const [urgent] = await rows<{ waiting: boolean }>(
        tx,
        sql`SELECT EXISTS (SELECT 1 FROM jobs WHERE state = 'queued' AND resource = 'gpu' AND priority = 0) AS waiting`,
      );
      const minute = now.getHours() * 60 + now.getMinutes();
      const offPeakOpen = this.window ? inOffPeakWindow(this.window, minute) && !urgent?.waiting : false;
      const held = this.o.budgets
        ? await this.o.budgets.blocked(tx)
        : { owners: new Set<number>(), projects: new Set<number>() };
      const freeTags = JSON.stringify(
        [...new Set(capacity.map((w) => JSON.stringify([...w.tags].sort())))].map((t) => JSON.parse(t)),
      );
      const notIn = (column: SQL, ids: Set<number>) =>
        ids.size
          ? sql`(${column} IS NULL OR ${column} NOT IN (${sql.join(
              [...ids].map((i) => sql`${i}`),
              sql`, `,
            )}))`
          : sql`TRUE`;
      const perQueue = Math.max(16, slots * 4);
      const candidates = await rows<{
        id: number;
        priority: number;
        sort_key: number;
        owner_user_id: number | null;
        project_id: number | null;
        required_tags: string[];
        preferred_tags: string[];
        off_peak_only: boolean;
      }>(
        tx,
        // the head of every owner's and project's queue per level (an index walk each), not a sort of the queue
        // the queues (level, owner, project) by a skip scan over idx_jobs_ready_queues: one probe per queue
        sql`WITH RECURSIVE queues AS (
              (SELECT priority, coalesce(owner_user_id, 0) AS o, coalesce(project_id, 0) AS p
               FROM jobs WHERE state = 'queued' AND resource = 'gpu'
               ORDER BY priority, coalesce(owner_user_id, 0), coalesce(project_id, 0) LIMIT 1)
              UNION ALL
              SELECT n.priority, n.o, n.p FROM queues q CROSS JOIN LATERAL (
                SELECT priority, coalesce(owner_user_id, 0) AS o, coalesce(project_id, 0) AS p
                FROM jobs WHERE state = 'queued' AND resource = 'gpu'
                  AND (priority, coalesce(owner_user_id, 0), coalesce(project_id, 0)) > (q.priority, q.o, q.p)
                ORDER BY priority, coalesce(owner_user_id, 0), coalesce(project_id, 0) LIMIT 1) n)
            SELECT c.id, c.priority, c.sort_key, c.owner_user_id, c.project_id, c.required_tags, c.preferred_tags,
                   c.off_peak_only
            FROM queues q CROSS JOIN LATERAL (
              SELECT j.id, j.priority, j.sort_key, j.owner_user_id, j.project_id, j.required_tags, j.preferred_tags,
                     j.off_peak_only, row_number() OVER (ORDER BY j.sort_key, j.id) AS rn
              FROM jobs j
              WHERE j.state = 'queued' AND j.resource = 'gpu' AND j.priority = q.priority
                AND coalesce(j.owner_user_id, 0) = q.o AND coalesce(j.project_id, 0) = q.p
                AND (NOT j.off_peak_only OR ${offPeakOpen})
                AND (j.budget_exempt OR (${notIn(sql`j.owner_user_id`, held.owners)} AND ${notIn(sql`j.project_id`, held.projects)}))
                AND (j.required_tags = '[]'::jsonb
                     OR EXISTS (SELECT 1 FROM jsonb_array_elements(${freeTags}::jsonb) AS w(tags)
                                WHERE j.required_tags <@ w.tags))
              ORDER BY j.sort_key, j.id LIMIT ${perQueue}) c
            ORDER BY c.priority, c.rn, c.sort_key LIMIT ${maxClaim}`,
      );
      if (candidates.length === 0) return [];
      const usage = await rows<{ owner: number | null; project: number | null; n: number }>(
        tx,
        sql`SELECT owner_user_id AS owner, project_id AS project, count(*)::int AS n
            FROM jobs WHERE state IN ('dispatched', 'running') AND resource = 'gpu' GROUP BY 1, 2`,
      );
      const byOwner = new Map<number, number>();
      const byProject = new Map<number, number>();
      for (const u of usage) {
        if (u.owner !== null) byOwner.set(Number(u.owner), (byOwner.get(Number(u.owner)) ?? 0) + u.n);
        if (u.project !== null)
          byProject.set(Number(u.project), (byProject.get(Number(u.project)) ?? 0) + u.n);
      }
      const list: CandidateJob[] = candidates.map((c) => ({
        id: Number(c.id),
        priority: c.priority,
        sortKey: Number(c.sort_key),
        ownerId: c.owner_user_id === null ? null : Number(c.owner_user_id),
        projectId: c.project_id === null ? null : Number(c.project_id),
        requiredTags: c.required_tags,
        preferredTags: c.preferred_tags,
        offPeakOnly: c.off_peak_only,
      }));
      const assignments = matchToWorkers(
        orderFairly(list, { byOwner, byProject }),
        capacity,
        this.o.strategy,
      );
      if (assignments.length === 0) return [];
      // lock the chosen jobs (another scheduler may have taken some: they are skipped) with their public refs
      const locked = await tx
        .select({ job: jobs, project: projects.publicId, owner: users.publicId })
        .from(jobs)
        .leftJoin(projects, eq(projects.id, jobs.projectId))
        .leftJoin(users, eq(users.id, jobs.ownerUserId))
        .where(
          sql`${jobs.id} IN (${sql.join(
            assignments.map((a) => sql`${a.job.id}`),
            sql`, `,
          )}) AND ${jobs.state} = 'queued'`,
        )
        .for('update', { of: jobs, skipLocked: true });
      const byId = new Map(locked.map((l) => [l.job.id, l.job]));
      const out: { job: JobRow; worker: WorkerRef | null; refs: Local['refs'] }[] = [];
      const until = new Date(now.getTime() + this.o.leaseMs);
      const namesById = new Map(locked.map((l) => [l.job.id, { project: l.project, owner: l.owner }]));
      const chosen = assignments.filter((a) => byId.has(a.job.id));
      const rowsOut = await this.o.jobs.dispatchMany(
        tx,
        emitMany,
        chosen.map((a) => {
          const n = namesById.get(a.job.id);
          return {
            job: byId.get(a.job.id)!,
            workerId: a.workerId,
            reason: `Dispatched to ${workerRefs.get(a.workerId)?.name ?? 'a worker'}`,
            refs: {
              project: n?.project ?? null,
              owner: n?.owner ?? null,
              worker: workerRefs.get(a.workerId)?.publicId ?? null,
            },
          };
        }),
        // started after the worker's lock and load were read: a job that just freed the slot finished before this
        { owner: this.processId, until, startedAt: this.o.clock.now() },
      );
      const rowById = new Map(rowsOut.map((r) => [r.id, r]));
      for (const a of chosen) {
        const row = rowById.get(a.job.id);
        if (!row) continue;
        const n = namesById.get(a.job.id);
        out.push({
          job: row,
          worker: workerRefs.get(a.workerId) ?? null,
          refs: { project: n?.project ?? null, owner: n?.owner ?? null },
        });
      }
      return out;
    });
    for (const s of started) this.run(s.job, s.worker, s.refs);
    this.dispatchedHere += started.length;
    return started.length;
  }

  /** Takes ready CPU jobs up to this process's free slots. */
  async claimCpu(): Promise<number> {
    const localCpu = [...this.local.values()].filter((l) => l.job.resource === 'cpu').length;
    const free = this.o.cpuConcurrency - localCpu;
    if (free <= 0) return 0;
    const now = this.o.clock.now();
    const until = new Date(now.getTime() + this.o.leaseMs);
    const started = await this.o.bus.transaction(async (tx, emit) => {
      const ready = await tx
        .select()
        .from(jobs)
        .where(sql`${jobs.state} = 'queued' AND ${jobs.resource} = 'cpu'`)
        .orderBy(jobs.priority, jobs.sortKey, jobs.id)
        .limit(free)
        .for('update', { skipLocked: true });
      const out: JobRow[] = [];
      for (const job of ready) {
        out.push(
          await this.o.jobs.move(tx, emit, job, 'dispatch', 'dispatched', {
            reason: 'Dispatched to a media process',
            set: {
              leaseOwner: this.processId,
              leaseExpiresAt: until,
              attempts: job.attempts + 1,
              progress: 0,
              startedAt: now,
            },
          }),
        );
      }
      return out;
    });
    for (const job of started) this.run(job, null);
    this.dispatchedHere += started.length;
    return started.length;
  }

  private async workerRef(db: Tx | Db, workerId: number | null): Promise<WorkerRef | null> {
    if (workerId === null) return null;
    const [w] = await rows<{ id: number; public_id: string; name: string; url: string }>(
      db,
      sql`SELECT id, public_id, name, url FROM workers WHERE id = ${workerId}`,
    );
    return w ? { id: Number(w.id), publicId: w.public_id, name: w.name, url: w.url } : null;
  }

  // ---------------------------------------------------------------- execution

  /** Runs a claimed (or adopted) job here until it finishes, fails, is cancelled or the process stops. */
  private run(job: JobRow, worker: WorkerRef | null, refs?: Local['refs']): void {
    const handler = this.o.registry.get(job.kind);
    const abort = new AbortController();
    const local: Local = {
      job,
      abort,
      done: Promise.resolve(),
      lastProgressWrite: 0,
      refs: { project: null, owner: null },
      pendingProgress: null,
    };
    this.local.set(job.id, local);
    const startedAt = performance.now();
    const running: RunningJob<unknown> = {
      id: job.id,
      publicId: job.publicId,
      kind: job.kind,
      payload: job.payload,
      attempts: job.attempts,
      promptId: job.promptId,
      checkpoints: job.checkpoints as RunningJob<unknown>['checkpoints'],
      ownerUserId: job.ownerUserId,
      projectId: job.projectId,
    };
    local.done = (async () => {
      try {
        if (!handler) throw new JobFailure('content', `No handler for job kind ${job.kind} in this version.`);
        local.refs = refs ?? (await this.o.jobs.refs(this.o.db, job));
        if (job.resource === 'cpu' && job.state === 'dispatched') await this.markRunning(job.id, null);
        const outcome = await handler.run({
          job: running,
          worker,
          signal: abort.signal,
          progress: (fraction, text = null) => this.progress(local, fraction, text),
          submitted: (promptId) => this.markRunning(job.id, promptId),
          checkpoint: (step, data) => this.checkpoint(job.id, step, data),
          log: (level, message, details) => this.log(job.id, level, message, details),
        });
        await this.finish(
          job.id,
          abort.signal,
          async (tx, emit, row) => {
            await this.o.jobs.move(tx, emit, row, 'complete', 'completed', {
              reason: 'Completed',
              set: {
                result: { ...outcome.result, outputs: outcome.outputMediaIds ?? [] },
                progress: 1,
                progressText: null,
                finishedAt: this.o.clock.now(),
                leaseOwner: null,
                leaseExpiresAt: null,
                gpuSeconds:
                  row.gpuSeconds +
                  (outcome.gpuSeconds ??
                    (row.resource === 'gpu' ? (performance.now() - startedAt) / 1000 : 0)),
              },
            });
            if (row.resource === 'gpu' && this.o.budgets) {
              const refs = await this.o.jobs.refs(tx, row);
              await this.o.budgets.afterUsage(tx, row, async (userId, n) => {
                const [u] = await rows<{ public_id: string }>(
                  tx,
                  sql`SELECT public_id FROM users WHERE id = ${userId}`,
                );
                await this.o.jobs.notify(tx, emit, userId, u?.public_id ?? refs.owner, n);
              });
            }
          },
          outcome.outputMediaIds,
        );
      } catch (err) {
        if (err instanceof PauseAtCheckpoint) {
          await this.finish(job.id, abort.signal, async (tx, emit, row) => {
            await this.o.jobs.move(tx, emit, row, 'pause', 'paused', {
              reason: `Paused after step ${err.step}`,
              set: {
                pauseRequested: false,
                leaseOwner: null,
                leaseExpiresAt: null,
                promptId: null,
                workerId: null,
                // a pause is not a failed attempt
                attempts: Math.max(0, row.attempts - 1),
              },
            });
          }).catch((e) => this.o.onError(e, 'pausing a job'));
          return;
        }
        const reason = abort.signal.aborted ? (abort.signal.reason as StopReason) : null;
        if (reason === 'shutdown') {
          await this.release(job.id).catch((e) => this.o.onError(e, 'releasing a job'));
          return;
        }
        if (reason === 'cancelled' || reason === 'lease_lost') {
          const outputs = err instanceof JobFailure ? err.details.outputMediaIds : undefined;
          if (outputs?.length)
            await this.keepPartialOutputs(job.id, outputs).catch((e) =>
              this.o.onError(e, 'keeping partial outputs'),
            );
          return;
        }
        const failure =
          err instanceof JobFailure
            ? err
            : new JobFailure('infrastructure', err instanceof Error ? err.message : String(err));
        if (!(err instanceof JobFailure)) this.o.onError(err, `job ${job.publicId}`);
        await this.finish(job.id, abort.signal, async (tx, emit, row) => {
          const error = {
            code: failure.category,
            message: failure.message,
            nodeId: failure.details.nodeId ?? null,
            nodeType: failure.details.nodeType ?? null,
            ...(failure.details.traceback ? { traceback: failure.details.traceback } : {}),
            retryable: true,
          };
          if (failure.category === 'infrastructure') {
            await this.infrastructureFailure(tx, emit, row, failure.message);
            return;
          }
          await this.o.jobs.move(tx, emit, row, 'fail', 'failed', {
            reason: `Failed: ${failure.message}`,
            set: {
              error,
              result: failure.details.outputMediaIds?.length
                ? { outputs: failure.details.outputMediaIds }
                : row.result,
              finishedAt: this.o.clock.now(),
              leaseOwner: null,
              leaseExpiresAt: null,
            },
          });
        }).catch((e) => this.o.onError(e, 'recording a failure'));
      } finally {
        this.local.delete(job.id);
        if (!this.stopped) this.wake();
      }
    })();
  }

  /**
   * An infrastructure failure (worker lost, process died): another attempt after a backoff, on any suitable worker,
   * while attempts remain (visible in the history, and the owner is told); failed after the last one.
   */
  private async infrastructureFailure(
    tx: Tx,
    emit: Parameters<Parameters<EventBus['transaction']>[0]>[1],
    job: JobRow,
    message: string,
  ) {
    const error = { code: 'infrastructure', message, retryable: true };
    if (job.attempts >= job.maxAttempts) {
      await this.o.jobs.move(tx, emit, job, 'fail', 'failed', {
        reason: `Failed after ${job.attempts} attempt(s): ${message}`,
        set: { error, finishedAt: this.o.clock.now(), leaseOwner: null, leaseExpiresAt: null },
      });
      return;
    }
    const delay = this.o.jobs.backoffMs(job.attempts);
    const refs = await this.o.jobs.refs(tx, job);
    await this.o.jobs.move(tx, emit, job, 'retry_later', 'retrying', {
      reason: `${message}; attempt ${job.attempts + 1} of ${job.maxAttempts} in ${Math.round(delay / 100) / 10} s`,
      set: {
        error,
        runAt: new Date(this.o.clock.now().getTime() + delay),
        leaseOwner: null,
        leaseExpiresAt: null,
        promptId: null,
        workerId: null,
        progress: 0,
        progressText: null,
      },
      details: { previousWorker: refs.worker, backoffMs: delay },
    });
    await emit({
      type: 'job.moved',
      projectId: refs.project,
      userId: refs.owner,
      payload: {
        jobId: job.publicId,
        kind: job.kind,
        label: job.label,
        fromWorkerId: refs.worker,
        reason: message,
      },
    });
    if (job.ownerUserId) {
      await this.o.jobs.notify(tx, emit, job.ownerUserId, refs.owner, {
        kind: 'job.moved',
        level: 'warning',
        title: `${job.label} will run again`,
        body: `${message}. It goes back to the queue for attempt ${job.attempts + 1} of ${job.maxAttempts}.`,
        link: `/jobs/${job.publicId}`,
      });
    }
  }

  /** Applies a finished run's outcome if this process still holds the job. */
  private async finish(
    jobId: number,
    signal: AbortSignal,
    apply: (
      tx: Tx,
      emit: Parameters<Parameters<EventBus['transaction']>[0]>[1],
      row: JobRow,
    ) => Promise<void>,
    outputs?: string[],
  ): Promise<void> {
    await this.o.bus.transaction(async (tx, emit) => {
      const row = await repo.findJob(tx, eq(jobs.id, jobId), true);
      if (!row) return;
      if (
        row.leaseOwner !== this.processId ||
        !activeJobStates.has(row.state as JobState) ||
        signal.aborted
      ) {
        // cancelled (or taken over) meanwhile: keep what the run produced, change nothing else
        if (outputs?.length && row.state === 'cancelled') await this.attachOutputs(tx, row, outputs);
        return;
      }
      await apply(tx, emit, row);
    });
  }

  private async keepPartialOutputs(jobId: number, outputs: string[]): Promise<void> {
    await this.o.db.transaction(async (tx) => {
      const row = await repo.findJob(tx, eq(jobs.id, jobId), true);
      if (row) await this.attachOutputs(tx, row, outputs);
    });
  }

  private async attachOutputs(tx: Tx, row: JobRow, outputs: string[]): Promise<void> {
    const previous = (row.result as { outputs?: string[] } | null)?.outputs ?? [];
    await tx
      .update(jobs)
      .set({
        result: {
          ...((row.result as object | null) ?? {}),
          outputs: [...new Set([...previous, ...outputs])],
          partial: true,
        },
      })
      .where(eq(jobs.id, row.id));
  }

  /** A stopping process hands its jobs back: submitted prompts stay for recovery, the rest go back to the queue. */
  private async release(jobId: number): Promise<void> {
    await this.o.bus.transaction(async (tx, emit) => {
      const row = await repo.findJob(tx, eq(jobs.id, jobId), true);
      if (!row || row.leaseOwner !== this.processId || !activeJobStates.has(row.state as JobState)) return;
      if (row.promptId) {
        await tx
          .update(jobs)
          .set({ leaseExpiresAt: new Date(0) })
          .where(eq(jobs.id, jobId));
        await repo.insertJobEvent(tx, {
          jobId,
          kind: 'log',
          attempt: row.attempts,
          message: 'The studio process stopped; the prompt keeps running on its worker and will be recovered',
          workerId: row.workerId,
        });
        return;
      }
      await this.o.jobs.move(tx, emit, row, 'requeue', 'queued', {
        reason: 'Handed back: the studio process stopped before sending it',
        set: {
          leaseOwner: null,
          leaseExpiresAt: null,
          workerId: null,
          attempts: Math.max(0, row.attempts - 1),
        },
      });
    });
  }

  private async markRunning(jobId: number, promptId: string | null): Promise<void> {
    await this.o.bus.transaction(async (tx, emit) => {
      const row = await repo.findJob(tx, eq(jobs.id, jobId), true);
      if (!row || row.leaseOwner !== this.processId) return;
      if (row.state === 'dispatched') {
        await this.o.jobs.move(tx, emit, row, 'start', 'running', {
          reason: promptId ? `Running (prompt ${promptId})` : 'Running',
          set: { promptId },
        });
      } else if (promptId && row.promptId !== promptId) {
        await tx.update(jobs).set({ promptId }).where(eq(jobs.id, jobId));
      }
    });
  }

  private progress(local: Local, fraction: number, text: string | null): void {
    const f = Math.max(0, Math.min(1, fraction));
    local.pendingProgress = { fraction: f, text };
    this.o.bus.volatile({
      type: 'job.progress',
      projectId: local.refs.project,
      userId: local.refs.owner,
      payload: {
        jobId: local.job.publicId,
        kind: local.job.kind,
        label: local.job.label,
        progress: f,
        text,
        reportedAt: Date.now(),
      },
    });
    if (Date.now() - local.lastProgressWrite > 1000)
      void this.flushProgress(local).catch((e) => this.o.onError(e, 'progress'));
  }

  private async flushProgress(local: Local): Promise<void> {
    const p = local.pendingProgress;
    if (!p) return;
    local.pendingProgress = null;
    local.lastProgressWrite = Date.now();
    await this.o.db
      .update(jobs)
      .set({ progress: p.fraction, progressText: p.text })
      .where(sql`${jobs.id} = ${local.job.id} AND ${jobs.state} IN ('dispatched', 'running')`);
  }

  /** Records a completed step; when a pause was asked for, the run stops here (PauseAtCheckpoint). */
  private async checkpoint(jobId: number, step: string, data: Record<string, unknown>): Promise<void> {
    const at = this.o.clock.now().toISOString();
    const pause = await this.o.db.transaction(async (tx) => {
      const row = await repo.findJob(tx, eq(jobs.id, jobId), true);
      if (!row) return false;
      const list = (row.checkpoints as { step: string }[]).filter((c) => c.step !== step);
      await tx
        .update(jobs)
        .set({ checkpoints: [...list, { step, at, data }] })
        .where(eq(jobs.id, jobId));
      await repo.insertJobEvent(tx, {
        jobId,
        kind: 'checkpoint',
        attempt: row.attempts,
        message: `Step ${step} done`,
        details: data,
      });
      return row.pauseRequested;
    });
    if (pause) throw new PauseAtCheckpoint(step);
  }

  private async log(
    jobId: number,
    level: 'info' | 'warning' | 'error',
    message: string,
    details?: Record<string, unknown>,
  ) {
    const [row] = await this.o.db
      .select({ attempts: jobs.attempts, workerId: jobs.workerId })
      .from(jobs)
      .where(eq(jobs.id, jobId));
    await repo.insertJobEvent(this.o.db, {
      jobId,
      kind: 'log',
      attempt: row?.attempts ?? 0,
      level,
      message,
      workerId: row?.workerId ?? null,
      details: details ?? {},
    });
  }
}

/** Thrown by a checkpoint when the job was asked to pause: the run ends there and resumes after the step. */
export class PauseAtCheckpoint extends Error {
  constructor(readonly step: string) {
    super(`paused after ${step}`);
  }
}

export interface WorkerRef {
  id: number;
  publicId: string;
  name: string;
  url: string;
}
