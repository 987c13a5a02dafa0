// Recurring schedules (PRD-008 §2.1): a cron expression (croner) and a job template; the scheduler submits the job
// at every occurrence. An occurrence that cannot be submitted is recorded on the schedule and told to its owner;
// it does not stop the next one.
import {
  createJobScheduleSchema,
  idParamsSchema,
  type JobSchedule,
  jobScheduleSchema,
  pageQueryShape,
  pageSchema,
  updateJobScheduleSchema,
} from '@i2v/contracts';
import { roleCan } from '@i2v/domain';
import { Cron } from 'croner';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, rows } from '../../db/client.js';
import { jobSchedules, jobs } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import type { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import { newPublicId } from '../../platform/ids.js';
import type { EventBus } from '../events/bus.js';
import type { Acting, JobsService } from './service.js';

type Row = typeof jobSchedules.$inferSelect;

/** Parses a cron expression in a time zone; a 422 naming the field when it does not parse. */
export function parseCron(expr: string, timezone: string, field = 'body.cron'): Cron {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new AppError(
      'schedule.timezone_invalid',
      `"${timezone}" is not a time zone; use an IANA name like Europe/Berlin.`,
      [{ field: field.replace(/cron$/, 'timezone'), message: 'is not an IANA time zone' }],
    );
  }
  try {
    return new Cron(expr, { paused: true, timezone });
  } catch (err) {
    throw new AppError(
      'schedule.cron_invalid',
      `"${expr}" is not a cron expression (${err instanceof Error ? err.message : 'unreadable'}); for example "0 3 * * *" runs every day at 03:00.`,
      [{ field, message: 'is not a cron expression' }],
    );
  }
}

const nextRuns = (cron: Cron, from: Date, n: number) => cron.nextRuns(n, from).map((d) => d.toISOString());

export class SchedulesService {
  constructor(private readonly d: { db: Db; clock: Clock; bus: EventBus; jobs: JobsService }) {}

  async create(acting: Acting, body: z.output<typeof createJobScheduleSchema>): Promise<JobSchedule> {
    const cron = parseCron(body.cron, body.timezone);
    if (!cron.nextRun(this.d.clock.now())) {
      throw new AppError('schedule.cron_invalid', `"${body.cron}" never runs again.`, [
        { field: 'body.cron', message: 'has no future occurrence' },
      ]);
    }
    await this.d.jobs.checkTemplate(acting, body.job, 'body.job');
    const [row] = await this.d.db
      .insert(jobSchedules)
      .values({
        publicId: newPublicId(),
        name: body.name,
        cron: body.cron,
        timezone: body.timezone,
        enabled: body.enabled,
        template: body.job,
        ownerUserId: acting.ctx.actor?.userId ?? null,
        nextRunAt: body.enabled ? cron.nextRun(this.d.clock.now()) : null,
      })
      .returning();
    return this.view(row!);
  }

  async list(q: { limit: number; cursor?: string | undefined }) {
    const after = q.cursor ? (decodeCursor(q.cursor, ['number']) as [number]) : null;
    const found = await this.d.db
      .select()
      .from(jobSchedules)
      .where(after ? lt(jobSchedules.id, after[0]) : undefined)
      .orderBy(desc(jobSchedules.id))
      .limit(q.limit + 1);
    const items = found.slice(0, q.limit);
    return {
      items: await Promise.all(items.map((r) => this.view(r))),
      nextCursor: found.length > q.limit ? encodeCursor([items[items.length - 1]!.id]) : null,
    };
  }

  async get(publicId: string): Promise<JobSchedule> {
    return this.view(await this.find(publicId));
  }

  async update(
    acting: Acting,
    publicId: string,
    body: z.output<typeof updateJobScheduleSchema>,
  ): Promise<JobSchedule> {
    const row = await this.find(publicId);
    this.mayChange(acting, row);
    const expr = body.cron ?? row.cron;
    const timezone = body.timezone ?? row.timezone;
    const cron = parseCron(expr, timezone);
    const enabled = body.enabled ?? row.enabled;
    const [updated] = await this.d.db
      .update(jobSchedules)
      .set({
        ...(body.name ? { name: body.name } : {}),
        cron: expr,
        timezone,
        enabled,
        nextRunAt: enabled ? cron.nextRun(this.d.clock.now()) : null,
        updatedAt: sql`now()`,
      })
      .where(eq(jobSchedules.id, row.id))
      .returning();
    return this.view(updated!);
  }

  async remove(acting: Acting, publicId: string): Promise<void> {
    const row = await this.find(publicId);
    this.mayChange(acting, row);
    await this.d.db.delete(jobSchedules).where(eq(jobSchedules.id, row.id));
  }

  /** Submits every due occurrence once: the schedule's next time moves on before its job is submitted. */
  async fireDue(): Promise<number> {
    const now = this.d.clock.now();
    const due = await this.d.db.transaction(async (tx) => {
      const list = await tx
        .select()
        .from(jobSchedules)
        .where(and(eq(jobSchedules.enabled, true), sql`${jobSchedules.nextRunAt} <= ${now}`))
        .limit(50)
        .for('update', { skipLocked: true });
      for (const s of list) {
        const next = parseCron(s.cron, s.timezone).nextRun(now);
        await tx
          .update(jobSchedules)
          .set({ nextRunAt: next, lastRunAt: now, enabled: next !== null, updatedAt: sql`now()` })
          .where(eq(jobSchedules.id, s.id));
      }
      return list;
    });
    for (const s of due) await this.submitOccurrence(s);
    return due.length;
  }

  private async submitOccurrence(s: Row): Promise<void> {
    const owner = s.ownerUserId
      ? (
          await rows<{ public_id: string; role: 'admin' | 'creator' | 'reviewer'; email: string }>(
            this.d.db,
            sql`SELECT u.public_id, r.code AS role, u.email FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ${s.ownerUserId}`,
          )
        )[0]
      : undefined;
    const acting: Acting = {
      ctx: {
        actor:
          owner && s.ownerUserId
            ? { userId: s.ownerUserId, publicId: owner.public_id, email: owner.email }
            : null,
        ip: null,
        userAgent: null,
        requestId: null,
      },
      manageAll: owner ? roleCan(owner.role, 'jobs.manage') : true,
    };
    try {
      const [job] = await this.d.jobs.createMany(acting, [
        {
          ...(s.template as Record<string, unknown>),
          label: (s.template as { label?: string }).label ?? s.name,
        } as never,
      ]);
      const [j] = await this.d.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.publicId, job!.id));
      await this.d.db
        .update(jobSchedules)
        .set({ lastJobId: j!.id, lastError: null })
        .where(eq(jobSchedules.id, s.id));
    } catch (err) {
      const detail = err instanceof AppError ? err.detail : err instanceof Error ? err.message : String(err);
      await this.d.db.update(jobSchedules).set({ lastError: detail }).where(eq(jobSchedules.id, s.id));
      if (s.ownerUserId && owner) {
        await this.d.bus.transaction(async (tx, emit) => {
          await this.d.jobs.notify(tx, emit, s.ownerUserId!, owner.public_id, {
            kind: 'schedule.failed',
            level: 'error',
            title: `Schedule "${s.name}" could not submit its job`,
            body: detail,
            link: '/jobs/schedules',
          });
        });
      }
    }
  }

  private mayChange(acting: Acting, row: Row): void {
    if (!acting.manageAll && row.ownerUserId !== (acting.ctx.actor?.userId ?? -1)) {
      throw new AppError('job.forbidden', 'This schedule belongs to someone else.');
    }
  }

  private async find(publicId: string): Promise<Row> {
    const [row] = await this.d.db.select().from(jobSchedules).where(eq(jobSchedules.publicId, publicId));
    if (!row) throw new AppError('schedule.not_found', `There is no schedule ${publicId}.`);
    return row;
  }

  private async view(r: Row): Promise<JobSchedule> {
    const [extra] = await rows<{
      owner_public_id: string | null;
      owner_name: string | null;
      last_job: string | null;
    }>(
      this.d.db,
      sql`SELECT u.public_id AS owner_public_id, u.display_name AS owner_name,
                 (SELECT public_id FROM jobs WHERE id = ${r.lastJobId}) AS last_job
          FROM (SELECT 1) one LEFT JOIN users u ON u.id = ${r.ownerUserId}`,
    );
    const cron = parseCron(r.cron, r.timezone);
    return {
      id: r.publicId,
      name: r.name,
      cron: r.cron,
      timezone: r.timezone,
      enabled: r.enabled,
      job: r.template as Record<string, unknown>,
      owner: extra?.owner_public_id
        ? { id: extra.owner_public_id, displayName: extra.owner_name ?? '' }
        : null,
      nextRunAt: r.nextRunAt ? r.nextRunAt.toISOString() : null,
      lastRunAt: r.lastRunAt ? r.lastRunAt.toISOString() : null,
      lastJobId: extra?.last_job ?? null,
      lastError: r.lastError,
      upcoming: r.enabled ? nextRuns(cron, this.d.clock.now(), 5) : [],
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export const scheduleRoutes =
  (
    schedules: SchedulesService,
    acting: (req: Parameters<typeof contextOf>[0]) => Acting,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['jobs'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };
    app.get(
      '/job-schedules',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List recurring schedules, newest first',
          querystring: z.strictObject({ ...pageQueryShape }),
          response: { 200: pageSchema(jobScheduleSchema), ...problems },
        },
      },
      async (req) => schedules.list(req.query),
    );
    app.post(
      '/job-schedules',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Create a recurring schedule that submits a job at every cron occurrence',
          description:
            'A cron expression that does not parse is a 422 `schedule.cron_invalid` naming `body.cron`; an unknown time zone a 422 `schedule.timezone_invalid`; the job template is checked like a submission (`body.job.…`).',
          body: createJobScheduleSchema,
          response: { 201: jobScheduleSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await schedules.create(acting(req), req.body)),
    );
    app.get(
      '/job-schedules/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a schedule with its next occurrences',
          params: idParamsSchema,
          response: { 200: jobScheduleSchema, ...problems },
        },
      },
      async (req) => schedules.get(req.params.id),
    );
    app.patch(
      '/job-schedules/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Rename, change the cron or time zone, enable or disable a schedule',
          params: idParamsSchema,
          body: updateJobScheduleSchema,
          response: { 200: jobScheduleSchema, ...problems },
        },
      },
      async (req) => schedules.update(acting(req), req.params.id, req.body),
    );
    app.delete(
      '/job-schedules/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete a schedule (jobs it submitted stay)',
          params: idParamsSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await schedules.remove(acting(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
