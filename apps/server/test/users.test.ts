import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createUser, login, loginAdmin, type SignedIn } from './factories.js';
import { startTestStudio, type TestStudio } from './harness.js';

let studio: TestStudio;
let admin: SignedIn;
beforeAll(async () => {
  studio = await startTestStudio();
  admin = await loginAdmin(studio);
});
afterAll(() => studio.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who?.auth ?? {}, payload: payload as object });

async function counts() {
  const users = await api('GET', '/api/v1/users?limit=200', admin);
  const audit = await api('GET', '/api/v1/audit-events?limit=200', admin);
  return { users: users.json().items.length, audit: audit.json().items.length };
}

describe('admin user management', () => {
  it('creates a user with a chosen password, who can then sign in', async () => {
    const input = buildUser({ role: 'reviewer' });
    const res = await api('POST', '/api/v1/users', admin, input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      user: { email: input.email, role: 'reviewer', isActive: true },
      temporaryPassword: null,
    });
    const s = await login(studio, input.email, input.password);
    expect(s.user.mustChangePassword).toBe(false);
  });

  it('generates a temporary password when none is given and requires a change', async () => {
    const { password: _ignored, ...input } = buildUser();
    const res = await api('POST', '/api/v1/users', admin, input);
    const { temporaryPassword, user } = res.json();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(user.mustChangePassword).toBe(true);
    await login(studio, input.email, temporaryPassword);
  });

  it('refuses a duplicate email (any case) with 409 naming the field, and writes nothing', async () => {
    const first = buildUser();
    await api('POST', '/api/v1/users', admin, first);
    const before = await counts();
    const res = await api('POST', '/api/v1/users', admin, {
      ...buildUser(),
      email: first.email.toUpperCase(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'user.email_taken', errors: [{ field: 'body.email' }] });
    expect(await counts()).toEqual(before);
  });

  it('enforces the password policy with 422 naming the field', async () => {
    const short = await api('POST', '/api/v1/users', admin, buildUser({ password: 'short' }));
    expect(short.statusCode).toBe(422);
    expect(short.json().code).toBe('auth.password_policy');
    expect(short.json().errors[0]).toMatchObject({
      field: 'body.password',
      message: 'must be at least 12 characters',
    });
    const input = buildUser();
    const containsName = await api('POST', '/api/v1/users', admin, {
      ...input,
      password: `${input.email.split('@')[0]}-x1`,
    });
    expect(containsName.statusCode).toBe(422);
  });

  it.each([
    ['unknown field', { ...buildUser(), isAdmin: true }, 'body.isAdmin'],
    ['wrong type', { ...buildUser(), role: 7 }, 'body.role'],
    ['unknown role', { ...buildUser(), role: 'owner' }, 'body.role'],
    ['bad email', { ...buildUser(), email: "x'; DROP TABLE users; --" }, 'body.email'],
    ['over-long name', { ...buildUser(), displayName: 'n'.repeat(121) }, 'body.displayName'],
    ['empty name', { ...buildUser(), displayName: '   ' }, 'body.displayName'],
  ])('rejects %s with 400 naming %s', async (_label, payload, field) => {
    const before = await counts();
    const res = await api('POST', '/api/v1/users', admin, payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await api('POST', '/api/v1/users', admin, {
      ...buildUser(),
      displayName: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.body_too_large');
  });

  it('refuses a non-JSON content type with 415', async () => {
    const res = await studio.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.auth, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBe(415);
  });

  it('answers bad and unknown ids with 400 and 404', async () => {
    const bad = await api('GET', '/api/v1/users/123', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.id');
    const unknown = await api('GET', '/api/v1/users/01900000-0000-7000-8000-000000000000', admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('user.not_found');
  });

  it('changes a role and display name, auditing each change', async () => {
    const u = await createUser(studio, admin, { role: 'creator' });
    const res = await api('PATCH', `/api/v1/users/${u.user.id}`, admin, {
      role: 'reviewer',
      displayName: 'Renamed',
    });
    expect(res.json()).toMatchObject({ role: 'reviewer', displayName: 'Renamed' });
    const events = await api('GET', `/api/v1/audit-events?entityId=${u.user.id}`, admin);
    const actions = events.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.role_changed', 'user.updated', 'user.created']));
  });

  it('refuses an empty patch', async () => {
    const u = await createUser(studio, admin);
    const res = await api('PATCH', `/api/v1/users/${u.user.id}`, admin, {});
    expect(res.statusCode).toBe(400);
  });

  it('deactivates and reactivates', async () => {
    const u = await createUser(studio, admin);
    const off = await api('PATCH', `/api/v1/users/${u.user.id}`, admin, { isActive: false });
    expect(off.json().isActive).toBe(false);
    const on = await api('PATCH', `/api/v1/users/${u.user.id}`, admin, { isActive: true });
    expect(on.json().isActive).toBe(true);
    await login(studio, u.input.email, u.input.password);
  });

  it('keeps at least one active admin and refuses changes to your own role', async () => {
    const self = await api('PATCH', `/api/v1/users/${admin.user.id}`, admin, { role: 'creator' });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('user.cannot_modify_self');
    const other = await createUser(studio, admin, { role: 'admin' });
    // the other admin may demote the first while two exist…
    const demote = await api('PATCH', `/api/v1/users/${admin.user.id}`, other, { role: 'creator' });
    expect(demote.statusCode).toBe(200);
    // …but now `other` is the last admin and nobody can demote them
    const restore = await api('PATCH', `/api/v1/users/${admin.user.id}`, other, { role: 'admin' });
    expect(restore.statusCode).toBe(200);
    const lastCheck = await api('PATCH', `/api/v1/users/${other.user.id}`, admin, { isActive: false });
    expect(lastCheck.statusCode).toBe(200);
    const last = await api('PATCH', `/api/v1/users/${admin.user.id}`, admin, { isActive: false });
    expect(last.json().code).toBe('user.cannot_modify_self');
  });
});

describe('listing users', () => {
  it('paginates with a cursor, newest first, without repeats', async () => {
    for (let i = 0; i < 5; i++)
      await api('POST', '/api/v1/users', admin, buildUser({ displayName: `Pager ${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=2&q=Pager${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await api('GET', url, admin)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u: { displayName: string }) => u.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Pager 4', 'Pager 3', 'Pager 2', 'Pager 1', 'Pager 0']);
  });

  it('filters by role and status', async () => {
    const r = await createUser(studio, admin, { role: 'reviewer' });
    await api('PATCH', `/api/v1/users/${r.user.id}`, admin, { isActive: false });
    const reviewers = (await api('GET', '/api/v1/users?role=reviewer&status=inactive', admin)).json();
    expect(reviewers.items.map((u: { id: string }) => u.id)).toContain(r.user.id);
    expect(
      reviewers.items.every((u: { role: string; isActive: boolean }) => u.role === 'reviewer' && !u.isActive),
    ).toBe(true);
  });

  it('treats SQL and LIKE meta-characters in search as text', async () => {
    for (const q of ["' OR 1=1 --", '%', '_', '\\', '"; DROP TABLE users;']) {
      const res = await api('GET', `/api/v1/users?q=${encodeURIComponent(q)}`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });

  it('rejects bad query parameters naming them', async () => {
    const limit = await api('GET', '/api/v1/users?limit=1000', admin);
    expect(limit.statusCode).toBe(400);
    expect(limit.json().errors[0].field).toBe('query.limit');
    const cursor = await api('GET', '/api/v1/users?cursor=garbage', admin);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].field).toBe('query.cursor');
    const unknown = await api('GET', '/api/v1/users?sort=name', admin);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('query.sort');
  });
});

describe('role guard', () => {
  it('refuses user management to creators and reviewers with 403, and to anonymous callers with 401', async () => {
    for (const role of ['creator', 'reviewer'] as const) {
      const u = await createUser(studio, admin, { role });
      for (const [method, url] of [
        ['GET', '/api/v1/users'],
        ['POST', '/api/v1/users'],
        ['GET', '/api/v1/audit-events'],
      ] as const) {
        const res = await api(method, url, u, method === 'POST' ? buildUser() : undefined);
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('auth.forbidden');
      }
    }
    expect((await api('GET', '/api/v1/users', null)).statusCode).toBe(401);
  });
});

describe('profile', () => {
  it('lets any user rename themselves and change their password', async () => {
    const u = await createUser(studio, admin, { role: 'reviewer' });
    const renamed = await api('PATCH', '/api/v1/me', u, { displayName: 'New Name' });
    expect(renamed.json().displayName).toBe('New Name');
    const wrong = await api('POST', '/api/v1/me/password', u, {
      currentPassword: 'nope-nope-nope',
      newPassword: 'Another-long-pass-1',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const weak = await api('POST', '/api/v1/me/password', u, {
      currentPassword: u.input.password,
      newPassword: 'short',
    });
    expect(weak.json().errors[0].field).toBe('body.newPassword');
    const ok = await api('POST', '/api/v1/me/password', u, {
      currentPassword: u.input.password,
      newPassword: 'Another-long-pass-1',
    });
    expect(ok.statusCode).toBe(204);
    await login(studio, u.input.email, 'Another-long-pass-1');
  });

  it('clears the must-change flag after a password change', async () => {
    const { password: _p, ...input } = buildUser();
    const created = (await api('POST', '/api/v1/users', admin, input)).json();
    const s = await login(studio, input.email, created.temporaryPassword);
    await api('POST', '/api/v1/me/password', s, {
      currentPassword: created.temporaryPassword,
      newPassword: 'Fresh-long-pass-42',
    });
    const me = await api('GET', '/api/v1/me', s);
    expect(me.json().mustChangePassword).toBe(false);
  });
});
