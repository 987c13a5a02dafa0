// comfy-sim's HTTP + WebSocket server: ComfyUI's routes (bare and under /api) over the simulated engine.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { buildCatalogue, type Catalogue } from './catalogue.js';
import { resolveConfig, type SimConfig, type SimOptions } from './config.js';
import { Engine, type QueueItem } from './engine.js';
import { HttpError, saveUpload, serveView } from './files.js';
import { type ApiPrompt, validatePrompt } from './validate.js';

export interface ComfySim {
  url: string;
  port: number;
  config: SimConfig;
  /** Stops the server; the data dir is removed when the sim created it. */
  stop(): Promise<void>;
  /** Simulates a process restart on the same port: queue, history, cache and sockets are lost. */
  restart(): Promise<void>;
  /** Closes every WebSocket (clients are expected to reconnect). */
  dropSockets(): void;
  /** The running engine (for assertions in tests). */
  readonly engine: Engine;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export async function startComfySim(options: SimOptions = {}): Promise<ComfySim> {
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'comfy-sim-'));
  for (const d of ['input', 'output', 'temp']) fs.mkdirSync(path.join(dataDir, d), { recursive: true });
  const config = resolveConfig(options, dataDir);
  const inputDir = path.join(dataDir, 'input');
  const sockets = new Map<string, WebSocket>();
  const catalogue = (): Catalogue =>
    buildCatalogue(
      config.models,
      fs
        .readdirSync(inputDir)
        .filter((f) => fs.statSync(path.join(inputDir, f)).isFile())
        .sort(),
    );
  const write = (ws: WebSocket | undefined, clientId: string, text: string) => {
    if (ws?.readyState !== WebSocket.OPEN) return;
    options.tap?.(clientId, text);
    ws.send(text);
  };
  const send = (clientId: string | null, msg: unknown) => {
    const text = JSON.stringify(msg);
    if (clientId === null) for (const [id, ws] of sockets) write(ws, id, text);
    else write(sockets.get(clientId), clientId, text);
  };
  let server: http.Server;
  let wss: WebSocketServer;
  let engine: Engine;
  const dropSockets = () => {
    for (const ws of sockets.values()) ws.terminate();
    sockets.clear();
  };
  const withMetadata = new WeakSet<WebSocket>();
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const sendPreview = (clientId: string | null, jpeg: Buffer, meta: Record<string, unknown>) => {
    const targets = clientId === null ? [...sockets.values()] : [sockets.get(clientId)];
    for (const ws of targets) {
      if (ws?.readyState !== WebSocket.OPEN) continue;
      if (withMetadata.has(ws)) {
        const m = Buffer.from(JSON.stringify(meta));
        ws.send(Buffer.concat([u32(4), u32(m.length), m, jpeg]));
      } else {
        ws.send(Buffer.concat([u32(1), u32(1), jpeg]));
      }
    }
  };
  const makeEngine = () =>
    new Engine(config, catalogue, {
      send,
      dropSockets,
      sendPreview,
      restart: () => void sim.restart(),
    });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    let route = url.pathname;
    if (route.startsWith('/api/')) {
      if (config.profile === 'legacy') throw new HttpError(404, '404: Not Found');
      route = route.slice(4);
    }
    const method = req.method ?? 'GET';
    const json = (body: unknown, status = 200) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(text);
    };
    const empty = () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end();
    };
    const body = async (): Promise<Buffer> => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > config.maxUploadSize) {
          throw new HttpError(
            413,
            `Maximum request body size ${config.maxUploadSize} exceeded, actual body size ${size}`,
          );
        }
        chunks.push(c as Buffer);
      }
      return Buffer.concat(chunks);
    };
    const jsonBody = async (): Promise<Record<string, unknown>> => {
      const b = await body();
      if (b.length === 0) return {};
      try {
        return JSON.parse(b.toString('utf8'));
      } catch {
        throw new HttpError(500, '500 Internal Server Error\n\nServer got itself in trouble');
      }
    };

    if (method === 'GET' && route === '/system_stats') {
      const g = engine.gpu.sample();
      const system: Record<string, unknown> = {
        os: 'posix',
        ram_total: 64 * 1024 ** 3,
        ram_free: 41 * 1024 ** 3,
        python_version: '3.12.3 (main, simulated)',
        pytorch_version: '2.7.1+cu128',
        embedded_python: false,
        argv: ['main.py', '--listen', '--port', String(sim.port)],
      };
      if (config.profile !== 'legacy') {
        system.comfyui_version = config.version;
        system.required_frontend_version = '1.27.10';
      }
      return json({
        system,
        devices: [
          {
            name: `cuda:0 ${config.gpuName} : cudaMallocAsync`,
            type: 'cuda',
            index: 0,
            vram_total: config.vramTotalBytes,
            vram_free: config.vramTotalBytes - g.vramUsed,
            torch_vram_total: Math.round(g.vramUsed * 1.1),
            torch_vram_free: Math.round(g.vramUsed * 0.1),
            // simulator extras (real ComfyUI reports neither)
            utilization: g.utilization,
            temperature: g.temperature,
          },
        ],
      });
    }
    if (method === 'GET' && route === '/prompt') {
      return json({ exec_info: { queue_remaining: engine.queueRemaining } });
    }
    if (method === 'POST' && route === '/prompt') {
      const b = await jsonBody();
      const number = typeof b.number === 'number' ? b.number : b.front ? -engine.counter++ : engine.counter++;
      if (!b.prompt || typeof b.prompt !== 'object') {
        return json(
          {
            error: {
              type: 'no_prompt',
              message: 'No prompt provided',
              details: 'No prompt provided',
              extra_info: {},
            },
            node_errors: {},
          },
          400,
        );
      }
      let promptId = typeof b.prompt_id === 'string' ? b.prompt_id : randomUUID();
      if (config.promptIdMode === 'uuid' && typeof b.prompt_id === 'string' && !UUID.test(b.prompt_id)) {
        return json(
          {
            error: {
              type: 'invalid_prompt_id',
              message: 'Invalid prompt_id',
              details: b.prompt_id,
              extra_info: {},
            },
            node_errors: {},
          },
          400,
        );
      }
      if (!promptId) promptId = randomUUID();
      const prompt = b.prompt as ApiPrompt;
      const v = validatePrompt(prompt, catalogue(), inputDir);
      if (!v.ok) return json({ error: v.error, node_errors: v.nodeErrors }, 400);
      const extra = { ...((b.extra_data as Record<string, unknown>) ?? {}) };
      if (typeof b.client_id === 'string') extra.client_id = b.client_id;
      const item: QueueItem = [number, promptId, prompt, extra, v.outputs];
      engine.enqueue(item);
      return json({ prompt_id: promptId, number, node_errors: v.nodeErrors });
    }
    if (route === '/queue') {
      if (method === 'GET') {
        return json({
          queue_running: engine.running ? [engine.running] : [],
          queue_pending: [...engine.pending],
        });
      }
      const b = await jsonBody();
      if (b.clear) engine.clearPending();
      if (Array.isArray(b.delete)) engine.deletePending(b.delete.map(String));
      return empty();
    }
    if (method === 'POST' && route === '/interrupt') {
      const b = await jsonBody();
      engine.interrupt(typeof b.prompt_id === 'string' ? b.prompt_id : undefined);
      return empty();
    }
    if (method === 'POST' && route === '/free') {
      const b = await jsonBody();
      if (b.free_memory) engine.freeMemory();
      return empty();
    }
    if (route === '/history' && method === 'GET') {
      const entries = [...engine.history.entries()];
      const max = url.searchParams.has('max_items')
        ? Number(url.searchParams.get('max_items'))
        : entries.length;
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const end = Math.max(0, entries.length - offset);
      return json(Object.fromEntries(entries.slice(Math.max(0, end - max), end)));
    }
    if (route === '/history' && method === 'POST') {
      const b = await jsonBody();
      if (b.clear) engine.history.clear();
      if (Array.isArray(b.delete)) for (const id of b.delete) engine.history.delete(String(id));
      return empty();
    }
    if (route.startsWith('/history/') && method === 'GET') {
      const id = decodeURIComponent(route.slice('/history/'.length));
      const entry = engine.history.get(id);
      return json(entry ? { [id]: entry } : {});
    }
    if (method === 'GET' && route === '/view') return serveView(dataDir, url, res);
    if (method === 'POST' && route === '/upload/image') {
      return json(await saveUpload(dataDir, req, await body()));
    }
    if (method === 'POST' && route === '/upload/mask') {
      return json(await saveUpload(dataDir, req, await body(), { mask: true }));
    }
    if (method === 'GET' && route.startsWith('/view_metadata/')) {
      const folder = decodeURIComponent(route.slice('/view_metadata/'.length));
      const filename = url.searchParams.get('filename') ?? '';
      if (!config.models[folder]?.includes(filename) || !filename.endsWith('.safetensors')) {
        throw new HttpError(404, '404: Not Found');
      }
      return json({
        'modelspec.title': filename.replace(/\.safetensors$/, ''),
        'modelspec.architecture': 'simulated',
      });
    }
    if (method === 'GET' && route === '/object_info') return json(catalogue());
    if (method === 'GET' && route.startsWith('/object_info/')) {
      const cls = decodeURIComponent(route.slice('/object_info/'.length));
      const all = catalogue();
      return json(all[cls] ? { [cls]: all[cls] } : {});
    }
    if (method === 'GET' && route === '/embeddings') return json(config.models.embeddings ?? []);
    if (method === 'GET' && route === '/extensions') return json([]);
    if (method === 'GET' && route === '/models') return json(Object.keys(config.models));
    if (method === 'GET' && route.startsWith('/models/')) {
      const folder = decodeURIComponent(route.slice('/models/'.length));
      const list = config.models[folder];
      if (!list) throw new HttpError(404, '404: Not Found');
      return json(list);
    }
    if (method === 'GET' && route === '/features' && config.profile !== 'legacy') {
      return json({ supports_preview_metadata: true, max_upload_size: config.maxUploadSize });
    }
    throw new HttpError(404, '404: Not Found');
  };

  const listen = async (port: number) => {
    engine = makeEngine();
    server = http.createServer((req, res) => {
      handle(req, res).catch((err) => {
        if (res.headersSent) return res.destroy();
        const status = err instanceof HttpError ? err.status : 500;
        if (!(err instanceof HttpError)) console.error('comfy-sim:', err);
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(err instanceof HttpError ? err.message : '500 Internal Server Error');
        req.resume();
      });
    });
    wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const ok = url.pathname === '/ws' || (url.pathname === '/api/ws' && config.profile !== 'legacy');
      if (!ok) return socket.destroy();
      wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, url));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, config.host, () => resolve());
    });
    sim.port = (server.address() as AddressInfo).port;
    sim.url = `http://${config.host}:${sim.port}`;
  };

  const onSocket = (ws: WebSocket, url: URL) => {
    const clientId = url.searchParams.get('clientId') || randomBytes(16).toString('hex');
    // one socket per id: a new connection displaces the old one, which then receives nothing
    sockets.set(clientId, ws);
    write(
      ws,
      clientId,
      JSON.stringify({
        type: 'status',
        data: { status: { exec_info: { queue_remaining: engine.queueRemaining } }, sid: clientId },
      }),
    );
    const running = engine.running;
    if (running && running[3].client_id === clientId && engine.currentNode) {
      write(ws, clientId, JSON.stringify({ type: 'executing', data: { node: engine.currentNode } }));
    }
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      try {
        const msg = JSON.parse(String(data));
        if (msg?.type === 'feature_flags') {
          if (msg.data?.supports_preview_metadata) withMetadata.add(ws);
          write(
            ws,
            clientId,
            JSON.stringify({
              type: 'feature_flags',
              data: { supports_preview_metadata: true, max_upload_size: config.maxUploadSize },
            }),
          );
        }
      } catch {
        // other client frames are ignored
      }
    });
    ws.on('close', () => {
      if (sockets.get(clientId) === ws) sockets.delete(clientId);
    });
    ws.on('error', () => {});
  };

  const close = async () => {
    engine.stop();
    dropSockets();
    wss.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };

  const sim: ComfySim = {
    url: '',
    port: 0,
    config,
    get engine() {
      return engine;
    },
    async stop() {
      await close();
      if (ownsDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await close();
      await listen(sim.port);
    },
    dropSockets,
  };
  await listen(config.port);
  return sim;
}
