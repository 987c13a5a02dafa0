// biome-ignore-all lint/suspicious/noExplicitAny: assertions read loosely typed wire JSON
// comfy-sim specifics: wire shapes, queue rules, rendering, fault injection, GPU vitals, the CLI.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFrame, probe, runFfmpeg } from '@i2v/ffmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type ComfySim, renderArgs, startComfySim } from './index.js';
import { pyRepr } from './validate.js';

const examples = path.resolve(import.meta.dirname, '../../../examples/workflows');
let sim: ComfySim;
let tmp: string;
let png: Buffer;

type Api = Record<string, { class_type: string; inputs: Record<string, unknown> }>;
const example = (name = 'i2v.api.json'): Api =>
  JSON.parse(fs.readFileSync(path.join(examples, name), 'utf8'));
function quick(seed: number, size = 96, frames = 13, name?: string): Api {
  const w = example(name);
  Object.assign(w['6']!.inputs, { width: size, height: size, length: frames });
  w['7']!.inputs.seed = seed;
  w['7']!.inputs.steps = 3;
  return w;
}

const api = (p: string, init?: RequestInit) => fetch(`${sim.url}/api${p}`, init);
const post = (p: string, body: unknown) =>
  api(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function upload(name: string, data: Buffer, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('image', new Blob([new Uint8Array(data)]), name);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return (await api('/upload/image', { method: 'POST', body: form })).json() as Promise<{ name: string }>;
}

/** Opens a socket and collects its JSON messages. */
async function listen(clientId?: string) {
  const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/ws${clientId ? `?clientId=${clientId}` : ''}`);
  const messages: { type: string; data: Record<string, unknown>; at: number }[] = [];
  ws.on('message', (d, binary) => {
    if (!binary) messages.push({ ...JSON.parse(String(d)), at: performance.now() });
  });
  await new Promise((r) => ws.once('open', r));
  await expect.poll(() => messages.length).toBeGreaterThan(0);
  return { ws, messages };
}

async function runToEnd(body: Record<string, unknown>, clientId: string) {
  const { ws, messages } = await listen(clientId);
  const res = await post('/prompt', { client_id: clientId, ...body });
  const { prompt_id } = (await res.json()) as { prompt_id: string };
  await expect
    .poll(
      () =>
        messages.some(
          (m) => m.type === 'executing' && m.data.node === null && m.data.prompt_id === prompt_id,
        ),
      {
        timeout: 15_000,
      },
    )
    .toBe(true);
  ws.close();
  const history = (await (await api(`/history/${prompt_id}`)).json()) as Record<
    string,
    { outputs: Record<string, any>; status: any }
  >;
  return { promptId: prompt_id, messages, entry: history[prompt_id]! };
}

/** Waits until nothing is queued or running. */
async function idle() {
  await expect
    .poll(async () => ((await (await api('/prompt')).json()) as any).exec_info.queue_remaining, {
      timeout: 10_000,
    })
    .toBe(0);
}

async function fetchOutput(file: { filename: string; subfolder: string; type: string }, to: string) {
  const q = new URLSearchParams(file);
  fs.writeFileSync(to, Buffer.from(await (await api(`/view?${q}`)).arrayBuffer()));
  return to;
}

const rgb = async (file: string, index: number | 'last') => {
  const out = path.join(tmp, `f-${Math.random()}.png`);
  await extractFrame(file, index === 'last' ? 'last' : { index }, out);
  return (await runFfmpeg(['-v', 'error', '-i', out, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'])).stdout;
};
const meanAbsDiff = (a: Buffer, b: Buffer) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
};
const mean = (a: Buffer) => a.reduce((s, v) => s + v, 0) / a.length;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'comfy-sim-test-'));
  const file = path.join(tmp, 'start.png');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x120',
    '-frames:v',
    '1',
    file,
  ]);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'mandelbrot=size=160x120',
    '-frames:v',
    '1',
    path.join(tmp, 'end.png'),
  ]);
  png = fs.readFileSync(file);
  sim = await startComfySim({ speed: 40, gpuName: 'NVIDIA Test GPU' });
  await upload('start.png', png);
  await upload('end.png', fs.readFileSync(path.join(tmp, 'end.png')));
});

afterAll(async () => {
  await sim.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('routes', () => {
  it('serves every route bare and under /api', async () => {
    for (const p of [
      '/system_stats',
      '/object_info',
      '/queue',
      '/history',
      '/models',
      '/embeddings',
      '/features',
      '/prompt',
    ]) {
      expect((await fetch(`${sim.url}${p}`)).status).toBe(200);
      expect((await fetch(`${sim.url}/api${p}`)).status).toBe(200);
    }
    expect(await (await api('/object_info/Nope')).json()).toEqual({});
    expect(await (await api('/history/unknown')).json()).toEqual({});
    expect((await api('/models/nope')).status).toBe(404);
    const mutating = await post('/interrupt', {});
    expect(mutating.status).toBe(200);
    expect(await mutating.text()).toBe('');
  });

  it('renames, dedupes and serves uploads with /view rules', async () => {
    const name = `u-${Date.now()}.png`;
    expect((await upload(name, png)).name).toBe(name);
    expect((await upload(name, png)).name).toBe(name);
    expect((await upload(name, Buffer.from('other'))).name).toBe(name.replace('.png', ' (1).png'));
    expect((await upload(name, Buffer.from('again'), { overwrite: 'true' })).name).toBe(name);
    expect((await api(`/view?filename=${encodeURIComponent(`${name} [input]`)}`)).status).toBe(200);
    expect((await api('/view?filename=../etc/passwd&type=input')).status).toBe(400);
    expect((await api('/view?filename=x.png&type=bogus')).status).toBe(400);
    expect((await api('/view?filename=x.png&type=input&subfolder=../..')).status).toBe(403);
    expect((await api('/view?filename=nothing.png&type=input')).status).toBe(404);
    const info = (await (await api('/object_info/LoadImage')).json()) as any;
    expect(info.LoadImage.input.required.image[0]).toContain(name);
  });

  it('answers a plain-text 413 above the body limit', async () => {
    const small = await startComfySim({ maxUploadSize: 1000 });
    try {
      const r = await fetch(`${small.url}/prompt`, { method: 'POST', body: 'x'.repeat(5000) });
      expect(r.status).toBe(413);
      expect(r.headers.get('content-type')).toContain('text/plain');
    } finally {
      await small.stop();
    }
  });

  it('reports GPU vitals that rise while a prompt runs', async () => {
    const idle = ((await (await api('/system_stats')).json()) as any).devices[0];
    expect(idle.name).toContain('NVIDIA Test GPU');
    expect(idle.utilization).toBeLessThan(5);
    const r = await post('/prompt', { prompt: quick(900), extra_data: { sim: { stallMs: -1 } } });
    const { prompt_id } = (await r.json()) as { prompt_id: string };
    await expect.poll(async () => ((await (await api('/queue')).json()) as any).queue_running.length).toBe(1);
    await new Promise((res) => setTimeout(res, 300));
    const busy = ((await (await api('/system_stats')).json()) as any).devices[0];
    expect(busy.utilization).toBeGreaterThan(90);
    expect(busy.vram_free).toBeLessThan(idle.vram_free);
    expect(busy.temperature).toBeGreaterThan(idle.temperature);
    await post('/interrupt', { prompt_id });
    await expect.poll(async () => ((await (await api('/queue')).json()) as any).queue_running.length).toBe(0);
  });
});

describe('validation shapes', () => {
  it('prints Python-style lists and cuts lists over 20 options', async () => {
    expect(pyRepr(['a', "b'c", 1, true, null])).toBe("['a', 'b\\'c', 1, True, None]");
    const w = quick(1);
    w['7']!.inputs.sampler_name = 'nope';
    w['1']!.inputs.ckpt_name = 'x.safetensors';
    const body = (await (await post('/prompt', { prompt: w })).json()) as any;
    expect(body.error.type).toBe('prompt_outputs_failed_validation');
    const sampler = body.node_errors['7'].errors[0];
    expect(sampler.details).toMatch(/^sampler_name: 'nope' not in \(list of length \d+\)$/);
    expect(sampler.extra_info.input_config).toBeNull();
    const ckpt = body.node_errors['1'].errors[0];
    expect(ckpt.details).toBe(
      "ckpt_name: 'x.safetensors' not in ['wan2.1_i2v_480p_14B_fp8.safetensors', 'sd_xl_base_1.0.safetensors']",
    );
    expect(body.node_errors['1']).toMatchObject({
      class_type: 'CheckpointLoaderSimple',
      dependent_outputs: ['10'],
    });
    expect(body.error.details).toContain('Value not in list: ckpt_name');
  });

  it('rejects unknown classes, missing prompts, missing outputs and bad image files', async () => {
    const unknown = (await (
      await post('/prompt', { prompt: { '5': { class_type: 'Nope', inputs: {} } } })
    ).json()) as any;
    expect(unknown.error).toMatchObject({ type: 'invalid_prompt', details: "Node ID '#5'" });
    expect(((await (await post('/prompt', {})).json()) as any).error.type).toBe('no_prompt');
    const noOut = quick(1);
    delete noOut['10'];
    expect(((await (await post('/prompt', { prompt: noOut })).json()) as any).error.type).toBe(
      'prompt_no_outputs',
    );
    const badImage = quick(1);
    badImage['5']!.inputs.image = 'not-uploaded.png';
    const r = (await (await post('/prompt', { prompt: badImage })).json()) as any;
    expect(r.node_errors['5'].errors[0]).toMatchObject({
      type: 'custom_validation_failed',
      details: 'image - Invalid image file: not-uploaded.png',
    });
  });

  it('runs the outputs that validate and reports the others (partial success)', async () => {
    const w = quick(31);
    w['20'] = { class_type: 'SaveImage', inputs: { images: ['99', 0], filename_prefix: 'broken' } };
    const r = (await (await post('/prompt', { prompt: w })).json()) as any;
    expect(r.prompt_id).toBeTruthy();
    expect(r.node_errors['20'].errors[0].type).toBe('exception_during_inner_validation');
  });

  it('requires UUID prompt ids in the newer profile', async () => {
    const strict = await startComfySim({ promptIdMode: 'uuid' });
    try {
      const r = await fetch(`${strict.url}/prompt`, {
        method: 'POST',
        body: JSON.stringify({ prompt: quick(1), prompt_id: 'abc' }),
      });
      expect(r.status).toBe(400);
      expect(((await r.json()) as any).error.type).toBe('invalid_prompt_id');
    } finally {
      await strict.stop();
    }
  });
});

describe('websocket', () => {
  it('greets with status and a 32-hex sid, and answers the feature-flag handshake', async () => {
    const { ws, messages } = await listen();
    expect(messages[0]).toMatchObject({
      type: 'status',
      data: { status: { exec_info: { queue_remaining: expect.any(Number) } } },
    });
    expect(messages[0]!.data.sid).toMatch(/^[0-9a-f]{32}$/);
    ws.send(JSON.stringify({ type: 'feature_flags', data: { supports_preview_metadata: true } }));
    await expect
      .poll(() => messages.find((m) => m.type === 'feature_flags')?.data.max_upload_size)
      .toBe(104857600);
    ws.close();
  });

  it('sends the run in ComfyUI order, lifecycle events only to the owner', async () => {
    await idle();
    const other = await listen('bystander');
    const { messages, entry, promptId } = await runToEnd({ prompt: quick(40) }, 'owner-1');
    other.ws.close();
    const types = messages.map((m) => m.type);
    const start = types.indexOf('execution_start');
    expect(types.slice(0, start)).toEqual(['status', 'status', 'status']);
    expect(types[start + 1]).toBe('execution_cached');
    expect(types.slice(-3)).toEqual(['execution_success', 'status', 'executing']);
    const executing = messages.filter((m) => m.type === 'executing' && m.data.node).map((m) => m.data.node);
    expect(executing.indexOf('7')).toBeLessThan(executing.indexOf('8'));
    expect(executing.indexOf('6')).toBeLessThan(executing.indexOf('7'));
    // progress_state(running) precedes executing for each node
    const i7 = messages.findIndex((m) => m.type === 'executing' && m.data.node === '7');
    expect(messages[i7 - 1]).toMatchObject({ type: 'progress_state' });
    expect(messages.filter((m) => m.type === 'progress').map((m) => m.data.value)).toEqual([1, 2, 3]);
    messages.forEach((m, i) => {
      if (m.type === 'progress') expect(messages[i - 1]).toMatchObject({ type: 'progress_state' });
    });
    const states = messages.filter((m) => m.type === 'progress_state').at(-1)!.data.nodes as Record<
      string,
      { state: string }
    >;
    expect(Object.values(states).every((n) => n.state === 'finished')).toBe(true);
    expect(other.messages.some((m) => m.data.prompt_id === promptId)).toBe(false);
    expect(entry.status.messages.map((m: [string]) => m[0])).toEqual([
      'execution_start',
      'execution_cached',
      'execution_success',
    ]);
  });

  it('tells a reconnecting owner which node runs, without a prompt id', async () => {
    const first = await listen('owner-2');
    await post('/prompt', { prompt: quick(41), client_id: 'owner-2', extra_data: { sim: { stallMs: -1 } } });
    await expect
      .poll(() => first.messages.some((m) => m.type === 'executing' && m.data.node === '7'))
      .toBe(true);
    first.ws.close();
    const again = await listen('owner-2');
    expect(again.messages[1]).toMatchObject({ type: 'executing', data: { node: '7' } });
    expect(again.messages[1]!.data).toEqual({ node: '7' });
    await post('/interrupt', {});
    await expect.poll(() => again.messages.some((m) => m.type === 'execution_interrupted')).toBe(true);
    again.ws.close();
  });
});

describe('rendering', () => {
  it('renders the requested frames, fps and size, with motion, and a usable last frame', async () => {
    const w = quick(50, 128, 33);
    const { entry } = await runToEnd({ prompt: w }, 'render-1');
    const video = await fetchOutput(entry.outputs['10'].images[0], path.join(tmp, 'r1.mp4'));
    const p = await probe(video, { countFrames: true });
    expect(p.video).toMatchObject({ width: 128, height: 128, frameCount: 33, fps: 16, codec: 'h264' });
    expect(meanAbsDiff(await rgb(video, 0), await rgb(video, 1))).toBeGreaterThan(0.5);
    const last = path.join(tmp, 'last.png');
    await extractFrame(video, 'last', last);
    const lp = await probe(last);
    expect(lp.video).toMatchObject({ width: 128, height: 128 });
  });

  it('renders the transition with VHS output entries, from start towards end frame', async () => {
    const w = quick(51, 96, 17, 'i2v-transition.api.json');
    const { entry } = await runToEnd({ prompt: w }, 'render-2');
    const gif = entry.outputs['10'].gifs[0];
    expect(gif).toMatchObject({ format: 'video/h264-mp4', frame_rate: 16, type: 'output', subfolder: '' });
    expect(gif.filename).toMatch(/^transition_\d{5}\.mp4$/);
    expect(gif.workflow).toBe(gif.filename.replace('.mp4', '.png'));
    const video = await fetchOutput(gif, path.join(tmp, 't.mp4'));
    expect((await probe(video, { countFrames: true })).video?.frameCount).toBe(17);
    const end = (
      await runFfmpeg([
        '-v',
        'error',
        '-i',
        path.join(tmp, 'end.png'),
        '-vf',
        'scale=108:108,crop=96:96',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'rgb24',
        '-',
      ])
    ).stdout;
    expect(meanAbsDiff(await rgb(video, 'last'), end)).toBeLessThan(meanAbsDiff(await rgb(video, 0), end));
  });

  it('injects black, frozen and drifting frames', async () => {
    const render = async (frames: 'black' | 'frozen' | 'drift' | undefined, seed: number) => {
      const { entry } = await runToEnd(
        { prompt: quick(seed, 96, 21), extra_data: { sim: { frames } } },
        `def-${seed}`,
      );
      return fetchOutput(entry.outputs['10'].images[0], path.join(tmp, `d${seed}.mp4`));
    };
    const normal = await render(undefined, 60);
    const black = await render('black', 61);
    const frozen = await render('frozen', 62);
    const drift = await render('drift', 63);
    expect(mean(await rgb(black, 'last'))).toBeLessThan(20);
    expect(mean(await rgb(normal, 'last'))).toBeGreaterThan(40);
    const still = meanAbsDiff(await rgb(frozen, 2), await rgb(frozen, 18));
    expect(still).toBeLessThan(1.5);
    expect(meanAbsDiff(await rgb(normal, 2), await rgb(normal, 18))).toBeGreaterThan(4 * still + 2);
    const first = await rgb(normal, 0);
    expect(meanAbsDiff(await rgb(drift, 'last'), first)).toBeGreaterThan(
      1.5 * meanAbsDiff(await rgb(normal, 'last'), first),
    );
  });

  it('fails at a node on request, and slows down on request', async () => {
    const { messages, entry } = await runToEnd(
      { prompt: quick(70), extra_data: { sim: { failAt: '8', failMessage: 'boom' } } },
      'fail-1',
    );
    const err = messages.find((m) => m.type === 'execution_error')!.data;
    expect(Object.keys(err).sort()).toEqual(
      [
        'current_inputs',
        'current_outputs',
        'exception_message',
        'exception_type',
        'executed',
        'node_id',
        'node_type',
        'prompt_id',
        'timestamp',
        'traceback',
      ].sort(),
    );
    expect(err).toMatchObject({ node_id: '8', node_type: 'VAEDecode', exception_message: 'boom' });
    expect(entry.status).toMatchObject({ status_str: 'error', completed: false });
    // simulated node time (start → the save node begins), which leaves out the ffmpeg render
    const nodeTime = async (seed: number, sim?: object) => {
      const { messages: m } = await runToEnd({ prompt: quick(seed), extra_data: { sim } }, `speed-${seed}`);
      const start = m.find((x) => x.type === 'execution_start')!.at;
      return m.find((x) => x.type === 'executing' && x.data.node === '10')!.at - start;
    };
    const slow = await nodeTime(71, { slowdown: 200 }); // ~300 ms of simulated node time at speed 40
    const fast = await nodeTime(72);
    expect(slow).toBeGreaterThan(250);
    expect(slow).toBeGreaterThan(4 * fast);
  });

  it('loses queue and history on restart', async () => {
    const s = await startComfySim({ speed: 40 });
    try {
      const form = new FormData();
      form.set('image', new Blob([new Uint8Array(png)]), 'start.png');
      await fetch(`${s.url}/upload/image`, { method: 'POST', body: form });
      await fetch(`${s.url}/prompt`, {
        method: 'POST',
        body: JSON.stringify({ prompt: quick(80), extra_data: { sim: { stallMs: -1 } } }),
      });
      await fetch(`${s.url}/prompt`, { method: 'POST', body: JSON.stringify({ prompt: quick(81) }) });
      expect(((await (await fetch(`${s.url}/prompt`)).json()) as any).exec_info.queue_remaining).toBe(2);
      const port = s.port;
      await s.restart();
      expect(s.port).toBe(port);
      await new Promise((r) => setTimeout(r, 50)); // let the client pool notice its closed keep-alive sockets
      expect(((await (await fetch(`${s.url}/queue`)).json()) as any).queue_pending).toEqual([]);
      expect(await (await fetch(`${s.url}/history`)).json()).toEqual({});
    } finally {
      await s.stop();
    }
  });
});

describe('noface, jump and swap defects', () => {
  const base = {
    startImage: 'in/a.png',
    frames: 8,
    fps: 16,
    width: 64,
    height: 64,
    container: 'mp4',
    out: 'o.mp4',
  } as const;
  const graph = (args: string[]) => args[args.indexOf('-filter_complex') + 1]!;
  const inputs = (args: string[]) => args.flatMap((a, i) => (a === '-i' ? [args[i + 1]] : []));

  it('builds the filters of each defect from the same pan, zoom and grain', () => {
    const normal = graph(renderArgs(base));
    const noface = renderArgs({ ...base, defect: 'noface' });
    expect(inputs(noface)).toEqual(['in/a.png']);
    // blurred from the first frame (sigma 1/8 of the frame) and hue-rotated, then the usual grain
    expect(graph(noface)).toContain('gblur=sigma=8,hue=h=150[p];[p]noise=alls=3:allf=t[v]');
    expect(graph(noface).replace(',gblur=sigma=8,hue=h=150', '')).toBe(normal);
    const jump = renderArgs({ ...base, defect: 'jump' });
    expect(inputs(jump)).toEqual(['in/a.png']);
    expect(graph(jump)).toMatch(
      /^\[0:v\]scale=90:90:force_original_aspect_ratio=increase,crop=64:64,hflip,.*eq=brightness=0\.08,zoompan=/,
    );
    expect(graph(jump)).toContain("zoompan=z='1+0.3*sin(PI*on/7)'");
  });

  it('cross-fades to the swap image over the first half, in place of an end image', () => {
    const swap = renderArgs({ ...base, endImage: 'in/end.png', defect: 'swap', swapImage: 'in/other.png' });
    expect(inputs(swap)).toEqual(['in/a.png', 'in/other.png']);
    expect(graph(swap)).toContain("blend=all_expr='A*(1-min(1,T*16/3))+B*min(1,T*16/3)'");
    const transition = renderArgs({ ...base, endImage: 'in/end.png' });
    expect(inputs(transition)).toEqual(['in/a.png', 'in/end.png']);
    expect(graph(transition)).toContain("blend=all_expr='A*(1-min(1,T*16/7))+B*min(1,T*16/7)'");
    // a swapImage without the swap defect changes nothing
    expect(renderArgs({ ...base, swapImage: 'in/other.png' })).toEqual(renderArgs(base));
    expect(() => renderArgs({ ...base, defect: 'swap' })).toThrow(/swapImage/);
  });

  it('renders each defect at the requested size and frame count', async () => {
    const render = async (seed: number, sim?: Record<string, unknown>) => {
      const { entry } = await runToEnd({ prompt: quick(seed, 64, 8), extra_data: { sim } }, `def2-${seed}`);
      const video = await fetchOutput(entry.outputs['10'].images[0], path.join(tmp, `e${seed}.mp4`));
      expect((await probe(video, { countFrames: true })).video).toMatchObject({
        width: 64,
        height: 64,
        frameCount: 8,
      });
      return video;
    };
    /** Mean difference between horizontal neighbours: detail, low when blurred. */
    const detail = (rgb: Buffer) => {
      let sum = 0;
      for (let i = 3; i < rgb.length; i++) if (i % (64 * 3) >= 3) sum += Math.abs(rgb[i]! - rgb[i - 3]!);
      return sum / rgb.length;
    };
    const normal = await render(90);
    const noface = await render(91, { frames: 'noface' });
    const jump = await render(92, { frames: 'jump' });
    const swap = await render(93, { frames: 'swap', swapImage: 'end.png' });
    const n0 = await rgb(normal, 0);
    const n1 = await rgb(normal, 1);
    // noface: no detail left from the first frame on, yet it still moves
    expect(detail(await rgb(noface, 0))).toBeLessThan(detail(n0) / 2.5);
    expect(meanAbsDiff(await rgb(noface, 0), await rgb(noface, 7))).toBeGreaterThan(0.5);
    // jump: the first frame is far from where a normal clip starts; then it moves like one
    const j1 = await rgb(jump, 1);
    expect(meanAbsDiff(await rgb(jump, 0), n0)).toBeGreaterThan(2 * meanAbsDiff(n0, n1));
    expect(meanAbsDiff(j1, await rgb(jump, 2))).toBeGreaterThan(0.5);
    // swap: starts on the seed image, is on the other image by the middle and stays there
    const other = (
      await runFfmpeg(
        ['-v', 'error', '-i', path.join(tmp, 'end.png'), '-vf', 'scale=72:72,crop=64:64'].concat([
          '-f',
          'rawvideo',
          '-pix_fmt',
          'rgb24',
          '-',
        ]),
      )
    ).stdout;
    const s0 = await rgb(swap, 0);
    // frame 0 is the seed image itself, as in a clip without defects (only the grain differs)
    expect(meanAbsDiff(s0, n0)).toBeLessThan(3);
    expect(meanAbsDiff(s0, other)).toBeGreaterThan(20);
    for (const i of [4, 7]) {
      const f = await rgb(swap, i);
      expect(meanAbsDiff(f, other)).toBeLessThan(meanAbsDiff(f, n0) / 2);
    }
  });

  it('fails the save node when the swap image is missing', async () => {
    for (const [seed, sim] of [
      [94, { frames: 'swap' }],
      [95, { frames: 'swap', swapImage: 'nobody.png' }],
    ] as const) {
      const { messages } = await runToEnd(
        { prompt: quick(seed, 64, 8), extra_data: { sim } },
        `swap-${seed}`,
      );
      const err = messages.find((m) => m.type === 'execution_error')!.data;
      expect(err).toMatchObject({ node_id: '10', exception_type: 'FileNotFoundError' });
      expect(err.exception_message).toContain(sim.swapImage ?? 'none given');
    }
  });
});

describe('cli', () => {
  it('starts on --port 0 and prints its URL', async () => {
    const cli = path.resolve(import.meta.dirname, 'cli.ts');
    const child = spawn(
      process.execPath,
      ['--conditions=@i2v/source', '--import', 'tsx', cli, '--port', '0', '--speed', '5'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
      });
      await expect.poll(() => /ready on (http:\/\/\S+)/.exec(out)?.[1], { timeout: 10_000 }).toBeTruthy();
      const url = /ready on (http:\/\/\S+)/.exec(out)![1]!;
      expect((await fetch(`${url}/api/system_stats`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 15_000);
});
