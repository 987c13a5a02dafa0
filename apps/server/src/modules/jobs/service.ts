// Jobs as users and the engine see them: submit, list, control (cancel, pause, resume, retry, priority, order,
// schedule, bulk), and the transitions the engine makes. Every transition is checked by the domain state machine and
// written with its history row and its event in one transaction.
import {
  type CreateJob,
  createJobSchema,
  type EventType,
  type Job,
  type JobPriority,
  type jobEventSchema,
  type jobListQuerySchema,
} from '@i2v/contracts';
import {
  availableJobActions,
  batchSortKeys,
  findDependencyCycle,
  IllegalJobTransition,
  type JobAction,
  type JobState,
  priorityOfRank,
  priorityRank,
  retryBackoffMs,
  sortKeyBetween,
  terminalJobStates,
  transition,
  waitingState,
} from '@i2v/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, type Executor, rows, type Tx } from '../../db/client.js';
import { jobDependencies, jobs, mediaFiles, projects, users, workers } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { EventBus, EventDraft } from '../events/bus.js';
import type { NotificationDraft, NotificationsService } from '../events/notifications.js';
import type { MediaLinks } from '../media/links.js';
import type { BudgetsService } from './budgets.js';
import type { JobHandler, JobRegistry } from './registry.js';
import * as repo from './repo.js';

type Emit = <E extends EventType>(d: EventDraft<E>) => Promise<void>;
type JobEvent = z.infer<typeof jobEventSchema>;

/** Who acts: a person (with whether they may act on others' jobs) or the engine. */
/** Job kinds that are steps of a flow which notifies on its own. */
const stepKinds = new Set(['segment.qa', 'variant.collect', 'image.analyse']);

export interface Acting {
  ctx: RequestContext;
  manageAll: boolean;
}

export interface JobsDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  registry: JobRegistry;
  links: MediaLinks;
  /** Budgets and quotas checked at submission of GPU work. */
  budgets?: BudgetsService;
  notifications: NotificationsService;
  random?: () => number;
}

interface MoveOptions {
  reason: string;
  /** Public ids of the job's project, owner and worker when the caller has them (saves a lookup). */
  refs?: { project: string | null; owner: string | null; worker: string | null };
  actorUserId?: number | null;
  set?: Partial<typeof jobs.$inferInsert>;
  level?: 'info' | 'warning' | 'error';
  details?: Record<string, unknown>;
}

interface Prepared {
  body: z.output<typeof createJobSchema>;
  handler: JobHandler<unknown>;
  payload: Record<string, unknown>;
  label: string;
  runAt: Date | null;
  estimatedSeconds: number | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export class JobsService {
  private readonly random: () => number;

  constructor(private readonly d: JobsDeps) {
    this.random = d.random ?? Math.random;
  }

  kinds() {
    return this.d.registry.list().map((h) => ({
      kind: h.kind,
      label: h.label,
      resource: h.resource,
      description: h.description,
    }));
  }

  // ---------------------------------------------------------------- submission

  /** Submits one job (201). Every problem is a 4xx naming the field; nothing is written then. */
  async create(acting: Acting, body: CreateJob): Promise<Job> {
    const [job] = await this.createMany(acting, [body], 'body');
    return job!;
  }

  /**
   * Submits several jobs in one transaction, as one batch: within a priority level the batch runs longest expected
   * first, which keeps a fleet's makespan close to its lower bound.
   */
  async createMany(acting: Acting, input: CreateJob[], field = 'body.jobs'): Promise<Job[]> {
    // routes pass parsed bodies (parsing again changes nothing); internal callers may leave defaults out
    const bodies = input.map((b) => createJobSchema.parse(b));
    const prepared: Prepared[] = [];
    for (const [i, body] of bodies.entries()) {
      const at = bodies.length === 1 && field === 'body' ? 'body' : `${field}.${i}`;
      prepared.push(await this.prepare(body, at));
    }
    const now = this.d.clock.now();
    const keys = batchSortKeys(
      prepared.map((p) => p.estimatedSeconds),
      now.getTime(),
    );
    const created = await this.d.bus.transaction(async (tx, emit) => {
      const ids: number[] = [];
      for (const [i, p] of prepared.entries()) {
        const at = bodies.length === 1 && field === 'body' ? 'body' : `${field}.${i}`;
        ids.push(await this.insert(tx, emit, acting, p, keys[i]!, at));
      }
      return ids;
    });
    // a wake for a job that turns out to wait is a cheap extra pass; no lookup needed
    for (const resource of new Set(prepared.map((p) => p.handler.resource))) await this.d.bus.wake(resource);
    return this.views(created);
  }

  /**
   * Submits a job inside the caller's transaction (a pipeline step written together with the rows it belongs to).
   * The scheduler is woken by `wake` after the caller commits.
   */
  async submitWithin(
    tx: Tx,
    emit: Emit,
    acting: Acting,
    input: CreateJob,
    at = 'body',
  ): Promise<{ id: number; publicId: string }> {
    const body = createJobSchema.parse(input);
    const prepared = await this.prepare(body, at, tx);
    const [key] = batchSortKeys([prepared.estimatedSeconds], this.d.clock.now().getTime());
    const id = await this.insert(tx, emit, acting, prepared, key!, at);
    const [row] = await tx.select({ publicId: jobs.publicId }).from(jobs).where(eq(jobs.id, id));
    return { id, publicId: row!.publicId };
  }

  /** Wakes the schedulers of both resources (after a commit that submitted work). */
  async wake(): Promise<void> {
    await this.d.bus.wake('gpu');
    await this.d.bus.wake('cpu');
  }

  /** Checks a job body as a submission would (kind, payload, project, exemption) without submitting it. */
  async checkTemplate(acting: Acting, body: CreateJob, at: string): Promise<void> {
    const parsed = createJobSchema.parse(body);
    await this.prepare(parsed, at);
    if (parsed.budgetExempt && !acting.manageAll) {
      throw new AppError(
        'job.forbidden',
        'Only someone with the "jobs.manage" permission can exempt a job from budgets.',
        [{ field: `${at}.budgetExempt`, message: 'needs the jobs.manage permission' }],
      );
    }
    if (parsed.projectId) await this.projectRef(this.d.db, parsed.projectId, `${at}.projectId`);
  }

  private async projectRef(db: Executor, publicId: string, field: string): Promise<number> {
    const [project] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.publicId, publicId), sql`${projects.deletedAt} IS NULL`));
    if (!project)
      throw new AppError('project.not_found', `There is no project ${publicId}.`, [
        { field, message: 'is not a project' },
      ]);
    return project.id;
  }

  private async prepare(
    body: z.output<typeof createJobSchema>,
    at: string,
    db: Executor = this.d.db,
  ): Promise<Prepared> {
    const handler = this.d.registry.get(body.kind);
    if (!handler) {
      throw new AppError(
        'job.kind_unknown',
        `There is no job kind "${body.kind}"; use one of ${this.d.registry
          .list()
          .map((h) => h.kind)
          .join(', ')}.`,
        [{ field: `${at}.kind`, message: 'is not a job kind' }],
      );
    }
    const parsed = handler.payload.safeParse(body.payload);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        field: [`${at}.payload`, ...i.path.map(String)].join('.'),
        message: i.message,
      }));
      throw new AppError(
        'job.payload_invalid',
        `The payload of a ${body.kind} job is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
        errors,
      );
    }
    const check = (await handler.check?.(db, parsed.data, `${at}.payload`)) ?? {};
    const runAt = body.runAt ? new Date(body.runAt) : null;
    if (runAt && runAt.getTime() < this.d.clock.now().getTime() - 1000) {
      throw new AppError(
        'job.run_at_past',
        `The start time ${body.runAt} has passed; give a time in the future.`,
        [{ field: `${at}.runAt`, message: 'is in the past' }],
      );
    }
    const estimated =
      typeof (parsed.data as { estimatedSeconds?: unknown }).estimatedSeconds === 'number'
        ? ((parsed.data as { estimatedSeconds: number }).estimatedSeconds ?? null)
        : (check.estimatedSeconds ?? null);
    return {
      body,
      handler,
      payload: parsed.data as Record<string, unknown>,
      label: body.label ?? check.label ?? handler.label,
      runAt,
      estimatedSeconds: estimated,
    };
  }

  private async insert(
    tx: Tx,
    emit: Emit,
    acting: Acting,
    p: Prepared,
    sortKey: number,
    at: string,
  ): Promise<number> {
    const { body } = p;
    if (body.budgetExempt && !acting.manageAll) {
      throw new AppError(
        'job.forbidden',
        'Only someone with the "jobs.manage" permission can exempt a job from budgets.',
        [{ field: `${at}.budgetExempt`, message: 'needs the jobs.manage permission' }],
      );
    }
    let projectId: number | null = null;
    let projectPublicId: string | null = null;
    if (body.projectId) {
      projectId = await this.projectRef(tx, body.projectId, `${at}.projectId`);
      projectPublicId = body.projectId;
    }
    const depIds: number[] = [];
    const depStates: string[] = [];
    if (body.dependsOn.length) {
      const found = await tx
        .select({ id: jobs.id, publicId: jobs.publicId, state: jobs.state })
        .from(jobs)
        .where(inArray(jobs.publicId, body.dependsOn));
      const missing = body.dependsOn.filter((d) => !found.some((f) => f.publicId === d));
      if (missing.length) {
        throw new AppError(
          'job.dependency_not_found',
          `There is no job ${missing.join(', ')} to depend on.`,
          [{ field: `${at}.dependsOn`, message: `unknown job ${missing[0]}` }],
        );
      }
      for (const f of found) {
        depIds.push(f.id);
        depStates.push(f.state);
      }
    }
    if (p.handler.resource === 'gpu' && !body.budgetExempt && this.d.budgets) {
      await this.d.budgets.assertRoom(tx, acting.ctx.actor?.userId ?? null, projectId, at);
    }
    const now = this.d.clock.now();
    const met = this.dependenciesMet(depStates, body.onDependencyFailure);
    if (met === 'cancel') {
      throw new AppError(
        'job.dependency_not_found',
        'A job this one depends on has already failed or been cancelled, so it would never run.',
        [{ field: `${at}.dependsOn`, message: 'includes a failed or cancelled job' }],
      );
    }
    const state = waitingState({ dependenciesMet: met, runAt: p.runAt, now });
    const publicId = newPublicId();
    const [row] = await tx
      .insert(jobs)
      .values({
        publicId,
        kind: body.kind,
        resource: p.handler.resource,
        label: p.label,
        payload: p.payload,
        priority: priorityRank[body.priority],
        sortKey,
        state,
        ownerUserId: acting.ctx.actor?.userId ?? null,
        projectId,
        requiredTags: body.requiredTags,
        preferredTags: body.preferredTags,
        offPeakOnly: body.offPeakOnly,
        runAt: p.runAt,
        onDependencyFailure: body.onDependencyFailure,
        maxAttempts: body.maxAttempts,
        budgetExempt: body.budgetExempt,
        queuedAt: state === 'queued' ? now : null,
      })
      .returning({ id: jobs.id });
    const id = row!.id;
    if (depIds.length) {
      await tx.insert(jobDependencies).values(depIds.map((d) => ({ jobId: id, dependsOnJobId: d })));
    }
    await repo.insertJobEvent(tx, {
      jobId: id,
      kind: 'transition',
      fromState: null,
      toState: state,
      attempt: 0,
      message: `Submitted (${state})`,
      actorUserId: acting.ctx.actor?.userId ?? null,
    });
    await emit({
      type: 'job.created',
      projectId: projectPublicId,
      userId: acting.ctx.actor?.publicId ?? null,
      payload: { jobId: publicId, kind: body.kind, label: p.label, state, priority: body.priority },
    });
    return id;
  }

  /** true: every dependency completed (or failed with the `run` policy); false: waiting; 'cancel': never runs. */
  private dependenciesMet(states: string[], policy: string): boolean | 'cancel' {
    const broken = states.some((s) => s === 'failed' || s === 'cancelled');
    if (broken && policy === 'cancel') return 'cancel';
    return states.every((s) => terminalJobStates.has(s as JobState));
  }

  // ---------------------------------------------------------------- reading

  async get(publicId: string): Promise<Job> {
    const row = await this.find(this.d.db, publicId);
    return (await this.views([row.id]))[0]!;
  }

  async list(viewerUserId: number, query: z.output<typeof jobListQuerySchema>) {
    const filters = repo.jobFilters({
      states: query.state,
      kind: query.kind,
      ownerUserId:
        query.owner === 'me' ? viewerUserId : query.owner ? await this.userId(query.owner) : undefined,
      projectId: query.projectId ? await this.projectId(query.projectId) : undefined,
      workerId: query.workerId ? await this.workerId(query.workerId) : undefined,
    });
    const limit = query.limit;
    let ids: number[];
    let next: string | null = null;
    if (query.order === 'queue') {
      // the order the scheduler takes them: running first, then by priority and position
      const after = query.cursor
        ? (decodeCursor(query.cursor, ['number', 'number']) as [number, number])
        : null;
      const r = await rows<{ id: number; n: number }>(
        this.d.db,
        sql`SELECT id, n FROM (
              SELECT j.id, row_number() OVER (ORDER BY (j.state IN ('dispatched', 'running')) DESC, j.priority,
                       j.sort_key, j.id) AS n
              FROM jobs j WHERE ${filters}) q
            ${after ? sql`WHERE n > ${after[1]}` : sql``} ORDER BY n LIMIT ${limit + 1}`,
      );
      ids = r.slice(0, limit).map((x) => Number(x.id));
      if (r.length > limit) next = encodeCursor([Number(r[limit - 1]!.id), Number(r[limit - 1]!.n)]);
    } else {
      const after = query.cursor ? (decodeCursor(query.cursor, ['number']) as [number]) : null;
      const r = await rows<{ id: number }>(
        this.d.db,
        sql`SELECT j.id FROM jobs j WHERE ${filters} ${after ? sql`AND j.id < ${after[0]}` : sql``}
            ORDER BY j.id DESC LIMIT ${limit + 1}`,
      );
      ids = r.slice(0, limit).map((x) => Number(x.id));
      if (r.length > limit) next = encodeCursor([ids[ids.length - 1]!]);
    }
    return { items: await this.views(ids), nextCursor: next };
  }

  /** The tray: what runs and waits for one user, with counts. */
  async summary(userId: number) {
    const [counts] = await rows<{ running: number; queued: number; failed: number; progress: number | null }>(
      this.d.db,
      sql`SELECT count(*) FILTER (WHERE state IN ('dispatched', 'running'))::int AS running,
                 count(*) FILTER (WHERE state IN ('pending', 'scheduled', 'queued', 'retrying', 'paused'))::int AS queued,
                 count(*) FILTER (WHERE state = 'failed' AND finished_at > now() - interval '24 hours')::int AS failed,
                 avg(progress) FILTER (WHERE state IN ('dispatched', 'running')) AS progress
          FROM jobs WHERE owner_user_id = ${userId}`,
    );
    const active = await rows<{ id: number }>(
      this.d.db,
      sql`SELECT id FROM jobs WHERE owner_user_id = ${userId}
            AND state IN ('dispatched', 'running', 'pending', 'scheduled', 'queued', 'retrying', 'paused')
          ORDER BY (state IN ('dispatched', 'running')) DESC, priority, sort_key, id LIMIT 20`,
    );
    return {
      running: counts?.running ?? 0,
      queued: counts?.queued ?? 0,
      failedRecently: counts?.failed ?? 0,
      progress: counts?.progress === null || counts?.progress === undefined ? null : Number(counts.progress),
      active: await this.views(active.map((a) => Number(a.id))),
    };
  }

  async history(publicId: string): Promise<{ items: JobEvent[] }> {
    const job = await this.find(this.d.db, publicId);
    const r = await rows<{
      id: number;
      kind: JobEvent['kind'];
      from_state: JobEvent['fromState'];
      to_state: JobEvent['toState'];
      attempt: number;
      level: JobEvent['level'];
      message: string;
      details: Record<string, unknown>;
      created_at: Date;
      worker_public_id: string | null;
      worker_name: string | null;
      actor_public_id: string | null;
      actor_name: string | null;
    }>(
      this.d.db,
      sql`SELECT e.id, e.kind, e.from_state, e.to_state, e.attempt, e.level, e.message, e.details, e.created_at,
                 w.public_id AS worker_public_id, w.name AS worker_name,
                 u.public_id AS actor_public_id, u.display_name AS actor_name
          FROM job_events e LEFT JOIN workers w ON w.id = e.worker_id LEFT JOIN users u ON u.id = e.actor_user_id
          WHERE e.job_id = ${job.id} ORDER BY e.id LIMIT 2000`,
    );
    return {
      items: r.map((e) => ({
        id: Number(e.id),
        kind: e.kind,
        fromState: e.from_state,
        toState: e.to_state,
        attempt: e.attempt,
        level: e.level,
        message: e.message,
        worker: e.worker_public_id ? { id: e.worker_public_id, name: e.worker_name ?? '' } : null,
        actor: e.actor_public_id ? { id: e.actor_public_id, displayName: e.actor_name ?? '' } : null,
        details: e.details,
        at: new Date(e.created_at).toISOString(),
      })),
    };
  }

  async views(ids: number[]): Promise<Job[]> {
    const byId = await repo.jobViews(this.d.db, ids);
    const outputIds = [...byId.values()].flatMap((v) => outputMediaIds(v.result));
    const files = outputIds.length
      ? await this.d.db
          .select({
            publicId: mediaFiles.publicId,
            name: mediaFiles.originalFilename,
            mime: mediaFiles.mimeType,
            size: mediaFiles.sizeBytes,
          })
          .from(mediaFiles)
          .where(inArray(mediaFiles.publicId, outputIds))
      : [];
    const fileById = new Map(files.map((f) => [f.publicId, f]));
    return ids.flatMap((id) => {
      const v = byId.get(id);
      if (!v) return [];
      const handler = this.d.registry.get(v.kind);
      const job: Job = {
        id: v.publicId,
        kind: v.kind,
        label: v.label,
        resource: (handler?.resource ?? v.resource) as Job['resource'],
        state: v.state as Job['state'],
        priority: priorityOfRank(v.priority),
        payload: v.payload as Record<string, unknown>,
        owner: v.ownerPublicId ? { id: v.ownerPublicId, displayName: v.ownerName ?? '' } : null,
        projectId: v.projectPublicId,
        projectName: v.projectName,
        requiredTags: v.requiredTags as string[],
        preferredTags: v.preferredTags as string[],
        worker: v.workerPublicId ? { id: v.workerPublicId, name: v.workerName ?? '' } : null,
        attempts: v.attempts,
        maxAttempts: v.maxAttempts,
        progress: v.progress,
        progressText: v.progressText,
        runAt: iso(v.runAt),
        offPeakOnly: v.offPeakOnly,
        budgetExempt: v.budgetExempt,
        gpuSeconds: v.gpuSeconds,
        pauseRequested: v.pauseRequested,
        promptId: v.promptId,
        result: (v.result as Record<string, unknown> | null) ?? null,
        error: (v.error as Job['error']) ?? null,
        outputs: outputMediaIds(v.result).flatMap((m) => {
          const f = fileById.get(m);
          return f
            ? [
                {
                  mediaId: m,
                  filename: f.name ?? m,
                  mimeType: f.mime,
                  sizeBytes: f.size,
                  url: this.d.links.url(m, 'file'),
                },
              ]
            : [];
        }),
        checkpoints: v.checkpoints as Job['checkpoints'],
        dependsOn: v.dependsOn,
        onDependencyFailure: v.onDependencyFailure as Job['onDependencyFailure'],
        parentId: v.parentPublicId,
        queuedAt: iso(v.queuedAt),
        startedAt: iso(v.startedAt),
        finishedAt: iso(v.finishedAt),
        createdAt: new Date(v.createdAt).toISOString(),
        updatedAt: new Date(v.updatedAt).toISOString(),
      };
      return [job];
    });
  }

  // ---------------------------------------------------------------- control by people

  async cancel(acting: Acting, publicId: string): Promise<Job> {
    return this.control(acting, publicId, async (tx, emit, job) => {
      await this.move(tx, emit, job, 'cancel', 'cancelled', {
        reason: 'Cancelled',
        actorUserId: acting.ctx.actor?.userId ?? null,
        set: { finishedAt: this.d.clock.now(), leaseOwner: null, leaseExpiresAt: null },
      });
    });
  }

  /** Waiting jobs pause at once; a running job pauses at its next checkpoint. */
  async pause(acting: Acting, publicId: string): Promise<Job> {
    return this.control(acting, publicId, async (tx, emit, job) => {
      if (job.state === 'running' || job.state === 'dispatched') {
        if (job.pauseRequested) return;
        await tx.update(jobs).set({ pauseRequested: true, updatedAt: sql`now()` }).where(eq(jobs.id, job.id));
        await repo.insertJobEvent(tx, {
          jobId: job.id,
          kind: 'log',
          attempt: job.attempts,
          message: 'Pause requested: the job pauses at its next checkpoint',
          actorUserId: acting.ctx.actor?.userId ?? null,
        });
        await emit(await this.updatedEvent(tx, job, ['pauseRequested']));
        return;
      }
      await this.move(tx, emit, job, 'pause', 'paused', {
        reason: 'Paused',
        actorUserId: acting.ctx.actor?.userId ?? null,
      });
    });
  }

  async resume(acting: Acting, publicId: string): Promise<Job> {
    return this.control(acting, publicId, async (tx, emit, job) => {
      if ((job.state === 'running' || job.state === 'dispatched') && job.pauseRequested) {
        await tx
          .update(jobs)
          .set({ pauseRequested: false, updatedAt: sql`now()` })
          .where(eq(jobs.id, job.id));
        await emit(await this.updatedEvent(tx, job, ['pauseRequested']));
        return;
      }
      const to = await this.waitingStateOf(tx, job);
      await this.move(tx, emit, job, 'resume', to, {
        reason: 'Resumed',
        actorUserId: acting.ctx.actor?.userId ?? null,
        set: { pauseRequested: false, ...(to === 'queued' ? { queuedAt: this.d.clock.now() } : {}) },
      });
    });
  }

  /** Runs a failed or cancelled job again, optionally with changed payload fields or priority (PRD-028 §1.4). */
  async retry(
    acting: Acting,
    publicId: string,
    change: { payload?: Record<string, unknown> | undefined; priority?: JobPriority | undefined },
  ): Promise<Job> {
    return this.control(acting, publicId, async (tx, emit, job) => {
      if (!terminalJobStates.has(job.state as JobState) || job.state === 'completed') {
        throw this.illegal(job.state as JobState, 'requeue');
      }
      let payload = job.payload as Record<string, unknown>;
      if (change.payload) {
        const handler = this.d.registry.get(job.kind)!;
        const parsed = handler.payload.safeParse({ ...payload, ...change.payload });
        if (!parsed.success) {
          const errors = parsed.error.issues.map((i) => ({
            field: ['body.payload', ...i.path.map(String)].join('.'),
            message: i.message,
          }));
          throw new AppError(
            'job.payload_invalid',
            `The changed payload is not valid: ${errors[0]!.field} ${errors[0]!.message}.`,
            errors,
          );
        }
        await handler.check?.(tx, parsed.data, 'body.payload');
        payload = parsed.data as Record<string, unknown>;
      }
      const to = await this.waitingStateOf(tx, { ...job, runAt: null });
      await this.move(tx, emit, job, 'requeue', to, {
        reason: change.payload ? 'Retried with changed parameters' : 'Retried',
        actorUserId: acting.ctx.actor?.userId ?? null,
        details: change.payload ? { changed: change.payload } : {},
        set: {
          payload,
          ...(change.priority ? { priority: priorityRank[change.priority] } : {}),
          attempts: 0,
          runAt: null,
          error: null,
          result: null,
          progress: 0,
          progressText: null,
          promptId: null,
          workerId: null,
          finishedAt: null,
          startedAt: null,
          checkpoints: change.payload ? [] : job.checkpoints,
          sortKey: this.d.clock.now().getTime(),
          queuedAt: to === 'queued' ? this.d.clock.now() : null,
        },
      });
    });
  }

  async setPriority(acting: Acting, publicId: string, priority: JobPriority): Promise<Job> {
    return this.control(acting, publicId, async (tx, emit, job) => {
      if (terminalJobStates.has(job.state as JobState)) {
        throw new AppError('job.illegal_transition', `A ${job.state} job has no priority to change.`);
      }
      if (job.priority === priorityRank[priority]) return;
      await tx
        .update(jobs)
        .set({ priority: priorityRank[priority], updatedAt: sql`now()` })
        .where(eq(jobs.id, job.id));
      await repo.insertJobEvent(tx, {
        jobId: job.id,
        kind: 'log',
        attempt: job.attempts,
        message: `Priority changed from ${priorityOfRank(job.priority)} to ${priority}`,
        actorUserId: acting.ctx.actor?.userId ?? null,
      });
      await emit(await this.updatedEvent(tx, job, ['priority']));
    });
  }

  /** Reorders a waiting job within its priority level: to the front or back, or next to another job. */
  async reorder(
    acting: Acting,
    publicId: string,
    m: { to?: 'front' | 'back' | undefined; before?: string | undefined; after?: string | undefined },
  ): Promise<Job> {
    return this.control(acting, publicId, async (tx, emit, job) => {
      if (!['queued', 'pending', 'scheduled', 'retrying', 'paused'].includes(job.state)) {
        throw new AppError(
          'job.not_queued',
          `A ${job.state} job is not waiting in the queue, so it cannot be moved.`,
        );
      }
      let key: number;
      let priority = job.priority;
      if (m.to) {
        const [edge] = await rows<{ k: number | null }>(
          tx,
          m.to === 'front'
            ? sql`SELECT min(sort_key) AS k FROM jobs WHERE resource = ${job.resource} AND priority = ${job.priority}
                    AND state IN ('queued', 'pending', 'scheduled', 'retrying', 'paused') AND id <> ${job.id}`
            : sql`SELECT max(sort_key) AS k FROM jobs WHERE resource = ${job.resource} AND priority = ${job.priority}
                    AND state IN ('queued', 'pending', 'scheduled', 'retrying', 'paused') AND id <> ${job.id}`,
        );
        const k = edge?.k === null || edge?.k === undefined ? null : Number(edge.k);
        key =
          k === null
            ? job.sortKey
            : m.to === 'front'
              ? Math.min(job.sortKey, k - 1)
              : Math.max(job.sortKey, k + 1);
      } else {
        const anchorId = (m.before ?? m.after)!;
        const field = m.before ? 'body.before' : 'body.after';
        const anchor = await repo.findJob(tx, eq(jobs.publicId, anchorId));
        if (!anchor || anchor.id === job.id || anchor.resource !== job.resource) {
          throw new AppError('job.not_found', `There is no other job ${anchorId} in this queue.`, [
            { field, message: 'is not another job in this queue' },
          ]);
        }
        if (!['queued', 'pending', 'scheduled', 'retrying', 'paused'].includes(anchor.state)) {
          throw new AppError(
            'job.not_queued',
            `Job ${anchorId} is ${anchor.state}, not waiting in the queue.`,
            [{ field, message: 'is not waiting in the queue' }],
          );
        }
        priority = anchor.priority;
        const [neighbour] = await rows<{ k: number | null }>(
          tx,
          m.before
            ? sql`SELECT max(sort_key) AS k FROM jobs WHERE resource = ${job.resource} AND priority = ${anchor.priority}
                    AND sort_key < ${anchor.sortKey} AND id <> ${job.id}
                    AND state IN ('queued', 'pending', 'scheduled', 'retrying', 'paused')`
            : sql`SELECT min(sort_key) AS k FROM jobs WHERE resource = ${job.resource} AND priority = ${anchor.priority}
                    AND sort_key > ${anchor.sortKey} AND id <> ${job.id}
                    AND state IN ('queued', 'pending', 'scheduled', 'retrying', 'paused')`,
        );
        const n = neighbour?.k === null || neighbour?.k === undefined ? null : Number(neighbour.k);
        key = m.before ? sortKeyBetween(n, anchor.sortKey) : sortKeyBetween(anchor.sortKey, n);
      }
      await tx.update(jobs).set({ sortKey: key, priority, updatedAt: sql`now()` }).where(eq(jobs.id, job.id));
      await repo.insertJobEvent(tx, {
        jobId: job.id,
        kind: 'log',
        attempt: job.attempts,
        message:
          m.to === 'front'
            ? 'Moved to the front of the queue'
            : m.to === 'back'
              ? 'Moved to the back of the queue'
              : 'Moved in the queue',
        actorUserId: acting.ctx.actor?.userId ?? null,
      });
      await emit(await this.updatedEvent(tx, job, ['position']));
    });
  }

  /** Changes or clears the start time of a waiting job. */
  async reschedule(acting: Acting, publicId: string, runAtText: string | null): Promise<Job> {
    const runAt = runAtText ? new Date(runAtText) : null;
    if (runAt && runAt.getTime() < this.d.clock.now().getTime() - 1000) {
      throw new AppError(
        'job.run_at_past',
        `The start time ${runAtText} has passed; give a time in the future.`,
        [{ field: 'body.runAt', message: 'is in the past' }],
      );
    }
    return this.control(acting, publicId, async (tx, emit, job) => {
      if (!['queued', 'scheduled', 'pending', 'paused'].includes(job.state)) {
        throw new AppError('job.illegal_transition', `A job that is ${job.state} cannot be rescheduled.`);
      }
      if (job.state === 'pending' || job.state === 'paused') {
        await tx.update(jobs).set({ runAt, updatedAt: sql`now()` }).where(eq(jobs.id, job.id));
        await emit(await this.updatedEvent(tx, job, ['runAt']));
        return;
      }
      const to = runAt && runAt.getTime() > this.d.clock.now().getTime() ? 'scheduled' : 'queued';
      if (to === job.state) {
        await tx.update(jobs).set({ runAt, updatedAt: sql`now()` }).where(eq(jobs.id, job.id));
        await emit(await this.updatedEvent(tx, job, ['runAt']));
        return;
      }
      await this.move(tx, emit, job, 'reschedule', to, {
        reason: runAt ? `Scheduled for ${runAt.toISOString()}` : 'Queued now',
        actorUserId: acting.ctx.actor?.userId ?? null,
        set: { runAt, ...(to === 'queued' ? { queuedAt: this.d.clock.now() } : {}) },
      });
    });
  }

  /**
   * Replaces what a waiting job depends on (PRD-097). A dependency that would close a cycle is refused (422
   * `job.dependency_cycle`, naming the path); the job waits again, or is released, as its new dependencies say.
   */
  async setDependencies(acting: Acting, publicId: string, dependsOn: string[]): Promise<Job> {
    return this.control(acting, publicId, async (tx, emit, job) => {
      if (!['pending', 'queued', 'scheduled', 'paused'].includes(job.state)) {
        throw new AppError(
          'job.illegal_transition',
          `A job that is ${job.state} no longer waits, so its dependencies cannot change.`,
        );
      }
      const found = dependsOn.length
        ? await tx
            .select({ id: jobs.id, publicId: jobs.publicId, state: jobs.state, label: jobs.label })
            .from(jobs)
            .where(inArray(jobs.publicId, dependsOn))
        : [];
      const missing = dependsOn.filter((d) => !found.some((f) => f.publicId === d));
      if (missing.length) {
        throw new AppError(
          'job.dependency_not_found',
          `There is no job ${missing.join(', ')} to depend on.`,
          [{ field: 'body.dependsOn', message: `unknown job ${missing[0]}` }],
        );
      }
      const ids = found.map((f) => f.id);
      const cycle = findDependencyCycle(job.id, ids, await repo.dependencyGraph(tx, ids));
      if (cycle) {
        const labels = await tx
          .select({ id: jobs.id, label: jobs.label })
          .from(jobs)
          .where(inArray(jobs.id, [...new Set(cycle)]));
        const name = (id: number) => labels.find((l) => l.id === id)?.label ?? String(id);
        throw new AppError(
          'job.dependency_cycle',
          `That would make a cycle: ${cycle.map(name).join(' → ')} waits for itself.`,
          [{ field: 'body.dependsOn', message: 'makes a dependency cycle' }],
        );
      }
      await tx.delete(jobDependencies).where(eq(jobDependencies.jobId, job.id));
      if (ids.length)
        await tx.insert(jobDependencies).values(ids.map((d) => ({ jobId: job.id, dependsOnJobId: d })));
      await repo.insertJobEvent(tx, {
        jobId: job.id,
        kind: 'log',
        attempt: job.attempts,
        message: ids.length
          ? `Now waits for ${found.map((f) => f.label).join(', ')}`
          : 'No longer waits for other jobs',
        actorUserId: acting.ctx.actor?.userId ?? null,
      });
      if (job.state === 'paused') return;
      const met = this.dependenciesMet(
        found.map((f) => f.state),
        job.onDependencyFailure,
      );
      if (met === 'cancel') {
        throw new AppError(
          'job.dependency_not_found',
          'A job in the list has already failed or been cancelled, so this one would never run.',
          [{ field: 'body.dependsOn', message: 'includes a failed or cancelled job' }],
        );
      }
      const to = waitingState({ dependenciesMet: met, runAt: job.runAt, now: this.d.clock.now() });
      if (to === job.state) {
        await emit(await this.updatedEvent(tx, job, ['dependsOn']));
      } else if (to === 'pending') {
        await this.move(tx, emit, job, 'wait', 'pending', { reason: 'Waits for its dependencies' });
      } else {
        await this.move(tx, emit, job, job.state === 'pending' ? 'release' : 'reschedule', to, {
          reason: 'Dependencies done',
          set: to === 'queued' ? { queuedAt: this.d.clock.now() } : {},
        });
      }
    });
  }

  async bulk(
    acting: Acting,
    body: {
      action: 'cancel' | 'pause' | 'resume' | 'retry' | 'priority' | 'front';
      ids: string[];
      priority?: JobPriority | undefined;
    },
  ) {
    const results = [];
    for (const id of body.ids) {
      try {
        if (body.action === 'cancel') await this.cancel(acting, id);
        else if (body.action === 'pause') await this.pause(acting, id);
        else if (body.action === 'resume') await this.resume(acting, id);
        else if (body.action === 'retry') await this.retry(acting, id, {});
        else if (body.action === 'priority') await this.setPriority(acting, id, body.priority!);
        else await this.reorder(acting, id, { to: 'front' });
        results.push({ id, ok: true, code: null, detail: null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, code: err.code, detail: err.detail });
      }
    }
    return { results };
  }

  /** Loads and locks a job, checks who may act, runs `fn` in one transaction, and answers the job after. */
  private async control(
    acting: Acting,
    publicId: string,
    fn: (tx: Tx, emit: Emit, job: repo.JobRow) => Promise<void>,
  ): Promise<Job> {
    const id = await this.d.bus.transaction(async (tx, emit) => {
      const job = await this.find(tx, publicId, true);
      if (!acting.manageAll && job.ownerUserId !== (acting.ctx.actor?.userId ?? -1)) {
        throw new AppError(
          'job.forbidden',
          'This job belongs to someone else; only its owner or someone with the "jobs.manage" permission can change it.',
        );
      }
      await fn(tx, emit, job);
      return job.id;
    });
    await this.wakeFor([id]);
    return (await this.views([id]))[0]!;
  }

  // ---------------------------------------------------------------- transitions

  /**
   * The one way a job changes state: checked by the domain state machine, guarded against a concurrent change,
   * written with its history row and event, and followed by what the new state means for dependants and owners.
   */
  async move(
    tx: Tx,
    emit: Emit,
    job: repo.JobRow,
    action: JobAction,
    to: JobState,
    o: MoveOptions,
  ): Promise<repo.JobRow> {
    try {
      transition(job.state as JobState, action, to);
    } catch (err) {
      if (err instanceof IllegalJobTransition) throw this.illegal(err.from, err.action);
      throw err;
    }
    const [updated] = await tx
      .update(jobs)
      .set({ ...o.set, state: to, updatedAt: sql`now()` })
      .where(and(eq(jobs.id, job.id), eq(jobs.state, job.state)))
      .returning();
    if (!updated) {
      const fresh = await repo.findJob(tx, eq(jobs.id, job.id));
      throw this.illegal((fresh?.state ?? job.state) as JobState, action);
    }
    await repo.insertJobEvent(tx, {
      jobId: job.id,
      kind: 'transition',
      fromState: job.state,
      toState: to,
      attempt: updated.attempts,
      level: o.level ?? (to === 'failed' ? 'error' : to === 'retrying' ? 'warning' : 'info'),
      message: o.reason,
      workerId: updated.workerId ?? job.workerId,
      actorUserId: o.actorUserId ?? null,
      details: o.details ?? {},
    });
    const refs = o.refs ?? (await this.refs(tx, updated));
    await emit({
      type: 'job.state_changed',
      projectId: refs.project,
      userId: refs.owner,
      payload: {
        jobId: updated.publicId,
        kind: updated.kind,
        label: updated.label,
        from: job.state as JobState,
        to,
        reason: o.reason,
        workerId: refs.worker,
        attempt: updated.attempts,
      },
    });
    if (to === 'completed' || to === 'failed' || to === 'cancelled') {
      await this.settleDependants(tx, emit, updated);
      if (
        updated.ownerUserId &&
        (to === 'completed' || to === 'failed') &&
        !(await this.isStep(tx, updated))
      ) {
        await this.notify(tx, emit, updated.ownerUserId, refs.owner, {
          kind: to === 'completed' ? 'job.completed' : 'job.failed',
          level: to === 'completed' ? 'success' : 'error',
          title: `${updated.label} ${to === 'completed' ? 'finished' : 'failed'}`,
          body: to === 'failed' ? ((updated.error as { message?: string } | null)?.message ?? o.reason) : '',
          link: `/jobs/${updated.publicId}`,
        });
      }
    }
    return updated;
  }

  /**
   * A step of a larger flow (a scene's segment render and QA, a variant's render and registration, source-image QA):
   * the flow tells its owner how it went, so its steps do not notify one by one.
   */
  private async isStep(tx: Executor, job: repo.JobRow): Promise<boolean> {
    if (stepKinds.has(job.kind)) return true;
    if (job.kind !== 'comfy.render') return false;
    const found = await rows<{ one: number }>(
      tx,
      sql`SELECT 1 AS one FROM job_dependencies d JOIN jobs j ON j.id = d.job_id
          WHERE d.depends_on_job_id = ${job.id} AND j.kind IN ('segment.qa', 'variant.collect') LIMIT 1`,
    );
    return found.length > 0;
  }

  /**
   * Dispatches many queued jobs at once (the scheduler's claim): each move is checked by the state machine like
   * `move`, and written with one update, one history insert and one event insert for the lot.
   */
  async dispatchMany(
    tx: Tx,
    emitMany: <E extends EventType>(d: EventDraft<E>[]) => Promise<void>,
    items: {
      job: repo.JobRow;
      workerId: number | null;
      reason: string;
      refs: { project: string | null; owner: string | null; worker: string | null };
    }[],
    lease: { owner: string; until: Date; startedAt: Date },
  ): Promise<repo.JobRow[]> {
    if (items.length === 0) return [];
    for (const i of items) {
      try {
        transition(i.job.state as JobState, 'dispatch', 'dispatched');
      } catch (err) {
        if (err instanceof IllegalJobTransition) throw this.illegal(err.from, err.action);
        throw err;
      }
    }
    const updated = await rows<{ id: number }>(
      tx,
      sql`UPDATE jobs AS j SET state = 'dispatched', worker_id = v.worker_id, lease_owner = ${lease.owner},
                 lease_expires_at = ${lease.until}, attempts = j.attempts + 1, prompt_id = NULL, progress = 0,
                 progress_text = NULL, started_at = ${lease.startedAt}, updated_at = now()
          FROM (VALUES ${sql.join(
            items.map((i) => sql`(${i.job.id}::bigint, ${i.workerId}::bigint)`),
            sql`, `,
          )}) AS v(id, worker_id)
          WHERE j.id = v.id AND j.state = 'queued'
          RETURNING j.id`,
    );
    const done = new Set(updated.map((u) => Number(u.id)));
    const moved = items.filter((i) => done.has(i.job.id));
    if (moved.length === 0) return [];
    await tx.execute(
      sql`INSERT INTO job_events (job_id, kind, from_state, to_state, attempt, level, message, worker_id)
          VALUES ${sql.join(
            moved.map(
              (i) =>
                sql`(${i.job.id}, 'transition', 'queued', 'dispatched', ${i.job.attempts + 1}, 'info', ${i.reason}, ${i.workerId})`,
            ),
            sql`, `,
          )}`,
    );
    await emitMany(
      moved.map((i) => ({
        type: 'job.state_changed' as const,
        projectId: i.refs.project,
        userId: i.refs.owner,
        payload: {
          jobId: i.job.publicId,
          kind: i.job.kind,
          label: i.job.label,
          from: 'queued' as const,
          to: 'dispatched' as const,
          reason: i.reason,
          workerId: i.refs.worker,
          attempt: i.job.attempts + 1,
        },
      })),
    );
    return tx
      .select()
      .from(jobs)
      .where(inArray(jobs.id, [...done]));
  }

  /** Releases or cancels the jobs that waited on `done`. */
  private async settleDependants(tx: Tx, emit: Emit, done: repo.JobRow): Promise<void> {
    for (const dep of await repo.waitingDependants(tx, done.id)) {
      const states = await repo.dependencyStates(tx, dep.id);
      const met = this.dependenciesMet(states, dep.onDependencyFailure);
      if (met === 'cancel') {
        await this.move(tx, emit, dep, 'cancel', 'cancelled', {
          reason: `Cancelled: the job it depends on (${done.label}) ${done.state}`,
          set: {
            finishedAt: this.d.clock.now(),
            error: { code: 'dependency', message: `A job it depends on ${done.state}.`, retryable: true },
          },
        });
      } else if (met) {
        const to = waitingState({ dependenciesMet: true, runAt: dep.runAt, now: this.d.clock.now() });
        if (to === 'pending') continue;
        await this.move(tx, emit, dep, 'release', to, {
          reason: 'Dependencies done',
          set: to === 'queued' ? { queuedAt: this.d.clock.now() } : {},
        });
      }
    }
  }

  private async waitingStateOf(tx: Executor, job: repo.JobRow): Promise<'pending' | 'scheduled' | 'queued'> {
    const met = this.dependenciesMet(await repo.dependencyStates(tx, job.id), job.onDependencyFailure);
    return waitingState({ dependenciesMet: met === true, runAt: job.runAt, now: this.d.clock.now() });
  }

  /** Tells a user something, as their notification preferences say (live, held, digest or not at all). */
  async notify(
    tx: Executor,
    emit: Emit,
    userId: number,
    userPublicId: string | null,
    n: NotificationDraft,
  ): Promise<void> {
    await this.d.notifications.notify(tx, emit, userId, userPublicId, n);
  }

  /** Public ids of a job's project, owner and worker, for events. */
  async refs(db: Executor, job: repo.JobRow) {
    const [r] = await rows<{ project: string | null; owner: string | null; worker: string | null }>(
      db,
      sql`SELECT (SELECT public_id FROM projects WHERE id = ${job.projectId}) AS project,
                 (SELECT public_id FROM users WHERE id = ${job.ownerUserId}) AS owner,
                 (SELECT public_id FROM workers WHERE id = ${job.workerId}) AS worker`,
    );
    return { project: r?.project ?? null, owner: r?.owner ?? null, worker: r?.worker ?? null };
  }

  async updatedEvent(db: Executor, job: repo.JobRow, fields: string[]): Promise<EventDraft<'job.updated'>> {
    const refs = await this.refs(db, job);
    return {
      type: 'job.updated',
      projectId: refs.project,
      userId: refs.owner,
      payload: { jobId: job.publicId, kind: job.kind, label: job.label, fields },
    };
  }

  backoffMs(attempt: number): number {
    return retryBackoffMs(attempt, this.random());
  }

  private illegal(from: JobState, action: JobAction): AppError {
    const allowed = availableJobActions(from);
    return new AppError(
      'job.illegal_transition',
      `${new IllegalJobTransition(from, action, null).message}${allowed.length ? ` It can be: ${allowed.join(', ')}.` : ''}`,
    );
  }

  async find(db: Executor, publicId: string, lock = false): Promise<repo.JobRow> {
    const row = await repo.findJob(db, eq(jobs.publicId, publicId), lock);
    if (!row) throw new AppError('job.not_found', `There is no job ${publicId}.`);
    return row;
  }

  private async wakeFor(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const r = await rows<{ resource: 'gpu' | 'cpu' }>(
      this.d.db,
      sql`SELECT DISTINCT resource FROM jobs WHERE id IN (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}) AND state = 'queued'`,
    );
    for (const x of r) await this.d.bus.wake(x.resource);
  }

  private async userId(publicId: string): Promise<number> {
    const [u] = await this.d.db.select({ id: users.id }).from(users).where(eq(users.publicId, publicId));
    return u?.id ?? -1;
  }

  private async projectId(publicId: string): Promise<number> {
    const [p] = await this.d.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.publicId, publicId));
    return p?.id ?? -1;
  }

  private async workerId(publicId: string): Promise<number> {
    const [w] = await this.d.db
      .select({ id: workers.id })
      .from(workers)
      .where(eq(workers.publicId, publicId));
    return w?.id ?? -1;
  }
}

export function outputMediaIds(result: unknown): string[] {
  const r = result as { outputs?: unknown } | null;
  return Array.isArray(r?.outputs)
    ? (r.outputs as unknown[]).filter((x): x is string => typeof x === 'string')
    : [];
}
