// PRD-000 conventions, read from the live catalog after all migrations ran.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { migrate, migrationStatus, readMigrations } from '../src/db/migrate.js';
import { openTestDatabase } from './harness.js';

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  opened = await openTestDatabase();
  await migrate(opened.database.db);
});
afterAll(() => opened.drop());

const q = <T>(query: ReturnType<typeof sql>) => rows<T>(opened.database.db, query);
const here = sql`current_schema()`;

describe('schema conventions', () => {
  it('has the tables this issue defines', async () => {
    const tables = await q<{ name: string }>(
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${here} AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'users',
        'roles',
        'refresh_tokens',
        'audit_events',
        'instance_secrets',
        'schema_migrations',
      ]),
    );
  });

  it('gives every table a primary key', async () => {
    const missing = await q<{ name: string }>(sql`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${here} AND c.relkind = 'r'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')`);
    expect(missing).toEqual([]);
  });

  it('gives every table created_at and updated_at as timestamptz NOT NULL', async () => {
    const bad = await q<{ name: string }>(sql`
      SELECT t.table_name AS name FROM information_schema.tables t
      WHERE t.table_schema = ${here} AND t.table_type = 'BASE TABLE'
        AND (SELECT count(*) FROM information_schema.columns c
             WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
               AND c.column_name IN ('created_at', 'updated_at')
               AND c.data_type = 'timestamp with time zone' AND c.is_nullable = 'NO') <> 2`);
    expect(bad).toEqual([]);
  });

  it('uses bigint for every primary and foreign key column', async () => {
    const bad = await q<{ col: string }>(sql`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS col
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE n.nspname = ${here} AND c.contype IN ('p', 'f') AND a.atttypid <> 'int8'::regtype`);
    expect(bad).toEqual([]);
  });

  it('indexes every foreign key and gives it an explicit ON DELETE', async () => {
    const fks = await q<{ name: string; deltype: string; indexed: boolean }>(sql`
      SELECT c.conname AS name, c.confdeltype AS deltype,
        EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
                AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey) AS indexed
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = ${here} AND c.contype = 'f'`);
    expect(fks.length).toBeGreaterThan(0);
    // 'a' is NO ACTION, the silent default; we require cascade (c), set null (n), restrict (r) or set default (d)
    expect(fks.filter((f) => f.deltype === 'a')).toEqual([]);
    expect(fks.filter((f) => !f.indexed)).toEqual([]);
  });

  it('keeps statuses in lookup tables or CHECK-constrained columns', async () => {
    const statusLike = await q<{ tbl: string; col: string; constrained: boolean }>(sql`
      SELECT c.table_name AS tbl, c.column_name AS col,
        EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                WHERE k.conrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
                  AND a.attname = c.column_name AND k.contype IN ('c', 'f')) AS constrained
      FROM information_schema.columns c
      WHERE c.table_schema = ${here}
        AND (c.column_name ~ '(^|_)(status|state|kind|reason)$' OR c.column_name ~ '(^|_)(status|state)_id$'
             OR c.column_name = 'role_id')`);
    expect(statusLike.length).toBeGreaterThan(0);
    expect(statusLike.filter((s) => !s.constrained)).toEqual([]);
  });

  it('seeds the role lookup table', async () => {
    const roles = await q<{ code: string }>(sql`SELECT code FROM roles ORDER BY id`);
    expect(roles.map((r) => r.code)).toEqual(['admin', 'creator', 'reviewer']);
  });
});

describe('migrations', () => {
  it('are idempotent: a second run applies nothing and nothing is pending', async () => {
    expect(await migrate(opened.database.db)).toEqual([]);
    const status = await migrationStatus(opened.database.db);
    expect(status.pending).toEqual([]);
    expect(status.applied.map((a) => a.tag)).toEqual(readMigrations().map((m) => m.tag));
  });

  it('refuse to run when a landed migration was edited', async () => {
    const edited = readMigrations().map((m, i) => (i === 1 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(opened.database.db, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('apply a new migration and record it', async () => {
    const extra = { tag: '9999_test_extra', checksum: 'x', statements: ['SELECT 1'] };
    expect(await migrate(opened.database.db, [...readMigrations(), extra])).toEqual(['9999_test_extra']);
  });
});
