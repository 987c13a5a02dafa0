// HTTP for the system health page (PRD-080).
import { systemHealthSchema } from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/responses.js';
import type { SystemHealthService } from './service.js';

export const systemRoutes =
  (system: SystemHealthService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/system/health',
      {
        config: { guard: 'content.read' },
        schema: {
          tags: ['system'],
          security: [{ bearer: [] }],
          summary: 'Database, storage, worker fleet and event bus health',
          response: { 200: systemHealthSchema, ...problems },
        },
      },
      async () => system.check(),
    );
  };
