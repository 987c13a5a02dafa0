// HTTP for one scene (detail, tags) and its video versions: list, import (multipart), make final, trash, restore,
// purge.
import {
  idParamsSchema,
  sceneSchema,
  sceneVideoVersionListQuerySchema,
  sceneVideoVersionListSchema,
  sceneVideoVersionSchema,
  setTagsBodySchema,
} from '@i2v/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { ScenesService } from './service.js';
import type { SceneVideosService, VideoUpload } from './videos.js';

/** Reads the optional `notes` field and then the `file` part, streaming it to `take` (it is never held in memory). */
async function withVideoUpload<T>(
  req: FastifyRequest,
  maxBytes: number,
  take: (upload: VideoUpload) => Promise<T>,
): Promise<T> {
  if (!req.isMultipart()) {
    throw new AppError(
      'request.unsupported_media_type',
      'Send the video as multipart/form-data with a `file` part (and an optional `notes` field before it).',
      [{ field: 'headers.content-type', message: 'must be multipart/form-data' }],
    );
  }
  let notes = '';
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5 } })) {
    if (part.type === 'field') {
      if (part.fieldname === 'notes') notes = String(part.value).slice(0, 2000);
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      continue;
    }
    return take({ filename: part.filename || 'video', stream: part.file, notes });
  }
  throw new AppError('video.missing_file', 'The upload has no `file` part.', [
    { field: 'body.file', message: 'is required' },
  ]);
}

export const sceneVideoRoutes =
  (scenes: ScenesService, videos: SceneVideosService, maxVideoBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['scenes'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };
    app.get(
      '/scenes/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a scene: character, scene type, variant, delivered file name, tags, final version',
          params: idParamsSchema,
          response: { 200: sceneSchema, ...problems },
        },
      },
      async (req) => scenes.get(req.params.id),
    );
    app.put(
      '/scenes/:id/tags',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Replace the tags of a scene (tags are created on first use)',
          params: idParamsSchema,
          body: setTagsBodySchema,
          response: { 200: sceneSchema, ...problems },
        },
      },
      async (req) => scenes.setTags(contextOf(req), req.params.id, req.body.tags),
    );
    app.get(
      '/scenes/:id/versions',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List the video versions of a scene, newest first',
          params: idParamsSchema,
          querystring: sceneVideoVersionListQuerySchema,
          response: { 200: sceneVideoVersionListSchema, ...problems },
        },
      },
      async (req) => ({ items: await videos.list(req.params.id, req.query.deleted) }),
    );
    app.post(
      '/scenes/:id/versions',
      {
        config: {
          ...write,
          multipart: {
            required: ['file'],
            properties: {
              notes: { type: 'string', description: 'What this version is (send before the file)' },
              file: { type: 'string', format: 'binary', description: 'An MP4, MOV or WebM video' },
            },
          },
        },
        schema: {
          ...base,
          summary: 'Import a video (MP4, MOV or WebM) as the next version of a scene; it becomes final',
          description:
            'multipart/form-data: an optional `notes` field, then one `file` part. The file is checked with ffprobe (container, a video stream, codec, size, duration, frames) and a poster is made from its first frame.',
          params: idParamsSchema,
          response: { 201: sceneVideoVersionSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await withVideoUpload(req, maxVideoBytes, (upload) =>
              videos.import(contextOf(req), req.params.id, upload),
            ),
          ),
    );
    app.get(
      '/scene-video-versions/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a scene video version',
          params: idParamsSchema,
          response: { 200: sceneVideoVersionSchema, ...problems },
        },
      },
      async (req) => videos.get(req.params.id),
    );
    app.post(
      '/scene-video-versions/:id/final',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Make this version the final (delivered) video of its scene',
          params: idParamsSchema,
          response: { 200: sceneVideoVersionSchema, ...problems },
        },
      },
      async (req) => videos.setFinal(contextOf(req), req.params.id),
    );
    app.delete(
      '/scene-video-versions/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Move a version to the trash (refused for the final version: 409 `video.final_in_use`)',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await videos.trash(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/scene-video-versions/:id/restore',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Restore a version from the trash',
          params: idParamsSchema,
          response: { 200: sceneVideoVersionSchema, ...problems },
        },
      },
      async (req) => videos.restore(contextOf(req), req.params.id),
    );
    app.delete(
      '/scene-video-versions/:id/purge',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete a trashed version for good, with its file',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await videos.purge(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
