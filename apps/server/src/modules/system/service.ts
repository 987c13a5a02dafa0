// System health (PRD-080): database, storage, the worker fleet and the event bus, as an admin sees them.
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { SystemHealth } from '@i2v/contracts';
import { workerAdminStates, workerHealthValues } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import { type Database, rows } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { JobEngine } from '../jobs/engine.js';
import type { WorkerHealthLoop } from '../workers/health-loop.js';
import { countWorkers } from '../workers/repo.js';

export class SystemHealthService {
  constructor(
    private readonly d: {
      database: Database;
      clock: Clock;
      dataDir: string;
      healthLoop: WorkerHealthLoop;
      engine: JobEngine;
    },
  ) {}

  async check(): Promise<SystemHealth> {
    const [database, storage, workers, jobs] = await Promise.all([
      this.database(),
      this.storage(),
      this.workers(),
      this.jobs(),
    ]);
    return {
      checkedAt: this.d.clock.now().toISOString(),
      database,
      storage,
      workers,
      eventBus: {
        available: true,
        detail:
          this.d.database.kind === 'postgres'
            ? 'Events are written to the outbox and cross processes with LISTEN/NOTIFY; browsers get them over the live socket.'
            : 'Events are written to the outbox and published in this process (the embedded database has one process); browsers get them over the live socket.',
      },
      jobs,
    };
  }

  private async jobs(): Promise<SystemHealth['jobs']> {
    const e = this.d.engine.status();
    const counts = await rows<{ state: string; n: number; oldest: Date | null }>(
      this.d.database.db,
      sql`SELECT state, count(*)::int AS n, min(queued_at) FILTER (WHERE state = 'queued') AS oldest
          FROM jobs GROUP BY state`,
    );
    const oldest = counts.find((c) => c.state === 'queued')?.oldest ?? null;
    const waitedMs = oldest ? this.d.clock.now().getTime() - new Date(oldest).getTime() : 0;
    return {
      ok: e.running && waitedMs < 30 * 60_000,
      engineRunning: e.running,
      gpu: e.gpu,
      cpuSlots: e.cpuSlots,
      lastTickAt: e.lastTickAt,
      lastTickMs: e.lastTickMs,
      runningHere: e.runningHere,
      byState: Object.fromEntries(counts.map((c) => [c.state, c.n])),
      oldestQueuedAt: oldest ? new Date(oldest).toISOString() : null,
    };
  }

  private async database(): Promise<SystemHealth['database']> {
    const t0 = performance.now();
    try {
      await this.d.database.ping();
      return {
        ok: true,
        kind: this.d.database.kind,
        pingMs: Math.round((performance.now() - t0) * 100) / 100,
        detail: null,
      };
    } catch (err) {
      return { ok: false, kind: this.d.database.kind, pingMs: null, detail: (err as Error).message };
    }
  }

  private async storage(): Promise<SystemHealth['storage']> {
    const dir = this.d.dataDir;
    let writable = false;
    let detail: string | null = null;
    try {
      await fsp.mkdir(dir, { recursive: true });
      const probe = path.join(dir, `.health-${randomBytes(4).toString('hex')}`);
      await fsp.writeFile(probe, 'ok');
      await fsp.rm(probe, { force: true });
      writable = true;
    } catch (err) {
      detail = `The data directory is not writable: ${(err as Error).message}`;
    }
    let freeBytes: number | null = null;
    let totalBytes: number | null = null;
    try {
      const s = await fsp.statfs(dir);
      freeBytes = s.bavail * s.bsize;
      totalBytes = s.blocks * s.bsize;
    } catch (err) {
      detail ??= `Free space unknown: ${(err as Error).message}`;
    }
    return { ok: writable, dataDir: dir, writable, freeBytes, totalBytes, detail };
  }

  private async workers(): Promise<SystemHealth['workers']> {
    const rows = await countWorkers(this.d.database.db);
    const byHealth = Object.fromEntries(workerHealthValues.map((h) => [h, 0])) as Record<
      (typeof workerHealthValues)[number],
      number
    >;
    const byAdminState = Object.fromEntries(workerAdminStates.map((s) => [s, 0])) as Record<
      (typeof workerAdminStates)[number],
      number
    >;
    let total = 0;
    let usable = 0;
    for (const r of rows) {
      byAdminState[r.adminState as keyof typeof byAdminState] += r.n;
      if (r.adminState === 'decommissioned') continue;
      total += r.n;
      byHealth[r.health as keyof typeof byHealth] += r.n;
      if (r.adminState === 'enabled' && r.health === 'healthy') usable += r.n;
    }
    const loop = this.d.healthLoop.status();
    return {
      ok: usable > 0,
      total,
      byHealth,
      byAdminState,
      healthLoop: { ...loop, lastRunAt: loop.lastRunAt?.toISOString() ?? null },
    };
  }
}
