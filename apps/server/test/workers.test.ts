import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type { SystemHealth, Worker, WorkerEvent, WorkerVitals } from '@i2v/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVitals } from '../src/modules/workers/repo.js';
import { startSimFleet } from '../src/modules/workers/sim-fleet.js';
import { type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
const sims: ComfySim[] = [];
const servers: http.Server[] = [];

beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await studio.close();
});

type Method = 'GET' | 'POST' | 'PATCH';
const api = (method: Method, url: string, who: SignedIn = admin, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });
const sim = async (options: Parameters<typeof startComfySim>[0] = {}) => {
  const s = await startComfySim({ port: 0, ...options });
  sims.push(s);
  return s;
};
/** A plain HTTP server answering every request with `answer` (or never, when null). */
async function serve(answer: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null) {
  const server = http.createServer((req, res) => answer?.(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
/** A server answering /system_stats and /queue like ComfyUI, with GPU vitals the test sets. */
async function fakeComfy(gpu: { temperature: number; vramUsedShare: number }) {
  const total = 24 * 2 ** 30;
  return serve((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/system_stats')) {
      res.end(
        JSON.stringify({
          system: { os: 'posix', ram_total: 64e9, ram_free: 32e9, comfyui_version: '0.3.64' },
          devices: [
            {
              name: 'cuda:0 Fake GPU',
              type: 'cuda',
              index: 0,
              vram_total: total,
              vram_free: total * (1 - gpu.vramUsedShare),
              torch_vram_total: 0,
              torch_vram_free: 0,
              temperature: gpu.temperature,
              utilization: 50,
            },
          ],
        }),
      );
    } else if (req.url?.endsWith('/queue')) {
      res.end(JSON.stringify({ queue_running: [], queue_pending: [] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
}
async function register(body: Record<string, unknown>, who: SignedIn = admin) {
  return api('POST', '/api/v1/workers', who, body);
}
async function registered(name: string, url: string, extra: Record<string, unknown> = {}): Promise<Worker> {
  const res = await register({ name, url, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const events = async (id: string): Promise<WorkerEvent[]> =>
  (await api('GET', `/api/v1/workers/${id}/events?limit=200`)).json().items;
const get = async (id: string): Promise<Worker> => (await api('GET', `/api/v1/workers/${id}`)).json();
const workerCount = async () => (await api('GET', '/api/v1/workers?limit=200')).json().items.length as number;
const expectUrlProblem = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { code: string; errors: { field: string }[] };
  expect(body.code).toBe(code);
  expect(body.errors.map((e) => e.field)).toContain('body.url');
};

describe('registering a worker', () => {
  it('verifies the server, saves what it reports and audits it', async () => {
    const s = await sim({ gpuName: 'NVIDIA RTX 6000 Ada' });
    const w = await registered('render-1', s.url, { tags: ['gpu:48gb', 'model:wan'], maxConcurrency: 2 });
    expect(w).toMatchObject({
      name: 'render-1',
      url: s.url,
      tags: ['gpu:48gb', 'model:wan'],
      maxConcurrency: 2,
      adminState: 'enabled',
      health: 'unknown',
      isSimulated: false,
    });
    expect(w.gpuName).toContain('RTX 6000 Ada');
    expect(w.comfyVersion).toMatch(/^\d+\.\d+/);
    expect(w.vramTotalBytes).toBeGreaterThan(0);
    expect((await events(w.id)).map((e) => e.kind)).toEqual(['registered']);
    const audit = (await api('GET', '/api/v1/audit-events?action=worker.registered')).json().items;
    expect(audit[0]).toMatchObject({ entityId: w.id, entityType: 'worker' });
  });

  it('defaults to max concurrency 1 and no tags; a trailing slash is dropped', async () => {
    const s = await sim();
    const w = await registered('defaults', `${s.url}/`);
    expect(w).toMatchObject({ url: s.url, tags: [], maxConcurrency: 1 });
  });

  it('refuses an address where nothing listens, saving nothing', async () => {
    const { server, url } = await serve(null);
    server.close();
    const before = await workerCount();
    expectUrlProblem(await register({ name: 'nobody', url }), 422, 'worker.unreachable');
    expect(await workerCount()).toBe(before);
  });

  it('refuses a server that answers HTML', async () => {
    const { url } = await serve((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>router</title>');
    });
    expectUrlProblem(await register({ name: 'html', url }), 422, 'worker.not_comfy');
  });

  it('refuses a server that never answers, after a short timeout', async () => {
    const { url } = await serve(null);
    const t0 = Date.now();
    const res = await register({ name: 'silent', url });
    expectUrlProblem(res, 422, 'worker.timeout');
    expect(Date.now() - t0).toBeLessThan(8000);
  }, 15_000);

  it('refuses an older ComfyUI protocol', async () => {
    const s = await sim({ profile: 'legacy' });
    const res = await register({ name: 'old', url: s.url });
    expectUrlProblem(res, 422, 'worker.outdated');
    expect(res.json().detail).toContain('older ComfyUI');
  });

  it('refuses a taken name (any case) or URL with 409', async () => {
    const s = await sim();
    const w = await registered('Taken', s.url);
    const other = await sim();
    const byName = await register({ name: 'taken', url: other.url });
    expect(byName.statusCode).toBe(409);
    expect(byName.json()).toMatchObject({ code: 'worker.name_taken', errors: [{ field: 'body.name' }] });
    expectUrlProblem(await register({ name: 'another', url: s.url }), 409, 'worker.url_taken');
    expect(w.name).toBe('Taken');
  });

  it('validates tags, concurrency and the URL shape', async () => {
    const s = await sim();
    const res = await register({ name: 'bad', url: s.url, tags: ['GPU 24'], maxConcurrency: 65 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.tags.0', 'body.maxConcurrency']));
    expect((await register({ name: 'bad', url: 'ftp://x' })).json().errors[0].field).toBe('body.url');
  });
});

describe('permissions', () => {
  it('lets creators and reviewers read but not change workers', async () => {
    const s = await sim();
    const w = await registered('guarded', s.url);
    for (const who of [creator, reviewer]) {
      expect((await register({ name: 'nope', url: s.url }, who)).statusCode).toBe(403);
      expect((await api('PATCH', `/api/v1/workers/${w.id}`, who, { maxConcurrency: 3 })).statusCode).toBe(
        403,
      );
      expect((await api('POST', `/api/v1/workers/${w.id}/drain`, who)).statusCode).toBe(403);
      expect((await api('GET', `/api/v1/workers/${w.id}`, who)).statusCode).toBe(200);
      expect((await api('GET', '/api/v1/system/health', who)).statusCode).toBe(200);
    }
  });
});

describe('editing and admin states', () => {
  it('updates name, tags and concurrency with an event and an audit row', async () => {
    const s = await sim();
    const w = await registered('editable', s.url);
    const res = await api('PATCH', `/api/v1/workers/${w.id}`, admin, {
      name: 'edited',
      tags: ['high-vram'],
      maxConcurrency: 4,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'edited', tags: ['high-vram'], maxConcurrency: 4 });
    expect((await events(w.id))[0]).toMatchObject({ kind: 'updated' });
    const audit = (await api('GET', '/api/v1/audit-events?action=worker.updated')).json().items;
    expect(audit[0].entityId).toBe(w.id);
  });

  it('drains, disables, enables and decommissions; decommissioning frees the name and URL', async () => {
    const s = await sim();
    const w = await registered('cycle', s.url);
    const to = async (action: string) => api('POST', `/api/v1/workers/${w.id}/${action}`);
    expect((await to('drain')).json().adminState).toBe('draining');
    expect((await to('disable')).json().adminState).toBe('disabled');
    const illegal = await to('drain');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().code).toBe('worker.illegal_transition');
    expect((await to('enable')).json().adminState).toBe('enabled');
    expect((await to('enable')).statusCode).toBe(200);
    const gone = (await to('decommission')).json() as Worker;
    expect(gone.adminState).toBe('decommissioned');
    expect(gone.decommissionedAt).not.toBeNull();
    expect((await to('enable')).json().code).toBe('worker.illegal_transition');
    expect((await api('PATCH', `/api/v1/workers/${w.id}`, admin, { name: 'x' })).json().code).toBe(
      'worker.decommissioned',
    );
    // history kept, hidden from the default list, name and URL free again
    const list = (await api('GET', '/api/v1/workers?limit=200')).json().items as Worker[];
    expect(list.some((x) => x.id === w.id)).toBe(false);
    const old = (await api('GET', '/api/v1/workers?adminState=decommissioned')).json().items as Worker[];
    expect(old.map((x) => x.id)).toContain(w.id);
    const again = await registered('cycle', s.url);
    expect(again.id).not.toBe(w.id);
    const kinds = (await events(w.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'state_changed')).toHaveLength(4);
    const audit = (await api('GET', `/api/v1/audit-events?action=worker.state_changed&limit=200`)).json()
      .items;
    expect(audit.filter((a: { entityId: string }) => a.entityId === w.id)).toHaveLength(4);
  });

  it('answers 404 for an unknown worker', async () => {
    const res = await api('GET', '/api/v1/workers/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('worker.not_found');
  });
});

describe('listing', () => {
  it('pages by name and filters by health and admin state', async () => {
    const page1 = (await api('GET', '/api/v1/workers?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await api('GET', `/api/v1/workers?limit=2&cursor=${page1.nextCursor}`)).json();
    const names = [...page1.items, ...page2.items].map((w: Worker) => w.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    const unknown = (await api('GET', '/api/v1/workers?health=unknown&limit=200')).json().items as Worker[];
    expect(unknown.every((w) => w.health === 'unknown')).toBe(true);
    expect((await api('GET', '/api/v1/workers?health=sick')).statusCode).toBe(400);
  });
});

describe('the health loop', () => {
  it('marks a worker down after three failed checks and back after two answers, with events', async () => {
    // the loop checks every worker; decommission the others so this test reads one worker's story
    for (const w of (await api('GET', '/api/v1/workers?limit=200')).json().items as Worker[]) {
      await api('POST', `/api/v1/workers/${w.id}/decommission`);
    }
    const s = await sim();
    const w = await registered('flaky', s.url);
    const loop = studio.services.workerHealth;
    await loop.checkOnce();
    let now = await get(w.id);
    expect(now.health).toBe('healthy');
    expect(now.vitals?.vramTotalBytes).toBeGreaterThan(0);
    expect(now.lastSeenAt).not.toBeNull();

    await s.stop();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await loop.checkOnce();
      seen.push((await get(w.id)).health);
    }
    expect(seen).toEqual(['degraded', 'degraded', 'down']);
    now = await get(w.id);
    expect(now.healthDetail).toContain('3 checks in a row');

    const back = await startComfySim({ port: s.port });
    sims.push(back);
    await loop.checkOnce();
    expect((await get(w.id)).health).toBe('down');
    await loop.checkOnce();
    expect((await get(w.id)).health).toBe('healthy');

    const changes = (await events(w.id))
      .filter((e) => e.kind === 'health_changed')
      .reverse()
      .map((e) => `${e.details.from}→${e.details.to}`);
    expect(changes).toEqual(['unknown→healthy', 'healthy→degraded', 'degraded→down', 'down→healthy']);
    const down = (await events(w.id)).find((e) => e.details.to === 'down');
    expect(down?.severity).toBe('critical');
    await api('POST', `/api/v1/workers/${w.id}/decommission`);
  });

  it('raises threshold alerts for a hot GPU and full VRAM, and clears them', async () => {
    const gpu = { temperature: 90, vramUsedShare: 0.97 };
    const { url } = await fakeComfy(gpu);
    const w = await registered('hot', url);
    const loop = studio.services.workerHealth;
    await loop.checkOnce();
    let now = await get(w.id);
    expect(now.health).toBe('degraded');
    expect(now.healthDetail).toContain('90 °C');
    expect(now.vitals?.temperatureC).toBe(90);
    await loop.checkOnce(); // still exceeded: no second alert
    let ev = await events(w.id);
    expect(
      ev
        .filter((e) => e.kind === 'threshold_exceeded')
        .map((e) => e.details.threshold)
        .sort(),
    ).toEqual(['temperature', 'vram']);
    gpu.temperature = 50;
    gpu.vramUsedShare = 0.3;
    await loop.checkOnce();
    now = await get(w.id);
    expect(now.health).toBe('healthy');
    ev = await events(w.id);
    expect(
      ev
        .filter((e) => e.kind === 'threshold_cleared')
        .map((e) => e.details.threshold)
        .sort(),
    ).toEqual(['temperature', 'vram']);
    await api('POST', `/api/v1/workers/${w.id}/decommission`);
  });
});

describe('vitals', () => {
  it('downsamples a window into at most 120 buckets with avg and max', async () => {
    const s = await sim();
    const w = await registered('charted', s.url);
    const row = (await studio.database.db.query.workers.findFirst({
      where: (t, { eq }) => eq(t.publicId, w.id),
    }))!;
    const now = studio.clock.now().getTime();
    const samples = [];
    // one sample a minute for 25 hours; temperature = minute-of-hour, so each bucket's max is known
    for (let m = 0; m < 25 * 60; m++) {
      const at = new Date(now - m * 60_000 - 1000);
      samples.push({
        workerId: row.id,
        sampledAt: at,
        gpuUtilization: 50,
        temperatureC: m % 60,
        vramUsedBytes: 1000,
        vramTotalBytes: 4000,
        ramUsedBytes: 1,
        queueRunning: 1,
        queuePending: m % 2,
      });
    }
    await insertVitals(studio.database.db, samples);
    for (const [window, seconds] of [
      ['1h', 3600],
      ['6h', 21600],
      ['24h', 86400],
    ] as const) {
      const v = (await api('GET', `/api/v1/workers/${w.id}/vitals?window=${window}`)).json() as WorkerVitals;
      expect(v.bucketSeconds).toBe(seconds / 120);
      expect(v.buckets.length).toBeGreaterThan(0);
      expect(v.buckets.length).toBeLessThanOrEqual(120);
      const total = v.buckets.reduce((n, b) => n + b.samples, 0);
      expect(total).toBe(seconds / 60);
      expect(v.buckets.every((b) => b.gpuUtilizationAvg === 50 && b.vramTotal === 4000)).toBe(true);
      if (window === '24h') {
        expect(v.buckets).toHaveLength(120);
        expect(Math.max(...v.buckets.map((b) => b.temperatureMax ?? 0))).toBe(59);
        expect(v.buckets[0]!.queueMax).toBe(2);
      }
      expect(Date.parse(v.buckets[0]!.at)).toBeGreaterThanOrEqual(Date.parse(v.from));
    }
    expect((await api('GET', `/api/v1/workers/${w.id}/vitals?window=2h`)).statusCode).toBe(400);
  });

  it('prunes vitals older than the retention', async () => {
    const s = await sim();
    const w = await registered('pruned', s.url);
    const row = (await studio.database.db.query.workers.findFirst({
      where: (t, { eq }) => eq(t.publicId, w.id),
    }))!;
    const old = new Date(studio.clock.now().getTime() - (studio.config.vitalsRetentionHours + 1) * 3600_000);
    await insertVitals(studio.database.db, [{ workerId: row.id, sampledAt: old, gpuUtilization: 1 }]);
    const count = async () =>
      (await studio.database.db.query.workerVitals.findMany({ where: (t, { eq }) => eq(t.workerId, row.id) }))
        .length;
    expect(await count()).toBe(1);
    studio.clock.advance(61); // pruning runs at most once a minute
    await studio.services.workerHealth.checkOnce();
    expect(await count()).toBe(1); // the old sample went, the new one came
    const left = await studio.database.db.query.workerVitals.findMany({
      where: (t, { eq }) => eq(t.workerId, row.id),
    });
    expect(left[0]!.sampledAt.getTime()).toBeGreaterThan(old.getTime());
    await api('POST', `/api/v1/workers/${w.id}/decommission`);
  });
});

describe('the simulated fleet', () => {
  it('registers sim-1…N once and gives them their new URLs on the next start', async () => {
    const log = { warn: () => undefined };
    const first = await startSimFleet(studio.services.workers, 2, log);
    const sims = async () =>
      ((await api('GET', '/api/v1/workers?limit=200')).json().items as Worker[]).filter((w) => w.isSimulated);
    const before = await sims();
    expect(before.map((w) => [w.name, w.url])).toEqual([
      ['sim-1', first.sims[0]!.url],
      ['sim-2', first.sims[1]!.url],
    ]);
    await first.stop();
    const second = await startSimFleet(studio.services.workers, 2, log);
    const after = await sims();
    expect(after.map((w) => w.id)).toEqual(before.map((w) => w.id));
    expect(after.map((w) => w.url)).toEqual(second.sims.map((x) => x.url));
    await studio.services.workerHealth.checkOnce();
    expect((await sims()).map((w) => w.health)).toEqual(['healthy', 'healthy']);
    await second.stop();
  });
});

describe('system health', () => {
  it('reports the database, storage, workers, the event bus and the job engine honestly', async () => {
    const res = await api('GET', '/api/v1/system/health', reviewer);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as SystemHealth;
    expect(h.database).toMatchObject({
      ok: true,
      kind: process.env.I2V_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
    });
    expect(h.database.pingMs).toBeGreaterThanOrEqual(0);
    expect(h.storage).toMatchObject({ ok: true, writable: true });
    expect(h.storage.freeBytes).toBeGreaterThan(0);
    expect(h.workers.total).toBeGreaterThan(0);
    expect(h.workers.byAdminState.decommissioned).toBeGreaterThan(0);
    expect(h.eventBus.available).toBe(true);
    expect(h.eventBus.detail).toContain(
      process.env.I2V_TEST_DB === 'postgres' ? 'LISTEN/NOTIFY' : 'this process',
    );
    // the test studio does not start its engine
    expect(h.jobs).toMatchObject({ engineRunning: false, ok: false, runningHere: 0 });
  });
});
