// Several studio processes on one PostgreSQL: migrations and the first admin happen exactly once.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Database, openPostgres, rows } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { loadConfig } from '../src/platform/config.js';
import { systemContext } from '../src/platform/request-context.js';
import { testDbKind, testPostgresUrl } from './harness.js';

const describePostgres = testDbKind === 'postgres' ? describe : describe.skip;

describePostgres('several processes on one PostgreSQL', () => {
  const schema = `mp_${randomBytes(5).toString('hex')}`;
  const processes: Database[] = [];
  beforeAll(async () => {
    const c = new pg.Client({ connectionString: testPostgresUrl });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    for (let i = 0; i < 4; i++) {
      processes.push(await openPostgres({ url: testPostgresUrl, poolMax: 3, searchPath: schema }));
    }
  });
  afterAll(async () => {
    for (const p of processes) await p.close();
    const c = new pg.Client({ connectionString: testPostgresUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('migrate once, create one first admin, share one token key', async () => {
    const applied = await Promise.all(processes.map((p) => migrate(p.db)));
    expect(applied.filter((a) => a.length > 0)).toHaveLength(1);

    const config = loadConfig({ I2V_LOG_LEVEL: 'silent' });
    const apps = await Promise.all(
      processes.map((database) => buildApp({ config, database, logger: false })),
    );
    try {
      const admins = await Promise.all(
        apps.map((a) =>
          a.services.users.bootstrapAdmin(systemContext, 'first@studio.test', 'Only-One-Admin-9'),
        ),
      );
      expect(admins.filter(Boolean)).toHaveLength(1);
      const count = await rows<{ n: number }>(processes[0]!.db, sql`SELECT count(*)::int AS n FROM users`);
      expect(count[0]!.n).toBe(1);

      // a token issued by one process is accepted by another
      const login = await apps[0]!.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'first@studio.test', password: 'Only-One-Admin-9' },
      });
      const me = await apps[3]!.app.inject({
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${login.json().accessToken}` },
      });
      expect(me.statusCode).toBe(200);
    } finally {
      await Promise.all(apps.map((a) => a.app.close()));
    }
  });
});
