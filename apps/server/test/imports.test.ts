import fs from 'node:fs';
import path from 'node:path';
import type { CharacterImport } from '@i2v/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, makeZip, multipartParts, type Part } from './images.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam({
    I2V_MAX_IMAGE_PIXELS: '1000000',
    I2V_JOB_TICK_MS: '100',
  }));
  // analysis and commit are CPU jobs: the engine runs them
  studio.services.jobEngine.start();
});
afterAll(() => studio.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn = creator, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const uploadParts = (projectId: string, parts: Part[], who: SignedIn = creator) => {
  const body = multipartParts(parts);
  return studio.app.inject({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/imports`,
    headers: { ...who.auth, ...body.headers },
    payload: body.payload,
  });
};
const folder = (files: Record<string, Buffer>) =>
  Object.entries(files).map(([filename, data]) => ({ name: 'file', filename, data }));
/** Waits for background work, then reads the import. */
const settled = async (id: string): Promise<CharacterImport> => {
  await studio.services.imports.idle();
  return (await api('GET', `/api/v1/imports/${id}`)).json();
};
const stagingDir = () => path.join(studio.config.dataDir, 'staging', 'imports');
const characterNames = async (projectId: string) =>
  (
    (await api('GET', `/api/v1/projects/${projectId}/characters?limit=200`)).json().items as {
      name: string;
    }[]
  )
    .map((c) => c.name)
    .sort();
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

let seed = 100;
const png = () => makeImage('png', { seed: ++seed });
/** Three characters, each with a source image, a formal variant and metadata, plus litter. */
async function threeCharacters(): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const name of ['Ava', 'Bo', 'Cy']) {
    files[`cast/${name}/source.png`] = await png();
    files[`cast/${name}/formal/look.png`] = await png();
    files[`cast/${name}/metadata.json`] = json({ city: `${name}ville` });
  }
  files['cast/.DS_Store'] = Buffer.from('litter');
  files['cast/Ava/notes.txt'] = Buffer.from('a note');
  return files;
}

describe('onboarding characters from a folder', () => {
  let projectId: string;
  let files: Record<string, Buffer>;
  let importId: string;
  beforeAll(async () => {
    projectId = (await createProject(studio, creator)).project.id;
    files = await threeCharacters();
  });

  it('analyses the upload into a preview and writes no character', async () => {
    const res = await uploadParts(projectId, folder(files));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'analysing', sourceKind: 'folder', sourceName: 'cast' });
    importId = res.json().id;
    const preview = await settled(importId);
    expect(preview.status).toBe('ready');
    expect(preview.totals).toMatchObject({ entries: 3, create: 3, newImages: 6, withErrors: 0 });
    const ava = preview.entries.find((e) => e.name === 'Ava')!;
    expect(ava).toMatchObject({
      folder: 'cast/Ava',
      action: 'create',
      sourceImage: true,
      variants: { formal: 1 },
      metadata: { city: 'Avaville' },
    });
    expect(ava.warnings).toEqual(['cast/Ava/notes.txt is not an image or metadata.json; it is ignored']);
    expect(await characterNames(projectId)).toEqual([]);
  });

  it('imports them in one go, with source images, pending variants and metadata, and audits it', async () => {
    const res = await api('POST', `/api/v1/imports/${importId}/commit`, creator, {});
    expect(res.statusCode, res.body).toBe(202);
    const done = await settled(importId);
    expect(done.status, done.error ?? '').toBe('completed');
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.report).toMatchObject({ created: 3, updated: 0, images: 6 });
    expect(await characterNames(projectId)).toEqual(['Ava', 'Bo', 'Cy']);
    const avaId = done.report!.characters.find((c) => c.name === 'Ava')!.characterId!;
    const ava = (await api('GET', `/api/v1/characters/${avaId}`)).json();
    expect(ava.sourceImage.file.originalFilename).toBe('source.png');
    expect(ava.variants).toEqual([
      expect.objectContaining({
        status: 'pending',
        variantType: expect.objectContaining({ slug: 'formal' }),
      }),
    ]);
    expect(ava.metadata).toEqual({ city: 'Avaville' });
    expect(fs.existsSync(path.join(stagingDir(), importId))).toBe(false);
    const audit = (await api('GET', '/api/v1/audit-events?action=character.imported', admin)).json();
    expect(audit.items.map((e: { summary: string }) => e.summary).sort()).toEqual([
      'Created character "Ava" from cast/Ava (2 images, metadata)',
      'Created character "Bo" from cast/Bo (2 images, metadata)',
      'Created character "Cy" from cast/Cy (2 images, metadata)',
    ]);
  });

  it('re-running the same folder changes nothing', async () => {
    const again = await uploadParts(projectId, folder(files));
    const preview = await settled(again.json().id);
    expect(preview.entries.map((e) => e.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    await api('POST', `/api/v1/imports/${preview.id}/commit`, creator, {});
    const done = await settled(preview.id);
    expect(done.report).toMatchObject({ created: 0, updated: 0, unchanged: 3, images: 0 });
    expect(await characterNames(projectId)).toEqual(['Ava', 'Bo', 'Cy']);
  });

  it('adds only what is new to existing characters', async () => {
    const more = { ...files, 'cast/Bo/casual.png': await png() };
    const preview = await settled((await uploadParts(projectId, folder(more))).json().id);
    expect(preview.entries.map((e) => [e.name, e.action, e.newImages])).toEqual([
      ['Ava', 'unchanged', 0],
      ['Bo', 'update', 1],
      ['Cy', 'unchanged', 0],
    ]);
    await api('POST', `/api/v1/imports/${preview.id}/commit`, creator, {});
    expect((await settled(preview.id)).report).toMatchObject({ updated: 1, images: 1 });
  });

  it('lists the imports of the project, newest first, paginated', async () => {
    const page = (await api('GET', `/api/v1/projects/${projectId}/imports?limit=2`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).not.toHaveProperty('entries');
    expect(page.nextCursor).toEqual(expect.any(String));
    const rest = (
      await api('GET', `/api/v1/projects/${projectId}/imports?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.items[0].id).toBe(importId);
  });
});

describe('onboarding from a ZIP', () => {
  it('looks through the wrapping folder and imports like a folder', async () => {
    const projectId = (await createProject(studio, creator)).project.id;
    const zip = makeZip(
      Object.entries(await threeCharacters()).map(([name, data]) => ({ name: `onboarding/${name}`, data })),
    );
    const res = await uploadParts(projectId, [{ name: 'archive', filename: 'cast.zip', data: zip }]);
    expect(res.statusCode, res.body).toBe(202);
    const preview = await settled(res.json().id);
    expect(preview).toMatchObject({ status: 'ready', sourceKind: 'zip', sourceName: 'cast.zip' });
    expect(preview.entries.map((e) => [e.folder, e.name, e.action])).toEqual([
      ['onboarding/cast/Ava', 'Ava', 'create'],
      ['onboarding/cast/Bo', 'Bo', 'create'],
      ['onboarding/cast/Cy', 'Cy', 'create'],
    ]);
  });

  it.each([
    ['../evil.png', 'climbs out of the folder with ..'],
    ['Ava/../../evil.png', 'climbs out of the folder with ..'],
    ['/etc/evil.png', 'is an absolute path'],
  ])('refuses a ZIP with the entry %j, naming it, and keeps nothing', async (name, reason) => {
    const projectId = (await createProject(studio, creator)).project.id;
    const zip = makeZip([
      { name: 'Ava/source.png', data: await png() },
      { name, data: await png() },
    ]);
    const res = await uploadParts(projectId, [{ name: 'archive', filename: 'bad.zip', data: zip }]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import.unsafe_path' });
    expect(res.json().detail).toContain(name);
    expect(res.json().detail).toContain(reason);
    expect(fs.readdirSync(stagingDir())).not.toContain(expect.stringMatching(/./));
    const list = (await api('GET', `/api/v1/projects/${projectId}/imports`)).json();
    expect(list.items).toEqual([]);
  });

  it('refuses a file that is not a ZIP', async () => {
    const projectId = (await createProject(studio, creator)).project.id;
    const res = await uploadParts(projectId, [
      { name: 'archive', filename: 'cast.zip', data: Buffer.from('not a zip at all') },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import.archive_invalid' });
  });
});

describe('bad input', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = (await createProject(studio, creator)).project.id;
    const schema = {
      type: 'object',
      properties: { age: { type: 'integer', minimum: 18 }, city: { type: 'string' } },
    };
    const res = await api('PUT', `/api/v1/projects/${projectId}/metadata-schema`, creator, { schema });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a folder path that climbs out, naming it', async () => {
    const res = await uploadParts(
      projectId,
      folder({ 'Ava/source.png': await png(), '../x.png': await png() }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import.unsafe_path' });
    expect(res.json().errors[0].message).toContain('../x.png');
  });

  it('refuses an empty upload, a non-multipart body and unknown parts', async () => {
    const empty = await uploadParts(projectId, folder({ '.DS_Store': Buffer.from('x') }));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('import.empty');
    const plain = await api('POST', `/api/v1/projects/${projectId}/imports`, creator, { files: [] });
    expect(plain.statusCode).toBe(415);
    const unknown = await uploadParts(projectId, [{ name: 'picture', filename: 'a.png', data: await png() }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.picture');
  });

  it('names every unreadable file and bad metadata, and refuses to import until told to skip them', async () => {
    const good = await png();
    const res = await uploadParts(
      projectId,
      folder({
        'Good/source.png': good,
        'Good/metadata.json': json({ age: 30 }),
        'Renamed/source.png': Buffer.from('this is text, not an image'),
        'Empty/source.png': Buffer.alloc(0),
        'Truncated/source.png': good.subarray(0, Math.floor(good.length / 2)),
        'Gif/source.gif': await makeImage('gif'),
        'BadJson/source.png': await png(),
        'BadJson/metadata.json': Buffer.from('{ "age": 30,'),
        'Young/source.png': await png(),
        'Young/metadata.json': json({ age: 12 }),
      }),
    );
    expect(res.statusCode, res.body).toBe(202);
    const preview = await settled(res.json().id);
    const errors = Object.fromEntries(preview.entries.map((e) => [e.name, e.errors.join(' | ')]));
    expect(errors.Good).toBe('');
    expect(errors.Renamed).toContain('Renamed/source.png is not an image we can read');
    expect(errors.Empty).toContain('Empty/source.png is empty');
    expect(errors.Truncated).toContain('Truncated/source.png');
    expect(errors.Gif).toContain('Gif/source.gif is GIF; upload PNG, JPEG or WebP');
    expect(errors.BadJson).toContain('BadJson/metadata.json is not valid JSON');
    expect(errors.Young).toContain('Young/metadata.json: metadata.age');
    expect(preview.totals!.withErrors).toBe(6);

    const refused = await api('POST', `/api/v1/imports/${preview.id}/commit`, creator, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('import.has_errors');
    expect(await characterNames(projectId)).toEqual([]);

    await api('POST', `/api/v1/imports/${preview.id}/commit`, creator, { skipInvalid: true });
    const done = await settled(preview.id);
    expect(done.report).toMatchObject({ created: 1, skipped: 6 });
    expect(await characterNames(projectId)).toEqual(['Good']);
  });

  it('refuses two folders that would become one character until renamed or skipped', async () => {
    const id = (
      await uploadParts(projectId, folder({ 'Zed/source.png': await png(), 'ZED/source.png': await png() }))
    ).json().id;
    const preview = await settled(id);
    expect(preview.entries.every((e) => e.errors[0]?.includes('is also used by'))).toBe(true);
    const renamed = await api('PATCH', `/api/v1/imports/${id}`, creator, {
      entries: [{ folder: 'ZED', name: 'Zed Two' }],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().entries.map((e: { name: string; errors: string[] }) => [e.name, e.errors])).toEqual(
      [
        ['Zed', []],
        ['Zed Two', []],
      ],
    );
    const unknown = await api('PATCH', `/api/v1/imports/${id}`, creator, {
      entries: [{ folder: 'Nope', skip: true }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.entries.0.folder');
    const cancelled = await api('POST', `/api/v1/imports/${id}/cancel`, creator);
    expect(cancelled.json().status).toBe('cancelled');
    expect(fs.existsSync(path.join(stagingDir(), id))).toBe(false);
    const late = await api('POST', `/api/v1/imports/${id}/commit`, creator, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('import.wrong_state');
  });

  it('leaves nothing half-made when the import fails part-way', async () => {
    const target = (await createProject(studio, creator)).project.id;
    const id = (await uploadParts(target, folder(await threeCharacters()))).json().id;
    await settled(id);
    const storedFiles = () => new Set(fs.readdirSync(studio.storage.root, { recursive: true }) as string[]);
    const before = storedFiles();
    const audit = studio.services.audit;
    const original = audit.record.bind(audit);
    let imported = 0;
    audit.record = async (tx, ctx, entry) => {
      if (entry.action === 'character.imported' && ++imported === 2) throw new Error('disk on fire');
      return original(tx, ctx, entry);
    };
    try {
      await api('POST', `/api/v1/imports/${id}/commit`, creator, {});
      const failed = await settled(id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toContain('disk on fire');
    } finally {
      audit.record = original;
    }
    expect(await characterNames(target)).toEqual([]);
    const added = [...storedFiles()].filter((f) => !before.has(f) && /\.(png|webp)$/.test(f));
    expect(added).toEqual([]);
    // a failed import can be run again
    await api('POST', `/api/v1/imports/${id}/commit`, creator, {});
    expect((await settled(id)).report).toMatchObject({ created: 3 });
  });

  it('lets reviewers read imports but not start them', async () => {
    const res = await uploadParts(projectId, folder({ 'R/source.png': await png() }), reviewer);
    expect(res.statusCode).toBe(403);
    expect((await api('GET', `/api/v1/projects/${projectId}/imports`, reviewer)).statusCode).toBe(200);
  });
});

describe('imports as jobs', () => {
  it('runs the analysis and the commit as CPU jobs owned by the person who asked', async () => {
    await studio.services.imports.idle();
    const analyses = (await api('GET', '/api/v1/jobs?kind=import.analyse&owner=me')).json().items as {
      state: string;
      resource: string;
    }[];
    expect(analyses.length).toBeGreaterThan(0);
    expect(analyses.every((j) => j.resource === 'cpu' && ['completed', 'failed'].includes(j.state))).toBe(
      true,
    );
    const commits = (await api('GET', '/api/v1/jobs?kind=import.commit&owner=me&state=completed')).json()
      .items;
    expect(commits.length).toBeGreaterThan(0);
  });
});
