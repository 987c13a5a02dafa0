// HTTP for the generation pipeline: generate a scene, follow it, cancel it, regenerate a segment, choose a boundary
// frame, approve a segment; batch generation with estimates and a progress dashboard per project.
import {
  batchGenerationBodySchema,
  batchGenerationResultSchema,
  boundaryFrameBodySchema,
  estimateSchema,
  generateVariantBodySchema,
  generateVariantResultSchema,
  generationDashboardSchema,
  generationSelectionSchema,
  idParamsSchema,
  promoteBodySchema,
  regenerateSegmentBodySchema,
  sceneGenerationSchema,
  sceneRunSchema,
  segmentSchema,
  startGenerationBodySchema,
  testShotListSchema,
  testShotQuerySchema,
  testShotsBodySchema,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { problems } from '../../platform/http/responses.js';
import { actingOf } from '../jobs/routes.js';
import type { PipelineService } from './service.js';
import type { VariantGeneration } from './variants.js';

export const pipelineRoutes =
  (pipeline: PipelineService, variants: VariantGeneration): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['generation'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    const write = { guard: 'content.write' as const };
    app.get(
      '/scenes/:id/generation',
      {
        config: read,
        schema: {
          ...base,
          summary: 'The scene’s segments (current chain), earlier attempts and versions, and its runs',
          params: idParamsSchema,
          response: { 200: sceneGenerationSchema, ...problems },
        },
      },
      async (req) => pipeline.generation(req.params.id),
    );
    app.post(
      '/scenes/:id/generation',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Generate the scene: segment after segment until its target duration',
          description:
            'Checks everything first: a scene type without a workflow, an unbound required slot, a character without an approved hero or a target shorter than one segment is a 422 `scene.not_generatable` naming what to fix. 409 `scene.generation_running` while a run is live.',
          params: idParamsSchema,
          body: startGenerationBodySchema,
          response: { 201: sceneRunSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await pipeline.start(actingOf(req), req.params.id, req.body)),
    );
    app.post(
      '/scenes/:id/generation/cancel',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Stop the live run; segments already generated stay',
          params: idParamsSchema,
          response: { 200: sceneRunSchema, ...problems },
        },
      },
      async (req) => pipeline.cancel(actingOf(req), req.params.id),
    );
    app.get(
      '/segments/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'One segment version with its QA scores, files and jobs',
          params: idParamsSchema,
          response: { 200: segmentSchema, ...problems },
        },
      },
      async (req) => pipeline.segment(req.params.id),
    );
    app.post(
      '/segments/:id/regenerate',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Regenerate a segment from its stored seed frame (optionally every later one too)',
          description: 'The old version is kept; a failed regeneration gives the index back to it.',
          params: idParamsSchema,
          body: regenerateSegmentBodySchema,
          response: { 201: sceneRunSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await pipeline.regenerate(actingOf(req), req.params.id, req.body)),
    );
    app.post(
      '/segments/:id/boundary-frame',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Choose the boundary frame of a paused scene (manual mode); generation continues from it',
          params: idParamsSchema,
          body: boundaryFrameBodySchema,
          response: { 200: sceneRunSchema, ...problems },
        },
      },
      async (req) => pipeline.chooseBoundary(actingOf(req), req.params.id, req.body.frameIndex),
    );
    app.post(
      '/segments/:id/approve',
      {
        config: { guard: 'review.finalize' },
        schema: {
          ...base,
          summary: 'Approve a segment for assembly',
          params: idParamsSchema,
          response: { 200: segmentSchema, ...problems },
        },
      },
      async (req) => pipeline.approve(contextOf(req), req.params.id),
    );
    app.post(
      '/projects/:id/generation/estimate',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Estimate GPU and wall time for generating a selection of the scene matrix',
          description:
            'From the history of segment renders per workflow version × worker class; `confidence` says how much history there was.',
          params: idParamsSchema,
          body: generationSelectionSchema,
          response: { 200: estimateSchema, ...problems },
        },
      },
      async (req) => pipeline.estimate(actingOf(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/generation',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Generate a selection of the scene matrix (rows, columns, scenes; not started or failed)',
          description:
            'Creates missing scenes of the selected cells, then starts each that can start; the rest are listed with the reason.',
          params: idParamsSchema,
          body: batchGenerationBodySchema,
          response: { 200: batchGenerationResultSchema, ...problems },
        },
      },
      async (req) => pipeline.startBatch(actingOf(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/test-shots',
      {
        config: write,
        schema: {
          ...base,
          summary:
            'Test shots: one short segment of a scene type per selected character (draft tier by default)',
          description:
            'Kept beside the scenes’ chains (PRD-058). Scenes are created where missing; the ones that cannot start are listed with the reason.',
          params: idParamsSchema,
          body: testShotsBodySchema,
          response: { 200: batchGenerationResultSchema, ...problems },
        },
      },
      async (req) => pipeline.startTestShots(actingOf(req), req.params.id, req.body),
    );
    app.get(
      '/projects/:id/test-shots',
      {
        config: read,
        schema: {
          ...base,
          summary: 'The test shot gallery of a project, newest or best QA first',
          params: idParamsSchema,
          querystring: testShotQuerySchema,
          response: { 200: testShotListSchema, ...problems },
        },
      },
      async (req) => pipeline.testShots(req.params.id, req.query),
    );
    app.post(
      '/segments/:id/promote',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Make a test shot segment 1 of its scene and generate the rest from its boundary frame',
          params: idParamsSchema,
          body: promoteBodySchema,
          response: { 201: sceneRunSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await pipeline.promote(actingOf(req), req.params.id, req.body)),
    );
    app.post(
      '/scenes/:id/upscale',
      {
        config: write,
        schema: {
          ...base,
          summary: 'Generate a draft scene again at production tier with the same seeds (PRD-059)',
          params: idParamsSchema,
          response: { 201: sceneRunSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await pipeline.upscale(actingOf(req), req.params.id)),
    );
    app.post(
      '/characters/:id/variants/generate',
      {
        config: write,
        schema: {
          ...base,
          summary:
            'Derive an image variant from the character’s source image (the variant type’s image-to-image workflow)',
          description:
            'A render job and a job that registers its pictures as `generated` variants, to approve or make hero. 422 when the variant type has no workflow or the character no source image.',
          params: idParamsSchema,
          body: generateVariantBodySchema,
          response: { 202: generateVariantResultSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await variants.generate(actingOf(req), req.params.id, req.body.variantType)),
    );
    app.get(
      '/projects/:id/generation',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Generation progress of a project: scenes by status, runs by status, live runs',
          params: idParamsSchema,
          response: { 200: generationDashboardSchema, ...problems },
        },
      },
      async (req) => pipeline.dashboard(req.params.id),
    );
  };
