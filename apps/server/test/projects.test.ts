import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createProject, type SignedIn, startStudioWithTeam } from './factories.js';
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
const api = (
  method: Method,
  url: string,
  who: SignedIn,
  payload?: unknown,
  headers: Record<string, string> = {},
) => studio.app.inject({ method, url, headers: { ...who.auth, ...headers }, payload: payload as object });
const move = (id: string, to: string, who = creator) =>
  api('POST', `/api/v1/projects/${id}/transitions`, who, { to });

describe('creating projects', () => {
  it('creates a project in setup with default retention and settings, records its creator and audits it', async () => {
    const res = await api('POST', '/api/v1/projects', creator, {
      name: '  Spring Campaign  ',
      description: 'Forty characters',
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: 'Spring Campaign',
      status: 'setup',
      locked: false,
      allowedTransitions: ['active', 'archived'],
      retention: { failedOutputsDays: 30, cancelledArtifactsDays: 7, trashGraceDays: 7 },
      settings: { requireIndependentApproval: false },
      createdBy: { id: creator.user.id },
      deletedAt: null,
    });
    expect(res.headers.etag).toMatch(/^".+"$/);
    const audit = await api('GET', `/api/v1/audit-events?entityId=${p.id}`, admin);
    expect(audit.json().items[0]).toMatchObject({
      action: 'project.created',
      actor: { id: creator.user.id },
    });
  });

  it('accepts retention and settings at creation', async () => {
    const res = await api('POST', '/api/v1/projects', creator, {
      ...buildProject(),
      retention: { trashGraceDays: 30 },
      settings: { requireIndependentApproval: true },
    });
    expect(res.json().retention).toEqual({
      failedOutputsDays: 30,
      cancelledArtifactsDays: 7,
      trashGraceDays: 30,
    });
    expect(res.json().settings.requireIndependentApproval).toBe(true);
  });

  it('refuses a duplicate name in any case with 409 naming the field', async () => {
    const { project } = await createProject(studio, creator);
    const res = await api('POST', '/api/v1/projects', creator, { name: project.name.toUpperCase() });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'project.name_taken', errors: [{ field: 'body.name' }] });
  });

  it.each([
    ['empty name', { name: ' ' }, 'body.name'],
    ['long name', { name: 'x'.repeat(121) }, 'body.name'],
    ['unknown field', { name: 'Okay', owner: 'me' }, 'body.owner'],
    [
      'retention below a day',
      { name: 'Okay', retention: { trashGraceDays: 0 } },
      'body.retention.trashGraceDays',
    ],
    [
      'retention fraction',
      { name: 'Okay', retention: { failedOutputsDays: 1.5 } },
      'body.retention.failedOutputsDays',
    ],
    ['unknown setting', { name: 'Okay', settings: { turbo: true } }, 'body.settings.turbo'],
  ])('rejects %s with 400 naming %s', async (_label, payload, field) => {
    const res = await api('POST', '/api/v1/projects', creator, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is refused to reviewers', async () => {
    const res = await api('POST', '/api/v1/projects', reviewer, buildProject());
    expect(res.statusCode).toBe(403);
  });
});

describe('reading and listing', () => {
  it('lets every role read, and lists newest first with search, status filter and cursor pages', async () => {
    const tag = `Lister${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push((await createProject(studio, creator, { name: `${tag} ${i}` })).project);
    await move(made[1]!.id, 'active');
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await api('GET', `/api/v1/projects?limit=2&q=${tag}${cursor ? `&cursor=${cursor}` : ''}`, reviewer)
      ).json();
      names.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual([4, 3, 2, 1, 0].map((i) => `${tag} ${i}`));
    const active = (await api('GET', `/api/v1/projects?q=${tag}&status=active`, reviewer)).json();
    expect(active.items.map((p: { name: string }) => p.name)).toEqual([`${tag} 1`]);
    const one = await api('GET', `/api/v1/projects/${made[0]!.id}`, reviewer);
    expect(one.statusCode).toBe(200);
  });

  it('answers unknown and malformed ids with 404 and 400', async () => {
    expect(
      (await api('GET', '/api/v1/projects/01900000-0000-7000-8000-000000000001', creator)).json().code,
    ).toBe('project.not_found');
    expect((await api('GET', '/api/v1/projects/42', creator)).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/projects?status=finished', creator)).json().errors[0].field).toBe(
      'query.status',
    );
  });
});

describe('editing', () => {
  it('changes fields, audits the changes with before and after, and moves the ETag', async () => {
    const { project, etag } = await createProject(studio, creator);
    const res = await api(
      'PATCH',
      `/api/v1/projects/${project.id}`,
      creator,
      {
        name: `${project.name} v2`,
        retention: { failedOutputsDays: 60 },
        settings: { requireIndependentApproval: true },
      },
      { 'if-match': etag },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: `${project.name} v2`,
      retention: { failedOutputsDays: 60, trashGraceDays: 7 },
      settings: { requireIndependentApproval: true },
    });
    expect(res.headers.etag).not.toBe(etag);
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${project.id}&action=project.updated`, admin)
    ).json();
    expect(audit.items[0].details.changes).toMatchObject({
      name: { from: project.name, to: `${project.name} v2` },
      'retention.failedOutputsDays': { from: 30, to: 60 },
      'settings.requireIndependentApproval': { from: false, to: true },
    });
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const { project, etag } = await createProject(studio, creator);
    await api(
      'PATCH',
      `/api/v1/projects/${project.id}`,
      creator,
      { description: 'first' },
      { 'if-match': etag },
    );
    const stale = await api(
      'PATCH',
      `/api/v1/projects/${project.id}`,
      creator,
      { description: 'second' },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('request.version_conflict');
    expect((await api('GET', `/api/v1/projects/${project.id}`, creator)).json().description).toBe('first');
  });

  it('refuses renaming onto another project’s name', async () => {
    const a = (await createProject(studio, creator)).project;
    const b = (await createProject(studio, creator)).project;
    const res = await api('PATCH', `/api/v1/projects/${b.id}`, creator, { name: a.name });
    expect(res.statusCode).toBe(409);
  });

  it('is refused to reviewers', async () => {
    const { project } = await createProject(studio, creator);
    expect(
      (await api('PATCH', `/api/v1/projects/${project.id}`, reviewer, { description: 'x' })).statusCode,
    ).toBe(403);
  });
});

describe('lifecycle', () => {
  it('walks setup → active → delivered, locks, re-opens, archives and closes for good', async () => {
    const { project } = await createProject(studio, creator);
    expect((await move(project.id, 'active')).json().status).toBe('active');
    const delivered = (await move(project.id, 'delivered')).json();
    expect(delivered).toMatchObject({
      status: 'delivered',
      locked: true,
      allowedTransitions: ['active', 'archived'],
    });
    const locked = await api('PATCH', `/api/v1/projects/${project.id}`, creator, {
      description: 'late edit',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('project.locked');
    expect((await api('DELETE', `/api/v1/projects/${project.id}`, creator)).json().code).toBe(
      'project.locked',
    );
    expect((await move(project.id, 'active')).json().locked).toBe(false);
    await move(project.id, 'archived');
    const closed = (await move(project.id, 'closed')).json();
    expect(closed).toMatchObject({ status: 'closed', allowedTransitions: [] });
    const again = await move(project.id, 'active');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('project.illegal_transition');
    const trail = (
      await api('GET', `/api/v1/audit-events?entityId=${project.id}&action=project.status_changed`, admin)
    ).json();
    expect(trail.items.map((e: { details: { to: string } }) => e.details.to)).toEqual([
      'closed',
      'archived',
      'active',
      'delivered',
      'active',
    ]);
  });

  it('refuses skipping a step, naming what is allowed', async () => {
    const { project } = await createProject(studio, creator);
    const res = await move(project.id, 'delivered');
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toEqual({ field: 'body.to', message: 'must be one of: active, archived' });
  });
});

describe('trash', () => {
  it('moves a project to the trash and restores it; the trash lists it meanwhile', async () => {
    const { project } = await createProject(studio, creator);
    expect((await api('DELETE', `/api/v1/projects/${project.id}`, creator)).statusCode).toBe(204);
    const live = (await api('GET', `/api/v1/projects?q=${encodeURIComponent(project.name)}`, creator)).json();
    expect(live.items).toEqual([]);
    const trash = (
      await api('GET', `/api/v1/projects?deleted=only&q=${encodeURIComponent(project.name)}`, creator)
    ).json();
    expect(trash.items[0]).toMatchObject({ id: project.id, allowedTransitions: [] });
    expect(trash.items[0].deletedAt).not.toBeNull();
    expect((await move(project.id, 'active')).json().code).toBe('project.deleted');
    // deleting twice is harmless
    expect((await api('DELETE', `/api/v1/projects/${project.id}`, creator)).statusCode).toBe(204);
    const restored = await api('POST', `/api/v1/projects/${project.id}/restore`, creator);
    expect(restored.json()).toMatchObject({ id: project.id, deletedAt: null });
  });

  it('frees the name while trashed, and refuses a restore that would clash', async () => {
    const { project } = await createProject(studio, creator);
    await api('DELETE', `/api/v1/projects/${project.id}`, creator);
    await createProject(studio, creator, { name: project.name });
    const res = await api('POST', `/api/v1/projects/${project.id}/restore`, creator);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('project.name_taken');
  });
});
