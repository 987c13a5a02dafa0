// Fault tests of the job engine with real processes and real comfy-sims: the studio killed mid-render and restarted
// recovers the result from ComfyUI's history without rendering again; two schedulers on one PostgreSQL run every job
// exactly once and never double-book a worker.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type { Job } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Database, openPostgres, rows } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedExampleWorkflows } from '../src/modules/workflows/examples.js';
import { loadConfig } from '../src/platform/config.js';
import { systemContext } from '../src/platform/request-context.js';
import { spawnCli, waitFor } from './cli-process.js';
import { testDbKind, testPostgresUrl } from './harness.js';

const sims: ComfySim[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop().catch(() => undefined)));
});
const small = { width: 64, height: 64, frame_count: 9, steps: 4 };
const admin = { email: 'faults@studio.test', password: 'Crash-Test-Dummy-2026' };

async function call(base: string, token: string | null, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const describePglite = testDbKind === 'pglite' ? describe : describe.skip;
const describePostgres = testDbKind === 'postgres' ? describe : describe.skip;

describePglite('the studio killed mid-render', () => {
  it('completes the job from ComfyUI history after a restart, without a second render', async () => {
    const sim = await startComfySim({ port: 0, speed: 20 });
    sims.push(sim);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-kill-'));
    const env = {
      I2V_DATA_DIR: dir,
      I2V_PORT: '0',
      I2V_DEMO: '0',
      I2V_ADMIN_EMAIL: admin.email,
      I2V_ADMIN_PASSWORD: admin.password,
      I2V_HEALTH_INTERVAL_MS: '200',
      I2V_JOB_TICK_MS: '200',
    };
    const start = async () => {
      const child = spawnCli(['start'], env);
      await waitFor(() => /ready on (http:\/\/\S+)/.test(child.output()), 60_000, 'the studio to start');
      const base = /ready on (http:\/\/\S+)/.exec(child.output())![1]!;
      const login = await call(base, null, 'POST', '/auth/login', admin);
      return { child, base, token: login.json.accessToken as string };
    };
    let s = await start();
    try {
      const workflows = await call(s.base, s.token, 'GET', '/workflows?limit=50');
      const wf = (workflows.json.items as { name: string; latestVersion: { id: string } }[]).find(
        (w) => w.name === 'Image to video',
      )!;
      const versionId = wf.latestVersion.id;
      const reg = await call(s.base, s.token, 'POST', '/workers', {
        name: 'survivor',
        url: sim.url,
        tags: [],
      });
      expect(reg.status).toBe(201);
      const sub = await call(s.base, s.token, 'POST', '/jobs', {
        kind: 'comfy.render',
        payload: { workflowVersionId: versionId, parameters: small, sim: { stallMs: 2500 } },
        label: 'survives a crash',
      });
      expect(sub.status).toBe(201);
      const id = (sub.json as Job).id;
      let job: Job | null = null;
      for (let i = 0; i < 600 && !(job?.state === 'running' && job.promptId); i++) {
        job = (await call(s.base, s.token, 'GET', `/jobs/${id}`)).json;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(job?.state).toBe('running');
      expect(sim.engine.history.size).toBe(0);
      s.child.kill('SIGKILL');
      await new Promise((r) => s.child.on('exit', r));
      // the worker finishes the render while the studio is down
      await waitFor(() => sim.engine.history.size === 1, 30_000, 'the worker to finish');
      s = await start();
      let done: Job | null = null;
      for (let i = 0; i < 300; i++) {
        done = (await call(s.base, s.token, 'GET', `/jobs/${id}`)).json;
        if (done?.state === 'completed' || done?.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(done?.state).toBe('completed');
      expect(done?.attempts).toBe(1);
      expect(done?.outputs.length).toBeGreaterThan(0);
      const events = (await call(s.base, s.token, 'GET', `/jobs/${id}/events`)).json.items as {
        message: string;
      }[];
      expect(events.filter((e) => e.message.startsWith('Submitted to'))).toHaveLength(1);
      expect(events.some((e) => e.message.startsWith('Recovering'))).toBe(true);
      // one prompt ever reached the worker
      expect(sim.engine.history.size).toBe(1);
    } finally {
      s.child.kill('SIGTERM');
      await new Promise((r) => s.child.on('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describePostgres('two schedulers on one PostgreSQL', () => {
  it('run 500 jobs over 4 workers exactly once, never two at a time on a worker', async () => {
    const schema = `jf_${randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: testPostgresUrl });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    const databases: Database[] = [];
    const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        databases.push(await openPostgres({ url: testPostgresUrl, poolMax: 4, searchPath: schema }));
      }
      await migrate(databases[0]!.db);
      for (const database of databases) {
        const config = loadConfig({
          I2V_LOG_LEVEL: 'silent',
          I2V_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-two-')),
          I2V_JOB_TICK_MS: '100',
          I2V_SIM_WORKERS: '0',
        });
        apps.push(await buildApp({ config, database, logger: false }));
      }
      const [a, b] = apps as [(typeof apps)[0], (typeof apps)[0]];
      await a.services.users.bootstrapAdmin(systemContext, admin.email, admin.password);
      await seedExampleWorkflows(a.services.workflows);
      const [v] = await rows<{ public_id: string }>(
        databases[0]!.db,
        sql`SELECT public_id FROM workflow_versions ORDER BY id LIMIT 1`,
      );
      for (let i = 0; i < 4; i++) {
        const sim = await startComfySim({ port: 0, speed: 50 });
        sims.push(sim);
        await a.services.workers.register(systemContext, {
          name: `sim-${i}`,
          url: sim.url,
          tags: [],
          maxConcurrency: 1,
        });
      }
      await a.services.workerHealth.checkOnce();
      const acting = { ctx: systemContext, manageAll: true };
      const body = (n: number) => ({
        kind: 'comfy.render',
        payload: { workflowVersionId: v!.public_id, parameters: { ...small, steps: 1, frame_count: 2 } },
        priority: 'normal' as const,
        requiredTags: [],
        preferredTags: [],
        offPeakOnly: false,
        dependsOn: [],
        onDependencyFailure: 'cancel' as const,
        maxAttempts: 3,
        label: `job ${n}`,
      });
      // half submitted through each process
      await a.services.jobs.createMany(
        acting,
        Array.from({ length: 250 }, (_, i) => body(i)),
      );
      await b.services.jobs.createMany(
        acting,
        Array.from({ length: 250 }, (_, i) => body(250 + i)),
      );
      a.services.jobEngine.start();
      b.services.jobEngine.start();
      const db = databases[0]!.db;
      const deadline = Date.now() + 150_000;
      for (;;) {
        const [r] = await rows<{ open: number }>(
          db,
          sql`SELECT count(*) FILTER (WHERE state NOT IN ('completed', 'failed', 'cancelled'))::int AS open FROM jobs`,
        );
        if (r!.open === 0) break;
        if (Date.now() > deadline) throw new Error(`${r!.open} jobs still open`);
        await new Promise((res) => setTimeout(res, 250));
      }
      const states = await rows<{ state: string; n: number }>(
        db,
        sql`SELECT state, count(*)::int AS n FROM jobs GROUP BY state`,
      );
      expect(states).toEqual([{ state: 'completed', n: 500 }]);
      // exactly once: one dispatch and one submitted prompt per job
      const dispatches = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM job_events WHERE to_state = 'dispatched' GROUP BY job_id HAVING count(*) <> 1`,
      );
      expect(dispatches).toEqual([]);
      const prompts = sims.slice(-4).reduce((n, s) => n + s.engine.history.size, 0);
      expect(prompts).toBe(500);
      // both processes did work
      expect(a.services.jobEngine.dispatchedHere).toBeGreaterThan(0);
      expect(b.services.jobEngine.dispatchedHere).toBeGreaterThan(0);
      expect(a.services.jobEngine.dispatchedHere + b.services.jobEngine.dispatchedHere).toBe(500);
      // no worker ever ran two jobs at once
      const overlaps = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM jobs x JOIN jobs y ON x.worker_id = y.worker_id AND x.id < y.id
            WHERE x.started_at < y.finished_at AND y.started_at < x.finished_at`,
      );
      expect(overlaps[0]!.n).toBe(0);
    } finally {
      for (const app of apps) await app.app.close();
      for (const d of databases) await d.close();
      const c2 = new pg.Client({ connectionString: testPostgresUrl });
      await c2.connect();
      await c2.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c2.end();
    }
  }, 200_000);
});
