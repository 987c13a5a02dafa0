import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli, waitFor } from './cli-process.js';
import { testDbKind } from './harness.js';

// The CLI runs against the embedded database; the PostgreSQL pass of the suite covers the same code through the harness.
const describeEmbedded = testDbKind === 'pglite' ? describe : describe.skip;
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('i2v config', () => {
  it('prints the effective configuration with secrets masked', async () => {
    const r = await runCli(['config'], {
      I2V_JWT_SECRET: 'x'.repeat(40),
      I2V_ADMIN_PASSWORD: 'super-secret-value',
      DATABASE_URL: 'postgres://me:hunter2@db.example:5432/studio',
    });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      jwtSecret: '********',
      adminPassword: '********',
    });
    expect(cfg.databaseUrl).toBe('postgres://me:********@db.example:5432/studio');
    expect(r.stdout).not.toContain('hunter2');
  });

  it('stops with a message naming a bad variable', async () => {
    const r = await runCli(['config'], { I2V_PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('I2V_PORT: must be a whole number');
  });

  it('refuses an unknown role', async () => {
    const r = await runCli(['start', '--roles', 'api,painter'], {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('painter');
  });
});

describeEmbedded('i2v start', () => {
  it('starts, prints the first admin once, refuses a second process on the same data dir, and shuts down cleanly', async () => {
    const dir = tempDir();
    const env = { I2V_DATA_DIR: dir, I2V_PORT: '0' };
    const first = spawnCli(['start'], env);
    try {
      await waitFor(() => /ready on (http:\/\/\S+)/.test(first.output()), 30_000, 'the studio to start');
      const url = /ready on (http:\/\/\S+)/.exec(first.output())![1]!;
      expect(first.output()).toMatch(/password: [A-Za-z0-9]{20}/);
      expect(first.output()).toContain('A demo project with three characters');
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      expect(fs.existsSync(path.join(dir, 'i2v.lock'))).toBe(true);

      const second = await runCli(['start'], env);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain('data directory is in use by another i2v process');
      expect(second.stderr).toContain(`pid ${first.pid}`);
    } finally {
      first.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => first.on('exit', resolve));
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'i2v.lock'))).toBe(false);

    // a restart on the same data dir keeps the admin and does not print a password again
    const again = spawnCli(['start'], env);
    try {
      await waitFor(() => /ready on/.test(again.output()), 30_000, 'the restart');
      expect(again.output()).not.toContain('First admin created');
    } finally {
      again.kill('SIGTERM');
      await new Promise((resolve) => again.on('exit', resolve));
    }
  });
});

describeEmbedded('i2v migrate and i2v user', () => {
  it('migrates, then creates a user and resets a password from the command line', async () => {
    const dir = tempDir();
    const env = { I2V_DATA_DIR: dir };
    const migrated = await runCli(['migrate'], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/applied {2}0001_identity_and_audit/);
    expect(migrated.stdout).toMatch(/migration\(s\) applied now/);
    const status = await runCli(['migrate', '--status'], env);
    expect(status.stdout).toContain('0 pending');

    const created = await runCli(['user', 'create', '--email', 'Ops@Studio.test', '--role', 'creator'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created creator ops@studio.test');
    expect(created.stdout).toMatch(/Temporary password \(shown once\): [A-Za-z0-9]{20}/);

    const dup = await runCli(['user', 'create', '--email', 'ops@studio.test', '--role', 'creator'], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already exists');

    const badRole = await runCli(['user', 'create', '--email', 'x@studio.test', '--role', 'boss'], env);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('must be admin, creator or reviewer');

    const reset = await runCli(['user', 'reset-password', '--email', 'ops@studio.test'], env);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/Temporary password for ops@studio.test/);

    const unknown = await runCli(['user', 'reset-password', '--email', 'nobody@studio.test'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No user with email');
  }, 120_000);

  it('lists, cancels and retries jobs from the command line, refusing bad input', async () => {
    const dir = tempDir();
    const env = { I2V_DATA_DIR: dir };
    const empty = await runCli(['jobs', 'list'], env);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No jobs.');
    const badState = await runCli(['jobs', 'list', '--state', 'sleeping'], env);
    expect(badState.code).toBe(1);
    expect(badState.stderr).toContain('--state sleeping is not a job state');
    const badId = await runCli(['jobs', 'cancel', 'nope'], env);
    expect(badId.code).toBe(1);
    expect(badId.stderr).toContain('is not a job id');
    const unknown = await runCli(['jobs', 'retry', '01900000-0000-7000-8000-000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no job');
  }, 120_000);
});
