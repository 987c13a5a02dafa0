import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-chain.js';
import { type DiffGraph, diffWorkflows, isProductionReady } from './workflow-diff.js';

const base: DiffGraph = {
  '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'a.safetensors' } },
  '2': { class_type: 'KSampler', inputs: { seed: 1, steps: 20, model: ['1', 0] } },
  '3': { class_type: 'SaveImage', inputs: { images: ['2', 0] } },
};

describe('diffWorkflows', () => {
  it('finds nothing between a graph and itself', () => {
    expect(diffWorkflows(base, structuredClone(base))).toEqual({
      added: [],
      removed: [],
      changed: [],
      identical: true,
    });
  });

  it('reports added and removed nodes in node order', () => {
    const next = structuredClone(base);
    delete next['3'];
    next['10'] = { class_type: 'SaveVideo', inputs: {} };
    next['4'] = { class_type: 'VAEDecode', inputs: {} };
    const diff = diffWorkflows(base, next);
    expect(diff.added).toEqual([
      { nodeId: '4', classType: 'VAEDecode' },
      { nodeId: '10', classType: 'SaveVideo' },
    ]);
    expect(diff.removed).toEqual([{ nodeId: '3', classType: 'SaveImage' }]);
    expect(diff.identical).toBe(false);
  });

  it('reports changed inputs with from/to, added and removed inputs, and class changes', () => {
    const next = structuredClone(base) as Record<
      string,
      { class_type: string; inputs: Record<string, unknown> }
    >;
    next['2']!.inputs.steps = 30;
    delete next['2']!.inputs.seed;
    next['2']!.inputs.cfg = 6;
    next['2']!.inputs.model = ['1', 0];
    next['1']!.class_type = 'UNETLoader';
    const diff = diffWorkflows(base, next);
    expect(diff.changed).toEqual([
      {
        nodeId: '1',
        classType: 'UNETLoader',
        classChanged: { from: 'CheckpointLoaderSimple', to: 'UNETLoader' },
        inputs: [],
      },
      {
        nodeId: '2',
        classType: 'KSampler',
        classChanged: null,
        inputs: [
          { input: 'cfg', to: 6 },
          { input: 'seed', from: 1 },
          { input: 'steps', from: 20, to: 30 },
        ],
      },
    ]);
  });

  it('treats a changed link as an input change', () => {
    const next = structuredClone(base) as Record<
      string,
      { class_type: string; inputs: Record<string, unknown> }
    >;
    next['3']!.inputs.images = ['1', 0];
    expect(diffWorkflows(base, next).changed[0]?.inputs).toEqual([
      { input: 'images', from: ['2', 0], to: ['1', 0] },
    ]);
  });
});

describe('canonicalJson', () => {
  it('is independent of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('isProductionReady', () => {
  it('needs one passing worker and a passing last dry run', () => {
    expect(isProductionReady({ w1: { ok: false }, w2: { ok: true } }, { ok: true })).toBe(true);
    expect(isProductionReady({ w1: { ok: false } }, { ok: true })).toBe(false);
    expect(isProductionReady({ w1: { ok: true } }, { ok: false })).toBe(false);
    expect(isProductionReady({ w1: { ok: true } }, null)).toBe(false);
  });
});
