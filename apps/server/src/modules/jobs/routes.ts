// HTTP for the job engine: submit, list (queue order or newest), the tray summary, detail and history, control
// actions, bulk actions, and the registered kinds.
import {
  bulkJobActionSchema,
  bulkJobResultSchema,
  changePrioritySchema,
  createJobSchema,
  idParamsSchema,
  jobEventListSchema,
  jobKindInfoSchema,
  jobListQuerySchema,
  jobPageSchema,
  jobSchema,
  jobSummarySchema,
  moveJobSchema,
  rescheduleJobSchema,
  retryJobSchema,
} from '@i2v/contracts';
import { roleCan } from '@i2v/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import type { Acting, JobsService } from './service.js';

export const actingOf = (req: FastifyRequest): Acting => ({
  ctx: contextOf(req),
  manageAll: req.user ? roleCan(req.user.role, 'jobs.manage') : false,
});

export const jobRoutes =
  (jobs: JobsService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['jobs'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };
    const controlDescription =
      'Owners act on their own jobs; acting on someone else\'s needs the "jobs.manage" permission (403 `job.forbidden`). A move the job\'s state does not allow is a 409 `job.illegal_transition` that says what it can do.';

    app.get(
      '/jobs/kinds',
      {
        config: read,
        schema: {
          ...base,
          summary: 'The job kinds this studio runs',
          response: { 200: z.object({ items: z.array(jobKindInfoSchema) }), ...problems },
        },
      },
      async () => ({ items: jobs.kinds() }),
    );
    app.post(
      '/jobs',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Submit a job',
          description:
            'Answers at once with the job (201); it waits for its dependencies (`pending`), its start time (`scheduled`) or a worker (`queued`). An unknown kind is a 422 `job.kind_unknown`, a payload the kind does not accept a 422 `job.payload_invalid` naming `body.payload.…`, a start time in the past a 422 `job.run_at_past`, an unknown dependency a 422 `job.dependency_not_found`. Nothing is written then.',
          body: createJobSchema,
          response: { 201: jobSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await jobs.create(actingOf(req), req.body)),
    );
    app.post(
      '/jobs/batch',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Submit several jobs in one transaction',
          description:
            'All or nothing: one bad job refuses the batch, naming `body.jobs.N.…`. Within a priority level a batch runs longest expected first (`payload.estimatedSeconds`), which keeps the fleet busy to the end.',
          body: z.strictObject({ jobs: z.array(createJobSchema).min(1).max(1000) }),
          response: { 201: z.object({ items: z.array(jobSchema) }), ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ items: await jobs.createMany(actingOf(req), req.body.jobs) }),
    );
    app.get(
      '/jobs',
      {
        config: read,
        schema: {
          ...base,
          summary:
            'List jobs, in queue order or newest first, filtered by state, kind, owner, project, worker',
          querystring: jobListQuerySchema,
          response: { 200: jobPageSchema, ...problems },
        },
      },
      async (req) => jobs.list(req.user!.id, req.query),
    );
    app.get(
      '/jobs/summary',
      {
        config: read,
        schema: {
          ...base,
          summary: "The signed-in user's running and waiting jobs, for the job tray",
          response: { 200: jobSummarySchema, ...problems },
        },
      },
      async (req) => jobs.summary(req.user!.id),
    );
    app.post(
      '/jobs/bulk',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Cancel, pause, resume, retry, reprioritise or move to the front many jobs',
          description:
            'Each job is acted on by itself; the answer says per job whether it worked and, if not, why.',
          body: bulkJobActionSchema,
          response: { 200: bulkJobResultSchema, ...problems },
        },
      },
      async (req) => jobs.bulk(actingOf(req), req.body),
    );
    app.get(
      '/jobs/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a job',
          params: idParamsSchema,
          response: { 200: jobSchema, ...problems },
        },
      },
      async (req) => jobs.get(req.params.id),
    );
    app.get(
      '/jobs/:id/events',
      {
        config: read,
        schema: {
          ...base,
          summary: "A job's history: transitions with attempt and worker, log lines, moves, checkpoints",
          params: idParamsSchema,
          response: { 200: jobEventListSchema, ...problems },
        },
      },
      async (req) => jobs.history(req.params.id),
    );
    const simple = [
      {
        path: 'cancel',
        summary: 'Cancel a job (a running one is interrupted on its worker; its outputs so far are kept)',
        run: jobs.cancel,
      },
      {
        path: 'pause',
        summary: 'Pause a job (a running one pauses at its next checkpoint)',
        run: jobs.pause,
      },
      { path: 'resume', summary: 'Resume a paused job', run: jobs.resume },
    ] as const;
    for (const action of simple) {
      app.post(
        `/jobs/:id/${action.path}`,
        {
          config: write,
          schema: {
            ...base,
            summary: action.summary,
            description: controlDescription,
            params: idParamsSchema,
            response: { 200: jobSchema, ...problems },
          },
        },
        async (req) => action.run.call(jobs, actingOf(req), req.params.id),
      );
    }
    app.post(
      '/jobs/:id/retry',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Run a failed or cancelled job again, optionally with changed payload fields or priority',
          description: `${controlDescription} Changed fields are merged into the payload and checked like a new submission.`,
          params: idParamsSchema,
          body: retryJobSchema,
          response: { 200: jobSchema, ...problems },
        },
      },
      async (req) => jobs.retry(actingOf(req), req.params.id, req.body ?? {}),
    );
    app.put(
      '/jobs/:id/priority',
      {
        config: write,
        schema: {
          ...base,
          summary: "Change a job's priority level",
          description: controlDescription,
          params: idParamsSchema,
          body: changePrioritySchema,
          response: { 200: jobSchema, ...problems },
        },
      },
      async (req) => jobs.setPriority(actingOf(req), req.params.id, req.body.priority),
    );
    app.post(
      '/jobs/:id/move',
      {
        config: write,
        schema: {
          ...base,
          summary:
            'Move a waiting job to the front or back of its level, or next to another job (drag and drop)',
          description: `${controlDescription} Placing it next to a job of another level takes that level.`,
          params: idParamsSchema,
          body: moveJobSchema,
          response: { 200: jobSchema, ...problems },
        },
      },
      async (req) => jobs.reorder(actingOf(req), req.params.id, req.body),
    );
    app.put(
      '/jobs/:id/dependencies',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Replace the jobs a waiting job depends on',
          description: `${controlDescription} A dependency that would close a cycle is a 422 \`job.dependency_cycle\` naming the path; nothing changes then.`,
          params: idParamsSchema,
          body: z.strictObject({ dependsOn: z.array(z.string().uuid()).max(100) }),
          response: { 200: jobSchema, ...problems },
        },
      },
      async (req) => jobs.setDependencies(actingOf(req), req.params.id, req.body.dependsOn),
    );
    app.put(
      '/jobs/:id/schedule',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Set or clear the start time of a waiting job',
          description: `${controlDescription} A time in the past is a 422 \`job.run_at_past\`.`,
          params: idParamsSchema,
          body: rescheduleJobSchema,
          response: { 200: jobSchema, ...problems },
        },
      },
      async (req) => jobs.reschedule(actingOf(req), req.params.id, req.body.runAt),
    );
  };
