import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComfyPool } from './pool.js';

let a: ComfySim;
let b: ComfySim;
beforeAll(async () => {
  [a, b] = await Promise.all([startComfySim(), startComfySim()]);
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
});

describe('ComfyPool', () => {
  it('shares one client and one socket per server and reports their states', async () => {
    const pool = new ComfyPool({ backoff: { initialMs: 20, maxMs: 100 } });
    const first = pool.get(a.url);
    expect(pool.get(`${a.url}/`)).toBe(first);
    expect(pool.get(b.url)).not.toBe(first);
    await expect.poll(() => pool.states()).toEqual({ [a.url]: 'open', [b.url]: 'open' });
    expect(a.engine.queueRemaining).toBe(0);
    pool.remove(b.url);
    expect(Object.keys(pool.states())).toEqual([a.url]);
    await b.restart();
    await a.restart();
    await expect.poll(() => first.socket.opens).toBe(2);
    expect(pool.states()[a.url]).toBe('open');
    pool.closeAll();
    expect(pool.states()).toEqual({});
    expect(first.socket.state).toBe('stopped');
  });
});
