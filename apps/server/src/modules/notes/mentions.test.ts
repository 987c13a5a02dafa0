import { describe, expect, it } from 'vitest';
import { parseMentions } from './mentions.js';

const people = [
  { id: 1, displayName: 'Ann' },
  { id: 2, displayName: 'Ann Lee' },
  { id: 3, displayName: 'Bo' },
  { id: 4, displayName: 'Zoë' },
];
const ids = (body: string) =>
  parseMentions(body, people)
    .map((p) => p.id)
    .sort();

describe('parseMentions', () => {
  it('finds display names after @, whole and in any case', () => {
    expect(ids('@Bo please look at frame 12')).toEqual([3]);
    expect(ids('thanks @bo!')).toEqual([3]);
    expect(ids('@Bob is not Bo')).toEqual([]);
    expect(ids('mail bo@example.com')).toEqual([]);
    expect(ids('@Zoë, see this')).toEqual([4]);
  });

  it('prefers the longest name and still finds the shorter one elsewhere', () => {
    expect(ids('@Ann Lee fixed it')).toEqual([2]);
    expect(ids('@Ann Lee and @Ann')).toEqual([1, 2]);
  });

  it('finds nobody in a body without mentions', () => {
    expect(ids('no one here @ all')).toEqual([]);
  });
});
