import { describe, expect, it } from 'vitest';
import { cellBlockers, type MatrixSceneType, matrixColumns } from './scene-matrix.js';

const casual = { id: 'c', slug: 'casual', filePrefix: '', sortOrder: 10 };
const formal = { id: 'f', slug: 'formal', filePrefix: 'formal', sortOrder: 20 };
const walk: MatrixSceneType = {
  id: 'w',
  name: 'Walk',
  applicability: { kind: 'variants', variantTypeIds: ['f', 'c'] },
};
const wave: MatrixSceneType = {
  id: 'v',
  name: 'Wave',
  applicability: { kind: 'variants', variantTypeIds: ['c'] },
};
const turn: MatrixSceneType = {
  id: 't',
  name: 'Turn',
  applicability: { kind: 'transition', fromVariantTypeId: 'c', toVariantTypeId: 'f', suffix: 'to_formal' },
};

describe('matrixColumns', () => {
  it('makes a column per scene type and applicable variant in variant order, one per transition, with file names', () => {
    const cols = matrixColumns([walk, wave, turn], [formal, casual]);
    expect(cols.map((c) => [c.key, c.fileName])).toEqual([
      ['w:c', 'walk.mp4'],
      ['w:f', 'formal_walk.mp4'],
      ['v:c', 'wave.mp4'],
      ['t:c', 'turn_to_formal.mp4'],
    ]);
    expect(cols[3]!.transition).toEqual({ toVariantTypeId: 'f', suffix: 'to_formal' });
  });

  it('reproduces the spec names when configured with the spec names', () => {
    const clothed = { id: 'cl', slug: 'clothed', filePrefix: '', sortOrder: 1 };
    const topless = { id: 'tl', slug: 'topless', filePrefix: 'topless', sortOrder: 2 };
    const cols = matrixColumns(
      [
        { id: 'd', name: 'dance', applicability: { kind: 'variants', variantTypeIds: ['cl', 'tl'] } },
        {
          id: 'b',
          name: 'boobs',
          applicability: {
            kind: 'transition',
            fromVariantTypeId: 'cl',
            toVariantTypeId: 'tl',
            suffix: 'clothes_off',
          },
        },
      ],
      [clothed, topless],
    );
    expect(cols.map((c) => c.fileName)).toEqual(['dance.mp4', 'topless_dance.mp4', 'boobs_clothes_off.mp4']);
  });

  it('numbers scene types that normalise to the same content', () => {
    const a: MatrixSceneType = {
      id: 'a',
      name: 'Walk Cycle',
      applicability: { kind: 'variants', variantTypeIds: ['c'] },
    };
    const b: MatrixSceneType = {
      id: 'b',
      name: 'walk-cycle',
      applicability: { kind: 'variants', variantTypeIds: ['c'] },
    };
    expect(matrixColumns([a, b], [casual]).map((c) => c.fileName)).toEqual([
      'walk_cycle.mp4',
      'walk_cycle_2.mp4',
    ]);
  });

  it('skips variant types that no longer exist and reports unnamable columns without hiding the rest', () => {
    const odd: MatrixSceneType = {
      id: 'o',
      name: 'ダンス',
      applicability: { kind: 'variants', variantTypeIds: ['c', 'gone'] },
    };
    const cols = matrixColumns([odd, wave], [casual]);
    expect(cols.map((c) => c.key)).toEqual(['o:c', 'v:c']);
    expect(cols[0]).toMatchObject({ fileName: null });
    expect(cols[0]!.namingProblem).toContain('no letters or digits');
    expect(cols[1]!.fileName).toBe('wave.mp4');
  });
});

describe('cellBlockers', () => {
  const [walkCasual, , , turnCol] = matrixColumns([walk, wave, turn], [casual, formal]);

  it('is empty for a character with a source image and the needed hero', () => {
    expect(cellBlockers(walkCasual!, { hasSourceImage: true, heroVariantTypeIds: new Set(['c']) })).toEqual(
      [],
    );
  });

  it('names a missing source image and missing heroes, both ends of a transition', () => {
    expect(cellBlockers(turnCol!, { hasSourceImage: false, heroVariantTypeIds: new Set(['c']) })).toEqual([
      { code: 'no_source_image' },
      { code: 'no_hero', variantTypeId: 'f' },
    ]);
  });
});
