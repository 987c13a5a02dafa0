// The in-app notification centre (PRD-010): what the engine tells a user, delivered as their preferences say —
// live (a toast and the list), held while they do not want to be disturbed, collected into a digest, or not at all.
import {
  defaultNotificationPreferences,
  markNotificationsReadSchema,
  type NotificationKind,
  type NotificationPreferences,
  notificationPageSchema,
  notificationPreferencesSchema,
  pageQueryShape,
} from '@i2v/contracts';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, type Executor, rows } from '../../db/client.js';
import { notificationPreferences, notifications } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { problems } from '../../platform/http/responses.js';
import { newPublicId } from '../../platform/ids.js';
import type { EventBus, EventDraft } from './bus.js';

export interface NotificationDraft {
  kind: NotificationKind;
  level: 'info' | 'success' | 'warning' | 'error';
  title: string;
  body: string;
  link: string | null;
}

type Emit = (d: EventDraft<'notification.created'>) => Promise<void>;

const digestEvery = { hourly: 3_600_000, daily: 86_400_000 } as const;

/** Whether do-not-disturb holds notifications now. */
export function disturbing(p: NotificationPreferences, now: Date): boolean {
  if (!p.doNotDisturb) return false;
  return p.doNotDisturbUntil === null || new Date(p.doNotDisturbUntil).getTime() > now.getTime();
}

export class NotificationsService {
  constructor(private readonly d: { db: Db; clock: Clock; bus: EventBus }) {}

  async preferences(db: Executor, userId: number): Promise<NotificationPreferences> {
    const [row] = await db
      .select({ settings: notificationPreferences.settings })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    if (!row) return defaultNotificationPreferences;
    const saved = row.settings as NotificationPreferences;
    return {
      ...defaultNotificationPreferences,
      ...saved,
      kinds: { ...defaultNotificationPreferences.kinds, ...saved.kinds },
    };
  }

  mine(userId: number): Promise<NotificationPreferences> {
    return this.preferences(this.d.db, userId);
  }

  async savePreferences(userId: number, p: NotificationPreferences): Promise<NotificationPreferences> {
    if (p.doNotDisturbUntil && new Date(p.doNotDisturbUntil).getTime() < this.d.clock.now().getTime()) {
      throw new AppError(
        'request.invalid',
        'doNotDisturbUntil has passed; give a time in the future or null.',
        [{ field: 'body.doNotDisturbUntil', message: 'is in the past' }],
      );
    }
    await this.d.db
      .insert(notificationPreferences)
      .values({ userId, settings: p })
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: { settings: p, updatedAt: sql`now()` },
      });
    // do-not-disturb switched off: what it held arrives now
    if (!disturbing(p, this.d.clock.now())) await this.releaseHeld(userId);
    return this.preferences(this.d.db, userId);
  }

  /** Records a notification in the caller's transaction and pushes it when the user wants it live now. */
  async notify(tx: Executor, emit: Emit, userId: number, userPublicId: string | null, n: NotificationDraft) {
    const prefs = await this.preferences(tx, userId);
    const mode = prefs.kinds[n.kind] ?? 'in_app';
    if (mode === 'muted') return;
    const now = this.d.clock.now();
    // failures are never held back by do-not-disturb's digest, but they do wait for it to end
    const delivery = mode === 'digest' ? 'digest' : disturbing(prefs, now) ? 'held' : 'live';
    const publicId = newPublicId();
    await tx.insert(notifications).values({
      publicId,
      userId,
      ...n,
      delivery,
      deliveredAt: delivery === 'live' ? now : null,
    });
    if (delivery === 'live') {
      await emit({
        type: 'notification.created',
        projectId: null,
        userId: userPublicId,
        payload: { notificationId: publicId, title: n.title, level: n.level },
      });
    }
  }

  /** Pushes what do-not-disturb held for users whose quiet time is over, and sends the digests that are due. */
  async deliverPending(): Promise<{ released: number; digests: number }> {
    const now = this.d.clock.now();
    let released = 0;
    let digests = 0;
    const waiting = await rows<{ user_id: number; delivery: 'held' | 'digest' }>(
      this.d.db,
      sql`SELECT DISTINCT user_id, delivery FROM notifications WHERE delivered_at IS NULL AND delivery IN ('held', 'digest')`,
    );
    for (const w of waiting) {
      const userId = Number(w.user_id);
      const prefs = await this.preferences(this.d.db, userId);
      if (w.delivery === 'held' && !disturbing(prefs, now)) released += await this.releaseHeld(userId);
      if (w.delivery === 'digest' && (await this.sendDigest(userId, prefs))) digests++;
    }
    return { released, digests };
  }

  private async releaseHeld(userId: number): Promise<number> {
    return this.d.bus.transaction(async (tx, emit) => {
      const held = await tx
        .update(notifications)
        .set({ deliveredAt: this.d.clock.now() })
        .where(
          and(
            eq(notifications.userId, userId),
            eq(notifications.delivery, 'held'),
            isNull(notifications.deliveredAt),
          ),
        )
        .returning({
          publicId: notifications.publicId,
          title: notifications.title,
          level: notifications.level,
        });
      const [u] = await rows<{ public_id: string }>(
        tx,
        sql`SELECT public_id FROM users WHERE id = ${userId}`,
      );
      for (const h of held.slice(-20)) {
        await emit({
          type: 'notification.created',
          projectId: null,
          userId: u?.public_id ?? null,
          payload: { notificationId: h.publicId, title: h.title, level: h.level as 'info' },
        });
      }
      return held.length;
    });
  }

  private async sendDigest(userId: number, prefs: NotificationPreferences): Promise<boolean> {
    const now = this.d.clock.now();
    const [p] = await this.d.db
      .select({ last: notificationPreferences.lastDigestAt })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    if (p?.last && now.getTime() - p.last.getTime() < digestEvery[prefs.digest]) return false;
    return this.d.bus.transaction(async (tx, emit) => {
      const items = await tx
        .update(notifications)
        .set({ deliveredAt: now })
        .where(
          and(
            eq(notifications.userId, userId),
            eq(notifications.delivery, 'digest'),
            isNull(notifications.deliveredAt),
          ),
        )
        .returning({ kind: notifications.kind, title: notifications.title });
      if (items.length === 0) return false;
      const count = (k: string) => items.filter((i) => i.kind === k).length;
      const parts = [
        count('job.completed') && `${count('job.completed')} job(s) finished`,
        count('job.failed') && `${count('job.failed')} failed`,
        count('job.moved') && `${count('job.moved')} moved to another worker`,
        count('budget.warning') && `${count('budget.warning')} budget warning(s)`,
        count('schedule.failed') && `${count('schedule.failed')} schedule problem(s)`,
      ].filter(Boolean);
      await tx
        .update(notificationPreferences)
        .set({ lastDigestAt: now })
        .where(eq(notificationPreferences.userId, userId));
      const publicId = newPublicId();
      await tx.insert(notifications).values({
        publicId,
        userId,
        kind: 'digest',
        level: count('job.failed') ? 'warning' : 'info',
        title: `Digest: ${parts.join(', ')}`,
        body: items
          .slice(0, 30)
          .map((i) => `• ${i.title}`)
          .join('\n'),
        link: '/jobs',
        delivery: 'live',
        deliveredAt: now,
      });
      const [u] = await rows<{ public_id: string }>(
        tx,
        sql`SELECT public_id FROM users WHERE id = ${userId}`,
      );
      await emit({
        type: 'notification.created',
        projectId: null,
        userId: u?.public_id ?? null,
        payload: { notificationId: publicId, title: `Digest: ${parts.join(', ')}`, level: 'info' },
      });
      return true;
    });
  }

  async list(
    userId: number,
    q: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
  ) {
    const after = q.cursor ? (decodeCursor(q.cursor, ['number']) as [number]) : null;
    const found = await this.d.db
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
    const [count] = await this.d.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    const items = found.slice(0, q.limit);
    return {
      items: items.map((n) => ({
        id: n.publicId,
        kind: n.kind,
        delivery: n.delivery as 'live' | 'held' | 'digest',
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
      const mine = await this.d.db
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
    const updated = await this.d.db
      .update(notifications)
      .set({ readAt: this.d.clock.now(), updatedAt: sql`now()` })
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
    const me = { guard: 'authenticated' as const };
    app.get(
      '/me/notifications',
      {
        config: me,
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
        config: me,
        schema: {
          ...base,
          summary: 'Mark notifications as read (all of them when no ids are given)',
          body: markNotificationsReadSchema,
          response: { 200: z.object({ updated: z.number().int() }), ...problems },
        },
      },
      async (req) => service.markRead(req.user!.id, req.body.ids),
    );
    app.get(
      '/me/notification-preferences',
      {
        config: me,
        schema: {
          ...base,
          summary: 'How each kind of notification reaches me, do-not-disturb and the digest interval',
          response: { 200: notificationPreferencesSchema, ...problems },
        },
      },
      async (req) => service.mine(req.user!.id),
    );
    app.put(
      '/me/notification-preferences',
      {
        config: me,
        schema: {
          ...base,
          summary: 'Change my notification preferences',
          description: 'Turning do-not-disturb off delivers what it held at once.',
          body: notificationPreferencesSchema,
          response: { 200: notificationPreferencesSchema, ...problems },
        },
      },
      async (req) => service.savePreferences(req.user!.id, req.body),
    );
  };
