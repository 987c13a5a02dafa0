// HTTP for workflows: import (JSON body or multipart upload), versions, diff, parameter slots, validation, dry run.
import {
  addWorkflowVersionBodySchema,
  dryRunWorkflowBodySchema,
  idParamsSchema,
  importWorkflowBodySchema,
  pullWorkflowBodySchema,
  updateWorkflowSlotsBodySchema,
  validateWorkflowBodySchema,
  workerPromptListSchema,
  workflowDetailSchema,
  workflowDiffQuerySchema,
  workflowDiffSchema,
  workflowImportResultSchema,
  workflowListQuerySchema,
  workflowMaxBytes,
  workflowPageSchema,
  workflowVersionSchema,
  workflowWorkerListSchema,
} from '@i2v/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { WorkflowsService } from './service.js';

const jsonBodyLimit = workflowMaxBytes * 2 + 1024 * 1024;
const uploadFields = ['name', 'description', 'workerId', 'allowDuplicate', 'notes'] as const;

/** Reads a multipart upload: one `file` part (≤ 20 MB) and the import fields as text parts. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) {
    throw new AppError(
      'request.unsupported_media_type',
      'Send the workflow as multipart/form-data with a `file` part (or POST JSON to the route without /upload).',
      [{ field: 'headers.content-type', message: 'must be multipart/form-data' }],
    );
  }
  const fields: Record<string, string> = {};
  let file: { filename: string; data: Buffer } | null = null;
  const parts = req.parts({ limits: { files: 1, fields: 10, fileSize: workflowMaxBytes } });
  for await (const part of parts) {
    if (part.type === 'field') {
      if (!(uploadFields as readonly string[]).includes(part.fieldname)) {
        throw new AppError('request.invalid', `Unknown field "${part.fieldname}".`, [
          { field: `body.${part.fieldname}`, message: 'is not a known field' },
        ]);
      }
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw new AppError('request.invalid', `Unknown upload part "${part.fieldname}"; use \`file\`.`, [
        { field: `body.${part.fieldname}`, message: 'is not a known part' },
      ]);
    }
    try {
      file = { filename: part.filename || 'workflow.json', data: await part.toBuffer() };
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('workflow.too_large', `The file is larger than ${workflowMaxBytes} bytes.`, [
          { field: 'file', message: `must be at most ${workflowMaxBytes} bytes` },
        ]);
      }
      throw err;
    }
  }
  if (!file) {
    throw new AppError('request.invalid', 'The upload has no `file` part.', [
      { field: 'file', message: 'is required' },
    ]);
  }
  return { fields, file };
}

/** Parses the text fields with the JSON body's schema, so both routes refuse the same things the same way. */
function parseFields<T extends z.ZodType>(
  schema: T,
  fields: Record<string, string>,
  extra: Record<string, unknown>,
) {
  const raw: Record<string, unknown> = { ...fields, ...extra };
  if (fields.allowDuplicate !== undefined) raw.allowDuplicate = fields.allowDuplicate === 'true';
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: `body.${i.path.join('.')}`,
      message: i.message,
    }));
    throw new AppError('request.invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return parsed.data as z.infer<T>;
}

/** `walk.api.json` → `walk`. */
const nameFromFile = (filename: string) =>
  filename.replace(/^.*[\\/]/, '').replace(/(\.(api|ui|workflow))?\.(json|png)$/i, '') || 'Workflow';

export const workflowRoutes =
  (workflows: WorkflowsService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['workflows'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };
    const importDescription = [
      'API format (what `POST /prompt` takes) is stored as is; UI format (as the ComfyUI frontend saves it) is converted',
      'with the `/object_info` of `workerId`, or the bundled comfy-sim catalogue. A PNG saved by ComfyUI works too.',
      'Refused with 422 `workflow.invalid` naming the field or node: not JSON, not a workflow, links to missing nodes,',
      'cycles, node classes the catalogue does not know (UI format); 413 `workflow.too_large` above 20 MB;',
      '409 `workflow.duplicate` naming the existing version when identical content exists (unless `allowDuplicate`).',
    ].join(' ');

    app.get(
      '/workflows',
      {
        config: read,
        schema: {
          ...base,
          summary: 'List workflows by name, with their latest version',
          querystring: workflowListQuerySchema,
          response: { 200: workflowPageSchema, ...problems },
        },
      },
      async (req) => workflows.list(req.query),
    );
    app.post(
      '/workflows',
      {
        config: write,
        bodyLimit: jsonBodyLimit,
        schema: {
          ...base,
          summary: 'Import a workflow from JSON (its version 1)',
          description: importDescription,
          body: importWorkflowBodySchema,
          response: { 201: workflowImportResultSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await workflows.import(contextOf(req), req.body, 'body.content')),
    );
    app.post(
      '/workflows/upload',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Import a workflow file (multipart: `file`, optional `name`, `description`, `workerId`…)',
          description: `${importDescription} Without \`name\` the file name is used.`,
          response: { 201: workflowImportResultSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { fields, file } = await readUpload(req);
        const body = parseFields(importWorkflowBodySchema, fields, {
          name: fields.name?.trim() || nameFromFile(file.filename),
          content: '{}',
        });
        const result = await workflows.import(contextOf(req), { ...body, content: file.data }, 'file');
        return reply.status(201).send(result);
      },
    );
    app.get(
      '/workflows/workers/:id/prompts',
      {
        config: read,
        schema: {
          ...base,
          summary: "Prompts in a worker's history, newest first, to pull one in as a workflow",
          params: idParamsSchema,
          response: { 200: workerPromptListSchema, ...problems },
        },
      },
      async (req) => ({ items: await workflows.workerPrompts(req.params.id) }),
    );
    app.post(
      '/workflows/pull',
      {
        config: write,
        schema: {
          ...base,
          summary: "Import the workflow of a prompt in a worker's history (its version 1)",
          description:
            'The UI-format workflow is taken when the prompt carried it (extra_pnginfo.workflow), converted with that worker’s `/object_info`; otherwise the API graph as it ran. Duplicates, names and bad content are refused as for any import.',
          body: pullWorkflowBodySchema,
          response: { 201: workflowImportResultSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await workflows.pullFromWorker(contextOf(req), req.body)),
    );
    app.get(
      '/workflows/workers',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Workers a workflow can be validated or dry-run on (enabled or draining)',
          response: { 200: workflowWorkerListSchema, ...problems },
        },
      },
      async () => ({ items: await workflows.workers() }),
    );
    app.get(
      '/workflows/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a workflow with its versions, newest first',
          params: idParamsSchema,
          response: { 200: workflowDetailSchema, ...problems },
        },
      },
      async (req) => workflows.get(req.params.id),
    );
    app.delete(
      '/workflows/:id',
      {
        config: write,
        schema: {
          ...base,
          summary:
            'Delete a workflow (refused with 409 `workflow.in_use` while a scene type pins one of its versions)',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await workflows.remove(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/workflows/:id/versions',
      {
        config: write,
        bodyLimit: jsonBodyLimit,
        schema: {
          ...base,
          summary: 'Add a version to a workflow from JSON',
          description: importDescription,
          params: idParamsSchema,
          body: addWorkflowVersionBodySchema,
          response: { 201: workflowImportResultSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await workflows.addVersion(contextOf(req), req.params.id, req.body, 'body.content')),
    );
    app.post(
      '/workflows/:id/versions/upload',
      {
        config: write,
        schema: {
          ...base,
          summary:
            'Add a version to a workflow from a file (multipart: `file`, optional `workerId`, `notes`…)',
          description: importDescription,
          params: idParamsSchema,
          response: { 201: workflowImportResultSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { fields, file } = await readUpload(req);
        const { name: _n, description: _d, ...rest } = fields;
        const body = parseFields(addWorkflowVersionBodySchema, rest, { content: '{}' });
        const result = await workflows.addVersion(
          contextOf(req),
          req.params.id,
          { ...body, content: file.data },
          'file',
        );
        return reply.status(201).send(result);
      },
    );
    app.get(
      '/workflows/:id/diff',
      {
        config: read,
        schema: {
          ...base,
          summary:
            'What changed between two versions: nodes added, removed, changed (class, inputs from/to), slots',
          params: idParamsSchema,
          querystring: workflowDiffQuerySchema,
          response: { 200: workflowDiffSchema, ...problems },
        },
      },
      async (req) => workflows.diff(req.params.id, req.query.from, req.query.to),
    );
    app.get(
      '/workflow-versions/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get a version: its API graph, parameter slots, validation per worker and last dry run',
          params: idParamsSchema,
          response: { 200: workflowVersionSchema, ...problems },
        },
      },
      async (req) => workflows.getVersion(req.params.id),
    );
    app.patch(
      '/workflow-versions/:id/parameters',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Replace the parameter slots: mark inputs by hand, rename, recategorise, remove',
          description:
            'Each slot names a node and one of its value inputs (not a link). Removing or renaming a slot a scene type binds is refused (409 `workflow.in_use`).',
          params: idParamsSchema,
          body: updateWorkflowSlotsBodySchema,
          response: { 200: workflowVersionSchema, ...problems },
        },
      },
      async (req) => workflows.updateSlots(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/workflow-versions/:id/validate',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Validate the version on workers against their live `/object_info` and model lists',
          description:
            'Every enabled or draining worker by default; with no worker registered, the bundled comfy-sim catalogue (which never makes a version production ready).',
          params: idParamsSchema,
          body: validateWorkflowBodySchema,
          response: { 200: workflowVersionSchema, ...problems },
        },
      },
      async (req) => workflows.validate(contextOf(req), req.params.id, req.body.workerIds),
    );
    app.post(
      '/workflow-versions/:id/dry-run',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Run the version once on a worker with a generated test image; answers when it finished',
          description:
            'Image inputs get a generated 512×512 frame. The outcome (success, rejected with node errors, failed, timeout…), duration and error are stored; production ready = validation passed on a worker and this run passed.',
          params: idParamsSchema,
          body: dryRunWorkflowBodySchema,
          response: { 200: workflowVersionSchema, ...problems },
        },
      },
      async (req) => workflows.dryRun(contextOf(req), req.params.id, req.body),
    );
  };
