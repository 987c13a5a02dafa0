// HTTP for scene types: list per scope, CRUD, and a prompt preview for a chosen character.
import {
  createSceneTypeBodySchema,
  idParamsSchema,
  promptPreviewBodySchema,
  promptPreviewSchema,
  sceneTypeListQuerySchema,
  sceneTypeListSchema,
  sceneTypeSchema,
  setTagsBodySchema,
  updateSceneTypeBodySchema,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { SceneTypesService } from './service.js';

export const sceneTypeRoutes =
  (sceneTypes: SceneTypesService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['scene types'], security: [{ bearer: [] }] };
    const write = { guard: 'content.write' as const };
    app.get(
      '/scene-types',
      {
        config: { guard: 'content.read' },
        schema: {
          ...base,
          summary: 'List scene types: studio-level, plus a project’s own with `projectId`',
          querystring: sceneTypeListQuerySchema,
          response: { 200: sceneTypeListSchema, ...problems },
        },
      },
      async (req) => ({
        items: await sceneTypes.list(
          req.query.projectId,
          req.query.enabled === undefined ? undefined : req.query.enabled === 'true',
          { tags: req.query.tags, tagMode: req.query.tagMode },
        ),
      }),
    );
    app.post(
      '/scene-types',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Create a scene type (studio-level without `projectId`)',
          body: createSceneTypeBodySchema,
          response: { 201: sceneTypeSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await sceneTypes.create(contextOf(req), req.body)),
    );
    app.get(
      '/scene-types/:id',
      {
        config: { guard: 'content.read' },
        schema: {
          ...base,
          summary: 'Get a scene type',
          params: idParamsSchema,
          response: { 200: sceneTypeSchema, ...problems },
        },
      },
      async (req) => sceneTypes.get(req.params.id),
    );
    app.patch(
      '/scene-types/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Change a scene type',
          params: idParamsSchema,
          body: updateSceneTypeBodySchema,
          response: { 200: sceneTypeSchema, ...problems },
        },
      },
      async (req) => sceneTypes.update(contextOf(req), req.params.id, req.body),
    );
    app.put(
      '/scene-types/:id/tags',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Replace the tags of a scene type (tags are created on first use)',
          params: idParamsSchema,
          body: setTagsBodySchema,
          response: { 200: sceneTypeSchema, ...problems },
        },
      },
      async (req) => sceneTypes.setTags(contextOf(req), req.params.id, req.body.tags),
    );
    app.delete(
      '/scene-types/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete a scene type',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await sceneTypes.remove(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/scene-types/:id/prompt-preview',
      {
        config: { guard: 'content.read' },
        schema: {
          ...base,
          summary: 'Resolve the prompts of every clip position for a character',
          description:
            'Shows which template each position uses after fallback and the placeholders the character has no value for. Pass `prompts` to preview unsaved templates.',
          params: idParamsSchema,
          body: promptPreviewBodySchema,
          response: { 200: promptPreviewSchema, ...problems },
        },
      },
      async (req) => sceneTypes.previewPrompts(req.params.id, req.body.characterId, req.body.prompts),
    );
  };
