// HTTP for tag suggestions (autocomplete); tags are set on the tagged resources themselves.
import { tagListQuerySchema, tagListSchema } from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/responses.js';
import type { TagsService } from './service.js';

export const tagRoutes =
  (tagsService: TagsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/tags',
      {
        config: { guard: 'content.read' },
        schema: {
          tags: ['tags'],
          security: [{ bearer: [] }],
          summary: 'Suggest tags by prefix, most used first',
          querystring: tagListQuerySchema,
          response: { 200: tagListSchema, ...problems },
        },
      },
      async (req) => ({ items: await tagsService.suggest(req.query.q, req.query.limit) }),
    );
  };
