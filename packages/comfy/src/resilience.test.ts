// The client against bad workers: unreachable, HTML, hanging, old servers, oversize bodies, restarts, dropped sockets.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startComfySim } from '@i2v/comfy-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComfyClient } from './client.js';
import { ComfyError } from './errors.js';
import { ComfyHttp } from './http.js';
import type { ApiWorkflow } from './types.js';

const examples = path.resolve(import.meta.dirname, '../../../examples/workflows');
let tmp: string;
let png: Buffer;
const servers: http.Server[] = [];

async function fakeServer(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

function quickI2v(seed: number): ApiWorkflow {
  const w = JSON.parse(fs.readFileSync(path.join(examples, 'i2v.api.json'), 'utf8')) as ApiWorkflow;
  Object.assign(w['6']!.inputs, { width: 64, height: 64, length: 9 });
  w['7']!.inputs.seed = seed;
  w['7']!.inputs.steps = 6;
  return w;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-res-'));
  const file = path.join(tmp, 'start.png');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=96x96',
    '-frames:v',
    '1',
    file,
  ]);
  png = fs.readFileSync(file);
});

afterAll(() => {
  for (const s of servers) s.closeAllConnections();
  for (const s of servers) s.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: ComfyError) => e.code,
  );

describe('worker URLs that are not a usable ComfyUI', () => {
  it('unreachable → COMFY_UNREACHABLE', async () => {
    const url = await fakeServer(() => {});
    const port = new URL(url).port;
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    const err = await new ComfyHttp(`http://127.0.0.1:${port}`).probe().catch((e) => e);
    expect(err).toBeInstanceOf(ComfyError);
    expect(err.code).toBe('COMFY_UNREACHABLE');
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('answers HTML → COMFY_NOT_COMFY', async () => {
    const url = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Welcome to nginx!</body></html>');
    });
    expect(await codeOf(new ComfyHttp(url).probe())).toBe('COMFY_NOT_COMFY');
    expect(await codeOf(new ComfyHttp(url, { prefix: '/api' }).getQueue())).toBe('COMFY_NOT_COMFY');
  });

  it('answers JSON that is not ComfyUI → COMFY_NOT_COMFY', async () => {
    const url = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    });
    expect(await codeOf(new ComfyHttp(url).probe())).toBe('COMFY_NOT_COMFY');
  });

  it('hangs → COMFY_TIMEOUT within the timeout; a caller abort → COMFY_ABORTED', async () => {
    const url = await fakeServer(() => {});
    const t = performance.now();
    expect(await codeOf(new ComfyHttp(url, { timeoutMs: 150 }).probe())).toBe('COMFY_TIMEOUT');
    expect(performance.now() - t).toBeLessThan(1000);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    expect(await codeOf(new ComfyHttp(url, { timeoutMs: 5000 }).probe({ signal: ac.signal }))).toBe(
      'COMFY_ABORTED',
    );
  });

  it('stalls mid-body → COMFY_TIMEOUT', async () => {
    const url = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"system": {"os": "posix"');
    });
    const err = await new ComfyHttp(url, { timeoutMs: 200 }).probe().catch((e) => e);
    expect(err).toMatchObject({ code: 'COMFY_TIMEOUT' });
    expect(err.message).toContain('mid-body');
  });

  it('speaks an older protocol → COMFY_NOT_COMFY naming it', async () => {
    const sim = await startComfySim({ profile: 'legacy' });
    try {
      const err = await new ComfyHttp(sim.url).probe().catch((e) => e);
      expect(err.code).toBe('COMFY_NOT_COMFY');
      expect(err.message).toMatch(/older ComfyUI protocol/);
    } finally {
      await sim.stop();
    }
  });
});

describe('against comfy-sim', () => {
  it('maps a 413 for a 20 MB workflow to COMFY_TOO_LARGE, and accepts it under a bigger limit', async () => {
    const big = quickI2v(1);
    big['3']!.inputs.text = 'cinematic '.repeat(2_000_000);
    const small = await startComfySim({ maxUploadSize: 10 * 1024 * 1024 });
    const roomy = await startComfySim({ speed: 50 });
    try {
      const a = new ComfyClient(small.url);
      const err = await a.submit(big).catch((e) => e);
      expect(err).toMatchObject({ code: 'COMFY_TOO_LARGE', details: { status: 413 } });
      const b = new ComfyClient(roomy.url);
      await b.http.uploadImage({ name: 'start.png', data: png });
      const ok = await b.submit(big);
      expect(ok.promptId).toMatch(/^[0-9a-f-]{36}$/);
      await b.http.interrupt();
    } finally {
      await small.stop();
      await roomy.stop();
    }
  });

  it('reconnects after a sim restart in under 2 s and submits again', async () => {
    const sim = await startComfySim({ speed: 50 });
    const client = new ComfyClient(sim.url, { backoff: { initialMs: 50, maxMs: 400 } });
    try {
      await client.connect();
      const t = performance.now();
      await sim.restart();
      await expect.poll(() => client.socket.opens, { timeout: 2000, interval: 20 }).toBe(2);
      expect(performance.now() - t).toBeLessThan(2000);
      await client.http.uploadImage({ name: 'start.png', data: png });
      const s = await client.submit(quickI2v(2));
      expect((await client.waitForCompletion(s.promptId, { timeoutMs: 10_000 })).status).toBe('success');
    } finally {
      client.close();
      await sim.stop();
    }
  });

  it('reports a prompt lost in a restart as COMFY_PROMPT_LOST', async () => {
    const sim = await startComfySim({ speed: 20 });
    const client = new ComfyClient(sim.url, { backoff: { initialMs: 50, maxMs: 200 } });
    try {
      await client.connect();
      await client.http.uploadImage({ name: 'start.png', data: png });
      const s = await client.submit(quickI2v(3), { extraData: { sim: { restart: true } } });
      const err = await client
        .waitForCompletion(s.promptId, { timeoutMs: 10_000, pollMs: 50 })
        .catch((e) => e);
      expect(err).toMatchObject({ code: 'COMFY_PROMPT_LOST' });
    } finally {
      client.close();
      await sim.stop();
    }
  });

  it('detects completion by polling /history while the socket is down', async () => {
    const sim = await startComfySim({ speed: 10 });
    // a long reconnect backoff keeps the socket down for the rest of the run
    const client = new ComfyClient(sim.url, { backoff: { initialMs: 5000, maxMs: 5000, jitter: 0 } });
    try {
      await client.connect();
      await client.http.uploadImage({ name: 'start.png', data: png });
      const s = await client.submit(quickI2v(4), {
        extraData: { sim: { dropSocket: true, historyDelayMs: 100 } },
      });
      const done = await client.waitForCompletion(s.promptId, { timeoutMs: 10_000, pollMs: 50 });
      expect(done).toMatchObject({ status: 'success', via: 'poll' });
      expect(done.outputs['10']?.images?.[0]?.filename).toMatch(/\.mp4$/);
      expect(client.socket.state).not.toBe('open');
    } finally {
      client.close();
      await sim.stop();
    }
  });

  it('keeps following a run across a dropped socket that reconnects', async () => {
    const sim = await startComfySim({ speed: 10 });
    const client = new ComfyClient(sim.url, { backoff: { initialMs: 20, maxMs: 100 } });
    try {
      await client.connect();
      await client.http.uploadImage({ name: 'start.png', data: png });
      const t = performance.now();
      const s = await client.submit(quickI2v(6), { extraData: { sim: { dropSocket: true } } });
      const done = await client.waitForCompletion(s.promptId, { timeoutMs: 10_000 });
      expect(done.status).toBe('success');
      expect(client.socket.opens).toBe(2);
      expect(performance.now() - t).toBeLessThan(3000); // not left to the 5 s watchdog
    } finally {
      client.close();
      await sim.stop();
    }
  });

  it('stops waiting when the caller aborts or the client closes', async () => {
    const sim = await startComfySim({ speed: 20 });
    const client = new ComfyClient(sim.url);
    try {
      await client.connect();
      await client.http.uploadImage({ name: 'start.png', data: png });
      const s = await client.submit(quickI2v(7), { extraData: { sim: { stallMs: -1 } } });
      const ac = new AbortController();
      const aborted = client.waitForCompletion(s.promptId, { signal: ac.signal });
      const closed = client.waitForCompletion(s.promptId);
      const timedOut = client.waitForCompletion(s.promptId, { timeoutMs: 100 });
      await expect(timedOut).rejects.toMatchObject({ code: 'COMFY_TIMEOUT' });
      ac.abort();
      await expect(aborted).rejects.toMatchObject({ code: 'COMFY_ABORTED' });
      client.close();
      await expect(closed).rejects.toMatchObject({ code: 'COMFY_ABORTED' });
      await client.http.interrupt(s.promptId);
    } finally {
      client.close();
      await sim.stop();
    }
  });

  it('gets the outputs from history even when history is written late (#11540)', async () => {
    const sim = await startComfySim({ speed: 20 });
    const client = new ComfyClient(sim.url);
    try {
      await client.connect();
      await client.http.uploadImage({ name: 'start.png', data: png });
      const s = await client.submit(quickI2v(5), { extraData: { sim: { historyDelayMs: 300 } } });
      const done = await client.waitForCompletion(s.promptId, { timeoutMs: 10_000 });
      expect(done.via).toBe('socket');
      expect(done.history?.status.status_str).toBe('success');
    } finally {
      client.close();
      await sim.stop();
    }
  });
});
