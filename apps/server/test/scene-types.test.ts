import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
let n = 0;
const sceneTypeBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Walk ${++n}`,
  prompts: { full_clip: { positive: '{character_name} walks towards the camera', negative: 'blurry' } },
  targetDurationSeconds: 15,
  segmentDurationSeconds: 5,
  applicability: { kind: 'variants', variantTypeIds: [casual, formal] },
  ...overrides,
});

describe('scene types', () => {
  it('are created at studio level with derived content name and segment count, and audited', async () => {
    const res = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneTypeBody({ name: 'Walk Cycle', loras: [{ name: 'motion.safetensors', weight: 0.8 }] }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      projectId: null,
      name: 'Walk Cycle',
      contentName: 'walk_cycle',
      segmentCount: 3,
      toleranceSeconds: 0,
      enabled: true,
      loras: [{ name: 'motion.safetensors', weight: 0.8 }],
      applicability: { kind: 'variants', variantTypeIds: [casual, formal] },
    });
    const audit = (await api('GET', `/api/v1/audit-events?entityId=${res.json().id}`, admin)).json();
    expect(audit.items[0].action).toBe('scene_type.created');
  });

  it('counts segments elastically within tolerance', async () => {
    const res = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneTypeBody({ targetDurationSeconds: 16, toleranceSeconds: 1.5 }),
    );
    expect(res.json().segmentCount).toBe(3);
    const longer = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneTypeBody({ targetDurationSeconds: 17 }),
    );
    expect(longer.json().segmentCount).toBe(4);
  });

  it('scope per project: a project sees studio types and its own, other projects do not', async () => {
    const a = (await createProject(studio, creator)).project.id;
    const b = (await createProject(studio, creator)).project.id;
    const own = (
      await api('POST', '/api/v1/scene-types', creator, sceneTypeBody({ name: 'Only A', projectId: a }))
    ).json();
    const inA = (await api('GET', `/api/v1/scene-types?projectId=${a}`, reviewer))
      .json()
      .items.map((t: { id: string }) => t.id);
    const inB = (await api('GET', `/api/v1/scene-types?projectId=${b}`, reviewer))
      .json()
      .items.map((t: { id: string }) => t.id);
    const studioOnly = (await api('GET', '/api/v1/scene-types', reviewer))
      .json()
      .items.map((t: { id: string }) => t.id);
    expect(inA).toContain(own.id);
    expect(inB).not.toContain(own.id);
    expect(studioOnly).not.toContain(own.id);
    // the same name may exist in another scope
    expect(
      (await api('POST', '/api/v1/scene-types', creator, sceneTypeBody({ name: 'Only A', projectId: b })))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await api('POST', '/api/v1/scene-types', creator, sceneTypeBody({ name: 'only a', projectId: a }))
      ).json().code,
    ).toBe('scene_type.name_taken');
  });

  it('supports transitions at a segment boundary', async () => {
    const res = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneTypeBody({
        name: 'Turn',
        targetDurationSeconds: 20,
        applicability: {
          kind: 'transition',
          fromVariantTypeId: casual,
          toVariantTypeId: formal,
          atSegment: 3,
          suffix: 'to_formal',
        },
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().applicability).toEqual({
      kind: 'transition',
      fromVariantTypeId: casual,
      toVariantTypeId: formal,
      atSegment: 3,
      suffix: 'to_formal',
      transitionWorkflowRef: null,
    });
  });

  it.each([
    ['target shorter than a segment', { targetDurationSeconds: 3 }, 'body.targetDurationSeconds', 422],
    ['tolerance of a whole segment', { toleranceSeconds: 5 }, 'body.toleranceSeconds', 422],
    [
      'no usable prompt',
      { prompts: { continuation_clip: { positive: 'x', negative: '' } } },
      'body.prompts.full_clip',
      422,
    ],
    ['a name without letters', { name: '!!!' }, 'body.name', 422],
    [
      'an unknown variant type',
      { applicability: { kind: 'variants', variantTypeIds: ['01900000-0000-7000-8000-0000000000ff'] } },
      'body.applicability.variantTypeIds.0',
      422,
    ],
    [
      'no variant types',
      { applicability: { kind: 'variants', variantTypeIds: [] } },
      'body.applicability.variantTypeIds',
      400,
    ],
    ['a zero segment', { segmentDurationSeconds: 0 }, 'body.segmentDurationSeconds', 400],
    ['a LoRA weight out of range', { loras: [{ name: 'x', weight: 9 }] }, 'body.loras.0.weight', 400],
    [
      'an unknown prompt position',
      { prompts: { middle_clip: { positive: 'x' } } },
      'body.prompts.middle_clip',
      400,
    ],
  ])('refuse %s naming the field', async (_l, overrides, field, status) => {
    const res = await api('POST', '/api/v1/scene-types', creator, sceneTypeBody(overrides));
    expect(res.statusCode).toBe(status);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuse a transition at the first segment, past the last, or to the same variant', async () => {
    const t = (atSegment: number, to = formal) =>
      api(
        'POST',
        '/api/v1/scene-types',
        creator,
        sceneTypeBody({
          applicability: {
            kind: 'transition',
            fromVariantTypeId: casual,
            toVariantTypeId: to,
            atSegment,
            suffix: 'to_x',
          },
        }),
      );
    expect((await t(1)).json().errors[0]).toEqual({
      field: 'body.applicability.atSegment',
      message: 'must be between 2 and 3, the segment count of this scene type',
    });
    expect((await t(4)).statusCode).toBe(422);
    expect((await t(2, casual)).json().errors[0].field).toBe('body.applicability.toVariantTypeId');
  });

  it('are edited, disabled, deleted, and read-only for reviewers', async () => {
    const st = (await api('POST', '/api/v1/scene-types', creator, sceneTypeBody())).json();
    const res = await api('PATCH', `/api/v1/scene-types/${st.id}`, creator, {
      enabled: false,
      segmentDurationSeconds: 3,
    });
    expect(res.json()).toMatchObject({ enabled: false, segmentCount: 5 });
    expect(
      (await api('PATCH', `/api/v1/scene-types/${st.id}`, creator, { targetDurationSeconds: 2 })).statusCode,
    ).toBe(422);
    expect((await api('PATCH', `/api/v1/scene-types/${st.id}`, reviewer, { enabled: true })).statusCode).toBe(
      403,
    );
    const enabledOnly = (await api('GET', '/api/v1/scene-types?enabled=true', reviewer))
      .json()
      .items.map((t: { id: string }) => t.id);
    expect(enabledOnly).not.toContain(st.id);
    expect((await api('DELETE', `/api/v1/scene-types/${st.id}`, creator)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/scene-types/${st.id}`, creator)).statusCode).toBe(404);
  });

  it('previews the prompt of every clip position for a character, with fallback and unresolved placeholders', async () => {
    const project = (await createProject(studio, creator)).project.id;
    const character = (
      await api('POST', `/api/v1/projects/${project}/characters`, creator, {
        name: 'Ada',
        metadata: { hair_color: 'red' },
      })
    ).json();
    const st = (
      await api(
        'POST',
        '/api/v1/scene-types',
        creator,
        sceneTypeBody({
          prompts: {
            full_clip: { positive: '{character_name} with {hair_color} hair', negative: 'no {eye_color}' },
            continuation_clip: { positive: '{character_name} keeps walking', negative: '' },
          },
        }),
      )
    ).json();
    const preview = (
      await api('POST', `/api/v1/scene-types/${st.id}/prompt-preview`, reviewer, {
        characterId: character.id,
      })
    ).json();
    expect(preview.positions).toEqual([
      {
        position: 'full_clip',
        source: 'full_clip',
        positive: { text: 'Ada with red hair', unresolved: [] },
        negative: { text: 'no {eye_color}', unresolved: ['eye_color'] },
      },
      {
        position: 'start_clip',
        source: 'full_clip',
        positive: { text: 'Ada with red hair', unresolved: [] },
        negative: { text: 'no {eye_color}', unresolved: ['eye_color'] },
      },
      {
        position: 'continuation_clip',
        source: 'continuation_clip',
        positive: { text: 'Ada keeps walking', unresolved: [] },
        negative: { text: '', unresolved: [] },
      },
    ]);
    expect(preview.unresolved).toEqual(['eye_color']);
    const unsaved = (
      await api('POST', `/api/v1/scene-types/${st.id}/prompt-preview`, reviewer, {
        characterId: character.id,
        prompts: { full_clip: { positive: '{metadata.hair_color}!', negative: '' } },
      })
    ).json();
    expect(unsaved.positions[2]).toMatchObject({ source: 'full_clip', positive: { text: 'red!' } });
  });
});
