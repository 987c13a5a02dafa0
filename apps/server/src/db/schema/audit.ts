import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps, tstz } from './columns.js';
import { users } from './users.js';

/** Append-only, hash-chained audit trail (PRD-045). Triggers in the migrations refuse UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: tstz('occurred_at').notNull(),
    action: text('action').notNull(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }).references(() => users.id, {
      onDelete: 'restrict',
      onUpdate: 'cascade',
    }),
    actorLabel: text('actor_label').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    details: jsonb('details').notNull().default({}),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    ...timestamps,
  },
  (t) => [
    index('idx_audit_events_actor_user_id').on(t.actorUserId),
    index('idx_audit_events_occurred_at').on(t.occurredAt),
    index('idx_audit_events_action').on(t.action),
    index('idx_audit_events_entity').on(t.entityType, t.entityId),
  ],
);
