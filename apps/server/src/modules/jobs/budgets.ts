// GPU-hour budgets and quotas (PRD-093): a project's budget and a user's quota, usage from finished jobs, warnings at
// thresholds (once per period), and a hard limit that refuses new GPU submissions and holds queued work.
import {
  type Budget,
  budgetSchema,
  createBudgetSchema,
  idParamsSchema,
  updateBudgetSchema,
} from '@i2v/contracts';
import {
  type BudgetPeriod,
  budgetPeriodStart,
  budgetStatus,
  daysUntilExhausted,
  thresholdCrossed,
} from '@i2v/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, type Executor, rows } from '../../db/client.js';
import { gpuBudgets, projects, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import { newPublicId } from '../../platform/ids.js';
import type { NotificationDraft } from '../events/notifications.js';
import type { Acting } from './service.js';

type Row = typeof gpuBudgets.$inferSelect;

/** GPU time for people: hours, or minutes and seconds when small. */
export function gpuTime(hours: number): string {
  if (hours >= 1) return `${hours.toFixed(1)} GPU hours`;
  if (hours * 60 >= 1) return `${(hours * 60).toFixed(1)} GPU minutes`;
  return `${(hours * 3600).toFixed(1)} GPU seconds`;
}

interface Usage {
  used: number;
  exempt: number;
  recentPerDay: number;
}

export class BudgetsService {
  constructor(private readonly d: { db: Db; clock: Clock }) {}

  async list(q: {
    projectId?: string | undefined;
    userId?: string | undefined;
  }): Promise<{ items: Budget[] }> {
    const found = await this.d.db
      .select({ budget: gpuBudgets })
      .from(gpuBudgets)
      .leftJoin(projects, eq(projects.id, gpuBudgets.projectId))
      .leftJoin(users, eq(users.id, gpuBudgets.userId))
      .where(
        and(
          q.projectId ? eq(projects.publicId, q.projectId) : undefined,
          q.userId ? eq(users.publicId, q.userId) : undefined,
        ),
      )
      .orderBy(gpuBudgets.scope, gpuBudgets.id);
    const items = [];
    for (const f of found) items.push(await this.view(this.d.db, f.budget));
    return { items };
  }

  async create(acting: Acting, body: z.output<typeof createBudgetSchema>): Promise<Budget> {
    this.mustManage(acting);
    const projectId = body.projectId ? await this.projectId(body.projectId) : null;
    const userId = body.userId ? await this.userId(body.userId) : null;
    const [existing] = await this.d.db
      .select({ id: gpuBudgets.id })
      .from(gpuBudgets)
      .where(projectId !== null ? eq(gpuBudgets.projectId, projectId) : eq(gpuBudgets.userId, userId!));
    if (existing) {
      throw new AppError('budget.exists', 'There is a budget for it already; change that one instead.', [
        {
          field: body.scope === 'project' ? 'body.projectId' : 'body.userId',
          message: 'already has a budget',
        },
      ]);
    }
    const [row] = await this.d.db
      .insert(gpuBudgets)
      .values({
        publicId: newPublicId(),
        scope: body.scope,
        projectId,
        userId,
        limitHours: body.limitHours,
        period: body.period,
        warnAt: [...body.warnAt].sort((a, b) => a - b),
        hardLimit: body.hardLimit,
      })
      .returning();
    return this.view(this.d.db, row!);
  }

  async update(acting: Acting, publicId: string, body: z.output<typeof updateBudgetSchema>): Promise<Budget> {
    this.mustManage(acting);
    const row = await this.find(publicId);
    const [updated] = await this.d.db
      .update(gpuBudgets)
      .set({
        ...(body.limitHours !== undefined ? { limitHours: body.limitHours } : {}),
        ...(body.period ? { period: body.period } : {}),
        ...(body.warnAt ? { warnAt: [...body.warnAt].sort((a, b) => a - b) } : {}),
        ...(body.hardLimit !== undefined ? { hardLimit: body.hardLimit } : {}),
        // a changed budget warns afresh
        warnedLevel: 0,
        updatedAt: sql`now()`,
      })
      .where(eq(gpuBudgets.id, row.id))
      .returning();
    return this.view(this.d.db, updated!);
  }

  async remove(acting: Acting, publicId: string): Promise<void> {
    this.mustManage(acting);
    const row = await this.find(publicId);
    await this.d.db.delete(gpuBudgets).where(eq(gpuBudgets.id, row.id));
  }

  /** Refuses a GPU submission when the owner's quota or the project's budget is used up (hard limits only). */
  async assertRoom(
    db: Executor,
    ownerUserId: number | null,
    projectId: number | null,
    at: string,
  ): Promise<void> {
    for (const b of await this.applicable(db, ownerUserId, projectId)) {
      if (!b.hardLimit) continue;
      const view = await this.view(db, b);
      if (view.state !== 'exceeded') continue;
      const whose = b.scope === 'project' ? `Project ${view.project?.name}` : 'Your GPU quota';
      throw new AppError(
        'job.quota_exceeded',
        `${whose} has used ${gpuTime(view.usedHours)} of ${gpuTime(view.limitHours)}${b.period === 'total' ? '' : ` this ${b.period}`}; new GPU jobs wait until ${b.period === 'total' ? 'an admin raises the budget' : `the ${b.period} resets or an admin raises the quota`}.`,
        [
          {
            field: b.scope === 'project' ? `${at}.projectId` : at,
            message: `${b.scope === 'project' ? 'project budget' : 'GPU quota'} used up`,
          },
        ],
      );
    }
  }

  /** Owners and projects over a hard limit: the scheduler holds their (non-exempt) GPU jobs. */
  async blocked(db: Executor): Promise<{ owners: Set<number>; projects: Set<number> }> {
    const owners = new Set<number>();
    const projectsOver = new Set<number>();
    const list = await db.select().from(gpuBudgets).where(eq(gpuBudgets.hardLimit, true));
    for (const b of list) {
      const u = await this.usage(db, b);
      if (u.used >= b.limitHours) {
        if (b.scope === 'user' && b.userId) owners.add(b.userId);
        if (b.scope === 'project' && b.projectId) projectsOver.add(b.projectId);
      }
    }
    return { owners, projects: projectsOver };
  }

  /** After a job's GPU time is counted: warns the owner once per threshold crossed in the period. */
  async afterUsage(
    tx: Executor,
    job: { ownerUserId: number | null; projectId: number | null },
    notify: (userId: number, n: NotificationDraft) => Promise<void>,
  ): Promise<void> {
    for (const b of await this.applicable(tx, job.ownerUserId, job.projectId)) {
      const view = await this.view(tx, b);
      const periodStart = budgetPeriodStart(b.period as BudgetPeriod, this.d.clock.now());
      const samePeriod =
        (periodStart?.getTime() ?? 0) === (b.warnedPeriodStart ? new Date(b.warnedPeriodStart).getTime() : 0);
      const warned = samePeriod ? b.warnedLevel : 0;
      const level = thresholdCrossed(view.fraction, warned, b.warnAt as number[]);
      if (level === null) continue;
      await tx
        .update(gpuBudgets)
        .set({ warnedLevel: level, warnedPeriodStart: periodStart })
        .where(eq(gpuBudgets.id, b.id));
      const what = b.scope === 'project' ? `Project ${view.project?.name}` : 'Your GPU quota';
      const target = b.scope === 'user' ? b.userId : job.ownerUserId;
      if (!target) continue;
      await notify(target, {
        kind: 'budget.warning',
        level: level >= 1 ? 'error' : 'warning',
        title: `${what} is at ${Math.round(view.fraction * 100)}%`,
        body: `${gpuTime(view.usedHours)} of ${gpuTime(view.limitHours)} used; ${gpuTime(view.remainingHours)} left.${level >= 1 && b.hardLimit ? ' New GPU jobs are held.' : ''}`,
        link: '/jobs/budgets',
      });
    }
  }

  private async applicable(
    db: Executor,
    ownerUserId: number | null,
    projectId: number | null,
  ): Promise<Row[]> {
    if (ownerUserId === null && projectId === null) return [];
    return db
      .select()
      .from(gpuBudgets)
      .where(
        sql`(${gpuBudgets.scope} = 'user' AND ${gpuBudgets.userId} = ${ownerUserId ?? -1})
            OR (${gpuBudgets.scope} = 'project' AND ${gpuBudgets.projectId} = ${projectId ?? -1})`,
      );
  }

  private async usage(db: Executor, b: Row): Promise<Usage> {
    const now = this.d.clock.now();
    const start = budgetPeriodStart(b.period as BudgetPeriod, now);
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    const who = b.scope === 'project' ? sql`project_id = ${b.projectId}` : sql`owner_user_id = ${b.userId}`;
    const [u] = await rows<{ used: number | null; exempt: number | null; recent: number | null }>(
      db,
      sql`SELECT sum(gpu_seconds) FILTER (WHERE NOT budget_exempt ${start ? sql`AND finished_at >= ${start}` : sql``}) / 3600.0 AS used,
                 sum(gpu_seconds) FILTER (WHERE budget_exempt ${start ? sql`AND finished_at >= ${start}` : sql``}) / 3600.0 AS exempt,
                 sum(gpu_seconds) FILTER (WHERE NOT budget_exempt AND finished_at >= ${weekAgo}) / 3600.0 AS recent
          FROM jobs WHERE ${who} AND gpu_seconds > 0`,
    );
    return {
      used: Number(u?.used ?? 0),
      exempt: Number(u?.exempt ?? 0),
      recentPerDay: Number(u?.recent ?? 0) / 7,
    };
  }

  private async view(db: Executor, b: Row): Promise<Budget> {
    const u = await this.usage(db, b);
    const status = budgetStatus(u.used, b.limitHours, b.warnAt as number[]);
    const [names] = await rows<{
      project_id: string | null;
      project_name: string | null;
      user_id: string | null;
      user_name: string | null;
    }>(
      db,
      sql`SELECT p.public_id AS project_id, p.name AS project_name, u.public_id AS user_id, u.display_name AS user_name
          FROM (SELECT 1) one LEFT JOIN projects p ON p.id = ${b.projectId} LEFT JOIN users u ON u.id = ${b.userId}`,
    );
    const start = budgetPeriodStart(b.period as BudgetPeriod, this.d.clock.now());
    return {
      id: b.publicId,
      scope: b.scope as Budget['scope'],
      project: names?.project_id ? { id: names.project_id, name: names.project_name ?? '' } : null,
      user: names?.user_id ? { id: names.user_id, displayName: names.user_name ?? '' } : null,
      limitHours: b.limitHours,
      period: b.period as Budget['period'],
      periodStart: start ? start.toISOString() : null,
      usedHours: u.used,
      exemptHours: u.exempt,
      fraction: status.fraction,
      state: status.state,
      remainingHours: status.remainingHours,
      daysLeft: daysUntilExhausted(status.remainingHours, u.recentPerDay),
      warnAt: b.warnAt as number[],
      hardLimit: b.hardLimit,
    };
  }

  private mustManage(acting: Acting): void {
    if (!acting.manageAll) {
      throw new AppError(
        'job.forbidden',
        'Budgets and quotas are set by someone with the "jobs.manage" permission.',
      );
    }
  }

  private async find(publicId: string): Promise<Row> {
    const [row] = await this.d.db.select().from(gpuBudgets).where(eq(gpuBudgets.publicId, publicId));
    if (!row) throw new AppError('budget.not_found', `There is no budget ${publicId}.`);
    return row;
  }

  private async projectId(publicId: string): Promise<number> {
    const [p] = await this.d.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.publicId, publicId));
    if (!p)
      throw new AppError('project.not_found', `There is no project ${publicId}.`, [
        { field: 'body.projectId', message: 'is not a project' },
      ]);
    return p.id;
  }

  private async userId(publicId: string): Promise<number> {
    const [u] = await this.d.db.select({ id: users.id }).from(users).where(eq(users.publicId, publicId));
    if (!u)
      throw new AppError('user.not_found', `There is no user ${publicId}.`, [
        { field: 'body.userId', message: 'is not a user' },
      ]);
    return u.id;
  }
}

export const budgetRoutes =
  (
    budgets: BudgetsService,
    acting: (req: Parameters<typeof contextOf>[0]) => Acting,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['jobs'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const manage = { guard: 'jobs.manage' as const };
    app.get(
      '/budgets',
      {
        config: read,
        schema: {
          ...base,
          summary: 'GPU-hour budgets of projects and quotas of users, with usage, state and projection',
          querystring: z.strictObject({ projectId: z.uuid().optional(), userId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(budgetSchema) }), ...problems },
        },
      },
      async (req) => budgets.list(req.query),
    );
    app.post(
      '/budgets',
      {
        config: manage,
        schema: {
          ...base,
          summary: "Set a project's GPU-hour budget or a user's quota",
          description:
            'One budget per project and per user (409 when one exists: change it instead). With `hardLimit`, reaching the limit refuses new GPU submissions (429 `job.quota_exceeded`) and holds queued GPU work; running jobs finish.',
          body: createBudgetSchema,
          response: { 201: budgetSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await budgets.create(acting(req), req.body)),
    );
    app.patch(
      '/budgets/:id',
      {
        config: manage,
        schema: {
          ...base,
          summary: 'Change a budget',
          params: idParamsSchema,
          body: updateBudgetSchema,
          response: { 200: budgetSchema, ...problems },
        },
      },
      async (req) => budgets.update(acting(req), req.params.id, req.body),
    );
    app.delete(
      '/budgets/:id',
      {
        config: manage,
        schema: {
          ...base,
          summary: 'Remove a budget',
          params: idParamsSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await budgets.remove(acting(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
