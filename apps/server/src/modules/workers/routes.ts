// HTTP for the worker fleet: register (after a connectivity check), list, get, edit, admin states, events, vitals.
import {
  idParamsSchema,
  registerWorkerBodySchema,
  updateWorkerBodySchema,
  workerEventListQuerySchema,
  workerEventPageSchema,
  workerListQuerySchema,
  workerPageSchema,
  workerSchema,
  workerVitalsQuerySchema,
  workerVitalsSchema,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import type { WorkersService } from './service.js';

const stateActions = [
  { path: 'enable', to: 'enabled', summary: 'Enable a worker: it takes new work' },
  { path: 'drain', to: 'draining', summary: 'Drain a worker: it finishes what runs and takes nothing new' },
  { path: 'disable', to: 'disabled', summary: 'Disable a worker: it takes no work' },
  {
    path: 'decommission',
    to: 'decommissioned',
    summary: 'Decommission a worker: final; its history stays and its name and URL are free again',
  },
] as const;

export const workerRoutes =
  (workers: WorkersService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['workers'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const manage = { guard: 'workers.manage' as const };

    app.get(
      '/workers',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List workers by name, with health and the latest vitals',
          querystring: workerListQuerySchema,
          response: { 200: workerPageSchema, ...problems },
        },
      },
      async (req) => workers.list(req.query),
    );
    app.post(
      '/workers',
      {
        config: manage,
        schema: {
          ...base,
          summary: 'Register a ComfyUI server as a worker',
          description:
            'The server must answer `/system_stats` like ComfyUI 0.1 or later within 3 s; otherwise nothing is saved and the answer is a 422 naming `body.url` (`worker.unreachable`, `worker.timeout`, `worker.not_comfy`, `worker.outdated`). A name or URL already used by a worker that is not decommissioned is a 409.',
          body: registerWorkerBodySchema,
          response: { 201: workerSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await workers.register(contextOf(req), req.body)),
    );
    app.get(
      '/workers/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a worker',
          params: idParamsSchema,
          response: { 200: workerSchema, ...problems },
        },
      },
      async (req) => workers.get(req.params.id),
    );
    app.patch(
      '/workers/:id',
      {
        config: manage,
        schema: {
          ...base,
          summary: 'Rename a worker, change its capability tags or max concurrency',
          params: idParamsSchema,
          body: updateWorkerBodySchema,
          response: { 200: workerSchema, ...problems },
        },
      },
      async (req) => workers.update(contextOf(req), req.params.id, req.body),
    );
    for (const action of stateActions) {
      app.post(
        `/workers/:id/${action.path}`,
        {
          config: manage,
          schema: {
            ...base,
            summary: action.summary,
            description:
              'Asking for the state the worker is in changes nothing. Decommissioned is final (409 `worker.illegal_transition`).',
            params: idParamsSchema,
            response: { 200: workerSchema, ...problems },
          },
        },
        async (req) => workers.setAdminState(contextOf(req), req.params.id, action.to),
      );
    }
    app.get(
      '/workers/:id/events',
      {
        config: read,
        schema: {
          ...base,
          summary:
            "A worker's events, newest first: registration, state and health changes, threshold alerts",
          params: idParamsSchema,
          querystring: workerEventListQuerySchema,
          response: { 200: workerEventPageSchema, ...problems },
        },
      },
      async (req) => workers.events(req.params.id, req.query),
    );
    app.get(
      '/workers/:id/vitals',
      {
        config: read,
        schema: {
          ...base,
          summary: "A worker's GPU and queue vitals over the last 1 h, 6 h or 24 h, in at most 120 buckets",
          params: idParamsSchema,
          querystring: workerVitalsQuerySchema,
          response: { 200: workerVitalsSchema, ...problems },
        },
      },
      async (req) => workers.vitals(req.params.id, req.query.window),
    );
  };
