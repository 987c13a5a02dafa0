import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, multipartFile } from './images.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn = creator, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const files = () =>
  (fs.readdirSync(studio.storage.root, { recursive: true }) as string[]).filter((f) =>
    /\.(png|webp|jpg)$/.test(f),
  ).length;
let seed = 500;
async function characterWithImages(projectId: string, name: string) {
  const c = (await api('POST', `/api/v1/projects/${projectId}/characters`, creator, { name })).json();
  const body = multipartFile(await makeImage('png', { seed: ++seed }), 'src.png');
  await studio.app.inject({
    method: 'POST',
    url: `/api/v1/characters/${c.id}/source-image`,
    headers: { ...creator.auth, ...body.headers },
    payload: body.payload,
  });
  return c;
}

beforeAll(async () => {
  ({ studio, admin, creator } = await startStudioWithTeam());
});
afterAll(() => studio.close());

describe('the trash', () => {
  it('lists trashed characters, and purges one at once with its files', async () => {
    const projectId = (await createProject(studio, creator)).project.id;
    const keep = await characterWithImages(projectId, 'Keeper');
    const gone = await characterWithImages(projectId, 'Goner');
    expect((await api('DELETE', `/api/v1/characters/${gone.id}/purge`)).json().code).toBe(
      'character.not_in_trash',
    );
    await api('DELETE', `/api/v1/characters/${gone.id}`);
    const trash = (await api('GET', `/api/v1/projects/${projectId}/characters?deleted=only`)).json();
    expect(trash.items.map((c: { name: string }) => c.name)).toEqual(['Goner']);
    const before = files();
    expect((await api('DELETE', `/api/v1/characters/${gone.id}/purge`)).statusCode).toBe(204);
    expect(files()).toBe(before - 2);
    expect((await api('GET', `/api/v1/characters/${gone.id}`)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/characters/${keep.id}`)).json().sourceImage).not.toBeNull();
    const audit = (await api('GET', `/api/v1/audit-events?action=character.purged`, admin)).json();
    expect(audit.items[0].summary).toBe('Purged character "Goner" and 1 files (purged from the trash)');
  });

  it('purges characters and projects once their grace period has passed, not before', async () => {
    const projectId = (await createProject(studio, creator)).project.id;
    const c = await characterWithImages(projectId, 'Old news');
    await api('DELETE', `/api/v1/characters/${c.id}`);
    const doomed = (await createProject(studio, creator)).project.id;
    await characterWithImages(doomed, 'In a doomed project');
    await api('DELETE', `/api/v1/projects/${doomed}`);
    // the default grace period is 7 days
    studio.clock.advance(6 * 86_400);
    expect(await studio.services.retention.sweep()).toEqual({
      characters: 0,
      projects: 0,
      videoVersions: 0,
      files: 0,
    });
    studio.clock.advance(2 * 86_400);
    const swept = await studio.services.retention.sweep();
    expect(swept).toMatchObject({ characters: 1, projects: 1 });
    expect(swept.files).toBe(4);
    // eight days later the signed-in tokens have expired: look through the services
    await expect(studio.services.characters.get(c.id)).rejects.toMatchObject({ code: 'character.not_found' });
    await expect(studio.services.projects.get(doomed)).rejects.toMatchObject({ code: 'project.not_found' });
    const audit = await studio.services.audit.list({ limit: 5, action: 'project.purged' });
    expect(audit.items[0]!.summary).toContain('its trash grace period ended');
  });
});
