// The render timeline (PRD-090): GPU jobs per worker over the last hours, running jobs with their expected end, and
// the queue with estimated starts and drain time from historical durations of the same workflow version.
import { isoDateTime, publicIdSchema } from '@i2v/contracts';
import { estimateQueue, hasTags, priorityOfRank } from '@i2v/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, rows } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { problems } from '../../platform/http/responses.js';

const blockSchema = z.object({
  jobId: publicIdSchema,
  label: z.string(),
  state: z.string(),
  priority: z.enum(['urgent', 'normal', 'background']),
  projectName: z.string().nullable(),
  ownerName: z.string().nullable(),
  progress: z.number(),
  start: isoDateTime,
  end: isoDateTime.nullable().describe('null while running'),
  expectedEnd: isoDateTime
    .nullable()
    .describe('For a running job, from the history of its workflow; null: no estimate'),
});

export const timelineSchema = z
  .object({
    from: isoDateTime,
    now: isoDateTime,
    lanes: z.array(
      z.object({
        worker: z.object({
          id: publicIdSchema,
          name: z.string(),
          health: z.string(),
          adminState: z.string(),
          tags: z.array(z.string()),
          maxConcurrency: z.number().int(),
        }),
        blocks: z.array(blockSchema),
      }),
    ),
    queue: z.array(
      z.object({
        jobId: publicIdSchema,
        label: z.string(),
        priority: z.enum(['urgent', 'normal', 'background']),
        ownerName: z.string().nullable(),
        position: z.number().int().describe('1 = next'),
        estimatedStart: isoDateTime.nullable().describe('null: no worker can take it'),
        estimated: z
          .boolean()
          .describe('false when the workflow has no history (a default duration was used)'),
      }),
    ),
    drainAt: isoDateTime.describe('When the queue is expected to be empty'),
    completedLastHour: z.number().int(),
  })
  .meta({ id: 'RenderTimeline' });
export type RenderTimeline = z.infer<typeof timelineSchema>;

interface JobLine {
  id: number;
  public_id: string;
  label: string;
  state: string;
  priority: number;
  kind: string;
  version: string | null;
  estimate: number | null;
  project_name: string | null;
  owner_name: string | null;
  progress: number;
  worker_id: number | null;
  required_tags: string[];
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class TimelineService {
  constructor(private readonly d: { db: Db; clock: Clock }) {}

  async timeline(hours: number): Promise<RenderTimeline> {
    const now = this.d.clock.now().getTime();
    const from = now - hours * 3_600_000;
    const workers = await rows<{
      id: number;
      public_id: string;
      name: string;
      health: string;
      admin_state: string;
      tags: string[];
      max_concurrency: number;
    }>(
      this.d.db,
      sql`SELECT id, public_id, name, health, admin_state, tags, max_concurrency FROM workers
          WHERE admin_state <> 'decommissioned' ORDER BY lower(name)`,
    );
    const cols = sql`j.id, j.public_id, j.label, j.state, j.priority, j.kind, j.payload->>'workflowVersionId' AS version,
                     (j.payload->>'estimatedSeconds')::float AS estimate, p.name AS project_name,
                     u.display_name AS owner_name, j.progress, j.worker_id, j.required_tags, j.started_at, j.finished_at`;
    const placed = await rows<JobLine>(
      this.d.db,
      sql`SELECT ${cols} FROM jobs j LEFT JOIN projects p ON p.id = j.project_id LEFT JOIN users u ON u.id = j.owner_user_id
          WHERE j.resource = 'gpu' AND j.worker_id IS NOT NULL AND j.started_at IS NOT NULL
            AND (j.finished_at IS NULL OR j.finished_at >= ${new Date(from)}) AND j.started_at <= ${new Date(now)}
          ORDER BY j.started_at LIMIT 5000`,
    );
    const queued = await rows<JobLine>(
      this.d.db,
      sql`SELECT ${cols} FROM jobs j LEFT JOIN projects p ON p.id = j.project_id LEFT JOIN users u ON u.id = j.owner_user_id
          WHERE j.resource = 'gpu' AND j.state = 'queued' ORDER BY j.priority, j.sort_key, j.id LIMIT 1000`,
    );
    const history = await rows<{ kind: string; version: string | null; seconds: number }>(
      this.d.db,
      sql`SELECT kind, payload->>'workflowVersionId' AS version,
                 avg(extract(epoch FROM finished_at - started_at))::float AS seconds
          FROM jobs WHERE state = 'completed' AND resource = 'gpu' AND started_at IS NOT NULL
            AND finished_at >= ${new Date(now - 7 * 86_400_000)}
          GROUP BY 1, 2`,
    );
    const [done] = await rows<{ n: number }>(
      this.d.db,
      sql`SELECT count(*)::int AS n FROM jobs WHERE resource = 'gpu' AND state = 'completed'
            AND finished_at >= ${new Date(now - 3_600_000)}`,
    );
    const typical = new Map(history.map((h) => [`${h.kind}:${h.version}`, h.seconds * 1000]));
    const durationOf = (j: JobLine): number | null =>
      typical.get(`${j.kind}:${j.version}`) ?? (j.estimate !== null ? j.estimate * 1000 : null);
    const active = new Set(['dispatched', 'running']);
    const lanes = workers.map((w) => {
      const blocks = placed.filter((j) => Number(j.worker_id) === Number(w.id));
      return {
        worker: {
          id: w.public_id,
          name: w.name,
          health: w.health,
          adminState: w.admin_state,
          tags: w.tags,
          maxConcurrency: w.max_concurrency,
        },
        blocks: blocks.map((j) => {
          const start = new Date(j.started_at!).getTime();
          const running = active.has(j.state);
          const d = durationOf(j);
          return {
            jobId: j.public_id,
            label: j.label,
            state: j.state,
            priority: priorityOfRank(j.priority),
            projectName: j.project_name,
            ownerName: j.owner_name,
            progress: j.progress,
            start: iso(start),
            end: running || !j.finished_at ? null : new Date(j.finished_at).toISOString(),
            expectedEnd: running && d !== null ? iso(Math.max(now, start + d)) : null,
          };
        }),
      };
    });
    const takers = workers.filter(
      (w) => w.admin_state === 'enabled' && (w.health === 'healthy' || w.health === 'degraded'),
    );
    const estimate = estimateQueue(
      takers.map((w) => {
        const ends = placed
          .filter((j) => Number(j.worker_id) === Number(w.id) && active.has(j.state))
          .map((j) => {
            const d = durationOf(j);
            return d === null ? now : Math.max(now, new Date(j.started_at!).getTime() + d);
          });
        const freeAt = Array.from({ length: w.max_concurrency }, (_, i) => ends[i] ?? now);
        return { id: Number(w.id), tags: w.tags, freeAt };
      }),
      queued.map((j) => ({ id: Number(j.id), requiredTags: j.required_tags, durationMs: durationOf(j) })),
      now,
    );
    return {
      from: iso(from),
      now: iso(now),
      lanes,
      queue: queued.map((j, i) => {
        const start = estimate.startAt.get(Number(j.id));
        const canRun = takers.some((w) => hasTags(w.tags, j.required_tags));
        return {
          jobId: j.public_id,
          label: j.label,
          priority: priorityOfRank(j.priority),
          ownerName: j.owner_name,
          position: i + 1,
          estimatedStart: start === null || start === undefined || !canRun ? null : iso(start),
          estimated: durationOf(j) !== null,
        };
      }),
      drainAt: iso(estimate.drainAt),
      completedLastHour: done?.n ?? 0,
    };
  }
}

export const timelineRoutes =
  (timeline: TimelineService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/jobs/timeline',
      {
        config: { guard: 'content.read' },
        schema: {
          tags: ['jobs'],
          security: [{ bearer: [] }],
          summary:
            'The render timeline: GPU jobs per worker over the last 1, 6 or 24 hours, and the queue with estimated starts',
          querystring: z.strictObject({
            hours: z.coerce
              .number()
              .refine((h) => h === 1 || h === 6 || h === 24, { error: 'must be 1, 6 or 24' })
              .default(1),
          }),
          response: { 200: timelineSchema, ...problems },
        },
      },
      async (req) => timeline.timeline(req.query.hours),
    );
  };
