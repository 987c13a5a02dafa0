// HTTP for projects: list, create, read, edit (with If-Match), lifecycle transitions, trash and restore.
import {
  createProjectBodySchema,
  idParamsSchema,
  type Project,
  projectListQuerySchema,
  projectPageSchema,
  projectSchema,
  projectTransitionBodySchema,
  setMetadataSchemaBodySchema,
  updateProjectBodySchema,
} from '@i2v/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { ProjectsService } from './service.js';

const ifMatchHeaders = z.object({
  'if-match': z.string().max(200).optional().describe('ETag from a previous read; a mismatch answers 412'),
});

export const projectRoutes =
  (projects: ProjectsService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['projects'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };
    const withEtag = (reply: FastifyReply, r: { project: Project; etag: string }): Project => {
      reply.header('etag', r.etag);
      return r.project;
    };

    app.get(
      '/projects',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List projects, newest first',
          querystring: projectListQuerySchema,
          response: { 200: projectPageSchema, ...problems },
        },
      },
      async (req) => projects.list(req.query),
    );
    app.post(
      '/projects',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Create a project (status setup)',
          body: createProjectBodySchema,
          response: { 201: projectSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(withEtag(reply, await projects.create(contextOf(req), req.body))),
    );
    app.get(
      '/projects/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a project (also from the trash); the ETag header is its version',
          params: idParamsSchema,
          response: { 200: projectSchema, ...problems },
        },
      },
      async (req, reply) => withEtag(reply, await projects.get(req.params.id)),
    );
    app.patch(
      '/projects/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Edit name, description, retention or settings',
          description:
            'Refused with 409 `project.locked` while the project is delivered, archived or closed. Send `If-Match` with the ETag you read to avoid overwriting someone else’s change (412 `request.version_conflict`).',
          params: idParamsSchema,
          headers: ifMatchHeaders,
          body: updateProjectBodySchema,
          response: { 200: projectSchema, ...problems },
        },
      },
      async (req, reply) =>
        withEtag(
          reply,
          await projects.update(contextOf(req), req.params.id, req.body, req.headers['if-match']),
        ),
    );
    app.put(
      '/projects/:id/metadata-schema',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Set or remove the JSON Schema of the characters’ delivery metadata',
          description:
            'Character metadata is validated against it whenever it is saved; existing characters show their problems.',
          params: idParamsSchema,
          body: setMetadataSchemaBodySchema,
          response: { 200: projectSchema, ...problems },
        },
      },
      async (req, reply) =>
        withEtag(reply, await projects.setMetadataSchema(contextOf(req), req.params.id, req.body.schema)),
    );
    app.post(
      '/projects/:id/transitions',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Move a project through its lifecycle',
          description:
            'setup → active → delivered → archived → closed; delivered and archived projects can be re-opened (→ active). `allowedTransitions` on the project lists the moves possible now.',
          params: idParamsSchema,
          body: projectTransitionBodySchema,
          response: { 200: projectSchema, ...problems },
        },
      },
      async (req, reply) =>
        withEtag(reply, await projects.transition(contextOf(req), req.params.id, req.body.to, req.body.note)),
    );
    app.delete(
      '/projects/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Move a project to the trash (restorable)',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await projects.trash(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/projects/:id/restore',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Restore a project from the trash',
          params: idParamsSchema,
          response: { 200: projectSchema, ...problems },
        },
      },
      async (req, reply) => withEtag(reply, await projects.restore(contextOf(req), req.params.id)),
    );
  };
