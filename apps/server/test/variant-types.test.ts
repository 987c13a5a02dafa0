import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
});
afterAll(() => studio.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const list = async () =>
  (await api('GET', '/api/v1/image-variant-types', reviewer)).json().items as {
    id: string;
    slug: string;
    filePrefix: string;
    isDefault: boolean;
  }[];

describe('image variant types', () => {
  it('are seeded with neutral examples: casual (default, no prefix) and formal', async () => {
    expect(
      (await list()).map(({ slug, filePrefix, isDefault }) => ({ slug, filePrefix, isDefault })),
    ).toEqual([
      { slug: 'casual', filePrefix: '', isDefault: true },
      { slug: 'formal', filePrefix: 'formal', isDefault: false },
    ]);
  });

  it('are created with the slug as default prefix, at the end of the order, and audited', async () => {
    const res = await api('POST', '/api/v1/image-variant-types', creator, { name: 'Sport', slug: 'sport' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'sport', filePrefix: 'sport', isDefault: false, sortOrder: 30 });
    const audit = (await api('GET', '/api/v1/audit-events?action=variant_type.created', admin)).json();
    expect(audit.items[0].entityId).toBe(res.json().id);
  });

  it.each([
    ['a bad slug', { name: 'X', slug: 'Bad Slug' }, 'body.slug'],
    ['a bad prefix', { name: 'X', slug: 'x_ok', filePrefix: 'no-dashes' }, 'body.filePrefix'],
    ['an unknown field', { name: 'X', slug: 'x_ok2', color: 'red' }, 'body.color'],
  ])('refuse %s naming the field', async (_l, payload, field) => {
    const res = await api('POST', '/api/v1/image-variant-types', creator, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuse a duplicate slug and a prefix on a new default', async () => {
    expect(
      (await api('POST', '/api/v1/image-variant-types', creator, { name: 'Again', slug: 'formal' })).json()
        .code,
    ).toBe('variant_type.slug_taken');
    const prefixed = await api('POST', '/api/v1/image-variant-types', creator, {
      name: 'Home',
      slug: 'home',
      filePrefix: 'home',
      isDefault: true,
    });
    expect(prefixed.statusCode).toBe(422);
    expect(prefixed.json().code).toBe('variant_type.default_prefix');
  });

  it('keep exactly one default: making another the default hands over, and the old one gets its slug as prefix', async () => {
    const formal = (await list()).find((t) => t.slug === 'formal')!;
    const res = await api('PATCH', `/api/v1/image-variant-types/${formal.id}`, creator, { isDefault: true });
    expect(res.json()).toMatchObject({ isDefault: true, filePrefix: '' });
    const after = await list();
    expect(after.filter((t) => t.isDefault).map((t) => t.slug)).toEqual(['formal']);
    expect(after.find((t) => t.slug === 'casual')).toMatchObject({ isDefault: false, filePrefix: 'casual' });
    // hand it back so other tests see the seed state
    const casual = after.find((t) => t.slug === 'casual')!;
    await api('PATCH', `/api/v1/image-variant-types/${casual.id}`, creator, { isDefault: true });
    expect((await list()).find((t) => t.slug === 'formal')!.filePrefix).toBe('formal');
  });

  it('hand over the default when a new type is created as default, and require a prefix on the others', async () => {
    const home = await api('POST', '/api/v1/image-variant-types', creator, {
      name: 'Home',
      slug: 'home',
      isDefault: true,
    });
    expect(home.json()).toMatchObject({ isDefault: true, filePrefix: '' });
    expect((await list()).find((t) => t.slug === 'casual')).toMatchObject({
      isDefault: false,
      filePrefix: 'casual',
    });
    const empty = await api('POST', '/api/v1/image-variant-types', creator, {
      name: 'Bare',
      slug: 'bare',
      filePrefix: '',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({
      code: 'variant_type.prefix_required',
      errors: [{ field: 'body.filePrefix' }],
    });
    const formal = (await list()).find((t) => t.slug === 'formal')!;
    expect(
      (await api('PATCH', `/api/v1/image-variant-types/${formal.id}`, creator, { filePrefix: '' }))
        .statusCode,
    ).toBe(422);
    // restore the seed state for the other tests
    const casual = (await list()).find((t) => t.slug === 'casual')!;
    await api('PATCH', `/api/v1/image-variant-types/${casual.id}`, creator, { isDefault: true });
    await api('DELETE', `/api/v1/image-variant-types/${home.json().id}`, creator);
  });

  it('refuse deleting the default, delete others', async () => {
    const types = await list();
    const def = types.find((t) => t.isDefault)!;
    const res = await api('DELETE', `/api/v1/image-variant-types/${def.id}`, creator);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('variant_type.default_required');
    const extra = (
      await api('POST', '/api/v1/image-variant-types', creator, { name: 'Temp', slug: 'temp' })
    ).json();
    expect((await api('DELETE', `/api/v1/image-variant-types/${extra.id}`, creator)).statusCode).toBe(204);
    expect((await list()).map((t) => t.slug)).not.toContain('temp');
  });

  it('refuse deleting a type that scene types use, with 409', async () => {
    const sport = (
      await api('POST', '/api/v1/image-variant-types', creator, { name: 'Sporty', slug: 'sporty' })
    ).json();
    await api('POST', '/api/v1/scene-types', creator, {
      name: 'Jog',
      prompts: { full_clip: { positive: 'jogs', negative: '' } },
      targetDurationSeconds: 5,
      segmentDurationSeconds: 5,
      applicability: { kind: 'variants', variantTypeIds: [sport.id] },
    });
    const res = await api('DELETE', `/api/v1/image-variant-types/${sport.id}`, creator);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('variant_type.in_use');
    expect((await list()).map((t) => t.slug)).toContain('sporty');
  });

  it('are read-only for reviewers', async () => {
    const formal = (await list()).find((t) => t.slug === 'formal')!;
    expect(
      (await api('PATCH', `/api/v1/image-variant-types/${formal.id}`, reviewer, { name: 'Smart' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api('POST', '/api/v1/image-variant-types', reviewer, { name: 'R', slug: 'r' })).statusCode,
    ).toBe(403);
  });
});
