// Workers (PRD-046 §1.1–1.2): registration after a connectivity check, edits, admin states, events and vitals.
// The health loop (health-loop.ts) keeps health and vitals current; this service is what people do.

import { ComfyError, ComfyHttp, type ServerInfo } from '@i2v/comfy';
import type { RegisterWorkerBody, UpdateWorkerBody, Worker, WorkerEvent, WorkerVitals } from '@i2v/contracts';
import { canTransitionWorker, type WorkerAdminState } from '@i2v/domain';
import type { Db, Executor } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { decodeNameCursor, decodeTimeCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import * as repo from './repo.js';

/** How long registration waits for a server to answer (ms). */
export const probeTimeoutMs = 3000;

const windowSeconds = { '1h': 3600, '6h': 6 * 3600, '24h': 24 * 3600 } as const;
const maxBuckets = 120;

const notFound = (id: string) => new AppError('worker.not_found', `No worker with id ${id}.`);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class WorkersService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      /** Swapped in tests to shorten the connectivity check. */
      probeTimeoutMs?: number;
    },
  ) {}

  // ——— reading ———

  async list(q: {
    limit: number;
    cursor?: string | undefined;
    health?: string | undefined;
    adminState?: string | undefined;
  }): Promise<{ items: Worker[]; nextCursor: string | null }> {
    const found = await repo.listWorkers(this.d.db, q, decodeNameCursor(q.cursor), q.limit + 1);
    const { page, nextCursor } = pageOf(found, q.limit, (last) => [last.name.toLowerCase(), last.id]);
    const vitals = await repo.latestVitals(
      this.d.db,
      page.map((w) => w.id),
    );
    return { items: page.map((w) => toDto(w, vitals.get(w.id))), nextCursor };
  }

  async get(publicId: string): Promise<Worker> {
    const row = await this.find(this.d.db, publicId);
    return toDto(row, (await repo.latestVitals(this.d.db, [row.id])).get(row.id));
  }

  async events(
    publicId: string,
    q: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: WorkerEvent[]; nextCursor: string | null }> {
    const row = await this.find(this.d.db, publicId);
    const found = await repo.listEvents(this.d.db, row.id, decodeTimeCursor(q.cursor), q.limit + 1);
    const { page, nextCursor } = pageOf(found, q.limit, (last) => [last.createdAt.toISOString(), last.id]);
    return {
      items: page.map((e) => ({
        id: String(e.id),
        kind: e.kind as WorkerEvent['kind'],
        severity: e.severity as WorkerEvent['severity'],
        message: e.message,
        details: e.details as Record<string, unknown>,
        createdAt: e.createdAt.toISOString(),
      })),
      nextCursor,
    };
  }

  /** Vitals of the last hour / 6 h / 24 h in at most 120 buckets (avg and max per bucket). */
  async vitals(publicId: string, window: keyof typeof windowSeconds): Promise<WorkerVitals> {
    const row = await this.find(this.d.db, publicId);
    const seconds = windowSeconds[window];
    const bucketSeconds = Math.ceil(seconds / maxBuckets);
    const to = this.d.clock.now();
    const from = new Date(to.getTime() - seconds * 1000);
    const found = await repo.vitalsBuckets(this.d.db, row.id, from, to, bucketSeconds);
    return {
      window,
      from: from.toISOString(),
      to: to.toISOString(),
      bucketSeconds,
      buckets: found
        .filter((b) => b.bucket >= 0 && b.bucket < maxBuckets)
        .map((b) => ({
          at: new Date(from.getTime() + b.bucket * bucketSeconds * 1000).toISOString(),
          samples: b.samples,
          gpuUtilizationAvg: round(b.gpuAvg, 1),
          gpuUtilizationMax: round(b.gpuMax, 1),
          temperatureAvg: round(b.tempAvg, 1),
          temperatureMax: round(b.tempMax, 1),
          vramUsedAvg: round(b.vramAvg, 0),
          vramUsedMax: round(b.vramMax, 0),
          vramTotal: round(b.vramTotal, 0),
          queueAvg: round(b.queueAvg, 2),
          queueMax: round(b.queueMax, 0),
        })),
    };
  }

  // ——— changing ———

  /** Verifies the server answers like a current ComfyUI, then saves it; any failure saves nothing. */
  async register(ctx: RequestContext, body: RegisterWorkerBody): Promise<Worker> {
    await this.refuseTaken(this.d.db, body.name, body.url);
    const info = await this.verify(body.url);
    const row = await this.d.db.transaction(async (tx) => {
      await this.refuseTaken(tx, body.name, body.url);
      const now = this.d.clock.now();
      const created = await repo.insertWorker(tx, {
        publicId: newPublicId(),
        name: body.name,
        url: body.url,
        tags: body.tags,
        maxConcurrency: body.maxConcurrency,
        comfyVersion: info.version,
        gpuName: info.stats.devices[0]?.name ?? null,
        vramTotalBytes: roundOrNull(info.stats.devices[0]?.vram_total),
        lastSeenAt: now,
        createdByUserId: ctx.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insertEvents(tx, [
        event(created.id, now, 'registered', 'info', `Registered at ${body.url} (ComfyUI ${info.version})`, {
          url: body.url,
          comfyVersion: info.version,
        }),
      ]);
      await this.d.audit.record(tx, ctx, {
        action: 'worker.registered',
        entityType: 'worker',
        entityId: created.publicId,
        summary: `Registered worker "${created.name}" at ${created.url}`,
        details: { url: created.url, tags: body.tags, maxConcurrency: body.maxConcurrency },
      });
      return created;
    });
    return toDto(row, undefined);
  }

  async update(ctx: RequestContext, publicId: string, body: UpdateWorkerBody): Promise<Worker> {
    const row = await this.d.db.transaction(async (tx) => {
      const current = await this.find(tx, publicId, true);
      if (current.adminState === 'decommissioned') {
        throw new AppError(
          'worker.decommissioned',
          `Worker "${current.name}" is decommissioned; it cannot change.`,
        );
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (body.name !== undefined && body.name !== current.name) {
        if (body.name.toLowerCase() !== current.name.toLowerCase())
          await this.refuseTaken(tx, body.name, null);
        changes.name = { from: current.name, to: body.name };
      }
      const currentTags = current.tags as string[];
      if (body.tags !== undefined && JSON.stringify(body.tags) !== JSON.stringify(currentTags)) {
        changes.tags = { from: currentTags, to: body.tags };
      }
      if (body.maxConcurrency !== undefined && body.maxConcurrency !== current.maxConcurrency) {
        changes.maxConcurrency = { from: current.maxConcurrency, to: body.maxConcurrency };
      }
      if (Object.keys(changes).length === 0) return current;
      const now = this.d.clock.now();
      const updated = await repo.updateWorker(tx, current.id, {
        ...(changes.name ? { name: body.name } : {}),
        ...(changes.tags ? { tags: body.tags } : {}),
        ...(changes.maxConcurrency ? { maxConcurrency: body.maxConcurrency } : {}),
        updatedAt: now,
      });
      await repo.insertEvents(tx, [
        event(current.id, now, 'updated', 'info', `Changed ${Object.keys(changes).join(', ')}`, changes),
      ]);
      await this.d.audit.record(tx, ctx, {
        action: 'worker.updated',
        entityType: 'worker',
        entityId: current.publicId,
        summary: `Changed ${Object.keys(changes).join(', ')} of worker "${updated.name}"`,
        details: changes,
      });
      return updated;
    });
    return this.get(row.publicId);
  }

  /** enabled / draining / disabled / decommissioned; asking for the current state changes nothing. */
  async setAdminState(ctx: RequestContext, publicId: string, to: WorkerAdminState): Promise<Worker> {
    await this.d.db.transaction(async (tx) => {
      const current = await this.find(tx, publicId, true);
      const from = current.adminState as WorkerAdminState;
      if (from === to) return;
      if (!canTransitionWorker(from, to)) {
        throw new AppError(
          'worker.illegal_transition',
          from === 'decommissioned'
            ? `Worker "${current.name}" is decommissioned; register it again to use it.`
            : `A ${from} worker cannot be set to ${to}.`,
        );
      }
      const now = this.d.clock.now();
      await repo.updateWorker(tx, current.id, {
        adminState: to,
        updatedAt: now,
        ...(to === 'decommissioned' ? { decommissionedAt: now } : {}),
      });
      await repo.insertEvents(tx, [
        event(
          current.id,
          now,
          'state_changed',
          to === 'decommissioned' ? 'warning' : 'info',
          `${from} → ${to}`,
          {
            from,
            to,
          },
        ),
      ]);
      await this.d.audit.record(tx, ctx, {
        action: 'worker.state_changed',
        entityType: 'worker',
        entityId: current.publicId,
        summary: `Set worker "${current.name}" from ${from} to ${to}`,
        details: { from, to },
      });
    });
    return this.get(publicId);
  }

  /**
   * A comfy-sim this studio started: the worker of that name gets the new URL (idempotent across restarts), or
   * is registered. A person's worker holding the name or URL is left alone.
   */
  async upsertSimulated(
    ctx: RequestContext,
    name: string,
    url: string,
    info: ServerInfo,
  ): Promise<Worker | null> {
    const row = await this.d.db.transaction(async (tx) => {
      const holders = await repo.findActiveByNameOrUrl(tx, name, url);
      const mine = holders.find((w) => w.name.toLowerCase() === name.toLowerCase());
      if (holders.some((w) => !w.isSimulated)) return null;
      const now = this.d.clock.now();
      // a simulated worker of an earlier start may still hold this URL (ports are reused): move it aside
      for (const other of holders) {
        if (other !== mine) await repo.updateWorker(tx, other.id, { url: `${other.url}#stale-${other.id}` });
      }
      const facts = {
        url,
        comfyVersion: info.version,
        gpuName: info.stats.devices[0]?.name ?? null,
        vramTotalBytes: roundOrNull(info.stats.devices[0]?.vram_total),
        lastSeenAt: now,
        updatedAt: now,
      };
      if (mine) {
        if (mine.url === url) return mine;
        const updated = await repo.updateWorker(tx, mine.id, facts);
        await repo.insertEvents(tx, [
          event(mine.id, now, 'updated', 'info', `Simulated worker restarted at ${url}`, {
            url: { from: mine.url, to: url },
          }),
        ]);
        return updated;
      }
      const created = await repo.insertWorker(tx, {
        ...facts,
        publicId: newPublicId(),
        name,
        tags: ['sim'],
        isSimulated: true,
        createdAt: now,
      });
      await repo.insertEvents(tx, [
        event(created.id, now, 'registered', 'info', `Simulated worker started at ${url}`, { url }),
      ]);
      await this.d.audit.record(tx, ctx, {
        action: 'worker.registered',
        entityType: 'worker',
        entityId: created.publicId,
        summary: `Registered simulated worker "${name}" at ${url}`,
        details: { url, simulated: true },
      });
      return created;
    });
    return row ? toDto(row, undefined) : null;
  }

  // ——— helpers ———

  private async find(db: Executor, publicId: string, lock = false): Promise<repo.WorkerRow> {
    const row = await repo.findWorker(db, publicId, lock);
    if (!row) throw notFound(publicId);
    return row;
  }

  private async refuseTaken(db: Executor, name: string | null, url: string | null): Promise<void> {
    const holders = await repo.findActiveByNameOrUrl(db, name, url);
    const byName = name ? holders.find((w) => w.name.toLowerCase() === name.toLowerCase()) : undefined;
    if (byName) {
      throw new AppError('worker.name_taken', `A worker is already called "${byName.name}".`, [
        { field: 'body.name', message: 'is already taken' },
      ]);
    }
    const byUrl = url ? holders.find((w) => w.url === url) : undefined;
    if (byUrl) {
      throw new AppError('worker.url_taken', `Worker "${byUrl.name}" is already registered at ${url}.`, [
        { field: 'body.url', message: `is already registered as "${byUrl.name}"` },
      ]);
    }
  }

  /** Probe + system_stats with a short timeout; every failure is a 422 naming `body.url`. */
  private async verify(url: string): Promise<ServerInfo> {
    const timeoutMs = this.d.probeTimeoutMs ?? probeTimeoutMs;
    const http = new ComfyHttp(url, { timeoutMs });
    try {
      const info = await http.probe();
      await http.getSystemStats();
      return info;
    } catch (err) {
      if (!(err instanceof ComfyError)) throw err;
      const field = (message: string) => [{ field: 'body.url', message }];
      switch (err.code) {
        case 'COMFY_UNREACHABLE':
          throw new AppError(
            'worker.unreachable',
            `Nothing answers at ${url}. Check the address and port, and that ComfyUI is running and reachable from the studio.`,
            field('cannot be reached'),
          );
        case 'COMFY_TIMEOUT':
          throw new AppError(
            'worker.timeout',
            `${url} did not answer within ${timeoutMs / 1000} s. Is the server busy or behind a firewall that drops traffic?`,
            field(`did not answer within ${timeoutMs / 1000} s`),
          );
        case 'COMFY_NOT_COMFY':
          if (/older ComfyUI protocol/.test(err.message)) {
            throw new AppError(
              'worker.outdated',
              `${url} runs an older ComfyUI (its /system_stats has no comfyui_version). Update ComfyUI to 0.1 or later.`,
              field('runs an older ComfyUI; update it'),
            );
          }
          throw new AppError(
            'worker.not_comfy',
            `${url} answers, but not like ComfyUI (no JSON /system_stats). Is it the right port?`,
            field('does not answer like ComfyUI'),
          );
        default:
          throw new AppError('worker.not_comfy', `${url} answered with an error: ${err.message}`, [
            { field: 'body.url', message: 'answered with an error' },
          ]);
      }
    }
  }
}

function round(v: number | null, digits: number): number | null {
  if (v === null || v === undefined) return null;
  const f = 10 ** digits;
  return Math.round(Number(v) * f) / f;
}

export function event(
  workerId: number,
  at: Date,
  kind: WorkerEvent['kind'],
  severity: WorkerEvent['severity'],
  message: string,
  details: Record<string, unknown>,
): repo.WorkerEventInsert {
  return { workerId, kind, severity, message, details, createdAt: at, updatedAt: at };
}

export function toDto(w: repo.WorkerRow, v: repo.VitalsRow | undefined): Worker {
  return {
    id: w.publicId,
    name: w.name,
    url: w.url,
    tags: w.tags as string[],
    maxConcurrency: w.maxConcurrency,
    adminState: w.adminState as Worker['adminState'],
    health: w.health as Worker['health'],
    healthDetail: w.healthDetail,
    comfyVersion: w.comfyVersion,
    gpuName: w.gpuName,
    vramTotalBytes: w.vramTotalBytes,
    isSimulated: w.isSimulated,
    lastSeenAt: iso(w.lastSeenAt),
    lastCheckedAt: iso(w.lastCheckedAt),
    decommissionedAt: iso(w.decommissionedAt),
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    vitals: v
      ? {
          sampledAt: v.sampledAt.toISOString(),
          gpuUtilization: v.gpuUtilization,
          temperatureC: v.temperatureC,
          vramUsedBytes: v.vramUsedBytes,
          vramTotalBytes: v.vramTotalBytes,
          ramUsedBytes: v.ramUsedBytes,
          queueRunning: v.queueRunning,
          queuePending: v.queuePending,
        }
      : null,
  };
}

function roundOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null;
}
