import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, multipartFile } from './images.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let projectId: string;
beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam({
    I2V_MAX_IMAGE_PIXELS: '1000000',
    I2V_UPLOAD_LIMIT: '2000000',
  }));
  projectId = (await createProject(studio, creator)).project.id;
});
afterAll(() => studio.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const upload = (url: string, who: SignedIn, data: Buffer, filename: string) => {
  const body = multipartFile(data, filename);
  return studio.app.inject({
    method: 'POST',
    url,
    headers: { ...who.auth, ...body.headers },
    payload: body.payload,
  });
};
let counter = 0;
const newCharacter = async (name = `Character ${++counter}`) =>
  (await api('POST', `/api/v1/projects/${projectId}/characters`, creator, { name })).json();
const storedFiles = () => {
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [e.name]))
      : [];
  return walk(studio.storage.root).length;
};

describe('characters', () => {
  it('are created in a project, listed by name with cursor pages, and read by every role', async () => {
    const p = (await createProject(studio, creator)).project.id;
    for (const name of ['Mira', 'ada', 'Zed', 'Bo']) {
      expect((await api('POST', `/api/v1/projects/${p}/characters`, creator, { name })).statusCode).toBe(201);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await api(
          'GET',
          `/api/v1/projects/${p}/characters?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          reviewer,
        )
      ).json();
      names.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['ada', 'Bo', 'Mira', 'Zed']);
    const found = (await api('GET', `/api/v1/projects/${p}/characters?q=mi`, reviewer)).json();
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(['Mira']);
  });

  it('refuse a duplicate name in the project (any case), bad input, and reviewers', async () => {
    await newCharacter('Unique One');
    const dup = await api('POST', `/api/v1/projects/${projectId}/characters`, creator, {
      name: 'unique one',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'character.name_taken', errors: [{ field: 'body.name' }] });
    const bad = await api('POST', `/api/v1/projects/${projectId}/characters`, creator, {
      name: '',
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await api('POST', `/api/v1/projects/${projectId}/characters`, reviewer, { name: 'R' })).statusCode,
    ).toBe(403);
    const noProject = await api(
      'POST',
      '/api/v1/projects/01900000-0000-7000-8000-0000000000aa/characters',
      creator,
      { name: 'X' },
    );
    expect(noProject.json().code).toBe('project.not_found');
  });

  it('are renamed, given metadata, trashed, and audited', async () => {
    const c = await newCharacter();
    const res = await api('PATCH', `/api/v1/characters/${c.id}`, creator, {
      name: `${c.name} B`,
      metadata: { age: 30 },
    });
    expect(res.json()).toMatchObject({ name: `${c.name} B`, metadata: { age: 30 } });
    expect((await api('DELETE', `/api/v1/characters/${c.id}`, creator)).statusCode).toBe(204);
    expect(
      (
        await api('GET', `/api/v1/projects/${projectId}/characters?q=${encodeURIComponent(c.name)}`, creator)
      ).json().items,
    ).toEqual([]);
    const audit = (await api('GET', `/api/v1/audit-events?entityId=${c.id}`, admin)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'character.deleted',
      'character.updated',
      'character.created',
    ]);
  });

  it('are restored from the trash unless the name was taken meanwhile', async () => {
    const c = await newCharacter('Comeback');
    await api('DELETE', `/api/v1/characters/${c.id}`, creator);
    const clash = await newCharacter('Comeback');
    const refused = await api('POST', `/api/v1/characters/${c.id}/restore`, creator);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('character.name_taken');
    await api('DELETE', `/api/v1/characters/${clash.id}`, creator);
    const restored = await api('POST', `/api/v1/characters/${c.id}/restore`, creator);
    expect(restored.json()).toMatchObject({ id: c.id, deletedAt: null });
    expect((await api('POST', `/api/v1/characters/${c.id}/restore`, reviewer)).statusCode).toBe(403);
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${c.id}&action=character.restored`, admin)
    ).json();
    expect(audit.items).toHaveLength(1);
  });

  it('cannot be changed while the project is locked', async () => {
    const p = (await createProject(studio, creator)).project.id;
    const c = (await api('POST', `/api/v1/projects/${p}/characters`, creator, { name: 'Locked' })).json();
    await api('POST', `/api/v1/projects/${p}/transitions`, creator, { to: 'active' });
    await api('POST', `/api/v1/projects/${p}/transitions`, creator, { to: 'delivered' });
    const res = await api('PATCH', `/api/v1/characters/${c.id}`, creator, { name: 'Changed' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('project.locked');
    expect(
      (await api('POST', `/api/v1/projects/${p}/characters`, creator, { name: 'New' })).json().code,
    ).toBe('project.locked');
  });
});

describe('source images', () => {
  it('validate, normalise EXIF orientation, record media info, make a thumbnail, and serve them by signed URL', async () => {
    const c = await newCharacter();
    // 64×48 stored with orientation 6 (rotate 90°) displays as 48×64
    const jpeg = await makeImage('jpeg', { width: 64, height: 48, orientation: 6 });
    const res = await upload(`/api/v1/characters/${c.id}/source-image`, creator, jpeg, 'portrait.jpg');
    expect(res.statusCode).toBe(200);
    const src = res.json().sourceImage;
    expect(src.file).toMatchObject({
      mimeType: 'image/jpeg',
      width: 48,
      height: 64,
      originalFilename: 'portrait.jpg',
    });
    expect(src.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.json().thumbnailUrl).toBe(src.file.thumbnailUrl);
    const file = await studio.app.inject({ url: src.file.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(file.rawPayload).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([48, 64, 1]);
    const thumb = await studio.app.inject({ url: src.file.thumbnailUrl });
    expect(thumb.headers['content-type']).toBe('image/webp');
  });

  it('keep the replaced source image as history', async () => {
    const c = await newCharacter();
    await upload(
      `/api/v1/characters/${c.id}/source-image`,
      creator,
      await makeImage('png', { seed: 2 }),
      'a.png',
    );
    const res = await upload(
      `/api/v1/characters/${c.id}/source-image`,
      creator,
      await makeImage('webp', { seed: 3 }),
      'b.webp',
    );
    expect(res.json().sourceImage.file.mimeType).toBe('image/webp');
    expect(res.json().sourceHistory).toHaveLength(1);
    expect(res.json().sourceHistory[0].file.originalFilename).toBe('a.png');
  });

  it.each([
    ['a GIF', () => makeImage('gif'), 'anim.gif', 415, 'image.unsupported_format'],
    [
      'text renamed .png',
      async () => Buffer.from('definitely not an image'),
      'fake.png',
      422,
      'image.unreadable',
    ],
    ['an empty file', async () => Buffer.alloc(0), 'empty.png', 422, 'image.unreadable'],
    [
      'a truncated PNG',
      async () => (await makeImage('png', { width: 300, height: 300, seed: 9 })).subarray(0, 400),
      'cut.png',
      422,
      'image.unreadable',
    ],
    [
      'a truncated JPEG',
      async () => {
        const full = await makeImage('jpeg', { width: 300, height: 300, seed: 9 });
        return full.subarray(0, Math.floor(full.length * 0.6));
      },
      'cut.jpg',
      422,
      'image.unreadable',
    ],
    [
      'a decompression bomb (too many pixels)',
      () => makeImage('png', { width: 1200, height: 1000 }),
      'huge.png',
      422,
      'image.too_many_pixels',
    ],
  ])(
    'refuse %s with a problem naming the file, and store nothing',
    async (_l, make, filename, status, code) => {
      const c = await newCharacter();
      const before = storedFiles();
      const res = await upload(`/api/v1/characters/${c.id}/source-image`, creator, await make(), filename);
      expect(res.statusCode).toBe(status);
      expect(res.json()).toMatchObject({ code, errors: [{ field: 'body.file' }] });
      expect(res.json().detail).toContain(filename);
      expect(storedFiles()).toBe(before);
      expect((await api('GET', `/api/v1/characters/${c.id}`, creator)).json().sourceImage).toBeNull();
    },
  );

  it('keep an upright image byte for byte (no lossy re-encoding)', async () => {
    const c = await newCharacter();
    const jpeg = await makeImage('jpeg', { width: 80, height: 60, seed: 21 });
    const res = await upload(`/api/v1/characters/${c.id}/source-image`, creator, jpeg, 'upright.jpg');
    expect(res.statusCode, res.body).toBe(200);
    const served = await studio.app.inject({ method: 'GET', url: res.json().sourceImage.file.url });
    expect(Buffer.compare(served.rawPayload, jpeg)).toBe(0);
  });

  it('refuse files over the upload limit with 413', async () => {
    const c = await newCharacter();
    const res = await upload(
      `/api/v1/characters/${c.id}/source-image`,
      creator,
      Buffer.alloc(2_100_000, 1),
      'big.png',
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('image.too_large');
  });

  it('refuse a non-multipart request and a request without a file part', async () => {
    const c = await newCharacter();
    const json = await api('POST', `/api/v1/characters/${c.id}/source-image`, creator, { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('refuse the same file twice for one character, but not for another', async () => {
    const png = await makeImage('png', { seed: 42 });
    const a = await newCharacter();
    const b = await newCharacter();
    await upload(`/api/v1/characters/${a.id}/source-image`, creator, png, 'same.png');
    const before = storedFiles();
    const again = await upload(
      `/api/v1/characters/${a.id}/variants?variantType=formal`,
      creator,
      png,
      'same.png',
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('image.duplicate');
    expect(storedFiles()).toBe(before);
    expect(
      (await upload(`/api/v1/characters/${b.id}/source-image`, creator, png, 'same.png')).statusCode,
    ).toBe(200);
  });

  it('refuse tampered or expired media links', async () => {
    const c = await newCharacter();
    const res = await upload(
      `/api/v1/characters/${c.id}/source-image`,
      creator,
      await makeImage('png', { seed: 77 }),
      's.png',
    );
    const url: string = res.json().sourceImage.file.url;
    expect((await studio.app.inject({ url: url.replace(/sig=.{4}/, 'sig=AAAA') })).statusCode).toBe(404);
    expect((await studio.app.inject({ url: url.replace('/file?', '/thumbnail?') })).statusCode).toBe(404);
    studio.clock.advance(3 * 3600);
    const expired = await studio.app.inject({ url });
    expect(expired.statusCode).toBe(403);
    expect(expired.json().code).toBe('media.link_expired');
    studio.clock.advance(-3 * 3600);
  });
});

describe('image variants', () => {
  it('are uploaded pending, approved, rejected, and made hero with exactly one hero per type', async () => {
    const c = await newCharacter();
    const url = `/api/v1/characters/${c.id}/variants?variantType=formal`;
    const first = (await upload(url, creator, await makeImage('png', { seed: 100 }), 'f1.png')).json();
    const second = (await upload(url, creator, await makeImage('png', { seed: 101 }), 'f2.png')).json();
    expect(first).toMatchObject({
      status: 'pending',
      isHero: false,
      provenance: 'upload',
      variantType: { slug: 'formal' },
    });
    const decide = (id: string, decision: string) =>
      api('POST', `/api/v1/image-variants/${id}/decision`, creator, { decision });
    expect((await decide(first.id, 'hero')).json()).toMatchObject({
      status: 'approved',
      isHero: true,
      decidedBy: { id: creator.user.id },
    });
    expect((await decide(second.id, 'hero')).json().isHero).toBe(true);
    const detail = (await api('GET', `/api/v1/characters/${c.id}`, reviewer)).json();
    const formal = detail.variants.filter(
      (v: { variantType: { slug: string } }) => v.variantType.slug === 'formal',
    );
    expect(formal.filter((v: { isHero: boolean }) => v.isHero).map((v: { id: string }) => v.id)).toEqual([
      second.id,
    ]);
    expect(formal.find((v: { id: string }) => v.id === first.id)).toMatchObject({
      status: 'approved',
      isHero: false,
    });
    expect(detail.heroCount).toBe(1);
    // approving the hero again keeps it the hero
    expect((await decide(second.id, 'approve')).json()).toMatchObject({ status: 'approved', isHero: true });
    expect((await decide(first.id, 'reject')).json().status).toBe('rejected');
    const trail = (
      await api('GET', `/api/v1/audit-events?entityId=${c.id}&action=character.variant_decided`, admin)
    ).json();
    expect(trail.items).toHaveLength(4);
  });

  it('refuse an unknown variant type, bad decisions and reviewers', async () => {
    const c = await newCharacter();
    const unknown = await upload(
      `/api/v1/characters/${c.id}/variants?variantType=space_suit`,
      creator,
      await makeImage('png', { seed: 5 }),
      'x.png',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('query.variantType');
    const v = (
      await upload(
        `/api/v1/characters/${c.id}/variants?variantType=casual`,
        creator,
        await makeImage('png', { seed: 6 }),
        'c.png',
      )
    ).json();
    expect(
      (await api('POST', `/api/v1/image-variants/${v.id}/decision`, creator, { decision: 'maybe' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await api('POST', `/api/v1/image-variants/${v.id}/decision`, reviewer, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('deleting images', () => {
  it('deletes a variant and its files, but not the hero of its type', async () => {
    const c = await newCharacter();
    const url = `/api/v1/characters/${c.id}/variants?variantType=formal`;
    const hero = (await upload(url, creator, await makeImage('png', { seed: 300 }), 'h.png')).json();
    const extra = (await upload(url, creator, await makeImage('png', { seed: 301 }), 'x.png')).json();
    await api('POST', `/api/v1/image-variants/${hero.id}/decision`, creator, { decision: 'hero' });
    const refused = await api('DELETE', `/api/v1/image-variants/${hero.id}`, creator);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('image.hero_in_use');
    expect((await api('DELETE', `/api/v1/image-variants/${extra.id}`, reviewer)).statusCode).toBe(403);
    const before = storedFiles();
    expect((await api('DELETE', `/api/v1/image-variants/${extra.id}`, creator)).statusCode).toBe(204);
    expect(storedFiles()).toBe(before - 2);
    expect((await studio.app.inject({ url: extra.file.url })).statusCode).toBe(404);
    const detail = (await api('GET', `/api/v1/characters/${c.id}`, creator)).json();
    expect(detail.variants.map((v: { id: string }) => v.id)).toEqual([hero.id]);
    expect((await api('DELETE', `/api/v1/image-variants/${extra.id}`, creator)).json().code).toBe(
      'image.not_found',
    );
    const audit = (await api('GET', `/api/v1/audit-events?entityId=${c.id}`, admin)).json();
    expect(audit.items[0]).toMatchObject({ action: 'character.variant_deleted' });
  });

  it('deletes a source image; deleting the current one brings back the one it replaced', async () => {
    const c = await newCharacter();
    const url = `/api/v1/characters/${c.id}/source-image`;
    await upload(url, creator, await makeImage('png', { seed: 310 }), 'one.png');
    const two = (await upload(url, creator, await makeImage('png', { seed: 311 }), 'two.png')).json();
    const res = await api('DELETE', `/api/v1/source-images/${two.sourceImage.id}`, creator);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sourceImage.file.originalFilename).toBe('one.png');
    expect(res.json().sourceHistory).toEqual([]);
    const last = await api('DELETE', `/api/v1/source-images/${res.json().sourceImage.id}`, creator);
    expect(last.json().sourceImage).toBeNull();
  });
});

describe('metadata schema', () => {
  const schema = {
    type: 'object',
    properties: {
      hair_color: { type: 'string' },
      height_cm: { type: 'integer', minimum: 50 },
      bio: { type: 'string' },
    },
    required: ['hair_color'],
    additionalProperties: false,
  };

  it('is set on a project, checks metadata on save naming each field, and reports completeness', async () => {
    const p = (await createProject(studio, creator)).project.id;
    const before = (
      await api('POST', `/api/v1/projects/${p}/characters`, creator, {
        name: 'Early',
        metadata: { eye: 'x' },
      })
    ).json();
    const set = await api('PUT', `/api/v1/projects/${p}/metadata-schema`, creator, { schema });
    expect(set.statusCode).toBe(200);
    expect(set.json().metadataSchema).toEqual(schema);

    const bad = await api('POST', `/api/v1/projects/${p}/characters`, creator, {
      name: 'Bad',
      metadata: { height_cm: 'tall', shoe: 42 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('character.metadata_invalid');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.metadata.hair_color', 'body.metadata.height_cm', 'body.metadata.shoe']);
    const good = await api('POST', `/api/v1/projects/${p}/characters`, creator, {
      name: 'Good',
      metadata: { hair_color: 'red', height_cm: 170 },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ metadataCompleteness: 66, metadataProblems: [] });
    const patched = await api('PATCH', `/api/v1/characters/${good.json().id}`, creator, {
      metadata: { hair_color: 'red', height_cm: 10 },
    });
    expect(patched.json().errors[0]).toMatchObject({ field: 'body.metadata.height_cm' });

    // characters saved before the schema show where they break it
    const early = (await api('GET', `/api/v1/characters/${before.id}`, reviewer)).json();
    expect(early.metadataCompleteness).toBe(0);
    expect(early.metadataProblems.map((e: { field: string }) => e.field).sort()).toEqual([
      'metadata.eye',
      'metadata.hair_color',
    ]);
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${p}&action=project.metadata_schema_changed`, admin)
    ).json();
    expect(audit.items).toHaveLength(1);
  });

  it('refuses schemas that are not JSON Schemas of an object, and can be removed', async () => {
    const p = (await createProject(studio, creator)).project.id;
    const notObject = await api('PUT', `/api/v1/projects/${p}/metadata-schema`, creator, {
      schema: { type: 'string' },
    });
    expect(notObject.statusCode).toBe(422);
    expect(notObject.json().errors[0].field).toBe('body.schema.type');
    const broken = await api('PUT', `/api/v1/projects/${p}/metadata-schema`, creator, {
      schema: { type: 'object', properties: { a: { type: 'colour' } } },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('project.metadata_schema_invalid');
    await api('PUT', `/api/v1/projects/${p}/metadata-schema`, creator, { schema });
    const removed = await api('PUT', `/api/v1/projects/${p}/metadata-schema`, creator, { schema: null });
    expect(removed.json().metadataSchema).toBeNull();
    expect((await api('PUT', `/api/v1/projects/${p}/metadata-schema`, reviewer, { schema })).statusCode).toBe(
      403,
    );
  });
});
