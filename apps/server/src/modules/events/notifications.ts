// The in-app notification centre (PRD-010): what the engine told a user, newest first, with read state.
import { markNotificationsReadSchema, notificationPageSchema, pageQueryShape } from '@i2v/contracts';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { problems } from '../../platform/http/responses.js';

export class NotificationsService {
  constructor(private readonly db: Db) {}

  async list(
    userId: number,
    q: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
  ) {
    const after = q.cursor ? (decodeCursor(q.cursor, ['number']) as [number]) : null;
    const found = await this.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          after ? lt(notifications.id, after[0]) : undefined,
          q.unread ? isNull(notifications.readAt) : undefined,
        ),
      )
      .orderBy(desc(notifications.id))
      .limit(q.limit + 1);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    const items = found.slice(0, q.limit);
    return {
      items: items.map((n) => ({
        id: n.publicId,
        level: n.level as 'info' | 'success' | 'warning' | 'error',
        title: n.title,
        body: n.body,
        link: n.link,
        readAt: n.readAt ? n.readAt.toISOString() : null,
        createdAt: n.createdAt.toISOString(),
      })),
      nextCursor: found.length > q.limit ? encodeCursor([items[items.length - 1]!.id]) : null,
      unread: count?.n ?? 0,
    };
  }

  async markRead(userId: number, ids: string[] | undefined): Promise<{ updated: number }> {
    if (ids) {
      const mine = await this.db
        .select({ publicId: notifications.publicId })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), inArray(notifications.publicId, ids)));
      const missing = ids.filter((i) => !mine.some((m) => m.publicId === i));
      if (missing.length) {
        throw new AppError('notification.not_found', `There is no notification ${missing[0]} for you.`, [
          { field: 'body.ids', message: `unknown notification ${missing[0]}` },
        ]);
      }
    }
    const updated = await this.db
      .update(notifications)
      .set({ readAt: new Date(), updatedAt: sql`now()` })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          ids ? inArray(notifications.publicId, ids) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    return { updated: updated.length };
  }
}

export const notificationRoutes =
  (service: NotificationsService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['notifications'], security: [{ bearer: [] }] };
    app.get(
      '/me/notifications',
      {
        config: { guard: 'authenticated' },
        schema: {
          ...base,
          summary: 'My notifications, newest first, with the unread count',
          querystring: z.strictObject({
            ...pageQueryShape,
            unread: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
          }),
          response: { 200: notificationPageSchema, ...problems },
        },
      },
      async (req) => service.list(req.user!.id, req.query),
    );
    app.post(
      '/me/notifications/read',
      {
        config: { guard: 'authenticated' },
        schema: {
          ...base,
          summary: 'Mark notifications as read (all of them when no ids are given)',
          body: markNotificationsReadSchema,
          response: { 200: z.object({ updated: z.number().int() }), ...problems },
        },
      },
      async (req) => service.markRead(req.user!.id, req.body.ids),
    );
  };
