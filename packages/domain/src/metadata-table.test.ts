import { describe, expect, it } from 'vitest';
import {
  applyMetadataValues,
  cellText,
  diffMetadata,
  exportColumns,
  metadataFieldsOf,
  parseCell,
  readMetadataTable,
} from './metadata-table.js';

const schema = {
  type: 'object',
  required: ['hair_color'],
  properties: {
    hair_color: { type: 'string', title: 'Hair colour', enum: ['auburn', 'black', 'blond'] },
    height: { type: 'integer', minimum: 100, maximum: 250 },
    weight: { type: 'number' },
    active: { type: 'boolean' },
    languages: { type: 'array', items: { type: 'string', enum: ['en', 'fr', 'de'] } },
    born: { type: 'string', format: 'date' },
    extra: { type: 'object' },
    anything: {},
  },
};
const fields = metadataFieldsOf(schema);
const field = (key: string) => fields.find((f) => f.key === key);

describe('metadataFieldsOf', () => {
  it('lists the fields in schema order with type, options, format, bounds and required', () => {
    expect(fields.map((f) => [f.key, f.type])).toEqual([
      ['hair_color', 'string'],
      ['height', 'integer'],
      ['weight', 'number'],
      ['active', 'boolean'],
      ['languages', 'array'],
      ['born', 'string'],
      ['extra', 'object'],
      ['anything', 'any'],
    ]);
    expect(field('hair_color')).toMatchObject({
      required: true,
      title: 'Hair colour',
      options: ['auburn', 'black', 'blond'],
    });
    expect(field('languages')!.options).toEqual(['en', 'fr', 'de']);
    expect(field('height')).toMatchObject({ required: false, minimum: 100, maximum: 250 });
    expect(field('born')!.format).toBe('date');
    expect(metadataFieldsOf(null)).toEqual([]);
  });
});

describe('cells', () => {
  it('parse by the field type; empty clears', () => {
    expect(parseCell('  ', field('height'))).toEqual({ clear: true });
    expect(parseCell('172', field('height'))).toEqual({ value: 172 });
    expect(parseCell('1.5', field('height'))).toEqual({ error: '"1.5" is not a whole number' });
    expect(parseCell('tall', field('weight'))).toEqual({ error: '"tall" is not a number' });
    expect(parseCell('Yes', field('active'))).toEqual({ value: true });
    expect(parseCell('maybe', field('active'))).toEqual({ error: '"maybe" is not true or false' });
    expect(parseCell('en; fr', field('languages'))).toEqual({ value: ['en', 'fr'] });
    expect(parseCell('["en"]', field('languages'))).toEqual({ value: ['en'] });
    expect(parseCell('{"a":1}', field('extra'))).toEqual({ value: { a: 1 } });
    expect(parseCell('{oops', field('extra'))).toEqual({ error: '"{oops" is not a JSON object' });
    expect(parseCell(' keep spaces ', field('hair_color'))).toEqual({ value: ' keep spaces ' });
    expect(parseCell('42', field('anything'))).toEqual({ value: 42 });
    expect(parseCell('{oops', undefined)).toEqual({ value: '{oops' });
  });

  it('write back so that they read the same', () => {
    for (const [value, key] of [
      [172, 'height'],
      [true, 'active'],
      [['en', 'fr'], 'languages'],
      [{ a: [1, 2] }, 'extra'],
      ['auburn', 'hair_color'],
    ] as const) {
      expect(parseCell(cellText(value), field(key))).toEqual({ value });
    }
    expect(cellText(null)).toBe('');
  });
});

describe('readMetadataTable', () => {
  it('reads rows into values to set or clear, with cell problems per row', () => {
    const { rows, problems } = readMetadataTable(
      ['name', 'height', 'active'],
      [
        ['Ava', '170', ''],
        ['', '', ''],
        ['Bo', 'tall', 'yes'],
      ],
      fields,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, name: 'Ava', values: { height: 170, active: undefined }, problems: [] },
      { line: 4, name: 'Bo', values: { active: true }, problems: ['height: "tall" is not a number'] },
    ]);
  });

  it('refuses unknown or repeated columns, a missing name column, ragged lines and names twice', () => {
    expect(readMetadataTable(['name', 'eye_colour'], [], fields).problems).toEqual([
      {
        line: 1,
        column: 'eye_colour',
        message:
          '"eye_colour" is not a field of the metadata schema (fields: hair_color, height, weight, active, languages, born, extra, anything)',
      },
    ]);
    expect(readMetadataTable(['height', 'height'], [], fields).problems.map((p) => p.message)).toEqual([
      'the header has no "name" column naming the character',
      'the column "height" appears twice',
    ]);
    expect(
      readMetadataTable(
        ['name', 'height'],
        [
          ['Ava', '1'],
          ['Ava', '2', 'x'],
          ['ava', '3'],
          ['', '4'],
        ],
        fields,
      ).problems.map((p) => p.message),
    ).toEqual([
      'line 3 has 3 cells but the header has 2',
      '"ava" is on line 2 and again on line 4',
      'line 5 has no character name',
    ]);
  });

  it('accepts any column when the project has no schema', () => {
    const { rows, problems } = readMetadataTable(['name', 'mood'], [['Ava', 'calm']], null);
    expect(problems).toEqual([]);
    expect(rows[0]!.values).toEqual({ mood: 'calm' });
  });
});

describe('changes', () => {
  it('apply values and describe the differences', () => {
    const current = { height: 170, city: 'Oslo', active: true };
    const next = applyMetadataValues(current, { height: 172, active: undefined, mood: 'calm' });
    expect(next).toEqual({ height: 172, city: 'Oslo', mood: 'calm' });
    expect(diffMetadata(current, next)).toEqual([
      { field: 'height', from: 170, to: 172 },
      { field: 'active', from: true, to: null },
      { field: 'mood', from: null, to: 'calm' },
    ]);
    expect(diffMetadata(next, next)).toEqual([]);
  });

  it('export the schema fields first, then the other keys in use', () => {
    expect(exportColumns(fields.slice(0, 2), [{ zeta: 1, height: 2 }, { alpha: 1 }])).toEqual([
      'hair_color',
      'height',
      'alpha',
      'zeta',
    ]);
  });
});
