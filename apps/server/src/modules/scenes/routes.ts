// HTTP for the scene matrix of a project.
import {
  createScenesBodySchema,
  createScenesResponseSchema,
  idParamsSchema,
  sceneMatrixQuerySchema,
  sceneMatrixSchema,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import type { ScenesService } from './service.js';

export const sceneRoutes =
  (scenes: ScenesService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['scenes'], security: [{ bearer: [] }] };
    app.get(
      '/projects/:id/scene-matrix',
      {
        config: { guard: 'content.read' },
        schema: {
          ...base,
          summary:
            'The scene matrix: characters × scene types × variants, with status, file names and blockers',
          params: idParamsSchema,
          querystring: sceneMatrixQuerySchema,
          response: { 200: sceneMatrixSchema, ...problems },
        },
        // The matrix is the largest answer of the API (thousands of cells) and is built from typed rows: it is
        // written as JSON without re-validating every cell against the schema (the tests check the shape).
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (req) => scenes.matrix(req.params.id, req.query),
    );
    app.post(
      '/projects/:id/scenes',
      {
        config: { guard: 'content.write' },
        schema: {
          ...base,
          summary: 'Create the scenes of selected matrix cells (idempotent)',
          description:
            'Without a selection every character × every enabled scene type. Cells that already have a scene are left as they are.',
          params: idParamsSchema,
          body: createScenesBodySchema,
          response: { 200: createScenesResponseSchema, ...problems },
        },
      },
      async (req) => scenes.createScenes(contextOf(req), req.params.id, req.body),
    );
  };
