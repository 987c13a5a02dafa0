// Domain events (PRD-010, ARCHITECTURE §6): defined once here, written to the outbox by the transaction that causes
// them, published in-process and across processes, and pushed to browsers over one WebSocket per tab.
import { z } from 'zod';
import { isoDateTime, publicIdSchema } from './common.js';
import { jobPriorities, jobStates } from './jobs.js';

/** Event types. `job.progress` is volatile: pushed live, never stored in the outbox. */
export const eventTypes = [
  'job.created',
  'job.state_changed',
  'job.progress',
  'job.updated',
  'job.moved',
  'notification.created',
  'scene.run_changed',
  'segment.updated',
  'note.changed',
  'annotation.changed',
] as const;
export type EventType = (typeof eventTypes)[number];

const jobRef = {
  jobId: publicIdSchema,
  kind: z.string(),
  label: z.string(),
};

export const eventPayloadSchemas = {
  'job.created': z.object({ ...jobRef, state: z.enum(jobStates), priority: z.enum(jobPriorities) }),
  'job.state_changed': z.object({
    ...jobRef,
    from: z.enum(jobStates),
    to: z.enum(jobStates),
    reason: z.string(),
    workerId: publicIdSchema.nullable(),
    attempt: z.number().int(),
  }),
  'job.progress': z.object({
    ...jobRef,
    progress: z.number(),
    text: z.string().nullable(),
    /** When the worker reported it (ms since epoch), for latency measurements. */
    reportedAt: z.number(),
  }),
  'job.updated': z.object({ ...jobRef, fields: z.array(z.string()) }),
  'job.moved': z.object({ ...jobRef, fromWorkerId: publicIdSchema.nullable(), reason: z.string() }),
  'notification.created': z.object({
    notificationId: publicIdSchema,
    title: z.string(),
    level: z.enum(['info', 'success', 'warning', 'error']),
  }),
  'scene.run_changed': z.object({
    sceneId: publicIdSchema,
    runId: publicIdSchema,
    status: z.string(),
    segmentsDone: z.number().int(),
    segmentsEstimated: z.number().int(),
    secondsDone: z.number(),
    targetSeconds: z.number(),
  }),
  'segment.updated': z.object({
    sceneId: publicIdSchema,
    segmentId: publicIdSchema,
    index: z.number().int(),
    status: z.string(),
    verdict: z.enum(['pass', 'flag', 'fail']).nullable(),
  }),
  'note.changed': z.object({
    noteId: publicIdSchema,
    threadId: publicIdSchema,
    entityType: z.string(),
    entityId: publicIdSchema,
    action: z.enum(['created', 'updated', 'deleted']),
  }),
  'annotation.changed': z.object({ fileId: publicIdSchema, frame: z.number().int() }),
} satisfies Record<EventType, z.ZodType>;

export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

/** An event as it travels: who may see it is decided by `projectId` and `userId`. */
export interface DomainEvent<T extends EventType = EventType> {
  /** Outbox row id; 0 for volatile events. */
  id: number;
  type: T;
  at: string;
  /** The project it belongs to; subscribers of that project receive it. */
  projectId: string | null;
  /** The user it concerns (a job's owner); that user always receives it. */
  userId: string | null;
  payload: EventPayload<T>;
}

export const domainEventSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(eventTypes),
    at: isoDateTime,
    projectId: publicIdSchema.nullable(),
    userId: publicIdSchema.nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'DomainEvent' });

/** What a browser sends on the live socket. */
export const clientSocketMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), token: z.string().min(1).max(4000) }),
  z.strictObject({
    type: z.literal('subscribe'),
    projects: z.array(publicIdSchema).max(100).optional(),
    allProjects: z.boolean().optional().describe('Every project (job managers)'),
  }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientSocketMessage = z.infer<typeof clientSocketMessageSchema>;

/** What the server sends on the live socket. */
export type ServerSocketMessage =
  | { type: 'ready'; userId: string }
  | { type: 'event'; event: DomainEvent }
  | { type: 'pong' }
  | { type: 'error'; code: string; detail: string };

export const notificationSchema = z
  .object({
    id: publicIdSchema,
    level: z.enum(['info', 'success', 'warning', 'error']),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('App path to open, e.g. `/jobs/…`'),
    kind: z.string(),
    delivery: z
      .enum(['live', 'held', 'digest'])
      .describe('held: waiting for do-not-disturb to end; digest: summarised'),
    readAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Notification' });

export const notificationPageSchema = z
  .object({
    items: z.array(notificationSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int(),
  })
  .meta({ id: 'NotificationPage' });

export const markNotificationsReadSchema = z.strictObject({
  ids: z.array(publicIdSchema).max(500).optional().describe('Omit to mark all as read'),
});

/** What a notification is about; each user chooses per kind how it reaches them. */
export const notificationKinds = [
  'job.completed',
  'job.failed',
  'job.moved',
  'budget.warning',
  'schedule.failed',
  'scene.completed',
  'scene.needs_attention',
  'delivery.ready',
  'delivery.failed',
  'note.mentioned',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationDeliveries = ['in_app', 'digest', 'muted'] as const;

export const notificationPreferencesSchema = z
  .strictObject({
    kinds: z
      .record(z.enum(notificationKinds), z.enum(notificationDeliveries))
      .describe(
        'Per kind: `in_app` (live toast and the list), `digest` (collected into a periodic summary), `muted`',
      ),
    digest: z.enum(['hourly', 'daily']).describe('How often the digest comes'),
    doNotDisturb: z.boolean().describe('Holds non-critical notifications; they arrive when it ends'),
    doNotDisturbUntil: isoDateTime.nullable().describe('Ends do-not-disturb by itself at this time'),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const defaultNotificationPreferences: NotificationPreferences = {
  kinds: {
    'job.completed': 'in_app',
    'job.failed': 'in_app',
    'job.moved': 'in_app',
    'budget.warning': 'in_app',
    'schedule.failed': 'in_app',
    'scene.completed': 'in_app',
    'scene.needs_attention': 'in_app',
    'delivery.ready': 'in_app',
    'delivery.failed': 'in_app',
    'note.mentioned': 'in_app',
  },
  digest: 'daily',
  doNotDisturb: false,
  doNotDisturbUntil: null,
};
