// The health loop (PRD-046 §1.3, PRD-006): every interval, asks each worker that is not decommissioned for
// /system_stats and /queue, stores a vitals sample, and moves its health with hysteresis (rules in @i2v/domain).
// Health changes and threshold alerts (and their clearing) become worker events. Old vitals are pruned.
import { ComfyError, ComfyHttp, type QueueState, type SystemStats } from '@i2v/comfy';
import {
  assessWorkerHealth,
  defaultWorkerHealthPolicy,
  diffThresholds,
  type WorkerCheck,
  type WorkerHealth,
  type WorkerHealthPolicy,
  type WorkerThreshold,
} from '@i2v/domain';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { keepAliveFetch } from './keep-alive-fetch.js';
import * as repo from './repo.js';
import { event } from './service.js';

export interface HealthLoopOptions {
  db: Db;
  clock: Clock;
  intervalMs: number;
  retentionHours: number;
  policy?: WorkerHealthPolicy;
  /** Workers checked at once. */
  concurrency?: number;
  /** How long one check waits for an answer (ms); defaults to the interval, at most 5 s. */
  timeoutMs?: number;
  onError?: (err: unknown) => void;
}

export interface HealthLoopStatus {
  running: boolean;
  intervalMs: number;
  lastRunAt: Date | null;
  lastRunMs: number | null;
}

const pruneEveryMs = 60_000;
const severityOf: Record<WorkerHealth, 'info' | 'warning' | 'critical'> = {
  unknown: 'info',
  healthy: 'info',
  degraded: 'warning',
  down: 'critical',
};

export class WorkerHealthLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly clients = new Map<number, { url: string; http: ComfyHttp }>();
  /** Thresholds currently exceeded per worker; loaded from the events on first sight (survives restarts). */
  private readonly open = new Map<number, WorkerThreshold[]>();
  private lastPruneAt = 0;
  private last: { at: Date; ms: number } | null = null;
  private readonly policy: WorkerHealthPolicy;

  constructor(private readonly o: HealthLoopOptions) {
    this.policy = o.policy ?? defaultWorkerHealthPolicy;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      // a slow round is not overlapped by the next one
      if (this.running) return;
      this.checkOnce().catch((err) => this.o.onError?.(err));
    };
    this.timer = setInterval(tick, this.o.intervalMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  status(): HealthLoopStatus {
    return {
      running: this.timer !== null,
      intervalMs: this.o.intervalMs,
      lastRunAt: this.last?.at ?? null,
      lastRunMs: this.last?.ms ?? null,
    };
  }

  /** One round over every worker; concurrent callers share the round in progress. */
  checkOnce(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    const started = performance.now();
    const workers = await repo.activeWorkers(this.o.db);
    const unseen = workers.filter((w) => !this.open.has(w.id)).map((w) => w.id);
    if (unseen.length > 0) {
      const found = await repo.openThresholds(this.o.db, unseen);
      for (const id of unseen) this.open.set(id, (found.get(id) ?? []) as WorkerThreshold[]);
    }
    const ids = new Set(workers.map((w) => w.id));
    for (const id of this.clients.keys()) if (!ids.has(id)) this.clients.delete(id);
    for (const id of this.open.keys()) if (!ids.has(id)) this.open.delete(id);
    let next = 0;
    const results: CheckResult[] = [];
    const lanes = Math.min(this.o.concurrency ?? 16, workers.length);
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < workers.length) {
          const w = workers[next++]!;
          try {
            results.push(await this.checkWorker(w));
          } catch (err) {
            this.o.onError?.(err);
          }
        }
      }),
    );
    // one transaction per round, not per worker: writes are what a check costs most
    if (results.length > 0) {
      await this.o.db.transaction(async (tx) => {
        await repo.applyHealthChecks(
          tx,
          results.map((r) => r.update),
        );
        await repo.insertVitals(
          tx,
          results.flatMap((r) => (r.vitals ? [r.vitals] : [])),
        );
        await repo.insertEvents(
          tx,
          results.flatMap((r) => r.events),
        );
      });
    }
    const now = this.o.clock.now();
    if (now.getTime() - this.lastPruneAt >= pruneEveryMs) {
      this.lastPruneAt = now.getTime();
      await repo.pruneVitals(
        this.o.db,
        workers.map((w) => w.id),
        new Date(now.getTime() - this.o.retentionHours * 3600_000),
      );
    }
    this.last = { at: now, ms: performance.now() - started };
  }

  private client(w: repo.WorkerRow): ComfyHttp {
    const known = this.clients.get(w.id);
    if (known && known.url === w.url) return known.http;
    const http = new ComfyHttp(w.url, {
      timeoutMs: this.o.timeoutMs ?? Math.min(this.o.intervalMs, 5000),
      fetch: keepAliveFetch,
    });
    this.clients.set(w.id, { url: w.url, http });
    return http;
  }

  private async checkWorker(w: repo.WorkerRow): Promise<CheckResult> {
    const http = this.client(w);
    const t0 = performance.now();
    let stats: SystemStats | null = null;
    let queue: QueueState | null = null;
    let check: WorkerCheck;
    try {
      [stats, queue] = await Promise.all([http.getSystemStats(), http.getQueue()]);
      const gpu = stats.devices[0];
      const vramUsed = gpu ? gpu.vram_total - gpu.vram_free : null;
      check = {
        ok: true,
        latencyMs: performance.now() - t0,
        vramUsedBytes: vramUsed,
        vramTotalBytes: gpu?.vram_total ?? null,
        temperatureC: numberOr(gpu?.temperature),
      };
    } catch (err) {
      check = { ok: false, error: err instanceof ComfyError ? err.message : String(err) };
    }
    const now = this.o.clock.now();
    const assessed = assessWorkerHealth(
      {
        health: w.health as WorkerHealth,
        consecutiveFailures: w.consecutiveFailures,
        consecutiveSuccesses: w.consecutiveSuccesses,
      },
      check,
      this.policy,
    );
    const events: repo.WorkerEventInsert[] = [];
    if (assessed.changed) {
      events.push(
        event(
          w.id,
          now,
          'health_changed',
          severityOf[assessed.state.health],
          `${w.health} → ${assessed.state.health}${assessed.detail ? `: ${assessed.detail}` : ''}`,
          { from: w.health, to: assessed.state.health, detail: assessed.detail },
        ),
      );
    }
    // thresholds are judged on answers only: a worker that does not answer keeps its open alerts
    if (check.ok) {
      const before = this.open.get(w.id) ?? [];
      const nowOpen = assessed.breaches.map((b) => b.threshold);
      const { exceeded, cleared } = diffThresholds(before, nowOpen);
      for (const b of assessed.breaches.filter((x) => exceeded.includes(x.threshold))) {
        events.push(
          event(w.id, now, 'threshold_exceeded', 'warning', b.message, {
            threshold: b.threshold,
            value: b.value,
            limit: b.limit,
          }),
        );
      }
      for (const t of cleared) {
        events.push(
          event(w.id, now, 'threshold_cleared', 'info', `${thresholdLabel[t]} back to normal`, {
            threshold: t,
          }),
        );
      }
      this.open.set(w.id, nowOpen);
    }
    const gpu = stats?.devices[0];
    const answered = check.ok && stats !== null;
    return {
      update: {
        id: w.id,
        health: assessed.state.health,
        healthDetail: assessed.detail,
        consecutiveFailures: assessed.state.consecutiveFailures,
        consecutiveSuccesses: assessed.state.consecutiveSuccesses,
        lastCheckedAt: now,
        lastSeenAt: answered ? now : null,
        comfyVersion:
          answered && typeof stats?.system.comfyui_version === 'string' ? stats.system.comfyui_version : null,
        gpuName: gpu?.name ?? null,
        vramTotalBytes: gpu ? Math.round(gpu.vram_total) : null,
      },
      vitals:
        answered && stats
          ? {
              workerId: w.id,
              sampledAt: now,
              gpuUtilization: numberOr(gpu?.utilization),
              temperatureC: numberOr(gpu?.temperature),
              vramUsedBytes: gpu ? Math.round(gpu.vram_total - gpu.vram_free) : null,
              vramTotalBytes: gpu ? Math.round(gpu.vram_total) : null,
              ramUsedBytes: Math.round(stats.system.ram_total - stats.system.ram_free),
              queueRunning: queue?.queue_running.length ?? null,
              queuePending: queue?.queue_pending.length ?? null,
              createdAt: now,
              updatedAt: now,
            }
          : null,
      events,
    };
  }
}

interface CheckResult {
  update: repo.HealthCheckUpdate;
  vitals: repo.VitalsInsert | null;
  events: repo.WorkerEventInsert[];
}

const thresholdLabel: Record<WorkerThreshold, string> = {
  slow: 'Answer time',
  vram: 'VRAM use',
  temperature: 'GPU temperature',
};

function numberOr(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
