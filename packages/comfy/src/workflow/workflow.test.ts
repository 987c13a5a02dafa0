import fs from 'node:fs';
import path from 'node:path';
import { buildCatalogue, DEFAULT_MODELS } from '@i2v/comfy-sim';
import { describe, expect, it } from 'vitest';
import { ComfyError } from '../errors.js';
import type { ApiWorkflow, ObjectInfo } from '../types.js';
import { convertUiToApi, detectWorkflow, discoverParameters, findCycle, validateWorkflow } from './index.js';
import type { UiWorkflow } from './ui-types.js';

const examples = path.resolve(import.meta.dirname, '../../../../examples/workflows');
const readExample = (name: string) => fs.readFileSync(path.join(examples, name), 'utf8');
const info = buildCatalogue(DEFAULT_MODELS, ['start.png', 'end.png']) as unknown as ObjectInfo;

const sortKeys = (w: ApiWorkflow) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(w).map(([id, n]) => [
        id,
        { class_type: n.class_type, inputs: Object.fromEntries(Object.entries(n.inputs).sort()) },
      ]),
    ),
  );

/** A UI workflow builder: nodes plus links `[from, slot, to, inputName]`. */
function ui(
  nodes: {
    id: number;
    type: string;
    mode?: number;
    inputs?: [string, string, boolean?][];
    outputs?: string[];
    wv?: unknown;
  }[],
  links: [number, number, number, string][],
): UiWorkflow {
  const out: UiWorkflow = {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.type,
      mode: n.mode ?? 0,
      inputs: (n.inputs ?? []).map(([name, type, widget]) => ({
        name,
        type,
        link: null,
        ...(widget ? { widget: { name } } : {}),
      })),
      outputs: (n.outputs ?? []).map((t) => ({ name: t, type: t, links: [] })),
      widgets_values: (n.wv as unknown[]) ?? [],
    })),
    links: [],
    groups: [{ title: 'ignored' }],
    version: 0.4,
  };
  links.forEach(([from, slot, to, input], i) => {
    const target = out.nodes.find((n) => n.id === to)!;
    const source = out.nodes.find((n) => n.id === from);
    const idx = target.inputs!.findIndex((x) => x.name === input);
    target.inputs![idx]!.link = i + 1;
    out.links!.push([i + 1, from, slot, to, idx, source?.outputs?.[slot]?.type ?? '*']);
  });
  return out;
}

const ckpt = {
  id: 1,
  type: 'CheckpointLoaderSimple',
  outputs: ['MODEL', 'CLIP', 'VAE'],
  wv: ['sd_xl_base_1.0.safetensors'],
};
const loadImage = { id: 2, type: 'LoadImage', outputs: ['IMAGE', 'MASK'], wv: ['start.png', 'image'] };
const save = { id: 9, type: 'SaveImage', inputs: [['images', 'IMAGE']] as [string, string][], wv: ['out'] };

describe('detectWorkflow', () => {
  it('recognises the example files', () => {
    expect(detectWorkflow(readExample('i2v.api.json'))).toMatchObject({ ok: true, format: 'api' });
    expect(detectWorkflow(readExample('i2v.ui.json'))).toMatchObject({ ok: true, format: 'ui' });
  });
  it('unwraps {"prompt": {...}}', () => {
    const r = detectWorkflow({ prompt: JSON.parse(readExample('i2v.api.json')) });
    expect(r.ok && r.format).toBe('api');
  });
  it.each([
    ['', 'empty'],
    ['{"nodes": [', 'not_json'],
    ['\u0089PNG\r\n\u001a\n binary', 'not_json'],
    ['[1, 2, 3]', 'not_object'],
    ['"a string"', 'not_object'],
    ['{}', 'no_nodes'],
    ['{"name": "my project", "version": 3}', 'no_nodes'],
    ['{"1": {"class_type": "KSampler", "inputs": {}}, "2": {"inputs": {}}}', 'bad_api_node'],
    ['{"nodes": {"1": {}}}', 'bad_ui_workflow'],
    ['{"nodes": [{"id": 1}]}', 'bad_ui_workflow'],
  ])('rejects %j as %s', (text, reason) => {
    const r = detectWorkflow(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message.length).toBeGreaterThan(5);
    }
  });
  it('reads the workflow embedded in a ComfyUI PNG, and names a PNG without one', () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = chunk('IHDR', Buffer.alloc(13));
    const iend = chunk('IEND', Buffer.alloc(0));
    const text = (k: string, v: string) =>
      chunk('tEXt', Buffer.concat([Buffer.from(`${k}\0`, 'latin1'), Buffer.from(v, 'latin1')]));
    const itext = (k: string, v: string) =>
      chunk('iTXt', Buffer.concat([Buffer.from(`${k}\0\0\0\0\0`, 'latin1'), Buffer.from(v, 'utf8')]));
    const api = readExample('i2v.api.json');
    const both = Buffer.concat([
      sig,
      ihdr,
      text('prompt', api),
      itext('workflow', readExample('i2v.ui.json')),
      iend,
    ]);
    expect(detectWorkflow(new Uint8Array(both))).toMatchObject({ ok: true, format: 'api' });
    const uiOnly = Buffer.concat([sig, ihdr, itext('workflow', readExample('i2v.ui.json')), iend]);
    expect(detectWorkflow(new Uint8Array(uiOnly))).toMatchObject({ ok: true, format: 'ui' });
    const plain = Buffer.concat([sig, ihdr, text('Software', 'GIMP'), iend]);
    expect(detectWorkflow(new Uint8Array(plain))).toMatchObject({
      ok: false,
      reason: 'png_without_workflow',
    });
  });

  it('handles a 20 MB workflow quickly and enforces the size limit', () => {
    const api = JSON.parse(readExample('i2v.api.json')) as ApiWorkflow;
    api['3']!.inputs.text = 'x'.repeat(20 * 1024 * 1024);
    const text = JSON.stringify(api);
    const t = performance.now();
    const r = detectWorkflow(text);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.ok && r.format).toBe('api');
    const small = detectWorkflow(text, { maxBytes: 10 * 1024 * 1024 });
    expect(small).toMatchObject({ ok: false, reason: 'too_large' });
  });
});

describe('convertUiToApi', () => {
  it('turns the example UI workflow into the example API workflow', () => {
    const r = detectWorkflow(readExample('i2v.ui.json'));
    if (!r.ok || r.format !== 'ui') throw new Error('not ui');
    const { workflow } = convertUiToApi(r.workflow, info);
    expect(sortKeys(workflow)).toBe(sortKeys(JSON.parse(readExample('i2v.api.json'))));
    expect(workflow['12']).toBeUndefined(); // the Note
    expect(workflow['7']!._meta?.title).toBe('KSampler');
  });

  it('drops the control_after_generate value and the upload extra', () => {
    const w = ui(
      [
        ckpt,
        {
          id: 3,
          type: 'KSampler',
          inputs: [
            ['model', 'MODEL'],
            ['positive', 'CONDITIONING'],
            ['negative', 'CONDITIONING'],
            ['latent_image', 'LATENT'],
          ],
          outputs: ['LATENT'],
          wv: [7, 'increment', 12, 5.5, 'euler', 'karras', 0.6],
        },
      ],
      [[1, 0, 3, 'model']],
    );
    const k = convertUiToApi(w, info).workflow['3']!.inputs;
    expect(k).toMatchObject({
      seed: 7,
      steps: 12,
      cfg: 5.5,
      sampler_name: 'euler',
      scheduler: 'karras',
      denoise: 0.6,
    });
    expect(k.model).toEqual(['1', 0]);
  });

  it('takes a widget turned into an input from its link, and a PrimitiveNode value', () => {
    const w = ui(
      [
        { id: 4, type: 'PrimitiveNode', outputs: ['INT'], wv: [1234, 'fixed'] },
        {
          id: 3,
          type: 'KSampler',
          inputs: [
            ['model', 'MODEL'],
            ['seed', 'INT', true],
          ],
          outputs: ['LATENT'],
          wv: [1, 'randomize', 20, 8, 'euler', 'normal', 1],
        },
        ckpt,
      ],
      [
        [4, 0, 3, 'seed'],
        [1, 0, 3, 'model'],
      ],
    );
    expect(convertUiToApi(w, info).workflow['3']!.inputs.seed).toBe(1234);
    expect(convertUiToApi(w, info).workflow['4']).toBeUndefined();
  });

  it('follows Reroute chains to the real origin', () => {
    const w = ui(
      [
        loadImage,
        { id: 5, type: 'Reroute', inputs: [['', '*']], outputs: ['IMAGE'] },
        { id: 6, type: 'Reroute', inputs: [['', '*']], outputs: ['IMAGE'] },
        save,
      ],
      [
        [2, 0, 5, ''],
        [5, 0, 6, ''],
        [6, 0, 9, 'images'],
      ],
    );
    const out = convertUiToApi(w, info).workflow;
    expect(out['9']!.inputs.images).toEqual(['2', 0]);
    expect(Object.keys(out).sort()).toEqual(['2', '9']);
  });

  it('drops muted nodes (and their links) and rewires around bypassed ones', () => {
    const scale = {
      id: 7,
      type: 'ImageScale',
      inputs: [['image', 'IMAGE']] as [string, string][],
      outputs: ['IMAGE'],
      wv: ['lanczos', 256, 256, 'center'],
    };
    const links: [number, number, number, string][] = [
      [2, 0, 7, 'image'],
      [7, 0, 9, 'images'],
    ];
    const bypassed = convertUiToApi(ui([loadImage, { ...scale, mode: 4 }, save], links), info);
    expect(bypassed.workflow['9']!.inputs.images).toEqual(['2', 0]);
    expect(bypassed.workflow['7']).toBeUndefined();
    expect(bypassed.warnings.map((w) => w.code)).toEqual(['node_bypassed']);
    const muted = convertUiToApi(ui([loadImage, { ...scale, mode: 2 }, save], links), info).workflow;
    expect(muted['7']).toBeUndefined();
    expect(muted['9']!.inputs.images).toBeUndefined();
    expect(validateWorkflow(muted, info).map((p) => p.code)).toContain('required_input_missing');
  });

  it('rejects dangling links with the node and input named', () => {
    const w = ui([loadImage, save], [[2, 0, 9, 'images']]);
    w.links = [];
    const err = (() => {
      try {
        convertUiToApi(w, info);
      } catch (e) {
        return e as ComfyError;
      }
    })();
    expect(err).toBeInstanceOf(ComfyError);
    expect(err!.code).toBe('COMFY_WORKFLOW_INVALID');
    expect(err!.details.problems).toEqual([
      expect.objectContaining({ code: 'dangling_link', nodeId: '9', input: 'images' }),
    ]);
    const toMissing = ui([save], [[42, 0, 9, 'images']]);
    expect(() => convertUiToApi(toMissing, info)).toThrow(/node 42, which does not exist/);
  });

  it('rejects cycles', () => {
    const a = {
      id: 7,
      type: 'ImageScale',
      inputs: [['image', 'IMAGE']] as [string, string][],
      outputs: ['IMAGE'],
      wv: ['lanczos', 8, 8, 'center'],
    };
    const b = { ...a, id: 8 };
    const w = ui(
      [a, b, save],
      [
        [7, 0, 8, 'image'],
        [8, 0, 7, 'image'],
        [8, 0, 9, 'images'],
      ],
    );
    expect(() => convertUiToApi(w, info)).toThrow(/cycle: (7 → 8 → 7|8 → 7 → 8)/);
  });

  it('rejects unknown node classes and subgraphs', () => {
    const w = ui([{ id: 3, type: 'SuperResolutionPro', outputs: ['IMAGE'] }, save], [[3, 0, 9, 'images']]);
    expect(() => convertUiToApi(w, info)).toThrow(/SuperResolutionPro" is not installed/);
    const g = ui([{ id: 3, type: 'workflow>My group', outputs: ['IMAGE'] }], []);
    expect(() => convertUiToApi(g, info)).toThrow(/subgraph or group node/);
  });

  it('reads schema-1 link objects', () => {
    const w = ui([loadImage, save], [[2, 0, 9, 'images']]);
    w.links = [{ id: 1, origin_id: 2, origin_slot: 0, target_id: 9, target_slot: 0, type: 'IMAGE' }];
    w.version = 1;
    expect(convertUiToApi(w, info).workflow['9']!.inputs.images).toEqual(['2', 0]);
  });
});

describe('validateWorkflow', () => {
  const api = () => JSON.parse(readExample('i2v.api.json')) as ApiWorkflow;
  it('passes the examples', () => {
    expect(validateWorkflow(api(), info, { models: DEFAULT_MODELS })).toEqual([]);
    expect(validateWorkflow(JSON.parse(readExample('i2v-transition.api.json')), info)).toEqual([]);
  });
  it('reports every kind of problem with node, class and input', () => {
    const w = api();
    w['1']!.inputs.ckpt_name = 'missing.safetensors';
    w['2']!.inputs.lora_name = 'gone.safetensors';
    w['7']!.inputs.sampler_name = 'warp_drive';
    w['7']!.inputs.steps = 0;
    delete w['3']!.inputs.text;
    w['8']!.inputs.vae = ['99', 0];
    w['6']!.inputs.vae = ['1', 7];
    w['9']!.inputs.images = ['3', 0];
    w['20'] = { class_type: 'MysteryUpscaler', inputs: {} };
    const problems = validateWorkflow(w, info, { models: DEFAULT_MODELS });
    const summary = problems.map((p) => `${p.code}@${p.nodeId ?? ''}.${p.input ?? ''}`).sort();
    expect(summary).toEqual(
      [
        'missing_model@1.ckpt_name',
        'missing_model@2.lora_name',
        'value_not_in_list@7.sampler_name',
        'value_smaller_than_min@7.steps',
        'required_input_missing@3.text',
        'bad_link@8.vae',
        'bad_link@6.vae',
        'return_type_mismatch@9.images',
        'unknown_node_class@20.',
      ].sort(),
    );
    expect(problems.find((p) => p.code === 'missing_model')!.message).toContain('missing.safetensors');
  });
  it('finds missing models from the catalogue combos when no model lists are given', () => {
    const w = api();
    w['1']!.inputs.ckpt_name = 'nope.safetensors';
    expect(validateWorkflow(w, info).map((p) => p.code)).toEqual(['missing_model']);
  });
  it('needs an output node and no cycle', () => {
    const w = api();
    delete w['10'];
    expect(validateWorkflow(w, info).map((p) => p.code)).toContain('prompt_no_outputs');
    const c = api();
    c['8']!.inputs.samples = ['9', 0];
    expect(findCycle(c)).not.toBeNull();
    expect(validateWorkflow(c, info).map((p) => p.code)).toContain('cycle');
  });
});

describe('discoverParameters', () => {
  it('finds the named slots of the image-to-video example', () => {
    const slots = discoverParameters(JSON.parse(readExample('i2v.api.json')));
    const byKey = Object.fromEntries(slots.map((s) => [s.key, s]));
    expect(byKey.seed).toMatchObject({ nodeId: '7', input: 'seed', category: 'generation', value: 424242 });
    expect(byKey.cfg).toMatchObject({ category: 'quality', value: 6 });
    expect(byKey.denoise).toMatchObject({ nodeId: '7', value: 1 });
    expect(byKey.positive_prompt).toMatchObject({ nodeId: '3', category: 'content' });
    expect(byKey.negative_prompt).toMatchObject({ nodeId: '4', category: 'content' });
    expect(byKey.input_image).toMatchObject({ nodeId: '5', input: 'image', value: 'start.png' });
    expect(byKey.frame_count).toMatchObject({ nodeId: '6', input: 'length', value: 81, category: 'video' });
    expect(byKey.fps).toMatchObject({ nodeId: '9', value: 16 });
    expect(byKey.width!.value).toBe(512);
    expect(byKey.height!.value).toBe(512);
    expect(byKey.checkpoint).toMatchObject({ nodeId: '1', category: 'model' });
    expect(byKey.lora_name).toMatchObject({ nodeId: '2', value: 'i2v-motion-v1.safetensors' });
    expect(byKey.lora_strength).toMatchObject({ nodeId: '2', input: 'strength_model', value: 0.8 });
  });
  it('tells start and end images apart and numbers repeated slots', () => {
    const w = JSON.parse(readExample('i2v-transition.api.json')) as ApiWorkflow;
    w['30'] = {
      class_type: 'LoraLoader',
      inputs: { model: ['2', 0], clip: ['2', 1], lora_name: 'x', strength_model: 0.5, strength_clip: 1 },
    };
    const keys = discoverParameters(w).map((s) => s.key);
    expect(keys).toContain('input_image');
    expect(keys).toContain('end_image');
    expect(keys).toContain('lora_strength_2');
    expect(keys).toContain('fps');
  });
});
