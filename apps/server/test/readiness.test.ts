import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, multipartFile } from './images.js';

let studio: TestStudio;
let creator: SignedIn;
let reviewer: SignedIn;
let projectId: string;
let casual: string;
let formal: string;
const ids: Record<string, string> = {};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const api = (method: Method, url: string, who: SignedIn = creator, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const upload = async (url: string, seed: number) => {
  const body = multipartFile(await makeImage('png', { seed }), `img-${seed}.png`);
  const res = await studio.app.inject({
    method: 'POST',
    url,
    headers: { ...creator.auth, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};
const hero = async (character: string, slug: string, seed: number) => {
  const v = await upload(`/api/v1/characters/${ids[character]}/variants?variantType=${slug}`, seed);
  await api('POST', `/api/v1/image-variants/${v.id}/decision`, creator, { decision: 'hero' });
};
const readiness = async (query = '') => {
  const res = await api('GET', `/api/v1/projects/${projectId}/readiness${query}`, reviewer);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const byName = (page: { items: { character: { name: string }; state: string; missing: string[] }[] }) =>
  Object.fromEntries(page.items.map((i) => [i.character.name, [i.state, i.missing]]));

beforeAll(async () => {
  ({ studio, creator, reviewer } = await startStudioWithTeam());
  projectId = (await createProject(studio, creator)).project.id;
  const types = (await api('GET', '/api/v1/image-variant-types')).json().items;
  casual = types.find((t: { slug: string }) => t.slug === 'casual').id;
  formal = types.find((t: { slug: string }) => t.slug === 'formal').id;
  await api('PUT', `/api/v1/projects/${projectId}/metadata-schema`, creator, {
    schema: { type: 'object', required: ['hair_color'], properties: { hair_color: { type: 'string' } } },
  });
  for (const name of ['Ava', 'Bo', 'Cy']) {
    ids[name] = (await api('POST', `/api/v1/projects/${projectId}/characters`, creator, { name })).json().id;
  }
});
afterAll(() => studio.close());

describe('readiness', () => {
  it('says a project without scene types blocks everyone, and what each character lacks', async () => {
    const page = await readiness();
    expect(byName(page)).toEqual({
      Ava: ['not_started', ['source_image', 'metadata', 'scene_types']],
      Bo: ['not_started', ['source_image', 'metadata', 'scene_types']],
      Cy: ['not_started', ['source_image', 'metadata', 'scene_types']],
    });
    expect(page.summary).toMatchObject({ total: 3, ready: 0, partial: 0, notStarted: 3 });
  });

  it('follows images, heroes for the variants the scene types need, and metadata', async () => {
    const st = await api('POST', '/api/v1/scene-types', creator, {
      projectId,
      name: 'Walk',
      prompts: { full_clip: { positive: '{character_name} walks', negative: '' } },
      targetDurationSeconds: 10,
      segmentDurationSeconds: 5,
      applicability: { kind: 'variants', variantTypeIds: [casual, formal] },
    });
    expect(st.statusCode, st.body).toBe(201);
    await upload(`/api/v1/characters/${ids.Ava}/source-image`, 1);
    await hero('Ava', 'casual', 2);
    await hero('Ava', 'formal', 3);
    await api('PATCH', `/api/v1/characters/${ids.Ava}`, creator, { metadata: { hair_color: 'auburn' } });
    await upload(`/api/v1/characters/${ids.Bo}/source-image`, 4);
    await hero('Bo', 'casual', 5);
    const page = await readiness();
    expect(byName(page)).toEqual({
      Ava: ['ready', []],
      Bo: ['partial', ['hero:formal', 'metadata']],
      Cy: ['not_started', ['source_image', 'hero:casual', 'hero:formal', 'metadata']],
    });
    expect(page.items[0].items).toEqual([
      { key: 'source_image', kind: 'source_image', label: 'Source image', done: true },
      { key: 'hero:casual', kind: 'hero', label: 'Casual hero', done: true },
      { key: 'hero:formal', kind: 'hero', label: 'Formal hero', done: true },
      { key: 'metadata', kind: 'metadata', label: 'Metadata', done: true },
      { key: 'scene_types', kind: 'scene_types', label: 'Scene types', done: true },
    ]);
    expect(page.summary).toEqual({
      total: 3,
      ready: 1,
      partial: 1,
      notStarted: 1,
      missing: [
        { key: 'source_image', label: 'Source image', count: 1 },
        { key: 'hero:casual', label: 'Casual hero', count: 1 },
        { key: 'hero:formal', label: 'Formal hero', count: 2 },
        { key: 'metadata', label: 'Metadata', count: 2 },
      ],
    });
    const bo = page.items.find((i: { character: { name: string } }) => i.character.name === 'Bo');
    expect(bo.items.find((i: { key: string }) => i.key === 'metadata').detail).toContain('hair_color');
  });

  it('filters by state and missing item, sorts by readiness, and pages', async () => {
    expect(
      (await readiness('?state=ready')).items.map((i: { character: { name: string } }) => i.character.name),
    ).toEqual(['Ava']);
    expect(
      (await readiness('?missing=hero:formal')).items.map(
        (i: { character: { name: string } }) => i.character.name,
      ),
    ).toEqual(['Bo', 'Cy']);
    expect(
      (await readiness('?sort=least_ready')).items.map(
        (i: { character: { name: string } }) => i.character.name,
      ),
    ).toEqual(['Cy', 'Bo', 'Ava']);
    const first = await readiness('?limit=2&sort=most_ready');
    expect(first.items.map((i: { character: { name: string } }) => i.character.name)).toEqual(['Ava', 'Bo']);
    const rest = await readiness(`?limit=2&sort=most_ready&cursor=${first.nextCursor}`);
    expect(rest.items.map((i: { character: { name: string } }) => i.character.name)).toEqual(['Cy']);
    expect(rest.nextCursor).toBeNull();
  });

  it('uses the project criteria', async () => {
    const project = (await api('GET', `/api/v1/projects/${projectId}`)).json();
    expect(project.settings.readiness).toEqual({
      sourceImage: true,
      heroes: true,
      metadata: true,
      requiredSettings: [],
    });
    const res = await api('PATCH', `/api/v1/projects/${projectId}`, creator, {
      settings: {
        readiness: { sourceImage: true, heroes: false, metadata: false, requiredSettings: ['voice'] },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    await api('PATCH', `/api/v1/characters/${ids.Cy}`, creator, { settings: { voice: 'alto' } });
    expect(byName(await readiness())).toEqual({
      Ava: ['partial', ['setting:voice']],
      Bo: ['partial', ['setting:voice']],
      Cy: ['partial', ['source_image']],
    });
  });

  it('refuses bad queries with the field named', async () => {
    const res = await api('GET', `/api/v1/projects/${projectId}/readiness?state=done`, reviewer);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.state');
    const cursor = await api('GET', `/api/v1/projects/${projectId}/readiness?cursor=nope`, reviewer);
    expect(cursor.json().errors[0].field).toBe('query.cursor');
  });
});
