// HTTP for character readiness.
import { idParamsSchema, readinessPageSchema, readinessQuerySchema } from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/responses.js';
import type { ReadinessService } from './service.js';

export const readinessRoutes =
  (readiness: ReadinessService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/readiness',
      {
        config: { guard: 'content.read' },
        schema: {
          tags: ['characters'],
          security: [{ bearer: [] }],
          summary: "What each of a project's characters still needs before generation and delivery",
          description:
            "One checklist per character from the project's readiness criteria (settings.readiness): source image, a hero per variant type the enabled scene types need, complete metadata, required settings, and at least one enabled scene type. Filter by state or by a missing item key; the summary counts the whole project.",
          params: idParamsSchema,
          querystring: readinessQuerySchema,
          response: { 200: readinessPageSchema, ...problems },
        },
      },
      async (req) => readiness.page(req.params.id, req.query),
    );
  };
