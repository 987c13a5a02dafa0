// Applies the checked-in drizzle-kit SQL migrations in order, once, under a lock (PRD-000 §1.0.1).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Db, rows } from './client.js';

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const lockKey = 7_202_611_250;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface Migration {
  tag: string;
  checksum: string;
  statements: string[];
}

export function readMigrations(dir = migrationsDir): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => {
      const text = fs.readFileSync(path.join(dir, `${e.tag}.sql`), 'utf8');
      return {
        tag: e.tag,
        checksum: createHash('sha256').update(text).digest('hex'),
        // drizzle-kit qualifies references with "public"; drop it so migrations apply to the search_path schema.
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.replaceAll('"public".', '').trim())
          .filter((s) => s.length > 0),
      };
    });
}

export interface AppliedMigration {
  tag: string;
  appliedAt: Date;
}

const createLedger = sql`CREATE TABLE IF NOT EXISTS schema_migrations (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  tag text NOT NULL CONSTRAINT uq_schema_migrations_tag UNIQUE,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

export class MigrationError extends Error {}

/** Applies pending migrations; returns the tags it applied. Safe to run from several processes at once. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKey})`);
    await tx.execute(createLedger);
    const done = await rows<{ tag: string; checksum: string }>(
      tx,
      sql`SELECT tag, checksum FROM schema_migrations`,
    );
    const byTag = new Map(done.map((d) => [d.tag, d.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = byTag.get(m.tag);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.tag} was changed after it was applied. Landed migrations must never be edited; add a new one.`,
          );
        }
        continue;
      }
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (tag, checksum) VALUES (${m.tag}, ${m.checksum})`);
      applied.push(m.tag);
    }
    return applied;
  });
}

export async function migrationStatus(
  db: Db,
  migrations = readMigrations(),
): Promise<{ applied: AppliedMigration[]; pending: string[] }> {
  const exists = await rows<{ ok: boolean }>(
    db,
    sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`,
  );
  const applied = exists[0]?.ok
    ? (
        await rows<{ tag: string; applied_at: Date | string }>(
          db,
          sql`SELECT tag, applied_at FROM schema_migrations ORDER BY id`,
        )
      ).map((r) => ({ tag: r.tag, appliedAt: new Date(r.applied_at) }))
    : [];
  const appliedTags = new Set(applied.map((a) => a.tag));
  return { applied, pending: migrations.map((m) => m.tag).filter((t) => !appliedTags.has(t)) };
}
