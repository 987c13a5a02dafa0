// The example workflows a fresh studio starts with, read from examples/workflows at the repository root (the same
// relative path from src/ and dist/).
import fs from 'node:fs/promises';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import type { WorkflowsService } from './service.js';

const dir = new URL('../../../../../examples/workflows/', import.meta.url);

export const exampleWorkflows = [
  {
    file: 'i2v.ui.json',
    name: 'Image to video',
    description:
      'One start frame → 81 frames at 16 fps, 512×512 (Wan 2.1 image-to-video with a motion LoRA). Imported from the UI-format example.',
  },
  {
    file: 'i2v-transition.api.json',
    name: 'Image to video — transition',
    description:
      'A start and an end frame → 49 frames blending from one to the other (Wan first/last frame).',
  },
  {
    file: 'i2i-variant.api.json',
    name: 'Image to image — variant',
    description:
      'A source image → one 512×512 picture of the same person (SDXL image-to-image, denoise 0.55): derives image variants such as a formal outfit.',
  },
];

/** The examples with their file text; files that are missing (a trimmed install) are left out. */
export async function readExampleWorkflows() {
  const found: { name: string; description: string; content: string }[] = [];
  for (const e of exampleWorkflows) {
    try {
      found.push({
        name: e.name,
        description: e.description,
        content: await fs.readFile(new URL(e.file, dir), 'utf8'),
      });
    } catch {
      // not shipped with this install
    }
  }
  return found;
}

/** Imports the examples into a studio without workflows (idempotent); returns how many were imported. */
export async function seedExampleWorkflows(
  workflows: WorkflowsService,
  ctx: RequestContext = systemContext,
): Promise<number> {
  return workflows.seedExamples(ctx, await readExampleWorkflows());
}

/** Latest version ids of the example workflows, when they exist under their example names. */
export async function exampleVersionIds(workflows: WorkflowsService) {
  const byName = async (name: string) => {
    const found = (await workflows.list({ limit: 5, q: name })).items.find((w) => w.name === name);
    return found?.latestVersion?.id ?? null;
  };
  return {
    imageToVideo: await byName(exampleWorkflows[0]!.name),
    transition: await byName(exampleWorkflows[1]!.name),
    imageToImage: await byName(exampleWorkflows[2]!.name),
  };
}
