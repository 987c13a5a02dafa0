// The job engine through the API: submission and its bad inputs, control actions, dependencies, schedules, and GPU
// renders on comfy-sim workers with progress, outputs, content failures, cancellation and failover.

import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type { DomainEvent, Job } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { seedExampleWorkflows } from '../src/modules/workflows/examples.js';
import { createProject, createUser, type SignedIn, startStudioWithTeam, type Team } from './factories.js';

let team: Team;
let versionId: string;
const sims: ComfySim[] = [];
const seen: DomainEvent[] = [];
const small = { width: 64, height: 64, frame_count: 9, steps: 4 };

async function api(
  who: SignedIn,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return team.studio.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.auth,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function submit(who: SignedIn, body: Record<string, unknown>): Promise<Job> {
  const res = await api(who, 'POST', '/jobs', body);
  if (res.statusCode !== 201) throw new Error(`submit failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

const render = (extra: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) => ({
  kind: 'comfy.render',
  payload: { workflowVersionId: versionId, parameters: small, ...payload },
  ...extra,
});

async function job(id: string): Promise<Job> {
  return (await api(team.admin, 'GET', `/jobs/${id}`)).json();
}

async function until(id: string, states: Job['state'][], timeoutMs = 20_000): Promise<Job> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const j = await job(id);
    if (states.includes(j.state)) return j;
    if (Date.now() > end)
      throw new Error(`job ${id} is ${j.state}, not ${states.join('/')}: ${JSON.stringify(j.error)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function addWorker(
  name: string,
  tags: string[] = [],
  options: Parameters<typeof startComfySim>[0] = {},
) {
  const sim = await startComfySim({ port: 0, speed: 20, ...options });
  sims.push(sim);
  const res = await api(team.admin, 'POST', '/workers', { name, url: sim.url, tags, maxConcurrency: 1 });
  if (res.statusCode !== 201) throw new Error(`register failed ${res.statusCode}: ${res.body}`);
  await team.studio.services.workerHealth.checkOnce();
  return { sim, worker: res.json() as { id: string } };
}

const submittedCount = async (publicId: string) => {
  const [r] = await rows<{ n: number }>(
    team.studio.database.db,
    sql`SELECT count(*)::int AS n FROM job_events e JOIN jobs j ON j.id = e.job_id
        WHERE j.public_id = ${publicId} AND e.message LIKE 'Submitted to %'`,
  );
  return r?.n ?? 0;
};

beforeAll(async () => {
  team = await startStudioWithTeam({
    I2V_JOB_TICK_MS: '200',
    I2V_JOB_LEASE_SECONDS: '3',
    I2V_WORKER_LOST_SECONDS: '2',
  });
  await seedExampleWorkflows(team.studio.services.workflows);
  const [v] = await rows<{ public_id: string }>(
    team.studio.database.db,
    sql`SELECT v.public_id FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
        WHERE w.name ILIKE '%image to video%' OR w.name ILIKE '%i2v%' ORDER BY v.id LIMIT 1`,
  );
  versionId = v!.public_id;
  team.studio.services.bus.subscribe((e) => seen.push(e));
}, 60_000);

afterAll(async () => {
  await team.studio.close();
  await Promise.all(sims.map((s) => s.stop()));
});

describe('submitting a job', () => {
  it('refuses an unknown kind, naming the field, and writes nothing', async () => {
    const res = await api(team.creator, 'POST', '/jobs', { kind: 'paint.house', payload: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('job.kind_unknown');
    expect(res.json().errors[0].field).toBe('body.kind');
    expect((await api(team.admin, 'GET', '/jobs')).json().items).toHaveLength(0);
  });

  it('refuses a payload the kind does not accept, naming the field', async () => {
    const res = await api(team.creator, 'POST', '/jobs', {
      kind: 'comfy.render',
      payload: { parameters: {} },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('job.payload_invalid');
    expect(res.json().errors[0].field).toBe('body.payload.workflowVersionId');
    const unknownVersion = await api(team.creator, 'POST', '/jobs', {
      kind: 'comfy.render',
      payload: { workflowVersionId: '01900000-0000-7000-8000-000000000000' },
    });
    expect(unknownVersion.statusCode).toBe(404);
    expect(unknownVersion.json().errors[0].field).toBe('body.payload.workflowVersionId');
    const unknownSlot = await api(
      team.creator,
      'POST',
      '/jobs',
      render({}, { parameters: { colour: 'red' } }),
    );
    expect(unknownSlot.statusCode).toBe(422);
    expect(unknownSlot.json().errors[0].field).toBe('body.payload.parameters.colour');
  });

  it('refuses a priority out of range, a start time in the past and an unknown dependency', async () => {
    const priority = await api(team.creator, 'POST', '/jobs', render({ priority: 'highest' }));
    expect(priority.statusCode).toBe(400);
    expect(priority.json().errors[0].field).toBe('body.priority');
    const past = await api(team.creator, 'POST', '/jobs', render({ runAt: '2020-01-01T00:00:00Z' }));
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('job.run_at_past');
    expect(past.json().errors[0].field).toBe('body.runAt');
    const dep = await api(
      team.creator,
      'POST',
      '/jobs',
      render({ dependsOn: ['01900000-0000-7000-8000-000000000000'] }),
    );
    expect(dep.statusCode).toBe(422);
    expect(dep.json().code).toBe('job.dependency_not_found');
    expect((await api(team.admin, 'GET', '/jobs')).json().items).toHaveLength(0);
  });

  it('does not let a reviewer submit', async () => {
    const res = await api(team.reviewer, 'POST', '/jobs', render());
    expect(res.statusCode).toBe(403);
  });

  it('refuses a whole batch when one job is bad, naming it', async () => {
    const res = await api(team.creator, 'POST', '/jobs/batch', {
      jobs: [render(), { kind: 'nope', payload: {} }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body.jobs.1.kind');
    expect((await api(team.admin, 'GET', '/jobs')).json().items).toHaveLength(0);
  });
});

describe('the queue without workers', () => {
  const made: Job[] = [];
  it('queues jobs, with FIFO within a priority and urgent first', async () => {
    const { project } = await createProject(team.studio, team.creator);
    made.push(await submit(team.creator, render({ projectId: project.id, label: 'first' })));
    made.push(await submit(team.creator, render({ label: 'second' })));
    made.push(await submit(team.creator, render({ label: 'urgent', priority: 'urgent' })));
    expect(made.map((m) => m.state)).toEqual(['queued', 'queued', 'queued']);
    expect(made[0]!.projectName).toBe(project.name);
    const queue = (await api(team.admin, 'GET', '/jobs?order=queue&state=queued')).json().items as Job[];
    expect(queue.map((j) => j.label)).toEqual(['urgent', 'first', 'second']);
  });

  it('moves a job to the front, and next to another (drag and drop)', async () => {
    await api(team.creator, 'POST', `/jobs/${made[1]!.id}/move`, { to: 'front' });
    let queue = (await api(team.admin, 'GET', '/jobs?order=queue&state=queued')).json().items as Job[];
    expect(queue.map((j) => j.label)).toEqual(['urgent', 'second', 'first']);
    await api(team.creator, 'POST', `/jobs/${made[1]!.id}/move`, { after: made[0]!.id });
    queue = (await api(team.admin, 'GET', '/jobs?order=queue&state=queued')).json().items as Job[];
    expect(queue.map((j) => j.label)).toEqual(['urgent', 'first', 'second']);
    const bad = await api(team.creator, 'POST', `/jobs/${made[1]!.id}/move`, {
      to: 'front',
      after: made[0]!.id,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('pauses, resumes and reprioritises, each in the history', async () => {
    const id = made[0]!.id;
    expect((await api(team.creator, 'POST', `/jobs/${id}/pause`)).json().state).toBe('paused');
    const resumeTwice = await api(team.creator, 'POST', `/jobs/${id}/pause`);
    expect(resumeTwice.statusCode).toBe(409);
    expect(resumeTwice.json().code).toBe('job.illegal_transition');
    expect((await api(team.creator, 'POST', `/jobs/${id}/resume`)).json().state).toBe('queued');
    expect(
      (await api(team.creator, 'PUT', `/jobs/${id}/priority`, { priority: 'background' })).json().priority,
    ).toBe('background');
    const history = (await api(team.creator, 'GET', `/jobs/${id}/events`)).json().items;
    expect(history.map((e: { message: string }) => e.message)).toEqual([
      'Submitted (queued)',
      'Paused',
      'Resumed',
      'Priority changed from normal to background',
    ]);
  });

  it("does not let a creator act on someone else's job; an admin may", async () => {
    const other = await submit(team.admin, render({ label: 'admin job' }));
    const res = await api(team.creator, 'POST', `/jobs/${other.id}/cancel`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('job.forbidden');
    expect((await api(team.admin, 'POST', `/jobs/${made[2]!.id}/cancel`)).json().state).toBe('cancelled');
    await api(team.admin, 'POST', `/jobs/${other.id}/cancel`);
  });

  it('refuses to cancel a cancelled job and says what it can do', async () => {
    const res = await api(team.admin, 'POST', `/jobs/${made[2]!.id}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/cannot be cancelled.*retry/);
  });

  it('schedules a job, and releases it when its time comes', async () => {
    const runAt = new Date(team.studio.clock.now().getTime() + 1500).toISOString();
    const j = await submit(team.creator, render({ runAt, label: 'later' }));
    expect(j.state).toBe('scheduled');
    const bad = await api(team.creator, 'PUT', `/jobs/${j.id}/schedule`, { runAt: '2001-01-01T00:00:00Z' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('body.runAt');
    await new Promise((r) => setTimeout(r, 1600));
    expect(await team.studio.services.jobEngine.promoteTimers()).toBe(1);
    expect((await job(j.id)).state).toBe('queued');
    made.push(j);
  });

  it('runs B after A, and cancels B when A is cancelled', async () => {
    const a = await submit(team.creator, render({ label: 'A' }));
    const b = await submit(team.creator, render({ label: 'B', dependsOn: [a.id] }));
    const c = await submit(
      team.creator,
      render({ label: 'C', dependsOn: [a.id], onDependencyFailure: 'run' }),
    );
    expect(b.state).toBe('pending');
    expect(b.dependsOn).toEqual([a.id]);
    await api(team.creator, 'POST', `/jobs/${a.id}/cancel`);
    expect((await job(b.id)).state).toBe('cancelled');
    expect((await job(b.id)).error?.code).toBe('dependency');
    expect((await job(c.id)).state).toBe('queued');
    made.push(c);
  });

  it('refuses a dependency that closes a cycle, naming the path, and changes nothing', async () => {
    const a = await submit(team.creator, render({ label: 'cycle A' }));
    const b = await submit(team.creator, render({ label: 'cycle B', dependsOn: [a.id] }));
    const c = await submit(team.creator, render({ label: 'cycle C', dependsOn: [b.id] }));
    const res = await api(team.creator, 'PUT', `/jobs/${a.id}/dependencies`, { dependsOn: [c.id] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('job.dependency_cycle');
    expect(res.json().detail).toContain('cycle A → cycle C → cycle B → cycle A');
    expect((await job(a.id)).state).toBe('queued');
    expect((await job(a.id)).dependsOn).toEqual([]);
    // a legal change: C no longer waits, so it is queued at once
    const freed = await api(team.creator, 'PUT', `/jobs/${c.id}/dependencies`, { dependsOn: [] });
    expect(freed.json().state).toBe('queued');
    made.push(a, c); // b is cancelled with a (its default policy)
  });

  it('acts on many jobs at once and reports each', async () => {
    const ids = made.filter((m) => m.label !== 'urgent').map((m) => m.id);
    const res = await api(team.creator, 'POST', '/jobs/bulk', {
      action: 'cancel',
      ids: [...ids, made[2]!.id],
    });
    const results = res.json().results as { id: string; ok: boolean; code: string | null }[];
    expect(results.filter((r) => r.ok)).toHaveLength(ids.length);
    expect(results.at(-1)).toMatchObject({ ok: false, code: 'job.illegal_transition' });
    const summary = (await api(team.creator, 'GET', '/jobs/summary')).json();
    expect(summary).toMatchObject({ running: 0, queued: 0 });
  });
});

describe('recurring schedules', () => {
  it('refuses a cron string that does not parse, an unknown time zone and a bad job, naming the field', async () => {
    const job = { kind: 'retention.sweep', payload: {} };
    const cron = await api(team.admin, 'POST', '/job-schedules', {
      name: 'nightly',
      cron: 'every night',
      job,
    });
    expect(cron.statusCode).toBe(422);
    expect(cron.json()).toMatchObject({ code: 'schedule.cron_invalid', errors: [{ field: 'body.cron' }] });
    const tz = await api(team.admin, 'POST', '/job-schedules', {
      name: 'nightly',
      cron: '0 3 * * *',
      timezone: 'Mars/Olympus',
      job,
    });
    expect(tz.json()).toMatchObject({
      code: 'schedule.timezone_invalid',
      errors: [{ field: 'body.timezone' }],
    });
    const kind = await api(team.admin, 'POST', '/job-schedules', {
      name: 'nightly',
      cron: '0 3 * * *',
      job: { kind: 'nope', payload: {} },
    });
    expect(kind.json()).toMatchObject({ code: 'job.kind_unknown', errors: [{ field: 'body.job.kind' }] });
    expect((await api(team.admin, 'GET', '/job-schedules')).json().items).toHaveLength(0);
  });

  it('submits the job at each occurrence and can be disabled', async () => {
    const res = await api(team.admin, 'POST', '/job-schedules', {
      name: 'Sweep every second',
      cron: '* * * * * *',
      job: { kind: 'retention.sweep', payload: {}, priority: 'background' },
    });
    expect(res.statusCode).toBe(201);
    const schedule = res.json();
    expect(schedule.upcoming).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await team.studio.services.schedules.fireDue()).toBe(1);
    const after = (await api(team.admin, 'GET', `/job-schedules/${schedule.id}`)).json();
    expect(after.lastJobId).not.toBeNull();
    expect(after.lastError).toBeNull();
    const submitted = await job(after.lastJobId);
    expect(submitted).toMatchObject({
      label: 'Sweep every second',
      kind: 'retention.sweep',
      priority: 'background',
    });
    const off = await api(team.admin, 'PATCH', `/job-schedules/${schedule.id}`, { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false, nextRunAt: null, upcoming: [] });
    const creatorEdit = await api(team.creator, 'PATCH', `/job-schedules/${schedule.id}`, { enabled: true });
    expect(creatorEdit.statusCode).toBe(403);
    await api(team.admin, 'POST', `/jobs/${after.lastJobId}/cancel`);
    expect((await api(team.admin, 'DELETE', `/job-schedules/${schedule.id}`)).statusCode).toBe(204);
  });
});

describe('rendering on workers', () => {
  beforeAll(async () => {
    await addWorker('sim-a', ['gpu:24gb']);
    team.studio.services.jobEngine.start();
  });

  it('renders on a worker: progress, history, outputs, a notification', async () => {
    const j = await submit(team.creator, render({ label: 'walk' }));
    const done = await until(j.id, ['completed', 'failed']);
    expect(done.error).toBeNull();
    expect(done.state).toBe('completed');
    expect(done.worker?.name).toBe('sim-a');
    expect(done.attempts).toBe(1);
    expect(done.progress).toBe(1);
    expect(done.outputs.length).toBeGreaterThan(0);
    expect(done.outputs[0]!.mimeType).toMatch(/^video\//);
    const file = await team.studio.app.inject({ method: 'GET', url: done.outputs[0]!.url });
    expect(file.statusCode).toBe(200);
    const states = (await api(team.creator, 'GET', `/jobs/${j.id}/events`))
      .json()
      .items.filter((e: { kind: string }) => e.kind === 'transition');
    expect(states.map((e: { toState: string }) => e.toState)).toEqual([
      'queued',
      'dispatched',
      'running',
      'completed',
    ]);
    expect(
      seen.some((e) => e.type === 'job.progress' && (e.payload as { jobId: string }).jobId === j.id),
    ).toBe(true);
    const notes = (await api(team.creator, 'GET', '/me/notifications')).json();
    expect(notes.items[0].title).toBe('walk finished');
    expect(notes.unread).toBeGreaterThan(0);
    await api(team.creator, 'POST', '/me/notifications/read', {});
    expect((await api(team.creator, 'GET', '/me/notifications')).json().unread).toBe(0);
  });

  it('runs a CPU job (the trash sweep) in a media slot through the same queue', async () => {
    const j = await submit(team.admin, { kind: 'retention.sweep', payload: {}, priority: 'background' });
    expect(j.resource).toBe('cpu');
    const done = await until(j.id, ['completed', 'failed']);
    expect(done.state).toBe('completed');
    expect(done.worker).toBeNull();
    expect(done.result).toMatchObject({ characters: 0, projects: 0, videoVersions: 0 });
    const bad = await api(team.admin, 'POST', '/jobs', {
      kind: 'retention.sweep',
      payload: { everything: true },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('body.payload');
  });

  it('fails a content error at once, with the node, and never retries it', async () => {
    const j = await submit(
      team.creator,
      render({ label: 'broken' }, { sim: { failAt: 'KSampler', failMessage: 'CUDA out of memory' } }),
    );
    const done = await until(j.id, ['completed', 'failed']);
    expect(done.state).toBe('failed');
    expect(done.attempts).toBe(1);
    expect(done.error).toMatchObject({ code: 'content', nodeType: 'KSampler' });
    expect(done.error?.message).toContain('CUDA out of memory');
    const retried = await api(team.creator, 'POST', `/jobs/${j.id}/retry`, { payload: { sim: {} } });
    expect(retried.json().state).toBe('queued');
    expect((await until(j.id, ['completed', 'failed'])).state).toBe('completed');
  });

  it('cancels a running render: the worker is interrupted', async () => {
    const j = await submit(team.creator, render({ label: 'long' }, { sim: { stallMs: -1 } }));
    await until(j.id, ['running']);
    const res = await api(team.creator, 'POST', `/jobs/${j.id}/cancel`);
    expect(res.json().state).toBe('cancelled');
    // the worker is free again: the next job runs
    const next = await submit(team.creator, render({ label: 'after cancel' }));
    expect((await until(next.id, ['completed', 'failed'])).state).toBe('completed');
    const cancelAgain = await api(team.creator, 'POST', `/jobs/${j.id}/cancel`);
    expect(cancelAgain.statusCode).toBe(409);
  });

  it("holds a user's GPU work once their quota is used up, and warns them", async () => {
    const newcomer = await createUser(team.studio, team.admin, { role: 'creator' });
    const refused = await api(team.creator, 'POST', '/budgets', {
      scope: 'user',
      userId: newcomer.user.id,
      limitHours: 1,
    });
    expect(refused.statusCode).toBe(403);
    const missing = await api(team.admin, 'POST', '/budgets', { scope: 'project', limitHours: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.projectId');
    const zero = await api(team.admin, 'POST', '/budgets', {
      scope: 'user',
      userId: newcomer.user.id,
      limitHours: 0,
    });
    expect(zero.json().errors[0].field).toBe('body.limitHours');
    // a quota of a millisecond: the next render uses it up, however fast the simulated worker is
    const created = await api(team.admin, 'POST', '/budgets', {
      scope: 'user',
      userId: newcomer.user.id,
      limitHours: 0.001 / 3600,
      period: 'day',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'ok', usedHours: 0, period: 'day' });
    const again = await api(team.admin, 'POST', '/budgets', {
      scope: 'user',
      userId: newcomer.user.id,
      limitHours: 2,
    });
    expect(again.statusCode).toBe(409);
    const j = await submit(newcomer, render({ label: 'uses the quota' }));
    expect((await until(j.id, ['completed', 'failed'])).state).toBe('completed');
    const budget = (await api(newcomer, 'GET', `/budgets?userId=${newcomer.user.id}`)).json().items[0];
    expect(budget.state).toBe('exceeded');
    expect(budget.usedHours).toBeGreaterThan(0);
    const blocked = await api(newcomer, 'POST', '/jobs', render());
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('job.quota_exceeded');
    expect(blocked.json().detail).toMatch(/Your GPU quota has used/);
    const selfExempt = await api(newcomer, 'POST', '/jobs', render({ budgetExempt: true }));
    expect(selfExempt.statusCode).toBe(403);
    expect(selfExempt.json().errors[0].field).toBe('body.budgetExempt');
    const notes = (await api(newcomer, 'GET', '/me/notifications')).json().items;
    expect(notes.some((n: { title: string }) => n.title.startsWith('Your GPU quota is at'))).toBe(true);
    // CPU work is not held by a GPU quota
    expect((await api(newcomer, 'POST', '/jobs', { kind: 'retention.sweep', payload: {} })).statusCode).toBe(
      201,
    );
    expect((await api(team.admin, 'DELETE', `/budgets/${budget.id}`)).statusCode).toBe(204);
    expect((await api(newcomer, 'POST', '/jobs', render({ label: 'room again' }))).statusCode).toBe(201);
  });

  it('delivers notifications as each user prefers: digest, held by do-not-disturb, muted', async () => {
    const user = await createUser(team.studio, team.admin, { role: 'creator' });
    const prefs = (await api(user, 'GET', '/me/notification-preferences')).json();
    expect(prefs.kinds['job.completed']).toBe('in_app');
    const past = await api(user, 'PUT', '/me/notification-preferences', {
      ...prefs,
      doNotDisturb: true,
      doNotDisturbUntil: '2001-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('body.doNotDisturbUntil');
    const badMode = await api(user, 'PUT', '/me/notification-preferences', {
      ...prefs,
      kinds: { 'job.completed': 'pigeon' },
    });
    expect(badMode.statusCode).toBe(400);
    await api(user, 'PUT', '/me/notification-preferences', {
      ...prefs,
      kinds: { ...prefs.kinds, 'job.completed': 'digest' },
      doNotDisturb: true,
    });
    const ok = await submit(user, render({ label: 'quiet success' }));
    const broken = await submit(user, render({ label: 'quiet failure' }, { sim: { failAt: 'KSampler' } }));
    await until(ok.id, ['completed']);
    await until(broken.id, ['failed']);
    const live = () =>
      seen
        .filter((e) => e.type === 'notification.created' && e.userId === user.user.id)
        .map((e) => (e.payload as { title: string }).title);
    expect(live()).toEqual([]);
    let list = (await api(user, 'GET', '/me/notifications')).json().items as {
      title: string;
      delivery: string;
    }[];
    expect(list.map((n) => [n.title, n.delivery]).sort()).toEqual([
      ['quiet failure failed', 'held'],
      ['quiet success finished', 'digest'],
    ]);
    // the digest is due (none sent yet); do-not-disturb still holds the failure
    await team.studio.services.notifications.deliverPending();
    expect(live()).toEqual(['Digest: 1 job(s) finished']);
    await api(user, 'PUT', '/me/notification-preferences', {
      ...prefs,
      kinds: { ...prefs.kinds, 'job.completed': 'muted' },
      doNotDisturb: false,
    });
    expect(live()).toEqual(['Digest: 1 job(s) finished', 'quiet failure failed']);
    const muted = await submit(user, render({ label: 'muted success' }));
    await until(muted.id, ['completed']);
    list = (await api(user, 'GET', '/me/notifications')).json().items;
    expect(list.some((n) => n.title === 'muted success finished')).toBe(false);
  });

  it('does not let work no free worker can take crowd out work that can run', async () => {
    const blocked = (
      await api(team.creator, 'POST', '/jobs/batch', {
        jobs: Array.from({ length: 20 }, (_, i) =>
          render({ label: `needs 80gb ${i}`, requiredTags: ['gpu:80gb'] }),
        ),
      })
    ).json().items as Job[];
    const free = await submit(team.creator, render({ label: 'any worker' }));
    expect((await until(free.id, ['completed', 'failed'])).state).toBe('completed');
    const res = await api(team.creator, 'POST', '/jobs/bulk', {
      action: 'cancel',
      ids: blocked.map((b) => b.id),
    });
    expect(res.json().results.every((r: { ok: boolean }) => r.ok)).toBe(true);
  });

  it('draws the render timeline: worker lanes with their jobs, and the queue with estimated starts', async () => {
    const waiting = await submit(
      team.creator,
      render({ label: 'waits for 80gb', requiredTags: ['gpu:80gb'] }),
    );
    const t = (await api(team.creator, 'GET', '/jobs/timeline?hours=6')).json();
    const lane = t.lanes.find((l: { worker: { name: string } }) => l.worker.name === 'sim-a');
    expect(
      lane.blocks.some((b: { label: string; end: string | null }) => b.label === 'walk' && b.end !== null),
    ).toBe(true);
    const entry = t.queue.find((q: { jobId: string }) => q.jobId === waiting.id);
    expect(entry).toMatchObject({ position: 1, estimatedStart: null });
    expect(t.completedLastHour).toBeGreaterThan(0);
    const bad = await api(team.creator, 'GET', '/jobs/timeline?hours=5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.hours');
    await api(team.creator, 'POST', `/jobs/${waiting.id}/cancel`);
  });

  it('only sends a job to a worker with its required tags', async () => {
    const j = await submit(team.creator, render({ label: 'needs 48gb', requiredTags: ['gpu:48gb'] }));
    await new Promise((r) => setTimeout(r, 600));
    expect((await job(j.id)).state).toBe('queued');
    await addWorker('sim-b', ['gpu:48gb']);
    const done = await until(j.id, ['completed', 'failed']);
    expect(done.worker?.name).toBe('sim-b');
  });

  it('recovers a completion after the socket drops, without a second render', async () => {
    const j = await submit(team.creator, render({ label: 'dropped socket' }, { sim: { dropSocket: true } }));
    const done = await until(j.id, ['completed', 'failed']);
    expect(done.state).toBe('completed');
    expect(done.attempts).toBe(1);
    expect(await submittedCount(j.id)).toBe(1);
  });

  it('re-queues a job whose worker restarted and lost it; it runs again and completes', async () => {
    const j = await submit(team.creator, render({ label: 'lost in restart' }, { sim: { restart: true } }));
    const moved = await until(j.id, ['retrying', 'failed', 'completed'], 20_000);
    expect(moved.state).toBe('retrying');
    expect(moved.error?.code).toBe('infrastructure');
    // the retry carries the same fault payload; take it out so the next attempt succeeds
    await team.studio.database.db.execute(
      sql`UPDATE jobs SET payload = payload - 'sim' WHERE public_id = ${j.id}`,
    );
    const done = await until(j.id, ['completed', 'failed'], 30_000);
    expect(done.state).toBe('completed');
    expect(done.attempts).toBe(2);
    expect(seen.some((e) => e.type === 'job.moved' && (e.payload as { jobId: string }).jobId === j.id)).toBe(
      true,
    );
  });

  it('moves the job of a worker that dies to another worker', async () => {
    const j = await submit(team.creator, render({ label: 'worker dies' }, { sim: { stallMs: 4000 } }));
    const running = await until(j.id, ['running']);
    const dying = sims.find(
      (s) => s.url === (running.worker?.name === 'sim-a' ? sims[0]!.url : sims[1]!.url),
    )!;
    await dying.stop();
    for (let i = 0; i < 3; i++) await team.studio.services.workerHealth.checkOnce();
    const done = await until(j.id, ['completed', 'failed'], 30_000);
    expect(done.state).toBe('completed');
    expect(done.attempts).toBe(2);
    expect(done.worker?.name).not.toBe(running.worker?.name);
  }, 40_000);
});
