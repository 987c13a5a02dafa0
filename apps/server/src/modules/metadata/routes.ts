// HTTP for bulk character metadata: export (CSV/JSON), import preview, import.
import {
  idParamsSchema,
  metadataExportQuerySchema,
  metadataImportBodySchema,
  metadataImportPreviewSchema,
  metadataImportResultSchema,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import type { MetadataService } from './service.js';

const importBodyLimit = 21 * 1024 * 1024;

export const metadataRoutes =
  (metadata: MetadataService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['metadata'], security: [{ bearer: [] }] };
    app.get(
      '/projects/:id/metadata/export',
      {
        config: { guard: 'content.read' },
        schema: {
          ...base,
          summary: "Export every character's metadata as CSV or JSON",
          description:
            'CSV: `name`, then the schema fields in order, then other keys in use; lists joined by `; `, objects as JSON. The file downloads (`content-disposition: attachment`).',
          params: idParamsSchema,
          querystring: metadataExportQuerySchema,
          response: { 200: z.string().describe('The CSV or JSON file'), ...problems },
        },
      },
      async (req, reply) => {
        const file = await metadata.export(req.params.id, req.query.format);
        return (
          reply
            .type(file.mimeType)
            .header('content-disposition', `attachment; filename="${file.fileName}"`)
            // the file as it is, not as a JSON string
            .serializer((payload) => String(payload))
            .send(file.body)
        );
      },
    );
    app.post(
      '/projects/:id/metadata/import/preview',
      {
        config: { guard: 'content.write' },
        bodyLimit: importBodyLimit,
        schema: {
          ...base,
          summary:
            'Preview a metadata import: per row, the matched character and each field current → incoming',
          description:
            'Nothing is written. A file the import cannot read at all (no `name` column, a column that is not a schema field, a name twice) answers 422 `metadata_import.invalid` naming the line and column.',
          params: idParamsSchema,
          body: metadataImportBodySchema,
          response: { 200: metadataImportPreviewSchema, ...problems },
        },
      },
      async (req) => metadata.preview(req.params.id, req.body),
    );
    app.post(
      '/projects/:id/metadata/import',
      {
        config: { guard: 'content.write' },
        bodyLimit: importBodyLimit,
        schema: {
          ...base,
          summary: 'Import metadata for many characters in one transaction',
          description:
            'Refused (422 `metadata_import.has_errors`) while rows have errors, unless `skipInvalid` is true. Every changed character is audited.',
          params: idParamsSchema,
          body: metadataImportBodySchema,
          response: { 200: metadataImportResultSchema, ...problems },
        },
      },
      async (req) => metadata.apply(contextOf(req), req.params.id, req.body),
    );
  };
