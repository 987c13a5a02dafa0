import { describe, expect, it } from 'vitest';
import {
  NamingError,
  nameSceneVideos,
  type SceneVideoToName,
  sceneVideoBaseName,
  toSnakeCase,
} from './naming.js';

let nextKey = 0;
function buildSceneVideo(overrides: Partial<SceneVideoToName> = {}): SceneVideoToName {
  nextKey++;
  return { key: `sv-${nextKey}`, sceneTypeName: 'walk', variantPrefix: null, order: nextKey, ...overrides };
}

function namingErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof NamingError) return error.code;
    throw error;
  }
  return undefined;
}

describe('toSnakeCase', () => {
  it('lower-cases and joins words with single underscores', () => {
    expect(toSnakeCase('Walk Cycle')).toBe('walk_cycle');
    expect(toSnakeCase('Turn-Around 2')).toBe('turn_around_2');
    expect(toSnakeCase('  wave  ')).toBe('wave');
    expect(toSnakeCase('Close.Up -- (Slow)!')).toBe('close_up_slow');
    expect(toSnakeCase('__walk__')).toBe('walk');
    expect(toSnakeCase('walkCycle')).toBe('walkcycle');
  });

  it('strips diacritics and folds letters NFKD leaves alone', () => {
    expect(toSnakeCase('Café Crème')).toBe('cafe_creme');
    expect(toSnakeCase('Ñandú Señor')).toBe('nandu_senor');
    expect(toSnakeCase('Straße')).toBe('strasse');
    expect(toSnakeCase('Øre Łódź')).toBe('ore_lodz');
    expect(toSnakeCase('İstanbul')).toBe('istanbul');
    expect(toSnakeCase('Ｗａｖｅ １')).toBe('wave_1');
  });

  it('returns empty when nothing usable is left', () => {
    expect(toSnakeCase('')).toBe('');
    expect(toSnakeCase(' -_. ')).toBe('');
    expect(toSnakeCase('ダンス')).toBe('');
  });
});

describe('sceneVideoBaseName', () => {
  it('has no prefix for the default variant type (null or empty prefix)', () => {
    expect(sceneVideoBaseName({ sceneTypeName: 'walk', variantPrefix: null })).toBe('walk');
    expect(sceneVideoBaseName({ sceneTypeName: 'walk', variantPrefix: '' })).toBe('walk');
  });

  it('puts the variant prefix first', () => {
    expect(sceneVideoBaseName({ sceneTypeName: 'Wave', variantPrefix: 'formal' })).toBe('formal_wave');
    expect(sceneVideoBaseName({ sceneTypeName: 'turn', variantPrefix: 'Evening Wear' })).toBe(
      'evening_wear_turn',
    );
  });

  it('appends the transition suffix after the content, prefixed by the start variant', () => {
    expect(
      sceneVideoBaseName({ sceneTypeName: 'walk', variantPrefix: null, transitionSuffix: 'to_formal' }),
    ).toBe('walk_to_formal');
    expect(
      sceneVideoBaseName({ sceneTypeName: 'walk', variantPrefix: 'formal', transitionSuffix: 'To Casual' }),
    ).toBe('formal_walk_to_casual');
    expect(sceneVideoBaseName({ sceneTypeName: 'walk', variantPrefix: null, transitionSuffix: null })).toBe(
      'walk',
    );
  });

  it('rejects unusable names and parts', () => {
    expect(namingErrorCode(() => sceneVideoBaseName({ sceneTypeName: ' ?! ', variantPrefix: null }))).toBe(
      'naming.empty_content',
    );
    expect(namingErrorCode(() => sceneVideoBaseName({ sceneTypeName: 'walk', variantPrefix: '--' }))).toBe(
      'naming.invalid_prefix',
    );
    expect(
      namingErrorCode(() =>
        sceneVideoBaseName({ sceneTypeName: 'walk', variantPrefix: null, transitionSuffix: '' }),
      ),
    ).toBe('naming.invalid_transition');
    expect(namingErrorCode(() => sceneVideoBaseName({ sceneTypeName: 'Con', variantPrefix: null }))).toBe(
      'naming.reserved_name',
    );
    expect(sceneVideoBaseName({ sceneTypeName: 'Con', variantPrefix: 'formal' })).toBe('formal_con');
    expect(
      namingErrorCode(() => sceneVideoBaseName({ sceneTypeName: 'a'.repeat(252), variantPrefix: null })),
    ).toBe('naming.too_long');
    expect(sceneVideoBaseName({ sceneTypeName: 'a'.repeat(251), variantPrefix: null })).toHaveLength(251);
  });

  it('throws a NamingError that is an Error', () => {
    expect(() => sceneVideoBaseName({ sceneTypeName: '', variantPrefix: null })).toThrow(NamingError);
    expect(() => sceneVideoBaseName({ sceneTypeName: '', variantPrefix: null })).toThrow(Error);
  });
});

describe('nameSceneVideos', () => {
  it("reproduces the spec's examples when configured with the spec's names", () => {
    // design.md "Naming Convention" examples and the PRD-001 delivery tree.
    const names = nameSceneVideos([
      buildSceneVideo({ key: 'bj', sceneTypeName: 'bj' }),
      buildSceneVideo({ key: 'topless_bj', sceneTypeName: 'bj', variantPrefix: 'topless' }),
      buildSceneVideo({ key: 'boobs_co', sceneTypeName: 'boobs', transitionSuffix: 'clothes_off' }),
      buildSceneVideo({ key: 'feet_1', sceneTypeName: 'feet', variantPrefix: 'topless' }),
      buildSceneVideo({ key: 'feet_2', sceneTypeName: 'feet', variantPrefix: 'topless' }),
      buildSceneVideo({ key: 'dance', sceneTypeName: 'Dance' }),
      buildSceneVideo({ key: 'topless_dance', sceneTypeName: 'Dance', variantPrefix: 'topless' }),
      buildSceneVideo({ key: 'idle', sceneTypeName: 'Idle' }),
      buildSceneVideo({ key: 'topless_idle', sceneTypeName: 'Idle', variantPrefix: 'topless' }),
    ]);
    expect([...names.values()]).toEqual([
      'bj.mp4',
      'topless_bj.mp4',
      'boobs_clothes_off.mp4',
      'topless_feet.mp4',
      'topless_feet_2.mp4',
      'dance.mp4',
      'topless_dance.mp4',
      'idle.mp4',
      'topless_idle.mp4',
    ]);
  });

  it('names the neutral seeded examples', () => {
    const names = nameSceneVideos([
      buildSceneVideo({ key: 'a', sceneTypeName: 'walk' }),
      buildSceneVideo({ key: 'b', sceneTypeName: 'walk', variantPrefix: 'formal' }),
      buildSceneVideo({ key: 'c', sceneTypeName: 'wave' }),
      buildSceneVideo({ key: 'd', sceneTypeName: 'turn', transitionSuffix: 'to_formal' }),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      a: 'walk.mp4',
      b: 'formal_walk.mp4',
      c: 'wave.mp4',
      d: 'turn_to_formal.mp4',
    });
  });

  it('indexes further videos of the same content from _2, by order then key', () => {
    const names = nameSceneVideos([
      buildSceneVideo({ key: 'late', order: 3 }),
      buildSceneVideo({ key: 'b', order: 1 }),
      buildSceneVideo({ key: 'a', order: 1 }),
    ]);
    expect(Object.fromEntries(names)).toEqual({ a: 'walk.mp4', b: 'walk_2.mp4', late: 'walk_3.mp4' });
  });

  it('treats scene types that normalise alike as the same content', () => {
    const names = nameSceneVideos([
      buildSceneVideo({ key: 'a', sceneTypeName: 'Walk Cycle', order: 1 }),
      buildSceneVideo({ key: 'b', sceneTypeName: 'walk-cycle', order: 2 }),
      buildSceneVideo({ key: 'c', sceneTypeName: 'Walk  Cycle!', order: 3 }),
    ]);
    expect([...names.values()]).toEqual(['walk_cycle.mp4', 'walk_cycle_2.mp4', 'walk_cycle_3.mp4']);
  });

  it('never gives an index that another bare name already holds', () => {
    // "walk 2" is a real scene type, so `walk_2` is its name even though it comes last.
    const names = nameSceneVideos([
      buildSceneVideo({ key: 'walk-a', sceneTypeName: 'walk', order: 1 }),
      buildSceneVideo({ key: 'walk-b', sceneTypeName: 'walk', order: 2 }),
      buildSceneVideo({ key: 'walk-2', sceneTypeName: 'walk 2', order: 3 }),
      buildSceneVideo({ key: 'walk-c', sceneTypeName: 'walk', order: 4 }),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      'walk-a': 'walk.mp4',
      'walk-b': 'walk_3.mp4',
      'walk-2': 'walk_2.mp4',
      'walk-c': 'walk_4.mp4',
    });
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it('gives the same names whatever the input order', () => {
    const scenes = [
      buildSceneVideo({ key: 'k1', sceneTypeName: 'walk', order: 2 }),
      buildSceneVideo({ key: 'k2', sceneTypeName: 'Walk', order: 1 }),
      buildSceneVideo({ key: 'k3', sceneTypeName: 'walk 2', order: 1 }),
      buildSceneVideo({ key: 'k4', sceneTypeName: 'walk', variantPrefix: 'formal', order: 1 }),
      buildSceneVideo({ key: 'k5', sceneTypeName: 'walk', variantPrefix: 'formal', order: 1 }),
      buildSceneVideo({ key: 'k6', sceneTypeName: 'wave', transitionSuffix: 'to_formal', order: 0 }),
    ];
    const expected = Object.fromEntries(nameSceneVideos(scenes));
    expect(expected).toEqual({
      k1: 'walk_3.mp4',
      k2: 'walk.mp4',
      k3: 'walk_2.mp4',
      k4: 'formal_walk.mp4',
      k5: 'formal_walk_2.mp4',
      k6: 'wave_to_formal.mp4',
    });
    for (const shuffled of [
      [...scenes].reverse(),
      [scenes[3]!, scenes[0]!, scenes[5]!, scenes[2]!, scenes[4]!, scenes[1]!],
    ]) {
      expect(Object.fromEntries(nameSceneVideos(shuffled))).toEqual(expected);
    }
  });

  it('returns an empty map for no scene videos and keeps the input order', () => {
    expect(nameSceneVideos([]).size).toBe(0);
    const names = nameSceneVideos([
      buildSceneVideo({ key: 'z', order: 2 }),
      buildSceneVideo({ key: 'y', order: 1 }),
    ]);
    expect([...names.keys()]).toEqual(['z', 'y']);
  });

  it('only produces file-system-safe names', () => {
    const names = nameSceneVideos([
      buildSceneVideo({ sceneTypeName: 'Éclair / Spin (v2)', variantPrefix: 'Formal Wear' }),
      buildSceneVideo({ sceneTypeName: '../../etc/passwd', transitionSuffix: 'To: Formal!' }),
    ]);
    expect([...names.values()]).toEqual(['formal_wear_eclair_spin_v2.mp4', 'etc_passwd_to_formal.mp4']);
    for (const name of names.values()) expect(name).toMatch(/^[a-z0-9_]+\.mp4$/);
  });

  it('rejects bad input', () => {
    expect(
      namingErrorCode(() => nameSceneVideos([buildSceneVideo({ key: 'x' }), buildSceneVideo({ key: 'x' })])),
    ).toBe('naming.duplicate_key');
    expect(namingErrorCode(() => nameSceneVideos([buildSceneVideo({ order: Number.NaN })]))).toBe(
      'naming.invalid_order',
    );
    expect(namingErrorCode(() => nameSceneVideos([buildSceneVideo({ sceneTypeName: '***' })]))).toBe(
      'naming.empty_content',
    );
    // The index may push a name that just fits over the limit.
    const long = 'a'.repeat(251);
    expect(
      namingErrorCode(() =>
        nameSceneVideos([buildSceneVideo({ sceneTypeName: long }), buildSceneVideo({ sceneTypeName: long })]),
      ),
    ).toBe('naming.too_long');
  });
});
