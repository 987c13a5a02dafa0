// HTTP for image variant types (studio data): everyone reads, creators and admins change.
import {
  createImageVariantTypeBodySchema,
  idParamsSchema,
  imageVariantTypeListSchema,
  imageVariantTypeSchema,
  updateImageVariantTypeBodySchema,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { VariantTypesService } from './service.js';

export const variantTypeRoutes =
  (variantTypes: VariantTypesService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['image variant types'], security: [{ bearer: [] }] };
    const write = { guard: 'content.write' as const };
    app.get(
      '/image-variant-types',
      {
        config: { guard: 'content.read' },
        schema: {
          ...base,
          summary: 'List image variant types in order',
          response: { 200: imageVariantTypeListSchema, ...problems },
        },
      },
      async () => ({ items: await variantTypes.list() }),
    );
    app.post(
      '/image-variant-types',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Create an image variant type',
          description:
            'Making it the default takes the default from the current one, which gets its slug as file prefix.',
          body: createImageVariantTypeBodySchema,
          response: { 201: imageVariantTypeSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await variantTypes.create(contextOf(req), req.body)),
    );
    app.patch(
      '/image-variant-types/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Rename, re-prefix, reorder, or make the default',
          params: idParamsSchema,
          body: updateImageVariantTypeBodySchema,
          response: { 200: imageVariantTypeSchema, ...problems },
        },
      },
      async (req) => variantTypes.update(contextOf(req), req.params.id, req.body),
    );
    app.delete(
      '/image-variant-types/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete an image variant type (not the default)',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await variantTypes.remove(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
