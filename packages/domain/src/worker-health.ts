// Worker health (PRD-046 §1.3, PRD-006): what one health check means for a worker, with hysteresis so a single
// slow or missed answer does not flap the fleet, and the thresholds that raise (and clear) alerts.
export type WorkerHealth = 'unknown' | 'healthy' | 'degraded' | 'down';
export type WorkerAdminState = 'enabled' | 'draining' | 'disabled' | 'decommissioned';
export type WorkerThreshold = 'slow' | 'vram' | 'temperature';

export interface WorkerHealthPolicy {
  /** Consecutive failed checks before a worker is down (fewer make it degraded). */
  failuresToDown: number;
  /** Consecutive answered checks before a down or degraded worker is healthy again. */
  successesToRecover: number;
  /** An answer slower than this (ms) is a threshold alert. */
  slowMs: number;
  /** VRAM use at or above this share (%) is a threshold alert. */
  vramPercent: number;
  /** GPU temperature at or above this (°C) is a threshold alert. */
  temperatureC: number;
}

export const defaultWorkerHealthPolicy: WorkerHealthPolicy = {
  failuresToDown: 3,
  successesToRecover: 2,
  slowMs: 1000,
  vramPercent: 95,
  temperatureC: 85,
};

export interface WorkerHealthState {
  health: WorkerHealth;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
}

/** One health check: the worker answered (with what it measured) or did not (with why). */
export type WorkerCheck =
  | {
      ok: true;
      latencyMs: number;
      vramUsedBytes?: number | null;
      vramTotalBytes?: number | null;
      temperatureC?: number | null;
    }
  | { ok: false; error: string };

export interface ThresholdBreach {
  threshold: WorkerThreshold;
  message: string;
  value: number;
  limit: number;
}

/** The thresholds an answered check exceeds; a failed check exceeds none (it counts as a failure instead). */
export function breachedThresholds(check: WorkerCheck, policy: WorkerHealthPolicy): ThresholdBreach[] {
  if (!check.ok) return [];
  const out: ThresholdBreach[] = [];
  if (check.latencyMs > policy.slowMs) {
    out.push({
      threshold: 'slow',
      message: `answered in ${Math.round(check.latencyMs)} ms (over ${policy.slowMs} ms)`,
      value: Math.round(check.latencyMs),
      limit: policy.slowMs,
    });
  }
  if (check.vramUsedBytes != null && check.vramTotalBytes) {
    const pct = (check.vramUsedBytes / check.vramTotalBytes) * 100;
    if (pct >= policy.vramPercent) {
      out.push({
        threshold: 'vram',
        message: `VRAM ${pct.toFixed(1)} % used (limit ${policy.vramPercent} %)`,
        value: Math.round(pct * 10) / 10,
        limit: policy.vramPercent,
      });
    }
  }
  if (check.temperatureC != null && check.temperatureC >= policy.temperatureC) {
    out.push({
      threshold: 'temperature',
      message: `GPU at ${check.temperatureC} °C (limit ${policy.temperatureC} °C)`,
      value: check.temperatureC,
      limit: policy.temperatureC,
    });
  }
  return out;
}

export interface HealthAssessment {
  state: WorkerHealthState;
  /** Why the worker is not healthy (null when healthy). */
  detail: string | null;
  changed: boolean;
  breaches: ThresholdBreach[];
}

/**
 * The worker's health after one check.
 * - A failed check: `down` after `failuresToDown` in a row; before that `degraded` (a down worker stays down).
 * - An answered check: `degraded` while a threshold is exceeded, else `healthy`; a down or degraded worker needs
 *   `successesToRecover` answers in a row first. The first answer of an `unknown` worker counts at once (its
 *   connectivity was verified when it was registered).
 */
export function assessWorkerHealth(
  current: WorkerHealthState,
  check: WorkerCheck,
  policy: WorkerHealthPolicy = defaultWorkerHealthPolicy,
): HealthAssessment {
  if (!check.ok) {
    const failures = current.consecutiveFailures + 1;
    const health: WorkerHealth =
      failures >= policy.failuresToDown || current.health === 'down' ? 'down' : 'degraded';
    const detail =
      health === 'down'
        ? `no answer to ${failures} checks in a row: ${check.error}`
        : `${failures} failed check${failures === 1 ? '' : 's'}: ${check.error}`;
    return {
      state: { health, consecutiveFailures: failures, consecutiveSuccesses: 0 },
      detail,
      changed: health !== current.health,
      breaches: [],
    };
  }
  const successes = current.consecutiveSuccesses + 1;
  const breaches = breachedThresholds(check, policy);
  const target: WorkerHealth = breaches.length > 0 ? 'degraded' : 'healthy';
  let health: WorkerHealth = target;
  let detail: string | null = breaches.length > 0 ? breaches.map((b) => b.message).join('; ') : null;
  const recovering =
    (current.health === 'down' || current.health === 'degraded') && successes < policy.successesToRecover;
  if (recovering && current.health === 'down') {
    health = 'down';
    detail = `answering again (${successes} of ${policy.successesToRecover} checks before it counts as back)`;
  } else if (recovering && target === 'healthy') {
    health = 'degraded';
    detail = `answering again (${successes} of ${policy.successesToRecover} checks before it counts as healthy)`;
  }
  return {
    state: { health, consecutiveFailures: 0, consecutiveSuccesses: successes },
    detail,
    changed: health !== current.health,
    breaches,
  };
}

/** Which alerts to raise and which to clear, given the thresholds exceeded before and now. */
export function diffThresholds(
  before: readonly WorkerThreshold[],
  now: readonly WorkerThreshold[],
): { exceeded: WorkerThreshold[]; cleared: WorkerThreshold[] } {
  return {
    exceeded: now.filter((t) => !before.includes(t)),
    cleared: before.filter((t) => !now.includes(t)),
  };
}

const adminTransitions: Record<WorkerAdminState, readonly WorkerAdminState[]> = {
  enabled: ['draining', 'disabled', 'decommissioned'],
  // draining: finish what runs, take nothing new
  draining: ['enabled', 'disabled', 'decommissioned'],
  disabled: ['enabled', 'decommissioned'],
  // decommissioned is final; the row stays for history and frees its name and URL
  decommissioned: [],
};

export function canTransitionWorker(from: WorkerAdminState, to: WorkerAdminState): boolean {
  return adminTransitions[from].includes(to);
}

/** Capability tags: lower-case words, optionally `key:value` (`gpu:24gb`, `model:wan`, `high-vram`). */
export const workerTagPattern = /^[a-z0-9][a-z0-9._-]{0,31}(:[a-z0-9][a-z0-9._-]{0,31})?$/;
