import { describe, expect, it } from 'vitest';
import {
  assessWorkerHealth,
  breachedThresholds,
  canTransitionWorker,
  diffThresholds,
  defaultWorkerHealthPolicy as policy,
  type WorkerCheck,
  type WorkerHealthState,
  workerTagPattern,
} from './worker-health.js';

const ok: WorkerCheck = { ok: true, latencyMs: 20, vramUsedBytes: 1, vramTotalBytes: 100, temperatureC: 40 };
const fail: WorkerCheck = { ok: false, error: 'ECONNREFUSED' };
const state = (health: WorkerHealthState['health'], f = 0, s = 0): WorkerHealthState => ({
  health,
  consecutiveFailures: f,
  consecutiveSuccesses: s,
});
/** Runs checks in order from a state and returns the health after each. */
const walk = (start: WorkerHealthState, checks: WorkerCheck[]) => {
  let s = start;
  return checks.map((c) => {
    s = assessWorkerHealth(s, c, policy).state;
    return s.health;
  });
};

describe('assessWorkerHealth', () => {
  it('makes an unknown worker healthy on its first answer', () => {
    const a = assessWorkerHealth(state('unknown'), ok);
    expect(a.state).toEqual(state('healthy', 0, 1));
    expect(a.changed).toBe(true);
    expect(a.detail).toBeNull();
  });

  it('goes degraded on a missed check and down only after three in a row', () => {
    expect(walk(state('healthy', 0, 5), [fail, fail, fail, fail])).toEqual([
      'degraded',
      'degraded',
      'down',
      'down',
    ]);
  });

  it('needs two answers in a row to come back from down', () => {
    expect(walk(state('down', 4, 0), [ok, fail, ok, ok])).toEqual(['down', 'down', 'down', 'healthy']);
  });

  it('does not flap on one missed check between answers', () => {
    expect(walk(state('healthy', 0, 3), [fail, ok, ok])).toEqual(['degraded', 'degraded', 'healthy']);
  });

  it('is degraded while a threshold is exceeded, and says why', () => {
    const a = assessWorkerHealth(state('healthy', 0, 3), { ...ok, temperatureC: 90 });
    expect(a.state.health).toBe('degraded');
    expect(a.detail).toContain('90 °C');
    expect(a.breaches.map((b) => b.threshold)).toEqual(['temperature']);
  });

  it('explains a failure with its error', () => {
    expect(assessWorkerHealth(state('healthy'), fail).detail).toBe('1 failed check: ECONNREFUSED');
    expect(assessWorkerHealth(state('degraded', 2), fail).detail).toContain('3 checks in a row');
  });
});

describe('breachedThresholds', () => {
  it('flags slow answers, full VRAM and hot GPUs at the limits', () => {
    const found = breachedThresholds(
      { ok: true, latencyMs: 1001, vramUsedBytes: 95, vramTotalBytes: 100, temperatureC: 85 },
      policy,
    );
    expect(found.map((b) => b.threshold)).toEqual(['slow', 'vram', 'temperature']);
    expect(breachedThresholds({ ...ok, latencyMs: 1000, vramUsedBytes: 94 }, policy)).toEqual([]);
  });

  it('ignores missing vitals and failed checks', () => {
    expect(breachedThresholds({ ok: true, latencyMs: 5 }, policy)).toEqual([]);
    expect(breachedThresholds(fail, policy)).toEqual([]);
  });
});

describe('diffThresholds', () => {
  it('raises new alerts and clears gone ones', () => {
    expect(diffThresholds(['vram'], ['vram', 'slow'])).toEqual({ exceeded: ['slow'], cleared: [] });
    expect(diffThresholds(['vram', 'temperature'], [])).toEqual({
      exceeded: [],
      cleared: ['vram', 'temperature'],
    });
  });
});

describe('worker admin states', () => {
  it('allows draining only from enabled and nothing after decommissioning', () => {
    expect(canTransitionWorker('enabled', 'draining')).toBe(true);
    expect(canTransitionWorker('disabled', 'draining')).toBe(false);
    expect(canTransitionWorker('draining', 'enabled')).toBe(true);
    expect(canTransitionWorker('decommissioned', 'enabled')).toBe(false);
  });

  it('accepts tags like gpu:24gb and refuses others', () => {
    for (const t of ['gpu:24gb', 'high-vram', 'model:wan2.1']) expect(workerTagPattern.test(t)).toBe(true);
    for (const t of ['GPU', 'a b', ':x', 'gpu:', 'a:b:c', '']) expect(workerTagPattern.test(t)).toBe(false);
  });
});
