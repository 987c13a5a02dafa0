import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCheckedInApiTypes, renderApiTypes } from '../../../scripts/api-types.js';
import { loginAdmin } from './factories.js';
import { startTestStudio, type TestStudio } from './harness.js';

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio();
});
afterAll(() => studio.close());

describe('health', () => {
  it('is live and ready once migrated and accepting work', async () => {
    expect((await studio.app.inject({ url: '/health/live' })).statusCode).toBe(200);
    const ready = await studio.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ok',
      checks: { database: { ok: true }, accepting: { ok: true } },
    });
  });

  it('is not ready while shutting down', async () => {
    studio.notReady.reason = 'shutting down (SIGTERM)';
    try {
      const ready = await studio.app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.accepting).toEqual({ ok: false, detail: 'shutting down (SIGTERM)' });
    } finally {
      studio.notReady.reason = null;
    }
  });
});

describe('metrics', () => {
  it('exposes Prometheus metrics including request latency by route', async () => {
    await studio.app.inject({ url: '/health/live' });
    const res = await studio.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('i2v_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/health/live"');
    expect(res.body).toContain('i2v_process_cpu_seconds_total');
  });
});

describe('request ids', () => {
  it('echoes a sane incoming x-request-id and replaces an unsafe one', async () => {
    const given = await studio.app.inject({ url: '/health/live', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const unsafe = await studio.app.inject({ url: '/health/live', headers: { 'x-request-id': '<script>' } });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await studio.app.inject({ url: '/api/v1/me', headers: { 'x-request-id': 'trace-9' } });
    expect(problem.json().requestId).toBe('trace-9');
  });
});

describe('route guards', () => {
  it('every registered route declares a guard', () => {
    expect(studio.routes.length).toBeGreaterThan(10);
    const unguarded = studio.routes.filter((r) => !r.config?.guard).map((r) => `${r.method} ${r.url}`);
    expect(unguarded).toEqual([]);
  });

  it('protects every API route except sign-in, refresh, sign-out, the OpenAPI document and signed media links', () => {
    const publicApi = [
      ...new Set(
        studio.routes
          .filter((r) => r.url.startsWith('/api/v1') && r.config?.guard === 'public')
          .map((r) => r.url),
      ),
    ].sort();
    // media routes check an HMAC signature in the URL instead of a bearer token (see modules/media/links.ts); the
    // live socket takes its token in the first message (browsers cannot set headers on a WebSocket)
    expect(publicApi).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/refresh',
      '/api/v1/live',
      '/api/v1/media/:id/file',
      '/api/v1/media/:id/proxy',
      '/api/v1/media/:id/sprite',
      '/api/v1/media/:id/thumbnail',
      '/api/v1/openapi.json',
    ]);
  });

  it('answers an unknown API route with a 404 problem, never the SPA', async () => {
    const res = await studio.app.inject({ url: '/api/v1/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route.not_found');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document describing every API route with its errors', async () => {
    const doc = (await studio.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/audit-events',
      ]),
    );
    expect(doc.components.schemas).toHaveProperty('User');
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.paths['/api/v1/users'].post.responses).toHaveProperty('4XX');
    expect(
      doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.additionalProperties,
    ).toBe(false);
  });

  it('documents the parts of multipart uploads', async () => {
    const doc = (await studio.app.inject({ url: '/api/v1/openapi.json' })).json();
    for (const [path, part] of [
      ['/api/v1/characters/{id}/source-image', 'file'],
      ['/api/v1/characters/{id}/variants', 'file'],
      ['/api/v1/scenes/{id}/versions', 'file'],
      ['/api/v1/projects/{id}/imports', 'archive'],
    ]) {
      const schema = doc.paths[path!].post.requestBody.content['multipart/form-data'].schema;
      expect(schema.properties[part!], path).toMatchObject({ type: 'string', format: 'binary' });
    }
  });

  it('has a browsable docs page', async () => {
    const res = await studio.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('matches the checked-in web client types (run `npm run gen:api` when this fails)', async () => {
    const fresh = await renderApiTypes(studio.app.swagger());
    expect(readCheckedInApiTypes()).toBe(fresh);
  });
});

describe('security headers', () => {
  it('sets a content security policy and other hardening headers', async () => {
    const res = await studio.app.inject({ url: '/health/live' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never returns a stack trace', async () => {
    const admin = await loginAdmin(studio);
    const res = await studio.app.inject({ url: '/api/v1/users/%E0%A4%A', headers: admin.auth });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/at .+\.ts:\d+/);
  });
});
