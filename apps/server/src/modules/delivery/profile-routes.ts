// HTTP for output profiles (CRUD, duplicate a preset), renditions of a scene video version (profile transcodes and
// review cuts) and watermark images.
import {
  createOutputProfileBodySchema,
  createRenditionBodySchema,
  duplicateOutputProfileBodySchema,
  idParamsSchema,
  mediaFileSchema,
  outputProfileListQuerySchema,
  outputProfilePageSchema,
  outputProfileSchema,
  renditionListSchema,
  renditionSchema,
  updateOutputProfileBodySchema,
} from '@i2v/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { contextOf } from '../../platform/http/guards.js';
import { fileUpload } from '../../platform/http/openapi.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { MediaService } from '../media/service.js';
import type { OutputProfilesService } from './profiles.js';
import type { RenditionsService } from './renditions.js';
import { storeWatermarkImage } from './watermark.js';

const read = { guard: 'content.read' as const };
const write = { guard: 'content.write' as const };

export const outputProfileRoutes =
  (profiles: OutputProfilesService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['output profiles'], security: [{ bearer: [] }] };
    app.get(
      '/output-profiles',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List output profiles (presets and custom), by name',
          querystring: outputProfileListQuerySchema,
          response: { 200: outputProfilePageSchema, ...problems },
        },
      },
      async (req) => profiles.list(req.query),
    );
    app.post(
      '/output-profiles',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Create an output profile',
          description:
            'A profile no encoder can honour is a 422 `output_profile.invalid` with an error per field (ProRes outside MOV, an odd size in 4:2:0, both crf and bitrate, …); a taken name is a 409.',
          body: createOutputProfileBodySchema,
          response: { 201: outputProfileSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await profiles.create(contextOf(req), req.body)),
    );
    app.get(
      '/output-profiles/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get an output profile',
          params: idParamsSchema,
          response: { 200: outputProfileSchema, ...problems },
        },
      },
      async (req) => profiles.get(req.params.id),
    );
    app.patch(
      '/output-profiles/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Change an output profile (presets are read-only: 409 `output_profile.preset`)',
          description:
            'Renditions made with the earlier settings are kept and shown as stale; a new request makes a fresh one.',
          params: idParamsSchema,
          body: updateOutputProfileBodySchema,
          response: { 200: outputProfileSchema, ...problems },
        },
      },
      async (req) => profiles.update(contextOf(req), req.params.id, req.body),
    );
    app.delete(
      '/output-profiles/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete an output profile and its renditions (presets are read-only)',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await profiles.remove(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/output-profiles/:id/duplicate',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Make an editable copy of a profile (of a preset, typically)',
          params: idParamsSchema,
          body: duplicateOutputProfileBodySchema.optional(),
          response: { 201: outputProfileSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await profiles.duplicate(contextOf(req), req.params.id, req.body?.name)),
    );
  };

/** Reads the single `file` part of a multipart upload into memory (bounded by the multipart size limit). */
async function readImageUpload(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) {
    throw new AppError(
      'request.unsupported_media_type',
      'Send the image as multipart/form-data with a `file` part.',
      [{ field: 'headers.content-type', message: 'must be multipart/form-data' }],
    );
  }
  const part = await req.file();
  if (part?.fieldname !== 'file') {
    throw new AppError('image.missing_file', 'The upload has no `file` part.', [
      { field: 'body.file', message: 'is required' },
    ]);
  }
  const data = await part.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'image.too_large',
        `${part.filename} is larger than ${Math.round(maxBytes / 1048576)} MiB.`,
        [{ field: 'body.file', message: 'is too large' }],
      );
    }
    throw err;
  });
  return { filename: part.filename || 'watermark', data };
}

export const renditionRoutes =
  (
    renditions: RenditionsService,
    watermarks: { db: Db; media: MediaService; maxUploadBytes: number; maxImagePixels: number },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['renditions'], security: [{ bearer: [] }] };
    app.get(
      '/video-versions/:id/renditions',
      {
        config: read,
        schema: {
          ...base,
          summary:
            'List the renditions of a scene video version (profile transcodes and review cuts), newest first',
          params: idParamsSchema,
          response: { 200: renditionListSchema, ...problems },
        },
      },
      async (req) => ({ items: await renditions.list(req.params.id) }),
    );
    app.post(
      '/video-versions/:id/renditions',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Make a rendition: a transcode to an output profile, or a watermarked review cut',
          description:
            "Queues a `media.transcode` job (201). The same settings again return the existing rendition (200) unless it failed. `reviewCut: null` uses the project's review watermark. An image watermark must name a stored image (422 `watermark.invalid`); a timecode needs a font on the server (422 `watermark.timecode_unavailable`).",
          params: idParamsSchema,
          body: createRenditionBodySchema,
          response: { 200: renditionSchema, 201: renditionSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { rendition, created } = await renditions.request(contextOf(req), req.params.id, req.body);
        return reply.status(created ? 201 : 200).send(rendition);
      },
    );
    app.post(
      '/watermark-images',
      {
        config: { ...write, multipart: fileUpload('A PNG, JPEG or WebP image (transparency is kept)') },
        schema: {
          tags: ['renditions'],
          security: [{ bearer: [] }],
          summary: 'Upload an image to use as a watermark (its id goes in `imageFileId`)',
          consumes: ['multipart/form-data'],
          response: { 201: mediaFileSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await storeWatermarkImage(
              watermarks.db,
              watermarks.media,
              await readImageUpload(req, watermarks.maxUploadBytes),
              watermarks.maxImagePixels,
            ),
          ),
    );
  };
