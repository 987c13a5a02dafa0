// Checkpoints (PRD-028): a multi-step job records each completed step; asked to pause while running, it stops at the
// next checkpoint, and resumed it skips the steps already done. Uses a test handler in its own engine.
import type { Job } from '@i2v/contracts';
import { retentionSweepPayloadSchema } from '@i2v/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JobEngine } from '../src/modules/jobs/engine.js';
import { JobRegistry } from '../src/modules/jobs/registry.js';
import { JobsService } from '../src/modules/jobs/service.js';
import { systemContext } from '../src/platform/request-context.js';
import { startTestStudio, type TestStudio } from './harness.js';

let studio: TestStudio;
let engine: JobEngine;
const ran: string[] = [];
let release: () => void = () => undefined;

beforeAll(async () => {
  studio = await startTestStudio();
  const registry = new JobRegistry().register({
    kind: 'retention.sweep',
    resource: 'cpu',
    label: 'Three steps',
    description: 'test pipeline',
    payload: retentionSweepPayloadSchema,
    async run(ctx) {
      for (const step of ['one', 'two', 'three']) {
        if (ctx.job.checkpoints.some((c) => c.step === step)) continue;
        ran.push(step);
        if (step === 'two') await new Promise<void>((r) => (release = r));
        await ctx.checkpoint(step, { at: step });
      }
      return { result: { steps: ran.length } };
    },
  });
  const s = studio.services;
  const jobs = new JobsService({
    db: studio.database.db,
    clock: studio.clock,
    bus: s.bus,
    registry,
    links: s.media.links,
    notifications: s.notifications,
  });
  engine = new JobEngine({
    db: studio.database.db,
    clock: studio.clock,
    bus: s.bus,
    registry,
    jobs,
    gpu: false,
    cpuConcurrency: 1,
    leaseMs: 5000,
    tickMs: 100,
    strategy: 'least_loaded',
    offPeak: '22:00-08:00',
    adoptAllAtStart: false,
    onError: (err) => {
      throw err;
    },
  });
  engine.start();
});

afterAll(async () => {
  await engine.stop();
  await studio.close();
});

async function until(id: string, state: Job['state']): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const j = await studio.services.jobs.get(id);
    if (j.state === state) return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  const j = await studio.services.jobs.history(id);
  throw new Error(`job never ${state}: ${JSON.stringify(j.items.map((e) => e.message))} ${ran}`);
}

it('pauses at the next checkpoint and resumes after the steps already done', async () => {
  const acting = { ctx: systemContext, manageAll: true };
  const job = await studio.services.jobs.create(acting, {
    kind: 'retention.sweep',
    payload: {},
    priority: 'normal',
    requiredTags: [],
    preferredTags: [],
    offPeakOnly: false,
    dependsOn: [],
    onDependencyFailure: 'cancel',
    maxAttempts: 3,
  });
  await until(job.id, 'running');
  await new Promise((r) => setTimeout(r, 100));
  const asked = await studio.services.jobs.pause(acting, job.id);
  expect(asked).toMatchObject({ state: 'running', pauseRequested: true });
  release();
  const paused = await until(job.id, 'paused');
  expect(paused.checkpoints.map((c) => c.step)).toEqual(['one', 'two']);
  expect(paused.pauseRequested).toBe(false);
  await studio.services.jobs.resume(acting, job.id);
  const done = await until(job.id, 'completed');
  expect(ran).toEqual(['one', 'two', 'three']);
  expect(done.checkpoints.map((c) => c.step)).toEqual(['one', 'two', 'three']);
  const history = await studio.services.jobs.history(job.id);
  expect(history.items.map((e) => e.message)).toContain('Paused after step two');
});
