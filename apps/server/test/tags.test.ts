import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let project: string;
beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
  project = (await createProject(studio, creator)).project.id;
});
afterAll(() => studio.close());

type Method = 'GET' | 'POST' | 'PUT';
const api = (method: Method, url: string, who: SignedIn, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const character = async (name: string, tags: string[]) => {
  const c = (await api('POST', `/api/v1/projects/${project}/characters`, creator, { name })).json();
  return (await api('PUT', `/api/v1/characters/${c.id}/tags`, creator, { tags })).json();
};
const names = async (query: string) =>
  (await api('GET', `/api/v1/projects/${project}/characters?${query}`, reviewer))
    .json()
    .items.map((c: { name: string }) => c.name);

describe('tags', () => {
  it('are created on first use, normalised, sorted, de-duplicated and audited', async () => {
    const c = await character('Tagged', ['Hero', 'style:Cinematic', 'hero']);
    expect(c.tags).toEqual(['hero', 'style:cinematic']);
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${c.id}&action=character.tags_changed`, admin)
    ).json();
    expect(audit.items[0].details).toEqual({ from: [], to: ['hero', 'style:cinematic'] });
    // setting the same set again changes nothing and writes no audit row
    await api('PUT', `/api/v1/characters/${c.id}/tags`, creator, { tags: ['style:cinematic', 'hero'] });
    const again = (
      await api('GET', `/api/v1/audit-events?entityId=${c.id}&action=character.tags_changed`, admin)
    ).json();
    expect(again.items).toHaveLength(1);
  });

  it('filter character lists with all / any and namespaces', async () => {
    await character('Anna', ['lead', 'style:noir']);
    await character('Ben', ['lead', 'style:pastel']);
    await character('Cleo', ['extra']);
    expect(await names('tags=lead')).toEqual(['Anna', 'Ben']);
    expect(await names('tags=lead,style:noir')).toEqual(['Anna']);
    expect(await names('tags=extra,style:noir&tagMode=any')).toEqual(['Anna', 'Cleo']);
    expect(await names('tags=style:')).toEqual(['Anna', 'Ben', 'Tagged']);
    expect(await names('tags=nothing-like-this')).toEqual([]);
  });

  it('refuse malformed names naming the entry, and reviewers', async () => {
    const c = (
      await api('POST', `/api/v1/projects/${project}/characters`, creator, { name: 'Plain' })
    ).json();
    const bad = await api('PUT', `/api/v1/characters/${c.id}/tags`, creator, {
      tags: ['ok', 'no spaces here'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.tags.1');
    expect((await api('PUT', `/api/v1/characters/${c.id}/tags`, reviewer, { tags: ['x'] })).statusCode).toBe(
      403,
    );
  });

  it('apply to scene types too, with the same filter', async () => {
    const types = (await api('GET', '/api/v1/image-variant-types', creator)).json().items;
    const st = (
      await api('POST', '/api/v1/scene-types', creator, {
        projectId: project,
        name: 'Tagged Walk',
        prompts: { full_clip: { positive: 'walks', negative: '' } },
        targetDurationSeconds: 5,
        segmentDurationSeconds: 5,
        applicability: { kind: 'variants', variantTypeIds: [types[0].id] },
      })
    ).json();
    const tagged = (
      await api('PUT', `/api/v1/scene-types/${st.id}/tags`, creator, { tags: ['motion:walk'] })
    ).json();
    expect(tagged.tags).toEqual(['motion:walk']);
    const listed = (
      await api('GET', `/api/v1/scene-types?projectId=${project}&tags=motion:`, reviewer)
    ).json().items;
    expect(listed.map((t: { name: string }) => t.name)).toEqual(['Tagged Walk']);
  });

  it('are suggested by prefix, most used first', async () => {
    const res = (await api('GET', '/api/v1/tags?q=st', reviewer)).json();
    expect(res.items.map((t: { name: string }) => t.name)).toEqual([
      'style:cinematic',
      'style:noir',
      'style:pastel',
    ]);
    const lead = (await api('GET', '/api/v1/tags?q=lead', reviewer)).json().items[0];
    expect(lead).toEqual({ name: 'lead', characters: 2, sceneTypes: 0 });
  });

  it('are added and removed on many characters at once, in one go', async () => {
    const other = (await createProject(studio, creator)).project.id;
    const make = async (name: string, tags: string[]) => {
      const c = (await api('POST', `/api/v1/projects/${other}/characters`, creator, { name })).json();
      return (await api('PUT', `/api/v1/characters/${c.id}/tags`, creator, { tags })).json();
    };
    const a = await make('Bulk A', ['old']);
    const b = await make('Bulk B', []);
    const res = await api('POST', `/api/v1/projects/${other}/characters/bulk-tags`, creator, {
      characterIds: [a.id, b.id],
      add: ['Batch:One'],
      remove: ['old'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ changed: 2, unchanged: 0 });
    const tagsOf = async (id: string) => (await api('GET', `/api/v1/characters/${id}`, reviewer)).json().tags;
    expect(await tagsOf(a.id)).toEqual(['batch:one']);
    expect(await tagsOf(b.id)).toEqual(['batch:one']);
    const again = await api('POST', `/api/v1/projects/${other}/characters/bulk-tags`, creator, {
      characterIds: [a.id],
      add: ['batch:one'],
    });
    expect(again.json()).toEqual({ changed: 0, unchanged: 1 });
    // a character of another project refuses the whole batch, naming it
    const stranger = await character('Stranger', []);
    const refused = await api('POST', `/api/v1/projects/${other}/characters/bulk-tags`, creator, {
      characterIds: [a.id, stranger.id],
      remove: ['batch:one'],
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors[0].field).toBe('body.characterIds.1');
    expect(await tagsOf(a.id)).toEqual(['batch:one']);
    const empty = await api('POST', `/api/v1/projects/${other}/characters/bulk-tags`, creator, {
      characterIds: [a.id],
    });
    expect(empty.statusCode).toBe(400);
    expect(
      (
        await api('POST', `/api/v1/projects/${other}/characters/bulk-tags`, reviewer, {
          characterIds: [a.id],
          add: ['x'],
        })
      ).statusCode,
    ).toBe(403);
  });
});
