import { describe, expect, it } from 'vitest';
import {
  characterReadiness,
  defaultReadinessCriteria,
  neededVariantTypes,
  type ProjectReadinessContext,
  type ReadinessInput,
} from './readiness.js';

const project: ProjectReadinessContext = {
  criteria: defaultReadinessCriteria,
  neededVariantTypes: [
    { slug: 'casual', name: 'Casual' },
    { slug: 'formal', name: 'Formal' },
  ],
  enabledSceneTypes: 2,
};
const blank: ReadinessInput = {
  hasSourceImage: false,
  heroSlugs: new Set(),
  metadataProblems: ['metadata.hair_color is required'],
  hasMetadataSchema: true,
  settings: {},
};

describe('characterReadiness', () => {
  it('lists every criterion; nothing done is "not started"', () => {
    const r = characterReadiness(blank, project);
    expect(r.items.map((i) => [i.key, i.done])).toEqual([
      ['source_image', false],
      ['hero:casual', false],
      ['hero:formal', false],
      ['metadata', false],
      ['scene_types', true],
    ]);
    expect(r.state).toBe('not_started');
    expect(r.percent).toBe(20);
    expect(r.missing).toEqual(['source_image', 'hero:casual', 'hero:formal', 'metadata']);
    expect(r.items[3]!.detail).toBe('metadata.hair_color is required');
  });

  it('is partial with some done and ready with all', () => {
    const some = characterReadiness(
      { ...blank, hasSourceImage: true, heroSlugs: new Set(['casual']) },
      project,
    );
    expect([some.state, some.percent, some.missing]).toEqual(['partial', 60, ['hero:formal', 'metadata']]);
    const all = characterReadiness(
      { ...blank, hasSourceImage: true, heroSlugs: new Set(['casual', 'formal']), metadataProblems: [] },
      project,
    );
    expect([all.state, all.percent, all.missing]).toEqual(['ready', 100, []]);
  });

  it('counts a project without enabled scene types against every character, but not as a start', () => {
    const r = characterReadiness(
      { ...blank, metadataProblems: [] },
      { ...project, neededVariantTypes: [], enabledSceneTypes: 0 },
    );
    expect(r.missing).toEqual(['source_image', 'scene_types']);
    expect(r.state).toBe('partial');
    expect(characterReadiness(blank, { ...project, enabledSceneTypes: 0 }).state).toBe('not_started');
  });

  it('follows the project criteria: no metadata item without a schema or when turned off, required settings', () => {
    const noSchema = characterReadiness({ ...blank, hasMetadataSchema: false }, project);
    expect(noSchema.items.some((i) => i.key === 'metadata')).toBe(false);
    const custom = characterReadiness(
      { ...blank, settings: { voice: 'alto', lora: '  ' } },
      {
        ...project,
        criteria: { sourceImage: false, heroes: false, metadata: false, requiredSettings: ['voice', 'lora'] },
      },
    );
    expect(custom.items.map((i) => [i.key, i.done])).toEqual([
      ['setting:voice', true],
      ['setting:lora', false],
      ['scene_types', true],
    ]);
  });
});

describe('neededVariantTypes', () => {
  it('takes the variants of enabled scene types, both ends of transitions, in variant-type order', () => {
    const types = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(
      neededVariantTypes(
        [
          { enabled: true, applicability: { kind: 'variants', variantTypeIds: ['c'] } },
          {
            enabled: true,
            applicability: { kind: 'transition', fromVariantTypeId: 'b', toVariantTypeId: 'a' },
          },
          { enabled: false, applicability: { kind: 'variants', variantTypeIds: ['d'] } },
        ],
        types,
      ).map((t) => t.id),
    ).toEqual(['a', 'b', 'c']);
  });
});
