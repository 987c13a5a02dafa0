// The player's views of a stored video (PRD-083): its filmstrip sprite sheet and its H.264 proxy. Like the file
// itself they are signed links — the file's own `exp` and `sig` — because <img> and <video> send no bearer token.
import { mediaQuerySchema, publicIdSchema } from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/responses.js';
import { sendOpened } from '../media/reply.js';
import type { PlaybackService } from './service.js';

const params = z.strictObject({ id: publicIdSchema });

export const playbackRoutes =
  (playback: PlaybackService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/media/:id/sprite',
      {
        // Public route: access is granted by the file link's HMAC signature, checked by the service.
        config: { guard: 'public' },
        schema: {
          tags: ['media'],
          summary: 'Download the filmstrip of a stored video: one JPEG sprite sheet of evenly spaced frames',
          description: [
            "Take the video's signed `url` (`/api/v1/media/{id}/file?exp=…&sig=…`) and replace `/file` with `/sprite`.",
            'Made with one ffmpeg pass on first request and kept beside the video. The sheet holds up to 60 tiles,',
            '160 px wide at the video’s aspect ratio, left to right and top to bottom. Its layout comes in headers:',
            '`X-Sprite-Columns`, `X-Sprite-Rows`, `X-Sprite-Tile-Width`, `X-Sprite-Tile-Height` (pixels) and',
            '`X-Sprite-Frames` (comma-separated 0-based frame number shown by each tile, ascending).',
            'A file that is not a video answers 422 `video.unreadable`.',
          ].join(' '),
          params,
          querystring: mediaQuerySchema,
          response: { 200: z.any().describe('The sprite sheet (image/jpeg)'), ...problems },
        },
      },
      async (req, reply) => {
        const sprite = await playback.sprite(req.params.id, req.query.exp, req.query.sig);
        const { layout } = sprite;
        return reply
          .type('image/jpeg')
          .header('etag', sprite.etag)
          .header('cache-control', 'private, max-age=3600')
          .header('x-sprite-columns', layout.columns)
          .header('x-sprite-rows', layout.rows)
          .header('x-sprite-tile-width', layout.tileWidth)
          .header('x-sprite-tile-height', layout.tileHeight)
          .header('x-sprite-frames', layout.frames.join(','))
          .send(sprite.jpeg);
      },
    );
    app.get(
      '/media/:id/proxy',
      {
        config: { guard: 'public' },
        schema: {
          tags: ['media'],
          summary: 'Stream an H.264 MP4 proxy of a stored video, for sources a browser cannot play',
          description: [
            "Take the video's signed `url` and replace `/file` with `/proxy`. The proxy has the source's frames at its",
            'rate (frame numbers match), H.264 4:2:0 with a keyframe every second, AAC audio when the source has',
            'audio. It is transcoded on the first request (which waits for it) and kept beside the video; HTTP range',
            'requests are supported. A file that is not a video answers 422 `video.unreadable`.',
          ].join(' '),
          params,
          querystring: mediaQuerySchema,
          response: { 200: z.any().describe('The proxy (video/mp4)'), ...problems },
        },
      },
      async (req, reply) => {
        const opened = await playback.proxy(req.params.id, req.query.exp, req.query.sig, req.headers.range);
        return sendOpened(reply, { ...opened, mimeType: 'video/mp4' });
      },
    );
  };
