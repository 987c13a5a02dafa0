// The demo project of a fresh studio (I2V_DEMO=1): a few neutral characters with heroes, and scene types, so a
// newcomer can open the matrix and plan scenes at once. Everything goes through the services, audited as system.
import type { Services } from '../../app.js';
import type { RequestContext } from '../../platform/request-context.js';
import { exampleVersionIds, seedExampleWorkflows } from '../workflows/examples.js';
import { renderPortrait } from './artwork.js';

const people = [
  {
    name: 'Ada',
    skin: '#e8b89a',
    hair: '#5a3825',
    background: '#4a6fa5',
    casual: '#3f8f6b',
    metadata: { hair_color: 'brown', style: 'relaxed' },
  },
  {
    name: 'Bruno',
    skin: '#b9805e',
    hair: '#1f1a17',
    background: '#8a5a9e',
    casual: '#c46a2f',
    metadata: { hair_color: 'black', style: 'sporty' },
  },
  {
    name: 'Chloe',
    skin: '#f1cdb3',
    hair: '#c48a3a',
    background: '#3d8c8c',
    casual: '#b8435a',
    metadata: { hair_color: 'blonde', style: 'bright' },
  },
];

export const demoProjectName = 'Demo project';

/** Creates the demo project unless the studio already has projects; returns its id, or null when skipped. */
export async function seedDemoProject(services: Services, ctx: RequestContext): Promise<string | null> {
  const existing = await services.projects.list({ limit: 1, deleted: 'exclude' });
  const trashed = await services.projects.list({ limit: 1, deleted: 'only' });
  if (existing.items.length > 0 || trashed.items.length > 0) return null;

  const { project } = await services.projects.create(ctx, {
    name: demoProjectName,
    description:
      'A small example to explore i2v Studio: three characters with approved heroes and three scene types. Open the Matrix tab and create the scenes.',
  });
  const types = await services.variantTypes.list();
  const casual = types.find((t) => t.slug === 'casual') ?? types.find((t) => t.isDefault);
  const formal = types.find((t) => t.slug === 'formal') ?? types.find((t) => !t.isDefault);
  if (!casual || !formal) return project.id;

  for (const p of people) {
    const character = await services.characters.create(ctx, project.id, {
      name: p.name,
      metadata: p.metadata,
    });
    const style = { skin: p.skin, hair: p.hair, background: p.background };
    await services.characters.setSourceImage(ctx, character.id, {
      filename: `${p.name.toLowerCase()}.png`,
      data: await renderPortrait({ ...style, outfit: 'casual', outfitColor: p.casual }),
    });
    const variants = [
      {
        type: casual,
        art: await renderPortrait({
          ...style,
          outfit: 'casual',
          outfitColor: p.casual,
          background: '#5c6b7a',
        }),
      },
      {
        type: formal,
        art: await renderPortrait({
          ...style,
          outfit: 'formal',
          outfitColor: '#23262d',
          background: '#5c6b7a',
        }),
      },
    ];
    for (const v of variants) {
      const variant = await services.characters.addVariant(ctx, character.id, v.type.slug, {
        filename: `${p.name.toLowerCase()}_${v.type.slug}.png`,
        data: v.art,
      });
      await services.characters.decideVariant(ctx, variant.id, 'hero');
    }
  }

  await seedExampleWorkflows(services.workflows, ctx);
  const examples = await exampleVersionIds(services.workflows);
  // the formal variant can be derived from a source image (Characters → a character → Generate)
  if (examples.imageToImage && !formal.generation.workflowVersionId) {
    await services.variantTypes.update(ctx, formal.id, {
      generationWorkflowVersionId: examples.imageToImage,
      generationPrompt: '{character_name} in a formal dark suit, studio portrait',
    });
  }
  const base = {
    projectId: project.id,
    description: '',
    workflowRef: null,
    workflowVersionId: examples.imageToVideo,
    transitionWorkflowVersionId: null,
    slotBindings: {},
    loras: [],
    toleranceSeconds: 0,
    enabled: true,
  };
  await services.sceneTypes.create(ctx, {
    ...base,
    name: 'Walk',
    description: 'Walks towards the camera.',
    prompts: {
      full_clip: {
        positive: '{character_name}, {hair_color} hair, walks calmly towards the camera',
        negative: 'blurry, distorted face',
      },
      continuation_clip: {
        positive: '{character_name} keeps walking towards the camera',
        negative: 'blurry, distorted face',
      },
    },
    targetDurationSeconds: 15,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [casual.id, formal.id] },
  });
  await services.sceneTypes.create(ctx, {
    ...base,
    name: 'Wave',
    description: 'Waves at the camera and smiles.',
    prompts: {
      full_clip: { positive: '{character_name} waves at the camera and smiles', negative: 'blurry' },
    },
    targetDurationSeconds: 5,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [casual.id] },
  });
  await services.sceneTypes.create(ctx, {
    ...base,
    name: 'Turn',
    description: 'Turns around; the outfit changes from casual to formal at the second segment.',
    transitionWorkflowVersionId: examples.transition,
    prompts: { full_clip: { positive: '{character_name} turns around slowly', negative: 'blurry' } },
    targetDurationSeconds: 10,
    segmentDurationSeconds: 5,
    applicability: {
      kind: 'transition',
      fromVariantTypeId: casual.id,
      toVariantTypeId: formal.id,
      atSegment: 2,
      suffix: `to_${formal.slug}`,
      transitionWorkflowRef: null,
    },
  });
  return project.id;
}
