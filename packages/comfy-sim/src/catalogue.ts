// The simulated node catalogue: data/object_info.json with combo lists filled from the models and input files.
import fs from 'node:fs';
import type { SimModels } from './config.js';

export type InputSpec = [unknown, Record<string, unknown>?];
export interface NodeClass {
  input: { required?: Record<string, InputSpec>; optional?: Record<string, InputSpec>; hidden?: unknown };
  input_order?: { required?: string[]; optional?: string[] };
  output: string[];
  output_node: boolean;
  name: string;
  [key: string]: unknown;
}
export type Catalogue = Record<string, NodeClass>;

// data/ sits beside src/ and dist/, so the same relative path works from both
const DATA = new URL('../data/object_info.json', import.meta.url);
let base: Catalogue | null = null;

const MODEL_INPUTS: Record<string, keyof SimModels> = {
  ckpt_name: 'checkpoints',
  lora_name: 'loras',
  vae_name: 'vae',
  unet_name: 'diffusion_models',
  clip_name: 'text_encoders',
};

/** The catalogue as `GET /object_info` answers it right now. */
export function buildCatalogue(models: SimModels, inputFiles: string[]): Catalogue {
  base ??= JSON.parse(fs.readFileSync(DATA, 'utf8')) as Catalogue;
  const out = structuredClone(base);
  for (const [name, cls] of Object.entries(out)) {
    for (const section of [cls.input.required, cls.input.optional]) {
      for (const [input, spec] of Object.entries(section ?? {})) {
        if (!Array.isArray(spec[0])) continue;
        let folder = MODEL_INPUTS[input];
        if (name === 'CLIPVisionLoader' && input === 'clip_name') folder = 'clip_vision';
        if (folder) spec[0] = [...models[folder]!];
        if (name === 'LoadImage' && input === 'image') spec[0] = [...inputFiles];
      }
    }
  }
  return out;
}

export function orderedInputs(cls: NodeClass): { name: string; spec: InputSpec; required: boolean }[] {
  const out: { name: string; spec: InputSpec; required: boolean }[] = [];
  for (const section of ['required', 'optional'] as const) {
    const specs = cls.input[section] ?? {};
    for (const name of cls.input_order?.[section] ?? Object.keys(specs)) {
      const spec = specs[name];
      if (spec) out.push({ name, spec, required: section === 'required' });
    }
  }
  return out;
}
