// Pure helpers over an API prompt: links, ancestors, execution order, cache keys, segment parameters.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiPrompt } from './validate.js';

export const isLink = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1]);

/** `id` and every node upstream of it, nearest first. */
export function ancestors(prompt: ApiPrompt, id: string): string[] {
  const seen: string[] = [];
  const queue = [id];
  while (queue.length) {
    const cur = queue.shift()!;
    if (seen.includes(cur) || !prompt[cur]) continue;
    seen.push(cur);
    for (const v of Object.values(prompt[cur]!.inputs ?? {})) if (isLink(v)) queue.push(v[0]);
  }
  return seen;
}

/** Nodes needed by `outputs`, dependencies first. */
export function executionOrder(prompt: ApiPrompt, outputs: string[]): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (id: string) => {
    if (done.has(id) || !prompt[id]) return;
    done.add(id);
    for (const v of Object.values(prompt[id]!.inputs ?? {})) if (isLink(v)) visit(v[0]);
    out.push(id);
  };
  for (const o of outputs) visit(o);
  return out;
}

/** Cache key per node: class, literal inputs and the keys of its inputs' sources; LoadImage adds its file. */
export function cacheSignatures(prompt: ApiPrompt, order: string[], inputDir: string): Map<string, string> {
  const sigs = new Map<string, string>();
  for (const id of order) {
    const node = prompt[id]!;
    const h = createHash('sha1').update(String(node.class_type));
    for (const [k, v] of Object.entries(node.inputs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      h.update(`|${k}=`);
      h.update(isLink(v) ? `@${sigs.get(v[0]) ?? v[0]}:${v[1]}` : JSON.stringify(v));
    }
    if (node.class_type === 'LoadImage') {
      const file = path.join(inputDir, path.basename(String(node.inputs?.image ?? '')));
      try {
        const st = fs.statSync(file);
        h.update(`|file=${st.size}:${st.mtimeMs}`);
      } catch {
        h.update('|file=missing');
      }
    }
    sigs.set(id, h.digest('hex'));
  }
  return sigs;
}

export interface SegmentParams {
  frames: number;
  fps: number;
  width: number;
  height: number;
  startImage: string | null;
  endImage: string | null;
}

/**
 * What a save node upstream of `id` asks for: frame count, fps, size, and the LoadImage files. `defaultFrames` when
 * nothing upstream sets a length (an image workflow saves one picture).
 */
export function segmentParams(prompt: ApiPrompt, id: string, defaultFrames = 33): SegmentParams {
  const up = ancestors(prompt, id);
  const num = (names: string[], d: number) => {
    for (const nid of up) {
      for (const name of names) {
        const v = prompt[nid]?.inputs?.[name];
        if (typeof v === 'number' || (typeof v === 'string' && v.trim() && Number.isFinite(Number(v)))) {
          return Number(v);
        }
      }
    }
    return d;
  };
  const imageFor = (slot: 'start_image' | 'end_image'): string | null => {
    for (const nid of up) {
      const v = prompt[nid]?.inputs?.[slot];
      if (isLink(v)) {
        const load = ancestors(prompt, v[0]).find((a) => prompt[a]?.class_type === 'LoadImage');
        if (load) return String(prompt[load]!.inputs!.image);
      }
    }
    return null;
  };
  const anyLoad = up.find((a) => prompt[a]?.class_type === 'LoadImage');
  return {
    frames: Math.max(
      1,
      Math.round(num(['length', 'frame_count', 'num_frames', 'batch_size'], defaultFrames)),
    ),
    fps: num(['fps', 'frame_rate'], 16),
    width: Math.round(num(['width'], 512)),
    height: Math.round(num(['height'], 512)),
    startImage: imageFor('start_image') ?? (anyLoad ? String(prompt[anyLoad]!.inputs!.image) : null),
    endImage: imageFor('end_image'),
  };
}
