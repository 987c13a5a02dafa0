import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createUser, loginAdmin, type SignedIn } from './factories.js';
import { startTestStudio, type TestStudio } from './harness.js';

let studio: TestStudio;
let admin: SignedIn;
beforeAll(async () => {
  studio = await startTestStudio();
  admin = await loginAdmin(studio);
});
afterAll(() => studio.close());

const list = async (query: string) =>
  (await studio.app.inject({ url: `/api/v1/audit-events?${query}`, headers: admin.auth })).json();

describe('audit trail', () => {
  it('records the first admin, sign-ins, failed sign-ins and user management with who, what and where', async () => {
    await studio.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@studio.test', password: 'whatever-123456' },
      headers: { 'user-agent': 'audit-test' },
    });
    const u = await createUser(studio, admin, { role: 'reviewer' });
    const all = await list('limit=200');
    const actions = all.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'system.admin_bootstrapped',
        'auth.login',
        'auth.login_failed',
        'user.created',
      ]),
    );
    const failed = all.items.find((e: { action: string }) => e.action === 'auth.login_failed');
    expect(failed).toMatchObject({
      actor: { id: null, label: 'ghost@studio.test' },
      userAgent: 'audit-test',
    });
    const created = all.items.find(
      (e: { action: string; entityId: string }) => e.action === 'user.created' && e.entityId === u.user.id,
    );
    expect(created).toMatchObject({
      actor: { id: admin.user.id, email: admin.user.email },
      entityType: 'user',
    });
    expect(created.ip).toBeTruthy();
    expect(created.requestId).toBeTruthy();
  });

  it('filters by action prefix, actor, entity, text and time', async () => {
    const onlyUsers = await list('action=user.');
    expect(onlyUsers.items.length).toBeGreaterThan(0);
    expect(onlyUsers.items.every((e: { action: string }) => e.action.startsWith('user.'))).toBe(true);
    const byActor = await list(`actorId=${admin.user.id}`);
    expect(byActor.items.every((e: { actor: { id: string } }) => e.actor.id === admin.user.id)).toBe(true);
    const text = await list('q=ghost@studio');
    expect(text.items.length).toBeGreaterThan(0);
    const future = await list(`from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.items).toEqual([]);
    const bad = await studio.app.inject({ url: '/api/v1/audit-events?from=yesterday', headers: admin.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.from');
  });

  it('pages newest first without gaps or repeats', async () => {
    for (let i = 0; i < 4; i++)
      await studio.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.auth,
        payload: buildUser(),
      });
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await list(
        `limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...page.items.map((e) => Number(e.id)));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe(1);
  });

  it('writes the audit row in the same transaction: a refused change leaves no row', async () => {
    const before = (await list('limit=200')).items.length;
    const taken = buildUser({ email: admin.user.email });
    const res = await studio.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.auth,
      payload: taken,
    });
    expect(res.statusCode).toBe(409);
    expect((await list('limit=200')).items.length).toBe(before);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const db = studio.database.db;
    await expect(db.execute(sql`UPDATE audit_events SET summary = 'edited'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
  });

  it('verifies the hash chain, and finds the first tampered row', async () => {
    const ok = (await studio.app.inject({ url: '/api/v1/audit-events/verify', headers: admin.auth })).json();
    expect(ok).toMatchObject({ ok: true, firstBrokenId: null });
    expect(ok.checked).toBeGreaterThan(3);
    // someone with database superpowers edits history behind the triggers' back
    const db = studio.database.db;
    await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    await db.execute(sql`UPDATE audit_events SET summary = 'nothing happened' WHERE id = 2`);
    await db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    const broken = (
      await studio.app.inject({ url: '/api/v1/audit-events/verify', headers: admin.auth })
    ).json();
    expect(broken).toMatchObject({ ok: false, firstBrokenId: '2', checked: 1 });
  });
});

describe('audit chain under concurrency', () => {
  it('keeps one unbroken chain when many changes are written at once', async () => {
    const other = await startTestStudio();
    try {
      const a = await loginAdmin(other);
      await Promise.all(
        Array.from({ length: 12 }, () =>
          other.app.inject({ method: 'POST', url: '/api/v1/users', headers: a.auth, payload: buildUser() }),
        ),
      );
      const v = (await other.app.inject({ url: '/api/v1/audit-events/verify', headers: a.auth })).json();
      expect(v).toMatchObject({ ok: true, firstBrokenId: null });
      expect(v.checked).toBeGreaterThanOrEqual(14);
    } finally {
      await other.close();
    }
  });
});
