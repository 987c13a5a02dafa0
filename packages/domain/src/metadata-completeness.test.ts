import { describe, expect, it } from 'vitest';
import { isFilled, metadataCompleteness } from './metadata-completeness.js';

const schema = { properties: { hair_color: {}, height_cm: {}, languages: {}, bio: {} } };

describe('metadataCompleteness', () => {
  it('is the share of top-level schema fields that have a value, rounded down', () => {
    expect(metadataCompleteness(schema, {})).toBe(0);
    expect(metadataCompleteness(schema, { hair_color: 'red' })).toBe(25);
    expect(metadataCompleteness(schema, { hair_color: 'red', height_cm: 170, languages: ['en'] })).toBe(75);
    expect(
      metadataCompleteness(schema, {
        hair_color: 'red',
        height_cm: 0,
        languages: ['en'],
        bio: 'x',
        extra: 1,
      }),
    ).toBe(100);
  });

  it('ignores fields outside the schema and is null without a schema or fields', () => {
    expect(metadataCompleteness(null, { a: 1 })).toBeNull();
    expect(metadataCompleteness({ properties: {} }, { a: 1 })).toBeNull();
    expect(metadataCompleteness({ properties: { a: {}, b: {}, c: {} } }, { a: 1, zzz: 2 })).toBe(33);
  });
});

describe('isFilled', () => {
  it('treats blank strings, empty lists and empty objects as missing, and false or 0 as values', () => {
    expect([undefined, null, '  ', [], {}].map(isFilled)).toEqual([false, false, false, false, false]);
    expect([0, false, 'x', [1], { a: 1 }].map(isFilled)).toEqual([true, true, true, true, true]);
  });
});
