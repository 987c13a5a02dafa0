// Parameter discovery: finds the values a scene type may set (seed, prompts, images, size…) as named slots.
import type { ApiWorkflow } from '../types.js';
import { consumers, isLink } from './graph.js';

export type ParameterCategory = 'generation' | 'quality' | 'content' | 'video' | 'model';

export interface ParameterSlot {
  /** Stable name: `seed`, `positive_prompt`, `input_image`, `lora_strength_2`… */
  key: string;
  nodeId: string;
  input: string;
  classType: string;
  category: ParameterCategory;
  value: unknown;
}

interface Rule {
  key: string;
  category: ParameterCategory;
  inputs: string[];
  /** Limits the rule to classes matching this pattern. */
  classes?: RegExp;
}

const RULES: Rule[] = [
  { key: 'seed', category: 'generation', inputs: ['seed', 'noise_seed'] },
  { key: 'steps', category: 'quality', inputs: ['steps'] },
  { key: 'cfg', category: 'quality', inputs: ['cfg'] },
  { key: 'denoise', category: 'quality', inputs: ['denoise'] },
  { key: 'sampler', category: 'quality', inputs: ['sampler_name'] },
  { key: 'scheduler', category: 'quality', inputs: ['scheduler'] },
  { key: 'frame_count', category: 'video', inputs: ['length', 'frame_count', 'num_frames', 'video_frames'] },
  { key: 'fps', category: 'video', inputs: ['fps', 'frame_rate'] },
  { key: 'width', category: 'video', inputs: ['width'], classes: /Video|Latent|Wan|LTXV|Hunyuan/ },
  { key: 'height', category: 'video', inputs: ['height'], classes: /Video|Latent|Wan|LTXV|Hunyuan/ },
  { key: 'checkpoint', category: 'model', inputs: ['ckpt_name', 'unet_name'] },
  { key: 'lora_name', category: 'model', inputs: ['lora_name'] },
  { key: 'lora_strength', category: 'model', inputs: ['strength_model'], classes: /Lora/i },
];

/** Follows conditioning links downstream to tell a positive prompt from a negative one. */
function promptRole(nodeId: string, users: ReturnType<typeof consumers>): string | null {
  const seen = new Set<string>();
  const queue = [nodeId];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const use of users.get(id) ?? []) {
      if (use.input === 'positive' || use.input === 'negative') return use.input;
      queue.push(use.nodeId);
    }
  }
  return null;
}

/** Discovers parameter slots in an API workflow; node order is numeric where ids are numbers. */
export function discoverParameters(workflow: ApiWorkflow): ParameterSlot[] {
  const users = consumers(workflow);
  const slots: ParameterSlot[] = [];
  const counts = new Map<string, number>();
  const add = (key: string, nodeId: string, input: string, category: ParameterCategory) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const node = workflow[nodeId]!;
    slots.push({
      key: n === 1 ? key : `${key}_${n}`,
      nodeId,
      input,
      classType: node.class_type,
      category,
      value: node.inputs[input],
    });
  };
  const ids = Object.keys(workflow).sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) {
    const node = workflow[id]!;
    for (const rule of RULES) {
      if (rule.classes && !rule.classes.test(node.class_type)) continue;
      for (const input of rule.inputs) {
        if (input in node.inputs && !isLink(node.inputs[input])) add(rule.key, id, input, rule.category);
      }
    }
    if (typeof node.inputs.text === 'string' && /TextEncode|Prompt/i.test(node.class_type)) {
      const role =
        promptRole(id, users) ?? (/negative/i.test(node._meta?.title ?? '') ? 'negative' : 'positive');
      add(`${role}_prompt`, id, 'text', 'content');
    }
    if (node.class_type === 'LoadImage' || node.class_type === 'LoadImageMask') {
      const uses = (users.get(id) ?? []).map((u) => u.input);
      const key = uses.includes('end_image') ? 'end_image' : 'input_image';
      add(key, id, 'image', 'content');
    }
  }
  return slots;
}
