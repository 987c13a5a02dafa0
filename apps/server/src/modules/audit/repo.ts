// SQL for the append-only audit trail.
import { and, desc, eq, gte, ilike, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { auditEvents, users } from '../../db/schema/index.js';

export interface AuditRow {
  id: number;
  occurredAt: Date;
  action: string;
  actorUserId: number | null;
  actorPublicId: string | null;
  actorEmail: string | null;
  actorLabel: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditRow, 'id' | 'actorPublicId' | 'actorEmail'>;

const chainLockKey = 7_202_611_251;

/** Serialises writers of the chain for the rest of the transaction and returns the current head hash. */
export async function lockChainHead(tx: Executor): Promise<string | null> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${chainLockKey})`);
  const head = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return head[0]?.hash ?? null;
}

export async function insertAuditRow(tx: Executor, row: NewAuditRow): Promise<void> {
  await tx.insert(auditEvents).values(row);
}

const selection = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  action: auditEvents.action,
  actorUserId: auditEvents.actorUserId,
  actorPublicId: users.publicId,
  actorEmail: users.email,
  actorLabel: auditEvents.actorLabel,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  summary: auditEvents.summary,
  details: auditEvents.details,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
  requestId: auditEvents.requestId,
  prevHash: auditEvents.prevHash,
  hash: auditEvents.hash,
};

export interface AuditFilter {
  action?: string | undefined;
  actorPublicId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export async function listAuditRows(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const where: (SQL | undefined)[] = [];
  if (f.action) {
    where.push(
      f.action.endsWith('.')
        ? ilike(auditEvents.action, `${escapeLike(f.action)}%`)
        : eq(auditEvents.action, f.action),
    );
  }
  if (f.actorPublicId !== undefined) where.push(eq(users.publicId, f.actorPublicId));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    where.push(
      or(
        ilike(auditEvents.summary, pattern),
        ilike(auditEvents.actorLabel, pattern),
        ilike(auditEvents.action, pattern),
      ),
    );
  }
  if (f.from) where.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) where.push(lte(auditEvents.occurredAt, f.to));
  if (f.beforeId !== undefined) where.push(lt(auditEvents.id, f.beforeId));
  return (await db
    .select(selection)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(f.limit)) as AuditRow[];
}

/** Rows in chain order for verification, a batch at a time. */
export async function chainBatch(db: Executor, afterId: number, limit: number): Promise<AuditRow[]> {
  return (await db
    .select(selection)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(sql`${auditEvents.id} > ${afterId}`)
    .orderBy(auditEvents.id)
    .limit(limit)) as AuditRow[];
}

export async function countAuditRows(db: Executor): Promise<number> {
  const r = await rows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM audit_events`);
  return Number(r[0]?.n ?? 0);
}
