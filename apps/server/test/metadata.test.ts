import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let projectId: string;
const ids: Record<string, string> = {};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn = creator, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const preview = (content: string, format: 'csv' | 'json' = 'csv') =>
  api('POST', `/api/v1/projects/${projectId}/metadata/import/preview`, creator, { format, content });
const apply = (content: string, extra: Record<string, unknown> = {}, format: 'csv' | 'json' = 'csv') =>
  api('POST', `/api/v1/projects/${projectId}/metadata/import`, creator, { format, content, ...extra });
const metadataOf = async (name: string) =>
  (await api('GET', `/api/v1/characters/${ids[name]}`)).json().metadata;

beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
  projectId = (await createProject(studio, creator)).project.id;
  const schema = {
    type: 'object',
    required: ['hair_color'],
    properties: {
      hair_color: { type: 'string', enum: ['auburn', 'black', 'blond'] },
      height: { type: 'integer', minimum: 100, maximum: 250 },
      languages: { type: 'array', items: { type: 'string' } },
    },
  };
  expect(
    (await api('PUT', `/api/v1/projects/${projectId}/metadata-schema`, creator, { schema })).statusCode,
  ).toBe(200);
  for (const [name, metadata] of [
    ['Ava', { hair_color: 'auburn', height: 170, languages: ['en', 'fr'] }],
    ['Bo', { hair_color: 'black', legacy_note: 'keep, me' }],
    ['Cy', { hair_color: 'blond' }],
  ] as const) {
    const res = await api('POST', `/api/v1/projects/${projectId}/characters`, creator, { name, metadata });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  }
});
afterAll(() => studio.close());

describe('metadata export', () => {
  it('writes a CSV with the schema fields first, then other keys, as a download', async () => {
    const res = await api('GET', `/api/v1/projects/${projectId}/metadata/export?format=csv`, reviewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+-metadata\.csv"$/);
    expect(res.body).toBe(
      [
        'name,hair_color,height,languages,legacy_note',
        'Ava,auburn,170,en; fr,',
        'Bo,black,,,"keep, me"',
        'Cy,blond,,,',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with every character', async () => {
    const res = await api('GET', `/api/v1/projects/${projectId}/metadata/export?format=json`);
    expect(res.headers['content-type']).toContain('application/json');
    const body = JSON.parse(res.body);
    expect(body.characters.map((c: { name: string }) => c.name)).toEqual(['Ava', 'Bo', 'Cy']);
    expect(body.characters[0].metadata).toEqual({
      hair_color: 'auburn',
      height: 170,
      languages: ['en', 'fr'],
    });
  });
});

describe('metadata import', () => {
  it('previews field by field what would change, writing nothing', async () => {
    const res = await preview('name,height,languages\nAva,172,en; fr\nbo,180,\nCy,,de\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rows: [
        {
          line: 2,
          name: 'Ava',
          characterId: ids.Ava,
          changes: [{ field: 'height', from: 170, to: 172 }],
          errors: [],
        },
        {
          line: 3,
          name: 'bo',
          characterId: ids.Bo,
          changes: [{ field: 'height', from: null, to: 180 }],
          errors: [],
        },
        {
          line: 4,
          name: 'Cy',
          characterId: ids.Cy,
          changes: [{ field: 'languages', from: null, to: ['de'] }],
          errors: [],
        },
      ],
      totals: { rows: 3, changed: 3, unchanged: 0, withErrors: 0 },
    });
    expect((await metadataOf('Ava')).height).toBe(170);
  });

  it('applies the changes, audits each character, and a second run changes nothing', async () => {
    const csv = 'name,height\nAva,172\nBo,180\nCy,\n';
    const res = await apply(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2, unchanged: 1, skipped: 0 });
    expect(await metadataOf('Ava')).toEqual({ hair_color: 'auburn', height: 172, languages: ['en', 'fr'] });
    expect(await metadataOf('Bo')).toEqual({ hair_color: 'black', legacy_note: 'keep, me', height: 180 });
    expect((await apply(csv)).json()).toEqual({ updated: 0, unchanged: 3, skipped: 0 });
    const audit = (await api('GET', `/api/v1/audit-events?entityId=${ids.Ava}`, admin)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'character.updated',
      summary: 'Changed metadata of character "Ava" (height) by CSV import',
    });
    const project = (await api('GET', `/api/v1/audit-events?action=project.metadata_imported`, admin)).json();
    expect(project.items).toHaveLength(2);
  });

  it('round-trips its own export', async () => {
    const exported = (await api('GET', `/api/v1/projects/${projectId}/metadata/export?format=csv`)).body;
    // the export has a column outside the schema, which an import refuses; without it, it reads back unchanged
    const withoutLegacy = exported
      .split('\n')
      .map((line) => line.replace(/,("keep, me"|legacy_note)?$/, ''))
      .join('\n');
    const res = await preview(withoutLegacy);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totals).toEqual({ rows: 3, changed: 0, unchanged: 3, withErrors: 0 });
    const json = (await api('GET', `/api/v1/projects/${projectId}/metadata/export?format=json`)).body;
    const parsed = JSON.parse(json);
    for (const c of parsed.characters) delete c.metadata.legacy_note;
    expect((await preview(JSON.stringify(parsed), 'json')).json().totals.unchanged).toBe(3);
  });

  it('refuses a CSV with unknown columns, naming them, and writes nothing', async () => {
    const res = await preview('name,eye_colour,height\nAva,green,1\n');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'metadata_import.invalid',
      errors: [
        {
          field: 'body.content.eye_colour',
          message: expect.stringContaining('line 1: "eye_colour" is not a field'),
        },
      ],
    });
    expect((await apply('name,eye_colour\nAva,green\n')).statusCode).toBe(422);
  });

  it.each([
    ['no name column', 'height\n170\n', 'the header has no "name" column'],
    ['a name twice', 'name,height\nAva,1\nAVA,2\n', '"AVA" is on line 2 and again on line 3'],
    ['broken quoting', 'name,height\n"Ava,170\n', 'it is not valid CSV'],
    ['no rows', 'name,height\n', 'it has no character rows'],
  ])('refuses a CSV with %s', async (_label, csv, message) => {
    const res = await preview(csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain(message);
  });

  it('shows row errors (bad values, schema violations, unknown characters) and applies only when told to skip them', async () => {
    const csv =
      'name,height,hair_color\nAva,tall,auburn\nBo,300,black\nCy,160,green\nZed,170,black\nAva2,,\n';
    const res = await preview(csv.replace('Ava2,,\n', ''));
    const errors = Object.fromEntries(
      res.json().rows.map((r: { name: string; errors: string[] }) => [r.name, r.errors]),
    );
    expect(errors.Ava).toEqual(['height: "tall" is not a number']);
    expect(errors.Bo[0]).toContain('metadata.height');
    expect(errors.Cy[0]).toContain('metadata.hair_color');
    expect(errors.Zed).toEqual(['no character named "Zed" in this project']);
    const refused = await apply(csv.replace('Ava2,,\n', ''));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('metadata_import.has_errors');
    expect((await metadataOf('Bo')).height).toBe(180);
    const ok = await apply('name,height\nBo,190\nZed,170\n', { skipInvalid: true });
    expect(ok.json()).toEqual({ updated: 1, unchanged: 0, skipped: 1 });
    expect((await metadataOf('Bo')).height).toBe(190);
  });

  it('refuses a required field cleared by an empty cell', async () => {
    const res = await preview('name,hair_color\nAva,\n');
    expect(res.json().rows[0].errors[0]).toContain('hair_color');
  });

  it('refuses bad JSON imports with clear reasons', async () => {
    expect((await preview('{nope', 'json')).json().detail).toContain('not valid JSON');
    expect((await preview('[]', 'json')).json().detail).toContain('"characters" list');
    expect(
      (await preview(JSON.stringify({ characters: [{ name: 'Ava', metadata: { eye: 1 } }] }), 'json')).json()
        .errors[0],
    ).toEqual({
      field: 'body.content.eye',
      message: expect.stringContaining('"eye" (of "Ava") is not a field of the metadata schema'),
    });
  });

  it('is for creators and admins; reviewers may only export', async () => {
    const res = await api('POST', `/api/v1/projects/${projectId}/metadata/import`, reviewer, {
      format: 'csv',
      content: 'name\nAva\n',
    });
    expect(res.statusCode).toBe(403);
    const bad = await api('POST', `/api/v1/projects/${projectId}/metadata/import/preview`, creator, {
      format: 'xml',
      content: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.format');
  });
});
