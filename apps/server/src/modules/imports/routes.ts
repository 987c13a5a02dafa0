// HTTP for character imports: upload (multipart folder or ZIP), preview, adjust, commit, cancel, list.
import {
  characterImportListQuerySchema,
  characterImportPageSchema,
  characterImportSchema,
  commitCharacterImportBodySchema,
  idParamsSchema,
  updateCharacterImportBodySchema,
} from '@i2v/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import type { ImportsService, UploadPart } from './service.js';

/** The multipart parts as upload parts; the caller consumes each stream before asking for the next. */
async function* uploadParts(
  req: FastifyRequest,
  maxFiles: number,
  maxFileBytes: number,
): AsyncGenerator<UploadPart> {
  if (!req.isMultipart()) {
    throw new AppError(
      'request.unsupported_media_type',
      'Send the upload as multipart/form-data: `file` parts whose file names are paths inside the folder, or one `archive` part with a ZIP.',
      [{ field: 'headers.content-type', message: 'must be multipart/form-data' }],
    );
  }
  const parts = req.parts({
    preservePath: true,
    limits: { files: maxFiles, parts: maxFiles + 10, fields: 10, fileSize: maxFileBytes },
  });
  for await (const part of parts) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'file' && part.fieldname !== 'archive') {
      part.file.resume();
      throw new AppError(
        'request.invalid',
        `Unknown upload part "${part.fieldname}"; use \`file\` or \`archive\`.`,
        [{ field: `body.${part.fieldname}`, message: 'is not a known part' }],
      );
    }
    yield { kind: part.fieldname, filename: part.filename || 'upload', stream: part.file };
  }
}

export const importRoutes =
  (imports: ImportsService, limits: { maxFiles: number; maxFileBytes: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['imports'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };

    app.post(
      '/projects/:id/imports',
      {
        config: {
          ...write,
          multipart: {
            properties: {
              file: {
                type: 'string',
                format: 'binary',
                description: 'Repeat once per file; the file name is its path inside the folder',
              },
              archive: { type: 'string', format: 'binary', description: 'Or: one ZIP of the folder' },
            },
          },
        },
        schema: {
          ...base,
          summary: 'Upload a folder or ZIP of characters to import',
          description: [
            'multipart/form-data with either many `file` parts, each file name being the path inside the dropped folder',
            '(`Ava/source.png`, `Ava/formal/01.png`, `Ava/metadata.json`), or one `archive` part holding a ZIP of such a',
            'folder. One top-level folder per character; inside it `source.*` is the source image, images named after an',
            'image variant type (or in a folder named after one) are variants, `metadata.json` is the delivery metadata.',
            'Paths that could escape the folder (`..`, absolute) refuse the whole upload. The answer is 202: the upload is',
            'analysed in the background (every image decoded); poll `GET /imports/{id}` until `ready` to see the preview.',
          ].join(' '),
          params: idParamsSchema,
          response: { 202: characterImportSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply
          .status(202)
          .send(
            await imports.create(
              contextOf(req),
              req.params.id,
              uploadParts(req, limits.maxFiles, limits.maxFileBytes),
            ),
          ),
    );
    app.get(
      '/projects/:id/imports',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List the character imports of a project, newest first',
          params: idParamsSchema,
          querystring: characterImportListQuerySchema,
          response: { 200: characterImportPageSchema, ...problems },
        },
      },
      async (req) => imports.list(req.params.id, req.query),
    );
    app.get(
      '/imports/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get an import with its progress and preview (one entry per character folder)',
          params: idParamsSchema,
          response: { 200: characterImportSchema, ...problems },
        },
      },
      async (req) => imports.get(req.params.id),
    );
    app.patch(
      '/imports/:id',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Rename or skip character folders in the preview',
          description:
            'Renaming a folder to the name of an existing character merges into it. Allowed while the import is `ready`.',
          params: idParamsSchema,
          body: updateCharacterImportBodySchema,
          response: { 200: characterImportSchema, ...problems },
        },
      },
      async (req) => imports.update(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/imports/:id/commit',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Import the previewed characters',
          description:
            'Answers 202 and imports in the background; progress is in `GET /imports/{id}`. All characters are written in one transaction: the import completes or changes nothing. Refused (422 `import.has_errors`) while entries have errors, unless `skipInvalid` is true.',
          params: idParamsSchema,
          body: commitCharacterImportBodySchema,
          response: { 202: characterImportSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await imports.commit(contextOf(req), req.params.id, req.body)),
    );
    app.post(
      '/imports/:id/cancel',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Cancel an import that has not run, discarding its upload',
          params: idParamsSchema,
          response: { 200: characterImportSchema, ...problems },
        },
      },
      async (req) => imports.cancel(contextOf(req), req.params.id),
    );
  };
