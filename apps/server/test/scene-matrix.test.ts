import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, multipartFile } from './images.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let casual: string;
let formal: string;
beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
  const types = (
    await studio.app.inject({ url: '/api/v1/image-variant-types', headers: creator.auth })
  ).json().items;
  casual = types.find((t: { slug: string }) => t.slug === 'casual').id;
  formal = types.find((t: { slug: string }) => t.slug === 'formal').id;
});
afterAll(() => studio.close());

type Method = 'GET' | 'POST' | 'PATCH';
const api = (method: Method, url: string, who: SignedIn, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
let seed = 500;
const upload = async (url: string) => {
  const body = multipartFile(await makeImage('png', { seed: seed++ }), 'img.png');
  return studio.app.inject({
    method: 'POST',
    url,
    headers: { ...creator.auth, ...body.headers },
    payload: body.payload,
  });
};

async function setUpProject() {
  const project = (await createProject(studio, creator)).project.id;
  const sceneType = (name: string, applicability: unknown) =>
    api('POST', '/api/v1/scene-types', creator, {
      projectId: project,
      name,
      prompts: { full_clip: { positive: '{character_name} moves', negative: '' } },
      targetDurationSeconds: 10,
      segmentDurationSeconds: 5,
      applicability,
    }).then((r) => r.json());
  const walk = await sceneType('Walk', { kind: 'variants', variantTypeIds: [casual, formal] });
  const wave = await sceneType('Wave', { kind: 'variants', variantTypeIds: [casual] });
  const turn = await sceneType('Turn', {
    kind: 'transition',
    fromVariantTypeId: casual,
    toVariantTypeId: formal,
    atSegment: 2,
    suffix: 'to_formal',
  });
  const chars = [];
  for (const name of ['Ada', 'Bo', 'Cy']) {
    chars.push((await api('POST', `/api/v1/projects/${project}/characters`, creator, { name })).json());
  }
  return { project, walk, wave, turn, chars };
}

describe('scene matrix', () => {
  it('lays out characters × scene types × variants with delivered file names and blockers', async () => {
    const { project, walk, turn, chars } = await setUpProject();
    // Ada gets a source image and a casual hero; Bo only a source image; Cy nothing
    await upload(`/api/v1/characters/${chars[0].id}/source-image`);
    const hero = (await upload(`/api/v1/characters/${chars[0].id}/variants?variantType=casual`)).json();
    await api('POST', `/api/v1/image-variants/${hero.id}/decision`, creator, { decision: 'hero' });
    await upload(`/api/v1/characters/${chars[1].id}/source-image`);

    const m = (await api('GET', `/api/v1/projects/${project}/scene-matrix`, reviewer)).json();
    expect(m.columns.map((c: { fileName: string }) => c.fileName)).toEqual([
      'walk.mp4',
      'formal_walk.mp4',
      'wave.mp4',
      'turn_to_formal.mp4',
    ]);
    expect(m.columns[0]).toMatchObject({ sceneTypeId: walk.id, variantTypeId: casual, transition: null });
    expect(m.columns[3]).toMatchObject({
      sceneTypeId: turn.id,
      transition: { toVariantTypeId: formal, suffix: 'to_formal' },
    });
    expect(m.rows.map((r: { character: { name: string } }) => r.character.name)).toEqual(['Ada', 'Bo', 'Cy']);
    const ada = m.rows[0].cells;
    expect(ada.map((c: { blockers: unknown[] }) => c.blockers)).toEqual([
      [],
      [{ code: 'no_hero', variantTypeId: formal }],
      [],
      [{ code: 'no_hero', variantTypeId: formal }],
    ]);
    expect(m.rows[2].cells[0].blockers).toEqual([
      { code: 'no_source_image' },
      { code: 'no_hero', variantTypeId: casual },
    ]);
    expect(m.totals).toEqual({ cells: 12, created: 0, ready: 2 });
    expect(
      ada.every((c: { status: string; sceneId: null }) => c.status === 'not_created' && c.sceneId === null),
    ).toBe(true);
  });

  it('creates the scenes of selected cells idempotently, and audits once per change', async () => {
    const { project, wave, chars } = await setUpProject();
    const first = await api('POST', `/api/v1/projects/${project}/scenes`, creator, {
      characterIds: [chars[0].id],
      sceneTypeIds: [wave.id],
    });
    expect(first.json()).toEqual({ created: 1, existing: 0 });
    const all = await api('POST', `/api/v1/projects/${project}/scenes`, creator, {});
    expect(all.json()).toEqual({ created: 11, existing: 1 });
    const again = await api('POST', `/api/v1/projects/${project}/scenes`, creator, {});
    expect(again.json()).toEqual({ created: 0, existing: 12 });
    const m = (await api('GET', `/api/v1/projects/${project}/scene-matrix`, creator)).json();
    expect(m.totals.created).toBe(12);
    expect(
      m.rows[0].cells.every((c: { status: string; sceneId: string }) => c.status === 'pending' && c.sceneId),
    ).toBe(true);
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${project}&action=scene.matrix_created`, admin)
    ).json();
    expect(audit.items.map((e: { details: { created: number } }) => e.details.created)).toEqual([11, 1]);
  });

  it('pages characters', async () => {
    const { project } = await setUpProject();
    const p1 = (await api('GET', `/api/v1/projects/${project}/scene-matrix?limit=2`, creator)).json();
    expect(p1.rows).toHaveLength(2);
    const p2 = (
      await api('GET', `/api/v1/projects/${project}/scene-matrix?limit=2&cursor=${p1.nextCursor}`, creator)
    ).json();
    expect(p2.rows.map((r: { character: { name: string } }) => r.character.name)).toEqual(['Cy']);
    expect(p2.nextCursor).toBeNull();
  });

  it('refuses selections outside the project, reviewers, and locked projects', async () => {
    const { project, chars } = await setUpProject();
    const other = await setUpProject();
    const foreign = await api('POST', `/api/v1/projects/${project}/scenes`, creator, {
      characterIds: [other.chars[0].id],
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors[0].field).toBe('body.characterIds.0');
    const foreignType = await api('POST', `/api/v1/projects/${project}/scenes`, creator, {
      sceneTypeIds: [other.walk.id],
    });
    expect(foreignType.json().errors[0].field).toBe('body.sceneTypeIds.0');
    expect((await api('POST', `/api/v1/projects/${project}/scenes`, reviewer, {})).statusCode).toBe(403);
    await api('POST', `/api/v1/projects/${project}/transitions`, creator, { to: 'active' });
    await api('POST', `/api/v1/projects/${project}/transitions`, creator, { to: 'delivered' });
    const locked = await api('POST', `/api/v1/projects/${project}/scenes`, creator, {
      characterIds: [chars[0].id],
    });
    expect(locked.json().code).toBe('project.locked');
  });
});
