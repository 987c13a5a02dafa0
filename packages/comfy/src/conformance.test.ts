// Client conformance: runs against comfy-sim, or against a real ComfyUI when COMFYUI_URL is set
// (assertions that need the sim's models, fault injection or rendering are skipped then).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import { probe } from '@i2v/ffmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComfyClient } from './client.js';
import { ComfyError } from './errors.js';
import type { ComfyEvent } from './events.js';
import type { ApiWorkflow } from './types.js';
import { validateWorkflow } from './workflow/validate.js';

const REAL = process.env.COMFYUI_URL;
const simOnly = it.skipIf(Boolean(REAL));
const examples = path.resolve(import.meta.dirname, '../../../examples/workflows');

let sim: ComfySim | null = null;
let client: ComfyClient;
let tmp: string;
let startName = 'start.png';
const seen: ComfyEvent[] = [];

/** The example workflow shrunk to a quick segment (17 frames at 128²). */
function quickI2v(overrides: { seed?: number; frames?: number } = {}): ApiWorkflow {
  const w = JSON.parse(fs.readFileSync(path.join(examples, 'i2v.api.json'), 'utf8')) as ApiWorkflow;
  Object.assign(w['6']!.inputs, { width: 128, height: 128, length: overrides.frames ?? 17 });
  w['7']!.inputs.seed = overrides.seed ?? 1;
  w['7']!.inputs.steps = 4;
  w['5']!.inputs.image = startName;
  return w;
}

const eventsOf = (promptId: string) => seen.filter((e) => 'promptId' in e && e.promptId === promptId);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-conf-'));
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x240',
    '-frames:v',
    '1',
    path.join(tmp, 'start.png'),
  ]);
  if (!REAL) sim = await startComfySim({ speed: 20 });
  client = new ComfyClient(REAL ?? sim!.url, { backoff: { initialMs: 50, maxMs: 500 } });
  await client.connect();
  client.onEvent((e) => seen.push(e));
  const up = await client.http.uploadImage({
    name: 'start.png',
    data: fs.readFileSync(path.join(tmp, 'start.png')),
  });
  startName = up.name;
});

afterAll(async () => {
  client?.close();
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('introspection routes', () => {
  it('probes the server under /api', async () => {
    const info = await client.http.probe();
    expect(info.prefix).toBe('/api');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.stats.devices.length).toBeGreaterThan(0);
    expect(info.stats.devices[0]!.vram_total).toBeGreaterThan(0);
  });

  it('reads the node catalogue, one class, and an unknown class', async () => {
    const all = await client.http.getObjectInfo();
    for (const cls of ['KSampler', 'LoadImage', 'CLIPTextEncode', 'CheckpointLoaderSimple', 'SaveImage']) {
      expect(all[cls]?.input.required).toBeDefined();
    }
    expect((await client.http.getNodeClass('KSampler'))?.output).toEqual(['LATENT']);
    expect(await client.http.getNodeClass('NoSuchNodeAnywhere')).toBeNull();
    expect((all.LoadImage!.input.required!.image![0] as string[]).includes(startName)).toBe(true);
  });

  it('lists models, embeddings, extensions and features', async () => {
    const folders = await client.http.getModelFolders();
    expect(folders).toContain('checkpoints');
    expect(Array.isArray(await client.http.getModels('checkpoints'))).toBe(true);
    expect(await client.http.getModels('no_such_folder')).toBeNull();
    expect(Array.isArray(await client.http.getEmbeddings())).toBe(true);
    expect(Array.isArray(await client.http.getExtensions())).toBe(true);
    expect(typeof (await client.http.getFeatures()).max_upload_size).toBe('number');
    expect(await client.http.getQueueRemaining()).toBeGreaterThanOrEqual(0);
  });
});

describe('uploads and files', () => {
  it('keeps identical uploads and renames different bytes', async () => {
    const bytes = fs.readFileSync(path.join(tmp, 'start.png'));
    const name = `conformance-${Date.now()}.png`;
    const a = await client.http.uploadImage({ name, data: bytes });
    expect(a).toEqual({ name, subfolder: '', type: 'input' });
    expect((await client.http.uploadImage({ name, data: bytes })).name).toBe(name);
    const b = await client.http.uploadImage({ name, data: Buffer.concat([bytes, Buffer.from([0])]) });
    expect(b.name).toBe(name.replace('.png', ' (1).png'));
    const back = await client.http.viewBuffer({ filename: name, subfolder: '', type: 'input' });
    expect(back.equals(bytes)).toBe(true);
  });

  it('applies a mask to an earlier upload', async () => {
    const mask = path.join(tmp, 'mask.png');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=c=white@0.5:s=64x64,format=rgba',
      '-frames:v',
      '1',
      mask,
    ]);
    const res = await client.http.uploadMask(
      { name: `mask-${Date.now()}.png`, data: fs.readFileSync(mask) },
      { filename: startName, subfolder: '', type: 'input' },
    );
    const out = path.join(tmp, 'masked.png');
    fs.writeFileSync(
      out,
      await client.http.viewBuffer({ filename: res.name, subfolder: res.subfolder, type: res.type }),
    );
    expect((await probe(out)).video).toMatchObject({ width: 320, height: 240 });
    expect((await probe(out)).video?.pixelFormat).toMatch(/^rgba/);
  });

  it('reads model metadata, and null for an unknown file', async () => {
    expect(await client.http.getModelMetadata('checkpoints', 'definitely-not-here.safetensors')).toBeNull();
    if (REAL) return;
    const [ckpt] = (await client.http.getModels('checkpoints'))!;
    expect(await client.http.getModelMetadata('checkpoints', ckpt!)).toMatchObject({
      'modelspec.title': expect.any(String),
    });
  });

  it('maps /view errors to COMFY_HTTP with the status', async () => {
    const err = await client.http
      .viewBuffer({ filename: 'missing-file.png', subfolder: '', type: 'input' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ComfyError);
    expect(err).toMatchObject({ code: 'COMFY_HTTP', details: { status: 404 } });
    const bad = await client.http
      .viewBuffer({ filename: 'x.png', subfolder: '', type: 'secret' })
      .catch((e) => e);
    expect(bad.details.status).toBe(400);
  });
});

describe('submission', () => {
  it('rejects an invalid workflow with per-node errors', async () => {
    const w = quickI2v();
    w['7']!.inputs.sampler_name = 'warp_drive';
    delete w['3']!.inputs.text;
    const err = await client.submit(w).catch((e) => e);
    expect(err).toBeInstanceOf(ComfyError);
    expect(err.code).toBe('COMFY_PROMPT_INVALID');
    expect(err.details.errorType).toBe('prompt_outputs_failed_validation');
    const byNode = Object.fromEntries(err.details.nodeErrors.map((n: { nodeId: string }) => [n.nodeId, n]));
    expect(byNode['7']).toMatchObject({ classType: 'KSampler', dependentOutputs: ['10'] });
    expect(byNode['7'].errors[0]).toMatchObject({
      type: 'value_not_in_list',
      extra_info: { input_name: 'sampler_name' },
    });
    expect(byNode['3'].errors[0]).toMatchObject({ type: 'required_input_missing' });
    expect(byNode['3'].messages[0]).toBe('Required input is missing: text');
  });

  it('rejects an unknown node class as invalid_prompt', async () => {
    const err = await client.submit({ '1': { class_type: 'TotallyMadeUpNode', inputs: {} } }).catch((e) => e);
    expect(err).toMatchObject({ code: 'COMFY_PROMPT_INVALID', details: { errorType: 'invalid_prompt' } });
  });

  simOnly('validates the examples against the live catalogue', async () => {
    const info = await client.http.getObjectInfo();
    const models = {
      checkpoints: (await client.http.getModels('checkpoints'))!,
      loras: (await client.http.getModels('loras'))!,
    };
    expect(validateWorkflow(quickI2v(), info, { models })).toEqual([]);
  });

  simOnly('runs image-to-video: event order, outputs and a real video', async () => {
    const s = await client.submit(quickI2v({ seed: 11 }), { jobId: 'job-1' });
    expect(client.jobIdFor(s.promptId)).toBe('job-1');
    expect(client.promptIdFor('job-1')).toBe(s.promptId);
    const done = await client.waitForCompletion(s.promptId, { timeoutMs: 20_000 });
    expect(done).toMatchObject({ status: 'success', via: 'socket' });
    const types = eventsOf(s.promptId).map((e) => e.type);
    expect(types[0]).toBe('execution_start');
    expect(types[1]).toBe('execution_cached');
    expect(types.at(-2)).toBe('execution_success');
    const last = eventsOf(s.promptId).at(-1)!;
    expect(last).toMatchObject({ type: 'executing', node: null });
    expect(types.indexOf('executed')).toBeGreaterThan(types.lastIndexOf('progress'));
    expect(types.filter((t) => t === 'progress').length).toBe(4);
    const file = done.outputs['10']!.images![0]!;
    expect(file).toMatchObject({ subfolder: 'video', type: 'output' });
    expect(file.filename).toMatch(/^i2v_\d{5}_\.mp4$/);
    expect(done.outputs['10']!.animated).toEqual([true]);
    const out = path.join(tmp, 'out.mp4');
    const stream = await client.http.viewStream(file);
    await pipeline(stream, fs.createWriteStream(out));
    const p = await probe(out, { countFrames: true });
    expect(p.video).toMatchObject({ width: 128, height: 128, frameCount: 17, fps: 16 });
    expect(done.history?.status.status_str).toBe('success');
  });

  simOnly('completes an identical resubmission from cache with the same files', async () => {
    const first = await client.waitForCompletion((await client.submit(quickI2v({ seed: 12 }))).promptId);
    const again = await client.submit(quickI2v({ seed: 12 }));
    const second = await client.waitForCompletion(again.promptId);
    expect(second.outputs).toEqual(first.outputs);
    const ev = eventsOf(again.promptId);
    const cached = ev.find((e) => e.type === 'execution_cached');
    expect(cached?.type === 'execution_cached' && cached.nodes.length).toBe(Object.keys(quickI2v()).length);
    expect(ev.filter((e) => e.type === 'executing' && e.node !== null)).toEqual([]);
    expect(ev.some((e) => e.type === 'executed')).toBe(true);
  });

  simOnly('delivers sampler previews as binary frames, with metadata when negotiated', async () => {
    const plain = await client.submit(quickI2v({ seed: 18 }), { extraData: { preview_method: 'auto' } });
    await client.waitForCompletion(plain.promptId);
    const previews = seen.filter((e) => e.type === 'preview');
    expect(previews.length).toBeGreaterThanOrEqual(4);
    expect(previews[0]).toMatchObject({ format: 'jpeg', metadata: null });
    if (previews[0]?.type === 'preview')
      expect(previews[0].image.subarray(0, 2).toString('hex')).toBe('ffd8');
    const rich = new ComfyClient(sim!.url, { previewMetadata: true });
    const got: ComfyEvent[] = [];
    rich.onEvent((e) => got.push(e));
    try {
      await rich.connect();
      await expect.poll(() => got.some((e) => e.type === 'feature_flags')).toBe(true);
      const s = await rich.submit(quickI2v({ seed: 19 }), { extraData: { preview_method: 'auto' } });
      await rich.waitForCompletion(s.promptId);
      const p = got.find((e) => e.type === 'preview');
      expect(p).toMatchObject({ format: 'jpeg', metadata: { prompt_id: s.promptId, node_id: '7' } });
    } finally {
      rich.close();
    }
  });

  simOnly('reports a node failure as an execution_error with every field', async () => {
    const s = await client.submit(quickI2v({ seed: 13 }), { extraData: { sim: { failAt: 'KSampler' } } });
    const done = await client.waitForCompletion(s.promptId);
    expect(done.status).toBe('error');
    expect(done.error).toMatchObject({
      nodeId: '7',
      nodeType: 'KSampler',
      exceptionType: 'torch.OutOfMemoryError',
    });
    expect(done.error!.executed).not.toContain('7');
    expect(done.error!.traceback.length).toBeGreaterThan(0);
    expect(done.history?.status).toMatchObject({ status_str: 'error', completed: false });
  });

  simOnly('queues in order, deletes pending prompts and interrupts the running one', async () => {
    const running = await client.submit(quickI2v({ seed: 14 }), { extraData: { sim: { stallMs: -1 } } });
    const a = await client.submit(quickI2v({ seed: 15 }));
    const b = await client.submit(quickI2v({ seed: 16 }));
    const front = await client.submit(quickI2v({ seed: 17 }), { front: true });
    await expect
      .poll(async () => (await client.http.getQueue()).queue_running[0]?.[1])
      .toBe(running.promptId);
    const q = await client.http.getQueue();
    expect(q.queue_pending.map((i) => i[1])).toEqual([front.promptId, a.promptId, b.promptId]);
    await client.cancel(a.promptId);
    await client.cancel(b.promptId);
    await client.cancel(front.promptId);
    expect((await client.http.getQueue()).queue_pending).toEqual([]);
    await client.cancel(running.promptId);
    const done = await client.waitForCompletion(running.promptId);
    expect(done.status).toBe('interrupted');
    await expect(client.waitForCompletion(a.promptId)).rejects.toMatchObject({ code: 'COMFY_PROMPT_LOST' });
  });

  it('reads and trims history', async () => {
    const all = await client.http.getHistory({ maxItems: 2 });
    expect(Object.keys(all).length).toBeLessThanOrEqual(2);
    expect(await client.http.getHistoryEntry('00000000-0000-4000-8000-000000000000')).toBeNull();
    if (REAL) return;
    const ids = Object.keys(await client.http.getHistory());
    await client.http.deleteHistory([ids[0]!]);
    expect(await client.http.getHistoryEntry(ids[0]!)).toBeNull();
    await client.http.interrupt();
    await client.http.free({ free_memory: true });
  });
});
