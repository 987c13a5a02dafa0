// Serves stored images through signed links (the link is the credential; see links.ts).
import { mediaQuerySchema, publicIdSchema } from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendOpened } from './reply.js';
import type { MediaService } from './service.js';

export const mediaRoutes =
  (media: MediaService): FastifyPluginAsyncZod =>
  async (app) => {
    for (const rendition of ['file', 'thumbnail'] as const) {
      app.get(
        `/media/:id/${rendition}`,
        {
          // Public route: access is granted by the HMAC signature in the query, checked by the service.
          config: { guard: 'public' },
          schema: {
            tags: ['media'],
            summary:
              rendition === 'file'
                ? 'Download a stored image or video (HTTP range requests supported)'
                : 'Download the thumbnail of a stored image or the poster of a video',
            description:
              'Use the signed URL found on the resource (e.g. `file.url`); it expires after one to two hours.',
            params: z.strictObject({ id: publicIdSchema }),
            querystring: mediaQuerySchema,
          },
        },
        async (req, reply) => {
          const opened = await media.open(
            req.params.id,
            rendition,
            req.query.exp,
            req.query.sig,
            req.headers.range,
          );
          return sendOpened(reply, opened);
        },
      );
    }
  };
