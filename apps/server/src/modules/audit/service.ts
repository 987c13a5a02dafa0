// Writes audit events into the caller's transaction, chained by hash; lists and verifies the trail.
import { createHash } from 'node:crypto';
import type { AuditEvent } from '@i2v/contracts';
import { type AuditChainRecord, auditHashInput, genesisHash } from '@i2v/domain';
import type { Db, Executor } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import type { RequestContext } from '../../platform/request-context.js';
import {
  type AuditFilter,
  type AuditRow,
  chainBatch,
  insertAuditRow,
  listAuditRows,
  lockChainHead,
} from './repo.js';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  summary: string;
  details?: Record<string, unknown>;
  /** Overrides the context's actor, e.g. a failed login that names no known user. */
  actorLabel?: string;
}

function chainRecord(
  r: Omit<AuditRow, 'id' | 'prevHash' | 'hash' | 'actorPublicId' | 'actorEmail'>,
): AuditChainRecord {
  return {
    occurredAt: r.occurredAt.toISOString(),
    action: r.action,
    actorUserId: r.actorUserId === null ? null : String(r.actorUserId),
    actorLabel: r.actorLabel,
    entityType: r.entityType,
    entityId: r.entityId,
    summary: r.summary,
    details: r.details,
    ip: r.ip,
    requestId: r.requestId,
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Appends one event; call it inside the transaction that makes the change. */
  async record(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const prevHash = (await lockChainHead(tx)) ?? genesisHash;
    // Microsecond storage keeps millisecond JS dates exact, so the hash re-computes after a round trip.
    const row = {
      occurredAt: this.clock.now(),
      action: entry.action,
      actorUserId: ctx.actor?.userId ?? null,
      actorLabel: entry.actorLabel ?? ctx.actor?.email ?? 'system',
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      summary: entry.summary,
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
    };
    const hash = sha256(auditHashInput(prevHash, chainRecord(row)));
    await insertAuditRow(tx, { ...row, prevHash, hash });
  }

  async list(
    filter: Omit<AuditFilter, 'beforeId'> & { cursor?: string | undefined },
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const beforeId = filter.cursor ? (decodeCursor(filter.cursor, ['number'])[0] as number) : undefined;
    const found = await listAuditRows(this.db, { ...filter, beforeId, limit: filter.limit + 1 });
    const { page, nextCursor } = pageOf(found, filter.limit, (last) => [last.id]);
    return { items: page.map(toAuditEvent), nextCursor };
  }

  /** Re-computes every hash in order; reports the first event whose content or link was altered. */
  async verify(): Promise<{ ok: boolean; checked: number; firstBrokenId: string | null }> {
    let prevHash = genesisHash;
    let afterId = 0;
    let checked = 0;
    for (;;) {
      const batch = await chainBatch(this.db, afterId, 1000);
      for (const r of batch) {
        const expected = sha256(auditHashInput(prevHash, chainRecord(r)));
        if (r.prevHash !== prevHash || r.hash !== expected) {
          return { ok: false, checked, firstBrokenId: String(r.id) };
        }
        prevHash = r.hash;
        afterId = r.id;
        checked++;
      }
      if (batch.length < 1000) return { ok: true, checked, firstBrokenId: null };
    }
  }
}

function toAuditEvent(r: AuditRow): AuditEvent {
  return {
    id: String(r.id),
    occurredAt: r.occurredAt.toISOString(),
    action: r.action,
    actor: { id: r.actorPublicId, email: r.actorEmail, label: r.actorLabel },
    entityType: r.entityType,
    entityId: r.entityId,
    summary: r.summary,
    details: (r.details ?? {}) as Record<string, unknown>,
    ip: r.ip,
    userAgent: r.userAgent,
    requestId: r.requestId,
    hash: r.hash,
  };
}
