// HTTP for assembly and delivery: assemble a scene (and preview its joins), validate a project, start a delivery,
// follow it, list the delivery history. The ZIP itself downloads through the media file route once complete.
import {
  assembleBodySchema,
  assemblyJobSchema,
  assemblyPreviewSchema,
  deliveryListSchema,
  deliverySchema,
  deliveryStartSchema,
  deliveryValidationQuerySchema,
  deliveryValidationSchema,
  idParamsSchema,
  pageQueryShape,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import type { AssemblyService } from './assembly.js';
import type { DeliveryService } from './service.js';

export const deliveryRoutes =
  (assembly: AssemblyService, delivery: DeliveryService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['delivery'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };
    app.get(
      '/scenes/:id/assembly',
      {
        config: read,
        schema: {
          ...base,
          summary: 'What assembling the scene would do: its joins with their SSIM, stream copy or re-encode',
          description:
            'The boundary check of PRD-025: each join compares the last frame kept before it with the first after it; a join under the threshold is crossfaded when assembled with smoothing `auto`. `problem` says why the scene cannot be assembled as it is (a missing or unreadable segment file, mismatched frame rates).',
          params: idParamsSchema,
          response: { 200: assemblyPreviewSchema, ...problems },
        },
      },
      async (req) => assembly.preview(req.params.id, assembleBodySchema.parse({})),
    );
    app.post(
      '/scenes/:id/assemble',
      {
        config: write,
        schema: {
          ...base,
          summary: "Assemble the scene's approved segments into a new final video version",
          description:
            'Queues a `scene.assemble` job (202). Every current segment must be approved (422 `assembly.not_approved` naming them). The job trims each segment at its seed and boundary frames, stream-copies when nothing needs cutting and the streams match, otherwise re-encodes once; joins whose SSIM is under the threshold get a short crossfade (`smoothing`), except joins listed in `acceptJoins`. Segments at different frame rates fail with `assembly.fps_mismatch`.',
          params: idParamsSchema,
          body: assembleBodySchema,
          response: { 202: assemblyJobSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await assembly.start(contextOf(req), req.params.id, req.body)),
    );
    app.get(
      '/projects/:id/delivery/validation',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Check a project before delivery: every problem with where to fix it, and the ZIP layout',
          description:
            'Errors block a delivery (scene not approved or not assembled, draft content, missing hero image or file, metadata that fails the project schema, names that clash or cannot be formed); warnings do not. `deep=true` also decodes every final video in full and compares it with what was recorded (PRD-102).',
          params: idParamsSchema,
          querystring: deliveryValidationQuerySchema,
          response: { 200: deliveryValidationSchema, ...problems },
        },
      },
      async (req) => delivery.validate(req.params.id, req.query),
    );
    app.post(
      '/projects/:id/deliveries',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Deliver the project: validate, then package a ZIP in the background',
          description:
            'A project that does not validate is a 422 `delivery.invalid` listing the problems; nothing is queued. `incremental` packs only characters whose content changed since the last ready delivery with the same profile (409 `delivery.nothing_changed` when none did). One delivery per project at a time (409 `delivery.running`). The ZIP is offered (`downloadUrl`) only once complete; a failed packaging leaves no file.',
          params: idParamsSchema,
          body: deliveryStartSchema,
          response: { 202: deliverySchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await delivery.start(contextOf(req), req.params.id, req.body)),
    );
    app.get(
      '/projects/:id/deliveries',
      {
        config: read,
        schema: {
          ...base,
          summary: "The project's delivery history, newest first",
          params: idParamsSchema,
          querystring: z.strictObject(pageQueryShape),
          response: { 200: deliveryListSchema, ...problems },
        },
      },
      async (req) => delivery.list(req.params.id, req.query),
    );
    app.get(
      '/deliveries/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'One delivery: status, progress, characters, size, checksum and download link',
          params: idParamsSchema,
          response: { 200: deliverySchema, ...problems },
        },
      },
      async (req) => delivery.get(req.params.id),
    );
  };
