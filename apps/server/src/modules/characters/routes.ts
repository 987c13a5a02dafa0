// HTTP for characters: list and create in a project; read, edit, trash; source image and variant uploads (multipart).
import {
  bulkTagsBodySchema,
  bulkTagsResultSchema,
  characterListQuerySchema,
  characterPageSchema,
  characterSchema,
  createCharacterBodySchema,
  idParamsSchema,
  imageVariantSchema,
  setTagsBodySchema,
  slugSchema,
  updateCharacterBodySchema,
  variantDecisionBodySchema,
} from '@i2v/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { contextOf } from '../../platform/http/guards.js';
import { fileUpload } from '../../platform/http/openapi.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { RetentionService } from '../retention/service.js';
import type { CharactersService, Upload } from './service.js';

/** Reads the single `file` part of a multipart upload into memory (bounded by the multipart size limit). */
async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
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
  return { filename: part.filename || 'upload', data };
}

const uploadDescription =
  'multipart/form-data with one `file` part: PNG, JPEG or WebP. The image is decoded to validate it, EXIF orientation is applied, and a thumbnail is made. The same bytes twice for one character are refused (409 `image.duplicate`).';

export const characterRoutes =
  (
    characters: CharactersService,
    maxUploadBytes: number,
    retention: RetentionService,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['characters'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };

    app.get(
      '/projects/:id/characters',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List the characters of a project by name',
          params: idParamsSchema,
          querystring: characterListQuerySchema,
          response: { 200: characterPageSchema, ...problems },
        },
      },
      async (req) => characters.list(req.params.id, req.query),
    );
    app.post(
      '/projects/:id/characters',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Create a character in a project',
          params: idParamsSchema,
          body: createCharacterBodySchema,
          response: { 201: characterSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await characters.create(contextOf(req), req.params.id, req.body)),
    );
    app.get(
      '/characters/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a character with its images',
          params: idParamsSchema,
          response: { 200: characterSchema, ...problems },
        },
      },
      async (req) => characters.get(req.params.id),
    );
    app.patch(
      '/characters/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Rename a character or replace its metadata or settings',
          params: idParamsSchema,
          body: updateCharacterBodySchema,
          response: { 200: characterSchema, ...problems },
        },
      },
      async (req) => characters.update(contextOf(req), req.params.id, req.body),
    );
    app.delete(
      '/characters/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Move a character to the trash',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await characters.trash(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.put(
      '/characters/:id/tags',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Replace the tags of a character (tags are created on first use)',
          params: idParamsSchema,
          body: setTagsBodySchema,
          response: { 200: characterSchema, ...problems },
        },
      },
      async (req) => characters.setTags(contextOf(req), req.params.id, req.body.tags),
    );
    app.post(
      '/characters/:id/restore',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Restore a character from the trash',
          params: idParamsSchema,
          response: { 200: characterSchema, ...problems },
        },
      },
      async (req) => characters.restore(contextOf(req), req.params.id),
    );
    app.post(
      '/characters/:id/source-image',
      {
        config: { ...write, multipart: fileUpload('A PNG, JPEG or WebP image') },
        schema: {
          ...base,
          summary: 'Upload the character’s source image (the previous one is kept as history)',
          description: uploadDescription,
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 200: characterSchema, ...problems },
        },
      },
      async (req) =>
        characters.setSourceImage(contextOf(req), req.params.id, await readUpload(req, maxUploadBytes)),
    );
    app.post(
      '/characters/:id/variants',
      {
        config: { ...write, multipart: fileUpload('A PNG, JPEG or WebP image') },
        schema: {
          ...base,
          summary: 'Upload an image variant of a type (status pending)',
          description: uploadDescription,
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          querystring: z.strictObject({ variantType: slugSchema.describe('Slug of the image variant type') }),
          response: { 201: imageVariantSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await characters.addVariant(
              contextOf(req),
              req.params.id,
              req.query.variantType,
              await readUpload(req, maxUploadBytes),
            ),
          ),
    );
    app.post(
      '/image-variants/:id/decision',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Approve, reject, or make an image variant the hero of its type',
          description:
            'Exactly one hero per character and type; the previous hero stays approved as history.',
          params: idParamsSchema,
          body: variantDecisionBodySchema,
          response: { 200: imageVariantSchema, ...problems },
        },
      },
      async (req) => characters.decideVariant(contextOf(req), req.params.id, req.body.decision),
    );
    app.post(
      '/projects/:id/characters/bulk-tags',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Add and remove tags on many characters at once',
          params: idParamsSchema,
          body: bulkTagsBodySchema,
          response: { 200: bulkTagsResultSchema, ...problems },
        },
      },
      async (req) => characters.bulkTags(contextOf(req), req.params.id, req.body),
    );
    app.delete(
      '/characters/:id/purge',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete a character in the trash for good, with its images and scene videos',
          description:
            'Refused (409 `character.not_in_trash`) unless the character is in the trash. Trashed characters are also purged automatically once the project’s trash grace period has passed.',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await retention.purgeCharacter(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.delete(
      '/image-variants/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete an image variant and its file (not the hero of its type: 409 `image.hero_in_use`)',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await characters.deleteVariant(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.delete(
      '/source-images/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Delete a source image and its file',
          description:
            'Deleting the current source image brings back the one it replaced, when there is one.',
          params: idParamsSchema,
          response: { 200: characterSchema, ...problems },
        },
      },
      async (req) => characters.deleteSourceImage(contextOf(req), req.params.id),
    );
  };
