// HTTP for notes (threads on an entity, replies, pin, resolve, edit, delete), on-frame annotations (per media file
// and frame, PNG export) and poster frames of characters and scenes.
import {
  annotatedFramesSchema,
  annotationParamsSchema,
  autoPosterSchema,
  createNoteBodySchema,
  frameAnnotationSchema,
  idParamsSchema,
  mentionCandidatesSchema,
  mentionQuerySchema,
  noteListQuerySchema,
  noteThreadPageSchema,
  noteThreadSchema,
  posterStateSchema,
  publicIdSchema,
  putAnnotationBodySchema,
  replyNoteBodySchema,
  setPosterBodySchema,
  updateNoteBodySchema,
} from '@i2v/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import type { AnnotationsService } from './annotations.js';
import type { PosterOwner, PostersService } from './posters.js';
import type { NotesService, Viewer } from './service.js';

const viewerOf = (req: FastifyRequest): Viewer => {
  const u = req.user!;
  return { id: u.id, publicId: u.publicId, displayName: u.displayName, role: u.role };
};

export const noteRoutes =
  (notes: NotesService, annotations: AnnotationsService, posters: PostersService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['notes'], security: [{ bearer: [] }] };
    const read = { guard: 'content.read' as const };
    // reviewers write notes and annotations too: review feedback is their job
    const comment = { guard: 'review.flag' as const };
    const write = { guard: 'content.write' as const };

    app.get(
      '/notes',
      {
        config: read,
        schema: {
          ...base,
          summary:
            'Threads of notes on an entity, with their replies; filter by category, failure tag, pinned, resolved',
          description:
            'Reviewers see team notes only. `order=frame` lists notes by frame for a timeline. Pinned threads (`pinned=true`) are the entity’s banners.',
          querystring: noteListQuerySchema,
          response: { 200: noteThreadPageSchema, ...problems },
        },
      },
      async (req) => notes.list(viewerOf(req), req.query),
    );
    app.post(
      '/notes',
      {
        config: comment,
        schema: {
          ...base,
          summary: 'Add a note to an entity, optionally at a frame of its video',
          description:
            'Mentions: `@Display Name` in the body (whole display name, any case) or user ids in `mentions`; each person newly mentioned gets a `note.mentioned` notification. An empty body is 422 `note.body_empty`; a frame outside the video 422 `frame.out_of_range`.',
          body: createNoteBodySchema,
          response: { 201: noteThreadSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { entityType, entityId, ...input } = req.body;
        return reply
          .status(201)
          .send(await notes.create(contextOf(req), viewerOf(req), { entityType, entityId }, input));
      },
    );
    app.get(
      '/notes/people',
      {
        config: read,
        schema: {
          ...base,
          summary: 'People who can be @mentioned (active users), by the start of their display name',
          querystring: mentionQuerySchema,
          response: { 200: mentionCandidatesSchema, ...problems },
        },
      },
      async (req) => notes.people(req.query.q, req.query.limit),
    );
    app.get(
      '/notes/:id',
      {
        config: read,
        schema: {
          ...base,
          summary: 'Get the thread a note belongs to',
          params: idParamsSchema,
          response: { 200: noteThreadSchema, ...problems },
        },
      },
      async (req) => notes.thread(viewerOf(req), req.params.id),
    );
    app.post(
      '/notes/:id/replies',
      {
        config: comment,
        schema: {
          ...base,
          summary: 'Reply to a note (a reply to a reply joins the same thread); returns the thread',
          params: idParamsSchema,
          body: replyNoteBodySchema,
          response: { 201: noteThreadSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await notes.reply(contextOf(req), viewerOf(req), req.params.id, req.body)),
    );
    app.patch(
      '/notes/:id',
      {
        config: comment,
        schema: {
          ...base,
          summary: 'Edit your own note; returns its thread',
          params: idParamsSchema,
          body: updateNoteBodySchema,
          response: { 200: noteThreadSchema, ...problems },
        },
      },
      async (req) => notes.update(contextOf(req), viewerOf(req), req.params.id, req.body),
    );
    app.delete(
      '/notes/:id',
      {
        config: comment,
        schema: {
          ...base,
          summary: 'Delete your own note (admins: any note)',
          params: idParamsSchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await notes.remove(contextOf(req), viewerOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    for (const [action, summary] of [
      ['pin', 'Pin a thread: it shows as a banner on its entity'],
      ['unpin', 'Unpin a thread'],
      ['resolve', 'Mark a thread resolved'],
      ['reopen', 'Reopen a resolved thread'],
    ] as const) {
      app.post(
        `/notes/:id/${action}`,
        {
          config: comment,
          schema: {
            ...base,
            summary,
            params: idParamsSchema,
            response: { 200: noteThreadSchema, ...problems },
          },
        },
        async (req) => {
          const ctx = contextOf(req);
          const viewer = viewerOf(req);
          const id = req.params.id;
          if (action === 'pin' || action === 'unpin') return notes.pin(ctx, viewer, id, action === 'pin');
          return notes.resolve(ctx, viewer, id, action === 'resolve');
        },
      );
    }

    const annotationBase = { tags: ['annotations'], security: [{ bearer: [] }] };
    app.get(
      '/media/:fileId/annotations',
      {
        config: read,
        schema: {
          ...annotationBase,
          summary: 'The frames of a segment clip or scene video that carry annotations',
          params: z.strictObject({ fileId: publicIdSchema }),
          response: { 200: annotatedFramesSchema, ...problems },
        },
      },
      async (req) => annotations.frames(req.params.fileId),
    );
    app.get(
      '/media/:fileId/annotations/:frame',
      {
        config: read,
        schema: {
          ...annotationBase,
          summary: 'The annotation of one frame: every layer’s shapes (an empty list when none)',
          params: annotationParamsSchema,
          response: { 200: frameAnnotationSchema, ...problems },
        },
      },
      async (req) => annotations.get(req.params.fileId, req.params.frame),
    );
    app.put(
      '/media/:fileId/annotations/:frame',
      {
        config: comment,
        schema: {
          ...annotationBase,
          summary: 'Save your layer of shapes on a frame (pen, arrow, rect, text; coordinates 0–1)',
          description:
            'Replaces what you drew on this frame before; other people’s layers stay. `[]` removes your layer.',
          params: annotationParamsSchema,
          body: putAnnotationBodySchema,
          response: { 200: frameAnnotationSchema, ...problems },
        },
      },
      async (req) =>
        annotations.put(contextOf(req), viewerOf(req), req.params.fileId, req.params.frame, req.body.shapes),
    );
    app.get(
      '/media/:fileId/annotations/:frame.png',
      {
        config: read,
        schema: {
          ...annotationBase,
          summary: 'Export a frame with its annotations as a PNG at the video’s full resolution',
          params: annotationParamsSchema,
          produces: ['image/png'],
        },
      },
      async (req, reply) => {
        const png = await annotations.png(req.params.fileId, req.params.frame);
        return reply
          .type('image/png')
          .header('content-disposition', `attachment; filename="frame-${req.params.frame}.png"`)
          .header('cache-control', 'no-store')
          .send(png);
      },
    );

    const posterBase = { tags: ['posters'], security: [{ bearer: [] }] };
    for (const owner of ['character', 'scene'] as const satisfies PosterOwner[]) {
      const path = `/${owner === 'character' ? 'characters' : 'scenes'}/:id/poster`;
      app.get(
        path,
        {
          config: read,
          schema: {
            ...posterBase,
            summary: `The poster frame of a ${owner}`,
            params: idParamsSchema,
            response: { 200: posterStateSchema, ...problems },
          },
        },
        async (req) => posters.get(owner, req.params.id),
      );
      app.put(
        path,
        {
          config: write,
          schema: {
            ...posterBase,
            summary: `Set the poster frame of a ${owner} from an image or a frame of a video`,
            description:
              owner === 'scene'
                ? 'Without `fileId`, a frame of the scene’s own video (final version, else newest, else first segment). A file that is neither image nor video is 422 `poster.unsupported_file`; a frame outside the video 422 `frame.out_of_range`.'
                : 'Without `fileId`, a frame of the first of its scenes that has a video. A file that is neither image nor video is 422 `poster.unsupported_file`; a frame outside the video 422 `frame.out_of_range`.',
            params: idParamsSchema,
            body: setPosterBodySchema,
            response: { 200: posterStateSchema, ...problems },
          },
        },
        async (req) => posters.set(contextOf(req), owner, req.params.id, req.body),
      );
      app.delete(
        path,
        {
          config: write,
          schema: {
            ...posterBase,
            summary: `Forget the chosen poster of a ${owner} (lists show the usual thumbnail)`,
            params: idParamsSchema,
            response: { 204: noContent, ...problems },
          },
        },
        async (req, reply) => {
          await posters.clear(contextOf(req), owner, req.params.id);
          return reply.status(204).send();
        },
      );
      app.post(
        `${path}/auto`,
        {
          config: write,
          schema: {
            ...posterBase,
            summary: `Pick the ${owner}’s poster automatically: the frame with the best face, else the sharpest`,
            description:
              'Samples frames of the video(s), scores faces with the QA face detector (confidence × size) and keeps the best. When face detection is off or finds no face, takes the sharpest frame (or the middle one) and says so in `method` and `detail`.',
            params: idParamsSchema,
            response: { 200: autoPosterSchema, ...problems },
          },
        },
        async (req) => posters.auto(contextOf(req), owner, req.params.id),
      );
    }
  };
