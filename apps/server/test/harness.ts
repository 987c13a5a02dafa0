// Starts a real studio app for one test file: PGlite in memory, or its own schema on PostgreSQL (I2V_TEST_DB).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp, type RegisteredRoute, type Services } from '../src/app.js';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { Clock } from '../src/platform/clock.js';
import { type Config, loadConfig } from '../src/platform/config.js';
import { argon2Hasher, type PasswordHasher } from '../src/platform/passwords.js';
import { systemContext } from '../src/platform/request-context.js';
import { LocalStorage } from '../src/platform/storage.js';

export const testDbKind = (process.env.I2V_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const testPostgresUrl = process.env.I2V_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

/** Counts password verifications, so tests can see that unknown emails still pay for Argon2id. */
export class CountingHasher implements PasswordHasher {
  verifyCalls = 0;
  hash(password: string) {
    return argon2Hasher.hash(password);
  }
  verify(passwordHash: string, password: string) {
    this.verifyCalls++;
    return argon2Hasher.verify(passwordHash, password);
  }
}

export const adminCredentials = { email: 'admin@studio.test', password: 'Studio-Keeper-2026' };

export interface TestStudio {
  app: FastifyInstance;
  services: Services;
  routes: RegisteredRoute[];
  database: Database;
  clock: TestClock;
  hasher: CountingHasher;
  config: Config;
  notReady: { reason: string | null };
  storage: LocalStorage;
  close(): Promise<void>;
}

/** Opens an isolated, migrated database for one test file. */
export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testDbKind === 'pglite') {
    const database = await openPglite({ dir: undefined });
    return { database, drop: () => database.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = await openPostgres({ url: testPostgresUrl, poolMax: 5, searchPath: schema });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: testPostgresUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function startTestStudio(env: Record<string, string> = {}): Promise<TestStudio> {
  const { database, drop } = await openTestDatabase();
  await migrate(database.db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-test-data-'));
  const config = loadConfig({
    I2V_LOG_LEVEL: 'silent',
    I2V_LOGIN_RATE_LIMIT: '10000',
    I2V_DATA_DIR: dataDir,
    // suites that need workers start their own comfy-sims
    I2V_SIM_WORKERS: '0',
    ...env,
  });
  const clock = new TestClock();
  const hasher = new CountingHasher();
  const notReady = { reason: null as string | null };
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-test-storage-'));
  const storage = new LocalStorage(storageRoot);
  const { app, services, routes } = await buildApp({
    config,
    database,
    storage,
    clock,
    hasher,
    // I2V_TEST_LOG=1 shows server errors while debugging a test
    logger: process.env.I2V_TEST_LOG ? { level: 'error' } : false,
    notReadyReason: () => notReady.reason,
  });
  await app.ready();
  await services.users.bootstrapAdmin(systemContext, adminCredentials.email, adminCredentials.password);
  return {
    app,
    services,
    routes,
    database,
    clock,
    hasher,
    config,
    notReady,
    storage,
    close: async () => {
      await services.imports.stop();
      await services.workerHealth.stop();
      await app.close();
      await drop();
      fs.rmSync(storageRoot, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
