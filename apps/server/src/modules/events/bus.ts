// Domain events (PRD-010, ARCHITECTURE §6): written to the outbox in the transaction that causes them, published
// in-process after the commit, and fanned out to other processes with NOTIFY (sent inside the same transaction, so
// PostgreSQL delivers it only if the transaction commits).
import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventPayload, EventType } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import type { Db, Executor, Listener, Tx } from '../../db/client.js';
import { rows } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';

export interface EventDraft<T extends EventType = EventType> {
  type: T;
  projectId: string | null;
  userId: string | null;
  payload: EventPayload<T>;
}

type Handler = (event: DomainEvent) => void;

const eventsChannel = 'i2v_events';
const wakeChannel = 'i2v_wake';
/** NOTIFY payloads are limited to 8000 bytes; larger events travel as their outbox id. */
const maxNotifyBytes = 7000;

export class EventBus {
  /** Identifies this process's own NOTIFYs, which it has already published locally. */
  readonly origin = randomUUID();
  private readonly handlers = new Set<Handler>();
  private readonly wakeHandlers = new Set<(resource: string) => void>();

  constructor(
    private readonly db: Db,
    private readonly listener: Listener | null,
    private readonly clock: Clock,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Starts listening to other processes (PostgreSQL only; the embedded database has one process). */
  async start(): Promise<void> {
    if (!this.listener) return;
    await this.listener.listen(eventsChannel, (raw) => {
      void this.fromOtherProcess(raw).catch(this.onError);
    });
    await this.listener.listen(wakeChannel, (raw) => {
      const [origin, resource] = raw.split(':');
      if (origin !== this.origin) for (const fn of this.wakeHandlers) fn(resource ?? 'gpu');
    });
  }

  private async fromOtherProcess(raw: string): Promise<void> {
    const message = JSON.parse(raw) as { origin: string; event?: DomainEvent; id?: number };
    if (message.origin === this.origin) return;
    if (message.event) {
      this.deliver(message.event);
      return;
    }
    if (message.id) {
      const [row] = await rows<{
        type: EventType;
        project: string | null;
        user: string | null;
        payload: never;
        at: Date;
      }>(
        this.db,
        sql`SELECT type, project_public_id AS project, user_public_id AS user, payload, created_at AS at
            FROM domain_events WHERE id = ${message.id}`,
      );
      if (row) {
        this.deliver({
          id: message.id,
          type: row.type,
          at: new Date(row.at).toISOString(),
          projectId: row.project,
          userId: row.user,
          payload: row.payload,
        });
      }
    }
  }

  /** Subscribes to every event this process sees (its own and other processes'); returns the unsubscribe. */
  subscribe(fn: Handler): () => void {
    this.handlers.add(fn);
    return () => this.handlers.delete(fn);
  }

  /** Called when another process asks schedulers to look at the queue now. */
  onWake(fn: (resource: string) => void): () => void {
    this.wakeHandlers.add(fn);
    return () => this.wakeHandlers.delete(fn);
  }

  /** Writes the event to the outbox and queues its NOTIFY in the caller's transaction; publish it after commit. */
  async record<T extends EventType>(tx: Executor, draft: EventDraft<T>): Promise<DomainEvent<T>> {
    const [row] = await rows<{ id: number; at: Date }>(
      tx,
      sql`INSERT INTO domain_events (type, project_public_id, user_public_id, payload)
          VALUES (${draft.type}, ${draft.projectId}, ${draft.userId}, ${JSON.stringify(draft.payload)}::jsonb)
          RETURNING id, created_at AS at`,
    );
    const event: DomainEvent<T> = {
      id: Number(row!.id),
      type: draft.type,
      at: new Date(row!.at).toISOString(),
      projectId: draft.projectId,
      userId: draft.userId,
      payload: draft.payload,
    };
    if (this.listener) await this.notifyEvent(tx, event);
    return event;
  }

  /** `record` for many events at once: one outbox insert and one NOTIFY round trip. */
  async recordMany<T extends EventType>(tx: Executor, drafts: EventDraft<T>[]): Promise<DomainEvent<T>[]> {
    if (drafts.length === 0) return [];
    const inserted = await rows<{ id: number; at: Date }>(
      tx,
      sql`INSERT INTO domain_events (type, project_public_id, user_public_id, payload)
          VALUES ${sql.join(
            drafts.map(
              (d) =>
                sql`(${d.type}, ${d.projectId}::uuid, ${d.userId}::uuid, ${JSON.stringify(d.payload)}::jsonb)`,
            ),
            sql`, `,
          )}
          RETURNING id, created_at AS at`,
    );
    const events = drafts.map((d, i) => ({
      id: Number(inserted[i]!.id),
      type: d.type,
      at: new Date(inserted[i]!.at).toISOString(),
      projectId: d.projectId,
      userId: d.userId,
      payload: d.payload,
    }));
    if (this.listener) {
      const texts = events.map((event) => {
        const text = JSON.stringify({ origin: this.origin, event });
        return Buffer.byteLength(text) > maxNotifyBytes
          ? JSON.stringify({ origin: this.origin, id: event.id })
          : text;
      });
      await tx.execute(
        sql`SELECT pg_notify(${this.listener.channel(eventsChannel)}, t)
            FROM unnest(ARRAY[${sql.join(
              texts.map((t) => sql`${t}`),
              sql`, `,
            )}]::text[]) AS t`,
      );
    }
    return events;
  }

  private async notifyEvent(executor: Executor, event: DomainEvent): Promise<void> {
    await executor.execute(
      sql`SELECT pg_notify(${this.listener!.channel(eventsChannel)}, ${this.notifyText(event)})`,
    );
  }

  /** The NOTIFY payload: the event itself, or its outbox id when it is too large to travel. */
  private notifyText(event: DomainEvent): string {
    const text = JSON.stringify({ origin: this.origin, event });
    return Buffer.byteLength(text) > maxNotifyBytes
      ? JSON.stringify({ origin: this.origin, id: event.id })
      : text;
  }

  /** Hands committed events to this process's subscribers. */
  publish(events: readonly DomainEvent[]): void {
    for (const e of events) this.deliver(e);
  }

  /** A live-only event (progress): not stored, published here and to other processes at once. */
  volatile<T extends EventType>(draft: EventDraft<T>): void {
    const event: DomainEvent<T> = { id: 0, at: this.clock.now().toISOString(), ...draft };
    this.deliver(event);
    if (this.listener) void this.notifyEvent(this.db, event).catch(this.onError);
  }

  /** Asks every scheduler (this process's at once, others' through NOTIFY) to look at the queue. */
  async wake(resource: 'gpu' | 'cpu', executor: Executor = this.db): Promise<void> {
    for (const fn of this.wakeHandlers) fn(resource);
    if (this.listener) {
      await executor.execute(
        sql`SELECT pg_notify(${this.listener.channel(wakeChannel)}, ${`${this.origin}:${resource}`})`,
      );
    }
  }

  /**
   * Runs `fn` in a transaction with an `emit` that records events; they are published once it has committed and
   * dropped if it rolls back.
   */
  async transaction<T>(
    fn: (
      tx: Tx,
      emit: <E extends EventType>(d: EventDraft<E>) => Promise<void>,
      emitMany: <E extends EventType>(d: EventDraft<E>[]) => Promise<void>,
    ) => Promise<T>,
  ) {
    const emitted: DomainEvent[] = [];
    const result = await this.db.transaction(async (tx) =>
      fn(
        tx,
        async (draft) => {
          emitted.push(await this.record(tx, draft));
        },
        async (drafts) => {
          emitted.push(...(await this.recordMany(tx, drafts)));
        },
      ),
    );
    this.publish(emitted);
    return result;
  }

  private deliver(event: DomainEvent): void {
    for (const fn of this.handlers) {
      try {
        fn(event);
      } catch (err) {
        this.onError(err);
      }
    }
  }
}
