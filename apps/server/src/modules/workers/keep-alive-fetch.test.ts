import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ComfyError, ComfyHttp } from '@i2v/comfy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetch } from './keep-alive-fetch.js';

let server: http.Server;
let base: string;
const sockets = new Set<unknown>();
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url?.startsWith('/hang/')) return;
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-seen-accept', String(req.headers.accept ?? ''));
    res.statusCode = req.url === '/missing' ? 404 : 200;
    res.end(JSON.stringify({ path: req.url, method: req.method }));
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('keepAliveFetch', () => {
  it('answers status, headers and JSON like fetch, reusing one connection', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await keepAliveFetch(`${base}/a`, { headers: { accept: 'application/json' } });
      expect(res.ok).toBe(true);
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(res.headers.get('x-seen-accept')).toBe('application/json');
      expect(await res.json()).toEqual({ path: '/a', method: 'GET' });
    }
    expect(sockets.size).toBe(1);
    const missing = await keepAliveFetch(`${base}/missing`);
    expect(missing.status).toBe(404);
    expect(missing.ok).toBe(false);
  });

  it('lets ComfyHttp tell refused connections from timeouts', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = new ComfyHttp(`http://127.0.0.1:${port}`, { prefix: '', fetch: keepAliveFetch });
    await expect(refused.getQueue().catch((e: ComfyError) => e.code)).resolves.toBe('COMFY_UNREACHABLE');
    const stalled = new ComfyHttp(`${base}/hang`, { prefix: '', fetch: keepAliveFetch, timeoutMs: 150 });
    await expect(stalled.getQueue().catch((e: ComfyError) => e.code)).resolves.toBe('COMFY_TIMEOUT');
  });
});
