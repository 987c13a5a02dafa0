// ComfyUI client and comfy-sim targets: workflow import cost, event latency, reconnect time, stats polling CPU.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ComfyClient,
  ComfyHttp,
  convertUiToApi,
  detectWorkflow,
  type ObjectInfo,
  type UiWorkflow,
  validateWorkflow,
} from '@i2v/comfy';
import { buildCatalogue, DEFAULT_MODELS, startComfySim } from '@i2v/comfy-sim';

export interface BenchRow {
  measure: string;
  target: string;
  measured: string;
  ok: boolean;
}

const root = path.resolve(import.meta.dirname, '..');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

/** A 300-node UI workflow: 20 image-to-video branches sharing a LoRA chain, with reroutes, primitives, notes. */
export function generateUiWorkflow(): UiWorkflow {
  const nodes: UiWorkflow['nodes'] = [];
  const links: [number, number, number, number, number, string][] = [];
  let nextId = 1;
  const add = (type: string, inputs: [string, string][], outputs: string[], widgets: unknown[], mode = 0) => {
    const id = nextId++;
    nodes.push({
      id,
      type,
      mode,
      inputs: inputs.map(([name, t]) => ({ name, type: t, link: null })),
      outputs: outputs.map((t) => ({ name: t, type: t, links: [] })),
      widgets_values: widgets,
    });
    return id;
  };
  const link = (from: number, slot: number, to: number, input: string) => {
    const target = nodes.find((n) => n.id === to)!;
    let idx = target.inputs!.findIndex((i) => i.name === input);
    if (idx < 0) {
      target.inputs!.push({ name: input, type: 'INT', link: null, widget: { name: input } });
      idx = target.inputs!.length - 1;
    }
    const id = links.length + 1;
    target.inputs![idx]!.link = id;
    links.push([id, from, slot, to, idx, '*']);
  };
  const ckpt = add('CheckpointLoaderSimple', [], ['MODEL', 'CLIP', 'VAE'], ['sd_xl_base_1.0.safetensors']);
  let model = ckpt;
  for (let i = 0; i < 40; i++) {
    const l = add(
      'LoraLoader',
      [
        ['model', 'MODEL'],
        ['clip', 'CLIP'],
      ],
      ['MODEL', 'CLIP'],
      ['i2v-motion-v1.safetensors', 0.5, 0.5],
    );
    link(model, 0, l, 'model');
    link(model, 1, l, 'clip');
    model = l;
  }
  for (let b = 0; b < 20; b++) {
    const pos = add('CLIPTextEncode', [['clip', 'CLIP']], ['CONDITIONING'], [`branch ${b} positive prompt`]);
    const neg = add('CLIPTextEncode', [['clip', 'CLIP']], ['CONDITIONING'], ['blurry, low quality']);
    link(model, 1, pos, 'clip');
    link(model, 1, neg, 'clip');
    const img = add('LoadImage', [], ['IMAGE', 'MASK'], ['start.png', 'image']);
    const scale = add('ImageScale', [['image', 'IMAGE']], ['IMAGE'], ['lanczos', 512, 512, 'center'], 4);
    link(img, 0, scale, 'image');
    const reroute = add('Reroute', [['', '*']], ['IMAGE'], []);
    link(scale, 0, reroute, '');
    const i2v = add(
      'WanImageToVideo',
      [
        ['positive', 'CONDITIONING'],
        ['negative', 'CONDITIONING'],
        ['vae', 'VAE'],
        ['start_image', 'IMAGE'],
      ],
      ['CONDITIONING', 'CONDITIONING', 'LATENT'],
      [512, 512, 81, 1],
    );
    link(pos, 0, i2v, 'positive');
    link(neg, 0, i2v, 'negative');
    link(ckpt, 2, i2v, 'vae');
    link(reroute, 0, i2v, 'start_image');
    const sampler = add(
      'KSampler',
      [
        ['model', 'MODEL'],
        ['positive', 'CONDITIONING'],
        ['negative', 'CONDITIONING'],
        ['latent_image', 'LATENT'],
      ],
      ['LATENT'],
      [b, 'randomize', 20, 6, 'uni_pc', 'simple', 1],
    );
    link(model, 0, sampler, 'model');
    link(i2v, 0, sampler, 'positive');
    link(i2v, 1, sampler, 'negative');
    link(i2v, 2, sampler, 'latent_image');
    if (b < 10) {
      const seed = add('PrimitiveNode', [], ['INT'], [1000 + b, 'fixed']);
      link(seed, 0, sampler, 'seed');
    }
    const decode = add(
      'VAEDecode',
      [
        ['samples', 'LATENT'],
        ['vae', 'VAE'],
      ],
      ['IMAGE'],
      [],
    );
    link(sampler, 0, decode, 'samples');
    link(ckpt, 2, decode, 'vae');
    const video = add('CreateVideo', [['images', 'IMAGE']], ['VIDEO'], [16, 8]);
    link(decode, 0, video, 'images');
    const save = add('SaveVideo', [['video', 'VIDEO']], [], [`video/branch${b}`, 'auto', 'auto']);
    link(video, 0, save, 'video');
  }
  while (nodes.length < 300) add('Note', [], [], ['notes about this workflow']);
  return { nodes, links, groups: [], version: 0.4, last_node_id: nextId - 1, last_link_id: links.length };
}

function benchImport(): BenchRow {
  const text = JSON.stringify(generateUiWorkflow());
  const info = buildCatalogue(DEFAULT_MODELS, ['start.png']) as unknown as ObjectInfo;
  const once = () => {
    const t = performance.now();
    const d = detectWorkflow(text);
    if (!d.ok || d.format !== 'ui') throw new Error('generated workflow not detected as UI');
    const { workflow } = convertUiToApi(d.workflow, info);
    const problems = validateWorkflow(workflow, info, { models: DEFAULT_MODELS });
    if (problems.length) throw new Error(`generated workflow invalid: ${problems[0]!.message}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 10; i++) once();
  const times = Array.from({ length: 50 }, once);
  const p95 = quantile(times, 0.95);
  return {
    measure: 'import + UI→API conversion + validation, 300-node workflow, p95 of 50',
    target: '< 50 ms',
    measured: `${p95.toFixed(2)} ms (p50 ${quantile(times, 0.5).toFixed(2)} ms, ${(text.length / 1024).toFixed(0)} KiB)`,
    ok: p95 < 50,
  };
}

async function benchEvents(): Promise<BenchRow[]> {
  const sent: number[] = [];
  let clientId = '';
  const sim = await startComfySim({
    speed: 20,
    tap: (id) => {
      if (id === clientId) sent.push(performance.now());
    },
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-bench-comfy-'));
  const client = new ComfyClient(sim.url);
  clientId = client.clientId;
  const received: number[] = [];
  client.onEvent(() => received.push(performance.now()));
  try {
    await client.connect();
    const png = path.join(tmp, 'start.png');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=128x128',
      '-frames:v',
      '1',
      png,
    ]);
    await client.http.uploadImage({ name: 'start.png', data: fs.readFileSync(png) });
    const w = JSON.parse(fs.readFileSync(path.join(root, 'examples/workflows/i2v.api.json'), 'utf8'));
    Object.assign(w['6'].inputs, { width: 64, height: 64, length: 5 });
    for (let run = 0; run < 5; run++) {
      w['7'].inputs.seed = run;
      w['7'].inputs.steps = 100;
      const s = await client.submit(w);
      await client.waitForCompletion(s.promptId, { timeoutMs: 30_000 });
    }
    await new Promise((r) => setTimeout(r, 100));
    const n = Math.min(sent.length, received.length);
    const lat = Array.from({ length: n }, (_, i) => received[i]! - sent[i]!);
    const p95 = quantile(lat, 0.95);
    const reconnects: number[] = [];
    for (let i = 0; i < 5; i++) {
      const opens = client.socket.opens;
      const t = performance.now();
      await sim.restart();
      while (client.socket.opens === opens) {
        if (performance.now() - t > 10_000) throw new Error('client did not reconnect within 10 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      reconnects.push(performance.now() - t);
    }
    const worst = Math.max(...reconnects);
    return [
      {
        measure: `comfy-sim event → typed client event latency p95 (${n} events, same process)`,
        target: '< 5 ms',
        measured: `${p95.toFixed(2)} ms (p50 ${quantile(lat, 0.5).toFixed(2)} ms)`,
        ok: p95 < 5 && n > 100,
      },
      {
        measure: 'WebSocket reconnect after a comfy-sim restart, worst of 5 (default backoff)',
        target: '< 2 s',
        measured: `${(worst / 1000).toFixed(3)} s (median ${(quantile(reconnects, 0.5) / 1000).toFixed(3)} s)`,
        ok: worst < 2000,
      },
    ];
  } finally {
    client.close();
    await sim.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function benchPolling(): Promise<BenchRow> {
  // the sims run in another process so only the client's cost is measured here
  const child = spawn(
    process.execPath,
    ['--conditions=@i2v/source', '--import', 'tsx', path.join(root, 'bench/comfy-sims.ts'), '50'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const t0 = performance.now();
    while (!out.includes('\n')) {
      if (performance.now() - t0 > 30_000) throw new Error('sims did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const urls = JSON.parse(out.split('\n')[0]!) as string[];
    const clients = urls.map((u) => new ComfyHttp(u, { prefix: '/api' }));
    const poll = () => Promise.all(clients.map((c) => c.getSystemStats()));
    await poll();
    const cpu = process.cpuUsage();
    const start = performance.now();
    let rounds = 0;
    await new Promise<void>((resolve, reject) => {
      const tick = () => {
        rounds++;
        poll().catch(reject);
      };
      tick();
      const timer = setInterval(tick, 5000);
      setTimeout(() => {
        clearInterval(timer);
        resolve();
      }, 15_000);
    });
    const used = process.cpuUsage(cpu);
    const share = ((used.user + used.system) / 1000 / (performance.now() - start)) * 100;
    return {
      measure: `CPU of polling /system_stats on ${urls.length} sims every 5 s (${rounds} rounds over 15 s)`,
      target: '< 2 % of one core',
      measured: `${share.toFixed(2)} %`,
      ok: share < 2,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

/** Runs the ComfyUI benchmarks; each failure becomes a row rather than aborting the others. */
export async function benchComfy(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const attempt = async (name: string, fn: () => BenchRow | BenchRow[] | Promise<BenchRow | BenchRow[]>) => {
    try {
      rows.push(...[await fn()].flat());
    } catch (err) {
      rows.push({ measure: name, target: '-', measured: `not run: ${(err as Error).message}`, ok: false });
    }
  };
  await attempt('300-node workflow import', benchImport);
  await attempt('comfy-sim events and reconnect', benchEvents);
  await attempt('system_stats polling CPU', benchPolling);
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  for (const r of await benchComfy())
    console.log(`${r.measure}: ${r.measured} (target ${r.target}) ${r.ok ? '✔' : '✘'}`);
}
