import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, loginAdmin } from './factories.js';
import { adminCredentials, startTestStudio, type TestStudio } from './harness.js';

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ I2V_LOGIN_MAX_FAILURES: '3', I2V_LOGIN_LOCK_SECONDS: '600' });
});
afterAll(() => studio.close());

const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  studio.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('login', () => {
  it('returns an access token and the user, and sets an httpOnly SameSite refresh cookie', async () => {
    const res = await post('/api/v1/auth/login', adminCredentials);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accessToken).toMatch(/^ey/);
    expect(body.user).toMatchObject({ email: adminCredentials.email, role: 'admin', isActive: true });
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'i2v_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
  });

  it('accepts the email in any case', async () => {
    const res = await post('/api/v1/auth/login', {
      ...adminCredentials,
      email: adminCredentials.email.toUpperCase(),
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password, and verifies a hash for both', async () => {
    const before = studio.hasher.verifyCalls;
    const unknown = await post('/api/v1/auth/login', {
      email: 'nobody@studio.test',
      password: 'whatever-password',
    });
    const afterUnknown = studio.hasher.verifyCalls;
    const wrong = await post('/api/v1/auth/login', {
      email: adminCredentials.email,
      password: 'wrong-password-1',
    });
    expect(afterUnknown - before).toBe(1);
    expect(studio.hasher.verifyCalls - afterUnknown).toBe(1);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(unknown.json().code).toBe('auth.invalid_credentials');
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    // a success resets the counter so later tests start clean
    await loginAdmin(studio);
  });

  it('rejects bad bodies with a problem naming the field', async () => {
    const missing = await post('/api/v1/auth/login', { email: 'a@b.c' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual(expect.objectContaining({ field: 'body.password' }));
    const wrongType = await post('/api/v1/auth/login', { email: 42, password: 'x' });
    expect(wrongType.json().errors[0].field).toBe('body.email');
    const malformed = await studio.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed_json');
  });

  it('locks an account after repeated failures, refuses even the right password, and audits it', async () => {
    const admin = await loginAdmin(studio);
    const victim = await createUser(studio, admin, { role: 'creator' });
    for (let i = 0; i < 3; i++) {
      const r = await post('/api/v1/auth/login', { email: victim.input.email, password: 'not-the-password' });
      expect(r.statusCode).toBe(401);
    }
    const locked = await post('/api/v1/auth/login', {
      email: victim.input.email,
      password: victim.input.password,
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('auth.account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const events = await studio.app.inject({
      url: `/api/v1/audit-events?action=auth.locked&entityId=${victim.user.id}`,
      headers: admin.auth,
    });
    expect(events.json().items).toHaveLength(1);
    // the lock ends by itself…
    studio.clock.advance(601);
    expect(
      (await post('/api/v1/auth/login', { email: victim.input.email, password: victim.input.password }))
        .statusCode,
    ).toBe(200);
  });

  it('lets an admin unlock an account by resetting its password', async () => {
    const admin = await loginAdmin(studio);
    const victim = await createUser(studio, admin);
    for (let i = 0; i < 3; i++)
      await post('/api/v1/auth/login', { email: victim.input.email, password: 'bad-password-x' });
    const reset = await studio.app.inject({
      method: 'POST',
      url: `/api/v1/users/${victim.user.id}/reset-password`,
      headers: admin.auth,
    });
    expect(reset.statusCode).toBe(200);
    const signedIn = await login(studio, victim.input.email, reset.json().temporaryPassword);
    expect(signedIn.user.mustChangePassword).toBe(true);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const admin = await loginAdmin(studio);
    const user = await createUser(studio, admin);
    await studio.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.user.id}`,
      headers: admin.auth,
      payload: { isActive: false },
    });
    const r = await post('/api/v1/auth/login', { email: user.input.email, password: user.input.password });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('auth.account_inactive');
  });
});

describe('rate limit', () => {
  it('answers 429 problem+json once a client exceeds the login rate', async () => {
    const limited = await startTestStudio({ I2V_LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'x@studio.test', password: 'nope-nope-nope' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) {
          expect(r.json().code).toBe('request.rate_limited');
          expect(r.headers['retry-after']).toBeDefined();
        }
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('access tokens', () => {
  it('reads the signed-in user from GET /me', async () => {
    const admin = await loginAdmin(studio);
    const me = await studio.app.inject({ url: '/api/v1/me', headers: admin.auth });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(adminCredentials.email);
  });

  it('answers 401 without a token, with a malformed one, and with an expired one', async () => {
    const none = await studio.app.inject({ url: '/api/v1/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('auth.unauthenticated');
    const garbage = await studio.app.inject({
      url: '/api/v1/me',
      headers: { authorization: 'Bearer not.a.jwt' },
    });
    expect(garbage.json().code).toBe('auth.token_invalid');
    const admin = await loginAdmin(studio);
    studio.clock.advance(studio.config.accessTokenTtl + 5);
    const expired = await studio.app.inject({ url: '/api/v1/me', headers: admin.auth });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('auth.token_expired');
  });

  it('applies a role change on the very next request', async () => {
    const admin = await loginAdmin(studio);
    const user = await createUser(studio, admin, { role: 'admin' });
    expect((await studio.app.inject({ url: '/api/v1/users', headers: user.auth })).statusCode).toBe(200);
    await studio.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.user.id}`,
      headers: admin.auth,
      payload: { role: 'reviewer' },
    });
    const after = await studio.app.inject({ url: '/api/v1/users', headers: user.auth });
    expect(after.statusCode).toBe(403);
    expect(after.json().code).toBe('auth.forbidden');
  });

  it('ends existing sessions of a deactivated user at once', async () => {
    const admin = await loginAdmin(studio);
    const user = await createUser(studio, admin);
    await studio.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.user.id}`,
      headers: admin.auth,
      payload: { isActive: false },
    });
    const me = await studio.app.inject({ url: '/api/v1/me', headers: user.auth });
    expect(me.statusCode).toBe(401);
  });
});

describe('refresh tokens', () => {
  const refresh = (cookie: string) =>
    studio.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { i2v_refresh: cookie } });

  it('rotates: a refresh returns a new access token and a new cookie', async () => {
    const s = await loginAdmin(studio);
    const r = await refresh(s.refreshCookie);
    expect(r.statusCode).toBe(200);
    const next = r.cookies.find((c) => c.name === 'i2v_refresh')!.value;
    expect(next).not.toBe(s.refreshCookie);
    const me = await studio.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${r.json().accessToken}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated token is reused', async () => {
    const s = await loginAdmin(studio);
    const first = await refresh(s.refreshCookie);
    const second = first.cookies.find((c) => c.name === 'i2v_refresh')!.value;
    const reused = await refresh(s.refreshCookie);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('auth.refresh_reused');
    // the legitimate successor and the access tokens of that session are dead too
    expect((await refresh(second)).statusCode).toBe(401);
    const me = await studio.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${first.json().accessToken}` },
    });
    expect(me.statusCode).toBe(401);
    // other sessions of the same user are untouched
    const other = await loginAdmin(studio);
    expect((await studio.app.inject({ url: '/api/v1/me', headers: other.auth })).statusCode).toBe(200);
  });

  it('refuses a missing or unknown cookie', async () => {
    const missing = await studio.app.inject({ method: 'POST', url: '/api/v1/auth/refresh' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('auth.refresh_invalid');
    expect((await refresh('forged-token')).json().code).toBe('auth.refresh_invalid');
  });

  it('expires after the refresh lifetime', async () => {
    const s = await loginAdmin(studio);
    studio.clock.advance(studio.config.refreshTokenTtl + 1);
    expect((await refresh(s.refreshCookie)).statusCode).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session: refresh and the access token stop working, and it is audited', async () => {
    const s = await loginAdmin(studio);
    const out = await studio.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { i2v_refresh: s.refreshCookie },
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'i2v_refresh');
    expect(cleared?.value).toBe('');
    const r = await studio.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { i2v_refresh: s.refreshCookie },
    });
    expect(r.statusCode).toBe(401);
    expect((await studio.app.inject({ url: '/api/v1/me', headers: s.auth })).statusCode).toBe(401);
    const admin = await loginAdmin(studio);
    const events = await studio.app.inject({
      url: '/api/v1/audit-events?action=auth.logout',
      headers: admin.auth,
    });
    expect(events.json().items.length).toBeGreaterThanOrEqual(1);
  });

  it('is harmless without a session', async () => {
    const out = await studio.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
  });
});
