import { describe, expect, it } from 'vitest';
import { clipPositionOf, placeholdersIn, renderTemplate, selectPrompt } from './prompt-template.js';

const p = (positive: string, negative = '') => ({ positive, negative });

describe('clipPositionOf', () => {
  it('is full for a single segment, start then continuation in a chain', () => {
    expect(clipPositionOf(1, 1)).toBe('full_clip');
    expect([1, 2, 3].map((i) => clipPositionOf(i, 3))).toEqual([
      'start_clip',
      'continuation_clip',
      'continuation_clip',
    ]);
  });

  it('refuses positions outside the chain', () => {
    expect(() => clipPositionOf(0, 2)).toThrow(RangeError);
    expect(() => clipPositionOf(3, 2)).toThrow(RangeError);
    expect(() => clipPositionOf(1.5, 2)).toThrow(RangeError);
  });
});

describe('selectPrompt', () => {
  it('uses full_clip for every position when it is the only prompt', () => {
    const t = { full_clip: p('walks') };
    for (const pos of ['full_clip', 'start_clip', 'continuation_clip'] as const) {
      expect(selectPrompt(t, pos)).toEqual({ source: 'full_clip', prompt: p('walks') });
    }
  });

  it('lets start_clip and continuation_clip override where present', () => {
    const t = { full_clip: p('full'), start_clip: p('start'), continuation_clip: p('more') };
    expect(selectPrompt(t, 'start_clip')?.source).toBe('start_clip');
    expect(selectPrompt(t, 'continuation_clip')?.source).toBe('continuation_clip');
    expect(selectPrompt(t, 'full_clip')?.source).toBe('full_clip');
  });

  it('falls back to the start prompt when full_clip is missing, and treats blank prompts as missing', () => {
    const t = { full_clip: p('  '), start_clip: p('start') };
    expect(selectPrompt(t, 'full_clip')?.source).toBe('start_clip');
    expect(selectPrompt(t, 'continuation_clip')?.source).toBe('start_clip');
    expect(selectPrompt({}, 'full_clip')).toBeNull();
  });

  it('keeps a negative-only prompt', () => {
    expect(selectPrompt({ continuation_clip: p('', 'blurry') }, 'continuation_clip')?.prompt.negative).toBe(
      'blurry',
    );
  });
});

describe('renderTemplate', () => {
  const ctx = {
    characterName: 'Ada',
    metadata: { hair_color: 'red', style: { top: 'blazer' }, tags: ['calm', 'tall'], age: 31, empty: '' },
  };

  it('fills the character name, metadata fields, nested fields and the short form', () => {
    expect(
      renderTemplate(
        '{character_name} with {hair_color} hair in a {metadata.style.top}, age {metadata.age}',
        ctx,
      ),
    ).toEqual({
      text: 'Ada with red hair in a blazer, age 31',
      unresolved: [],
    });
  });

  it('joins list values and writes literal braces', () => {
    expect(renderTemplate('{tags} {{literal}}', ctx).text).toBe('calm, tall {literal}');
  });

  it('reports unresolvable placeholders once and leaves them in the text', () => {
    const r = renderTemplate(
      '{eye_color} and {eye_color}, {metadata.style}, {empty}, {metadata.nope.deeper}',
      ctx,
    );
    expect(r.text).toBe('{eye_color} and {eye_color}, {metadata.style}, {empty}, {metadata.nope.deeper}');
    expect(r.unresolved).toEqual(['eye_color', 'metadata.style', 'empty', 'metadata.nope.deeper']);
  });

  it('ignores braces that are not placeholders', () => {
    expect(renderTemplate('a {1bad} b { spaced }', ctx)).toEqual({
      text: 'a {1bad} b { spaced }',
      unresolved: [],
    });
  });
});

describe('placeholdersIn', () => {
  it('lists each placeholder once', () => {
    expect(placeholdersIn('{character_name} {metadata.a.b} {character_name} {{x}}')).toEqual([
      'character_name',
      'metadata.a.b',
    ]);
  });
});
