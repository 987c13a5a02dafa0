// The generation pipeline through the API on comfy-sim workers: the segment chain seeded by exact boundary frames,
// prompt positions, elastic duration, QA gates, smart auto-retry with best-of-N, regeneration, manual boundary
// frames, transitions, batch generation with estimates, and the bad inputs (no workflow, no hero, unbound slot,
// target too short, a workflow that always fails, an unreadable file).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type { SceneGeneration, SceneRun } from '@i2v/contracts';
import { decodeFrames } from '@i2v/ffmpeg';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { seedDemoProject } from '../src/modules/demo/seed.js';
import { systemContext } from '../src/platform/request-context.js';
import { type SignedIn, startStudioWithTeam, type Team } from './factories.js';

let team: Team;
let projectId: string;
let i2vVersion: string;
let transitionVersion: string;
let casual: string;
let formal: string;
const sims: ComfySim[] = [];
const characters: Record<string, string> = {};

async function api(who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return team.studio.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.auth,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const small = { width: 64, height: 64, steps: 4 };

/** A scene type of the demo project with tiny, fast segments (0.5 s at 16 fps = 9 frames). */
async function sceneType(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api(team.admin, 'POST', '/scene-types', {
    projectId,
    name,
    workflowVersionId: i2vVersion,
    slotBindings: small,
    prompts: {
      full_clip: { positive: '{character_name} walks', negative: 'blurry' },
      start_clip: { positive: '{character_name} starts walking', negative: 'blurry' },
      continuation_clip: { positive: '{character_name} keeps walking', negative: 'blurry' },
    },
    targetDurationSeconds: 1.5,
    segmentDurationSeconds: 0.5,
    toleranceSeconds: 0,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`scene type ${res.statusCode}: ${res.body}`);
  return res.json().id;
}

async function sceneOf(character: string, sceneTypeId: string, variant = casual): Promise<string> {
  const res = await api(team.admin, 'POST', `/projects/${projectId}/scenes`, {
    characterIds: [characters[character]],
    sceneTypeIds: [sceneTypeId],
  });
  expect(res.statusCode).toBe(200);
  const [r] = await rows<{ public_id: string }>(
    team.studio.database.db,
    sql`SELECT s.public_id FROM scenes s JOIN characters c ON c.id = s.character_id
        JOIN scene_types st ON st.id = s.scene_type_id JOIN image_variant_types v ON v.id = s.variant_type_id
        WHERE c.public_id = ${characters[character]} AND st.public_id = ${sceneTypeId} AND v.public_id = ${variant}`,
  );
  return r!.public_id;
}

async function generation(sceneId: string): Promise<SceneGeneration> {
  const res = await api(team.admin, 'GET', `/scenes/${sceneId}/generation`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function untilRun(
  sceneId: string,
  statuses: SceneRun['status'][],
  timeoutMs = 80_000,
): Promise<SceneGeneration> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const g = await generation(sceneId);
    if (g.run && statuses.includes(g.run.status)) return g;
    if (Date.now() > end) {
      const js = await rows<{ kind: string; state: string; error: unknown }>(
        team.studio.database.db,
        sql`SELECT kind, state, error FROM jobs ORDER BY id DESC LIMIT 6`,
      );
      const queues = await Promise.all(sims.map(async (x) => (await fetch(`${x.url}/queue`)).json()));
      throw new Error(
        `${JSON.stringify(js)} ${JSON.stringify(queues).slice(0, 600)} ` +
          `run is ${g.run?.status}: ${JSON.stringify(g.run?.error)} ${JSON.stringify(g.segments.map((s) => [s.index, s.status, s.error]))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function start(sceneId: string, body: Record<string, unknown> = {}) {
  return api(team.admin, 'POST', `/scenes/${sceneId}/generation`, body);
}

async function fileBytes(url: string): Promise<Buffer> {
  const res = await team.studio.app.inject({ method: 'GET', url });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function renderJobs(sceneId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    team.studio.database.db,
    sql`SELECT count(*)::int AS n FROM segments g JOIN scenes s ON s.id = g.scene_id
        JOIN jobs j ON j.id = g.render_job_id WHERE s.public_id = ${sceneId}`,
  );
  return r!.n;
}

beforeAll(async () => {
  team = await startStudioWithTeam({ I2V_JOB_TICK_MS: '100', I2V_FACE_QA: 'false' });
  const services = team.studio.services;
  projectId = (await seedDemoProject(services, systemContext))!;
  const all = await rows<{ public_id: string; name: string }>(
    team.studio.database.db,
    sql`SELECT v.public_id, w.name FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id ORDER BY v.id`,
  );
  i2vVersion = all.find((w) => !/transition/i.test(w.name))!.public_id;
  transitionVersion = all.find((w) => /transition/i.test(w.name))!.public_id;
  const types = await services.variantTypes.list();
  casual = types.find((t) => t.slug === 'casual')!.id;
  formal = types.find((t) => t.slug === 'formal')!.id;
  for (const c of await rows<{ public_id: string; name: string }>(
    team.studio.database.db,
    sql`SELECT public_id, name FROM characters`,
  )) {
    characters[c.name] = c.public_id;
  }
  for (const name of ['sim-a', 'sim-b']) {
    const sim = await startComfySim({ port: 0, speed: 50 });
    sims.push(sim);
    const res = await api(team.admin, 'POST', '/workers', {
      name,
      url: sim.url,
      tags: [],
      maxConcurrency: 1,
    });
    expect(res.statusCode).toBe(201);
  }
  await services.workerHealth.checkOnce();
  services.jobEngine.start();
}, 120_000);

afterAll(async () => {
  await team.studio.close();
  await Promise.all(sims.map((s) => s.stop()));
});

describe('a scene generates as a chain of segments', { timeout: 90_000 }, () => {
  it('seeds segment 1 with the hero and every later one with the exact last frame of the one before', async () => {
    const typeId = await sceneType('Chain');
    const sceneId = await sceneOf('Ada', typeId);
    const res = await start(sceneId);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'running', segmentsEstimated: 3, targetSeconds: 1.5 });
    const g = await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
    expect(g.run!.error).toBeNull();
    expect(g.run!.status).toBe('completed');
    expect(g.segments.map((s) => s.index)).toEqual([1, 2, 3]);
    expect(g.segments.map((s) => s.seedSource)).toEqual(['hero', 'boundary', 'boundary']);
    expect(g.segments.map((s) => s.clipPosition)).toEqual([
      'start_clip',
      'continuation_clip',
      'continuation_clip',
    ]);
    expect(g.segments[1]!.prompt).toMatchObject({
      source: 'continuation_clip',
      positive: 'Ada keeps walking',
    });
    for (const s of g.segments) {
      expect(s.status).toBe('qa_pass');
      expect(s.qa.verdict).not.toBe('fail');
      expect(s.frameCount).toBe(9);
      expect(s.output?.thumbnailUrl).toBeTruthy();
      expect(s.qa.scores).toMatchObject({ blackFrames: 0, resolutionOk: true, fpsOk: true });
    }
    // each later segment is seeded with its predecessor's boundary frame: the same stored file
    expect(g.segments[1]!.seed!.id).toBe(g.segments[0]!.boundary!.id);
    expect(g.segments[2]!.seed!.id).toBe(g.segments[1]!.boundary!.id);
    // the boundary frame is the exact last frame of the clip (lossless)
    const tmp = path.join(team.studio.storage.root, 'seg1.mp4');
    await writeFile(tmp, await fileBytes(g.segments[0]!.output!.url));
    const decoded = await decodeFrames(tmp, { width: 64, height: 64, pixelFormat: 'rgb24' });
    const boundary = await sharp(await fileBytes(g.segments[0]!.boundary!.url))
      .removeAlpha()
      .raw()
      .toBuffer();
    expect(Buffer.compare(Buffer.from(decoded.frames[8]!), boundary)).toBe(0);
    // boundary frames: the last frame, except that elastic duration ends the final segment where the scene reaches
    // its target (1.5 s): 9 + 8 + 7 frames at 16 fps, the chained segments dropping their repeated seed frame
    expect(g.segments.map((s) => s.boundaryFrameIndex)).toEqual([8, 8, 7]);
    expect(g.segments.map((s) => s.durationSeconds)).toEqual([9 / 16, 0.5, 7 / 16]);
    expect(g.run!.secondsDone).toBeCloseTo(1.5);
    const scene = (await api(team.admin, 'GET', `/scenes/${sceneId}`)).json();
    expect(scene.status).toBe('review');
    expect(await renderJobs(sceneId)).toBe(3);
  });

  it('refuses a second run while one is live, and cancels a run keeping what was generated', async () => {
    const typeId = await sceneType('Cancel me', { targetDurationSeconds: 3 });
    const sceneId = await sceneOf('Bruno', typeId);
    expect((await start(sceneId, { sim: [{ segment: 2, faults: { stallMs: -1 } }] })).statusCode).toBe(201);
    const again = await start(sceneId);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('scene.generation_running');
    const end = Date.now() + 30_000;
    while ((await generation(sceneId)).segments.length < 2 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const cancelled = await api(team.admin, 'POST', `/scenes/${sceneId}/generation/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const g = await generation(sceneId);
    expect(g.segments[0]!.status).toBe('qa_pass');
    expect(g.segments[1]!.status).toBe('cancelled');
    expect((await api(team.admin, 'GET', `/scenes/${sceneId}`)).json().status).toBe('review');
    const none = await api(team.admin, 'POST', `/scenes/${sceneId}/generation/cancel`);
    expect(none.statusCode).toBe(409);
  });
});

describe('bad input', { timeout: 90_000 }, () => {
  it('an error while settling a measured segment fails it and ends the run instead of leaving it running', async () => {
    const typeId = await sceneType('Settle error');
    const sceneId = await sceneOf('Bruno', typeId);
    const pipeline = team.studio.services.pipeline;
    const original = pipeline.emitRun.bind(pipeline);
    expect((await start(sceneId)).statusCode).toBe(201);
    let thrown = false;
    // from here (the render is still going), the first live update — inside settling — throws once, which rolls
    // the whole settlement back
    pipeline.emitRun = async (...args: Parameters<typeof original>) => {
      if (!thrown) {
        thrown = true;
        throw new Error('simulated settling failure');
      }
      return original(...args);
    };
    try {
      const g = await untilRun(sceneId, ['failed', 'completed', 'needs_attention']);
      expect(g.run!.status).toBe('failed');
      expect(JSON.stringify(g.segments[0]!.error)).toMatch(
        /Deciding what follows the segment failed: simulated settling failure/,
      );
    } finally {
      pipeline.emitRun = original;
    }
  });

  it('a scene type without a workflow is a 422 naming it, and nothing is written', async () => {
    const typeId = await sceneType('No workflow', { workflowVersionId: null, slotBindings: {} });
    const sceneId = await sceneOf('Ada', typeId);
    const res = await start(sceneId);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('scene.not_generatable');
    expect(res.json().errors[0].field).toBe('sceneType.workflowVersionId');
    expect((await generation(sceneId)).runs).toEqual([]);
  });

  it('a character without an approved hero, and a target shorter than one segment', async () => {
    const typeId = await sceneType('Formal only', {
      applicability: { kind: 'variants', variantTypeIds: [formal] },
    });
    const sceneId = await sceneOf('Chloe', typeId, formal);
    await team.studio.database.db.execute(
      sql`UPDATE image_variants SET is_hero = false WHERE character_id = (SELECT id FROM characters WHERE name = 'Chloe')
          AND variant_type_id = (SELECT id FROM image_variant_types WHERE public_id = ${formal})`,
    );
    const res = await start(sceneId);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('character.heroes.formal');
    const short = await start(await sceneOf('Ada', typeId, formal), { targetSeconds: 0.25 });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].field).toBe('body.targetSeconds');
  });

  it('an unbound required slot is named', async () => {
    const api0 = JSON.parse(await readFile(path.resolve('examples/workflows/i2v.api.json'), 'utf8'));
    api0['1'].inputs.ckpt_name = '';
    const wf = await api(team.admin, 'POST', '/workflows', { name: 'Empty prompt', content: api0 });
    expect(wf.statusCode).toBe(201);
    const typeId = await sceneType('Unbound', { workflowVersionId: wf.json().version.id });
    const res = await start(await sceneOf('Ada', typeId));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('sceneType.slotBindings.checkpoint');
  });

  it('a workflow that always fails fails the run once, with the error, and no retry storm', async () => {
    const typeId = await sceneType('Always fails', {
      generation: { retryPolicy: { enabled: true, maxAttempts: 2 } },
    });
    const sceneId = await sceneOf('Ada', typeId);
    expect((await start(sceneId, { sim: [{ faults: { failAt: 'KSampler' } }] })).statusCode).toBe(201);
    const g = await untilRun(sceneId, ['failed', 'completed']);
    expect(g.run!.status).toBe('failed');
    expect(g.run!.error!.message).toMatch(/Segment 1 \(attempt 2\): The render failed: .*out of memory/i);
    expect(await renderJobs(sceneId)).toBe(2);
    expect((await api(team.admin, 'GET', `/scenes/${sceneId}`)).json().status).toBe('failed');
  });

  it('a segment file nobody can read fails with a clear error', async () => {
    const typeId = await sceneType('Corrupt', { targetDurationSeconds: 0.5 });
    const sceneId = await sceneOf('Bruno', typeId);
    expect((await start(sceneId, { sim: [{ faults: { corrupt: true } }] })).statusCode).toBe(201);
    const g = await untilRun(sceneId, ['failed', 'completed']);
    expect(g.run!.error!.code).toBe('segment.unreadable');
    expect(g.segments[0]!.error!.message).toMatch(/ffprobe cannot read/);
  });
});

describe('QA gates and smart auto-retry', { timeout: 90_000 }, () => {
  it('retries a segment that fails a hard gate and keeps every attempt visible', async () => {
    const typeId = await sceneType('Retry', {
      targetDurationSeconds: 1,
      generation: { retryPolicy: { enabled: true, maxAttempts: 3, jitter: { cfg: 0.1 } } },
    });
    const sceneId = await sceneOf('Chloe', typeId);
    const res = await start(sceneId, { sim: [{ segment: 2, attempt: 1, faults: { frames: 'black' } }] });
    expect(res.statusCode).toBe(201);
    const g = await untilRun(sceneId, ['completed', 'needs_attention', 'failed']);
    expect(g.run!.status).toBe('completed');
    expect(g.segments[1]).toMatchObject({ index: 2, attempt: 2, status: 'qa_pass' });
    const failed = g.attempts.find((a) => a.index === 2 && a.attempt === 1)!;
    expect(failed.status).toBe('qa_fail');
    expect(failed.qa.reasons[0]).toMatchObject({ gate: 'blackFrames', severity: 'hard' });
    // a retry starts from the same seed frame
    expect(g.segments[1]!.seed!.id).toBe(failed.seed!.id);
  });

  it('after every attempt fails, keeps the best and asks a person', async () => {
    const typeId = await sceneType('Best of', {
      targetDurationSeconds: 0.5,
      generation: { retryPolicy: { enabled: true, maxAttempts: 2 } },
    });
    const sceneId = await sceneOf('Bruno', typeId);
    await start(sceneId, {
      sim: [
        { attempt: 1, faults: { frames: 'black' } },
        { attempt: 2, faults: { frames: 'frozen' } },
      ],
    });
    const g = await untilRun(sceneId, ['needs_attention', 'completed', 'failed']);
    expect(g.run!.status).toBe('needs_attention');
    expect(g.run!.error!.message).toMatch(/Segment 1 failed QA after 2 attempts/);
    expect(g.segments).toHaveLength(1);
    expect(g.attempts).toHaveLength(1);
    const kept = g.segments[0]!;
    expect(kept.qa.rank).toBeGreaterThanOrEqual(g.attempts[0]!.qa.rank!);
    const approve = await api(team.admin, 'POST', `/segments/${kept.id}/approve`);
    expect(approve.statusCode).toBe(200);
    expect(approve.json().status).toBe('approved');
    // approving the kept attempt is the person's answer: the run goes on from it (here: it was the last segment)
    const after = await generation(sceneId);
    expect(after.run!.status).toBe('completed');
    expect((await api(team.admin, 'GET', `/scenes/${sceneId}`)).json().status).toBe('review');
  });

  it('regenerating the segment a run stopped on ends that run and continues the chain', async () => {
    const typeId = await sceneType('Stopped', { targetDurationSeconds: 1 });
    const sceneId = await sceneOf('Chloe', typeId);
    await start(sceneId, { sim: [{ segment: 1, faults: { frames: 'frozen' } }] });
    const stopped = await untilRun(sceneId, ['needs_attention', 'completed', 'failed']);
    expect(stopped.run!.status).toBe('needs_attention');
    const res = await api(team.admin, 'POST', `/segments/${stopped.segments[0]!.id}/regenerate`, {
      cascade: true,
    });
    expect(res.statusCode).toBe(201);
    const g = await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
    expect(g.run!.status).toBe('completed');
    expect(g.segments).toHaveLength(2);
    expect(g.runs.find((r) => r.id === stopped.run!.id)).toMatchObject({
      status: 'cancelled',
      error: { message: 'Superseded by a regeneration' },
    });
  });

  it('rejects a contradictory rule set naming the gate', async () => {
    const res = await api(team.admin, 'POST', '/scene-types', {
      projectId,
      name: 'Contradiction',
      prompts: { full_clip: { positive: 'walks', negative: '' } },
      targetDurationSeconds: 5,
      segmentDurationSeconds: 5,
      applicability: { kind: 'variants', variantTypeIds: [casual] },
      generation: { qaOverrides: { likeness: { hard: 0.9, soft: 0.5 } } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body.generation.qaOverrides.likeness');
  });
});

describe('regeneration, manual boundary frames and transitions', { timeout: 90_000 }, () => {
  it('regenerates one segment from its stored seed frame, keeping the old version', async () => {
    const typeId = await sceneType('Regen', { targetDurationSeconds: 1 });
    const sceneId = await sceneOf('Ada', typeId);
    await start(sceneId);
    const before = await untilRun(sceneId, ['completed', 'failed']);
    const second = before.segments[1]!;
    const res = await api(team.admin, 'POST', `/segments/${second.id}/regenerate`, { cascade: false });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ purpose: 'regenerate', fromIndex: 2, cascade: false });
    const after = await untilRun(sceneId, ['completed', 'failed']);
    expect(after.run!.purpose).toBe('regenerate');
    expect(after.segments[1]!.version).toBe(2);
    expect(after.segments[1]!.seed!.id).toBe(second.seed!.id);
    expect(after.segments[0]!.id).toBe(before.segments[0]!.id);
    expect(after.attempts.map((a) => a.id)).toContain(second.id);
  });

  it('pauses for a person to choose the boundary frame, then continues from it', async () => {
    // 0.875 s: a first segment ending on frame 5 (6/16 s) leaves exactly one full chained segment (8/16 s)
    const typeId = await sceneType('Manual', {
      targetDurationSeconds: 0.875,
      generation: { boundaryMode: 'manual' },
    });
    const sceneId = await sceneOf('Bruno', typeId);
    await start(sceneId);
    const paused = await untilRun(sceneId, ['awaiting_boundary', 'failed', 'completed']);
    expect(paused.run!.status).toBe('awaiting_boundary');
    const first = paused.segments[0]!;
    expect(first.boundary).toBeNull();
    const bad = await api(team.admin, 'POST', `/segments/${first.id}/boundary-frame`, { frameIndex: 99 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('body.frameIndex');
    const ok = await api(team.admin, 'POST', `/segments/${first.id}/boundary-frame`, { frameIndex: 5 });
    expect(ok.statusCode).toBe(200);
    const g = await untilRun(sceneId, ['completed', 'failed', 'awaiting_boundary'], 60_000);
    // the last segment ends the scene (elastic duration picks its end), so the run completes
    expect(g.run!.status).toBe('completed');
    expect(g.segments[0]).toMatchObject({
      boundaryFrameIndex: 5,
      boundaryMode: 'manual',
      durationSeconds: 6 / 16,
    });
    expect(g.segments[1]!.seed!.id).toBe(g.segments[0]!.boundary!.id);
  });

  it('switches to the transition variant at the configured segment with the transition workflow', async () => {
    const typeId = await sceneType('Change', {
      transitionWorkflowVersionId: transitionVersion,
      applicability: {
        kind: 'transition',
        fromVariantTypeId: casual,
        toVariantTypeId: formal,
        atSegment: 2,
        suffix: 'to_formal',
        transitionWorkflowRef: null,
      },
    });
    const sceneId = await sceneOf('Ada', typeId);
    await start(sceneId);
    const g = await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
    expect(g.run!.error).toBeNull();
    expect(g.run!.transitionAtSegment).toBe(2);
    expect(g.segments.map((s) => s.seedSource)).toEqual(['hero', 'transition', 'boundary']);
    expect(g.segments.map((s) => s.variantTypeSlug)).toEqual(['casual', 'formal', 'formal']);
    // the transition clip starts on the boundary frame, so it drops that repeated frame like any chained segment
    expect(g.segments.map((s) => s.trimStartFrames)).toEqual([0, 1, 1]);
  });

  it('without a transition workflow, the switch starts on the target hero and keeps its first frame', async () => {
    const typeId = await sceneType('Change plain', {
      applicability: {
        kind: 'transition',
        fromVariantTypeId: casual,
        toVariantTypeId: formal,
        atSegment: 2,
        suffix: 'to_formal',
        transitionWorkflowRef: null,
      },
    });
    const sceneId = await sceneOf('Bruno', typeId);
    await start(sceneId);
    const g = await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
    expect(g.run!.error).toBeNull();
    expect(g.segments.map((s) => s.seedSource)).toEqual(['hero', 'transition', 'boundary']);
    expect(g.segments.map((s) => s.trimStartFrames)).toEqual([0, 0, 1]);
  });
});

describe('batch generation from the matrix', { timeout: 90_000 }, () => {
  it('estimates and starts a selection, skipping what cannot start, and shows progress', async () => {
    const typeId = await sceneType('Batch', { targetDurationSeconds: 0.5 });
    const selection = { sceneTypeIds: [typeId] };
    const est = await api(team.admin, 'POST', `/projects/${projectId}/generation/estimate`, selection);
    expect(est.statusCode).toBe(200);
    // scenes not created yet: the estimate covers what exists; the batch creates the rest
    const res = await api(team.admin, 'POST', `/projects/${projectId}/generation`, selection);
    expect(res.statusCode).toBe(200);
    expect(res.json().started).toHaveLength(3);
    const again = await api(team.admin, 'POST', `/projects/${projectId}/generation`, selection);
    expect(again.json().started).toHaveLength(0);
    expect(again.json().skipped.map((s: { reason: string }) => s.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/already generating|generated before/)]),
    );
    const dash = await api(team.admin, 'GET', `/projects/${projectId}/generation`);
    expect(dash.statusCode).toBe(200);
    expect(dash.json().scenes).toBeGreaterThanOrEqual(3);
    for (const s of res.json().started) await untilRun(s.sceneId, ['completed']);
    const after = await api(team.admin, 'POST', `/projects/${projectId}/generation/estimate`, {
      ...selection,
      only: 'all',
    });
    expect(after.json()).toMatchObject({ scenes: 3, segments: 3, workers: 2 });
    expect(after.json().lines[0].samples).toBeGreaterThan(0);
    expect(after.json().confidence).not.toBe('none');
  });

  it('rejects a selection naming a scene of another project', async () => {
    const res = await api(team.admin, 'POST', `/projects/${projectId}/generation`, {
      sceneIds: ['00000000-0000-7000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('body.sceneIds.0');
  });
});

describe('test shots, promotion and upscaling', { timeout: 90_000 }, () => {
  it('tries a scene type on characters beside their chains, then promotes one to segment 1', async () => {
    const typeId = await sceneType('Trial', { targetDurationSeconds: 1 });
    const res = await api(team.admin, 'POST', `/projects/${projectId}/test-shots`, {
      sceneTypeId: typeId,
      characterIds: [characters.Ada, characters.Bruno],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().started).toHaveLength(2);
    const sceneId = res.json().started[0].sceneId as string;
    let g = await generation(sceneId);
    const end = Date.now() + 25_000;
    while ((g.testShots.length === 0 || g.testShots[0]!.status === 'generating') && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      g = await generation(sceneId);
    }
    const shot = g.testShots[0]!;
    expect(shot).toMatchObject({ tier: 'draft', index: 1, isCurrent: false, status: 'qa_pass' });
    // beside the chain: the scene has no segments and is still pending
    expect(g.segments).toEqual([]);
    expect((await api(team.admin, 'GET', `/scenes/${sceneId}`)).json().status).toBe('pending');
    const gallery = await api(
      team.admin,
      'GET',
      `/projects/${projectId}/test-shots?sceneTypeId=${typeId}&sort=quality`,
    );
    expect(gallery.statusCode).toBe(200);
    expect(gallery.json().items.length).toBeGreaterThanOrEqual(1);
    expect(gallery.json().items[0]).toHaveProperty('characterName');

    const promoted = await api(team.admin, 'POST', `/segments/${shot.id}/promote`, { tier: 'draft' });
    expect(promoted.statusCode).toBe(201);
    expect(promoted.json()).toMatchObject({ segmentsDone: 1, status: 'running' });
    const after = await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
    expect(after.run!.status).toBe('completed');
    expect(after.segments[0]!.id).toBe(shot.id);
    expect(after.segments[1]!.seed!.id).toBe(shot.boundary!.id);
    const twice = await api(team.admin, 'POST', `/segments/${after.segments[1]!.id}/promote`, {
      tier: 'draft',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('segment.wrong_state');

    // upscale the draft chain at production tier, reusing each segment's seed
    const up = await api(team.admin, 'POST', `/scenes/${sceneId}/upscale`);
    expect(up.statusCode).toBe(201);
    expect(up.json().tier).toBe('production');
    const upscaled = await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
    expect(upscaled.run!.status).toBe('completed');
    expect(upscaled.segments.every((s) => s.tier === 'production')).toBe(true);
    expect(upscaled.segments[0]!.parameters.seed).toBe(after.segments[0]!.parameters.seed);
    const none = await api(team.admin, 'POST', `/scenes/${sceneId}/upscale`);
    expect(none.statusCode).toBe(422);
  });
});

describe('image variant generation', { timeout: 90_000 }, () => {
  it('derives a variant from the source image as generated variants to approve as hero', async () => {
    const types = (await api(team.admin, 'GET', '/image-variant-types')).json().items;
    const formalType = types.find((t: { slug: string }) => t.slug === 'formal');
    // the demo wires the formal variant to the image-to-image example
    expect(formalType.generation.workflowName).toMatch(/Image to image/);
    const ada = characters.Ada!;
    const before = (await api(team.admin, 'GET', `/characters/${ada}`)).json().variants.length;
    const res = await api(team.admin, 'POST', `/characters/${ada}/variants/generate`, {
      variantType: 'formal',
    });
    expect(res.statusCode).toBe(202);
    const end = Date.now() + 60_000;
    let variants: { provenance: string; status: string; id: string; file: { width: number } }[] = [];
    while (Date.now() < end) {
      variants = (await api(team.admin, 'GET', `/characters/${ada}`)).json().variants;
      if (variants.length > before) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const generated = variants.filter((v) => v.provenance === 'generated');
    expect(generated).toHaveLength(1);
    expect(generated[0]).toMatchObject({ status: 'generated' });
    expect(generated[0]!.file.width).toBe(512);
    const hero = await api(team.admin, 'POST', `/image-variants/${generated[0]!.id}/decision`, {
      decision: 'hero',
    });
    expect(hero.statusCode).toBe(200);
    expect(hero.json()).toMatchObject({ isHero: true, status: 'approved', provenance: 'generated' });
  });

  it('says what is missing: a variant type without a workflow, an unknown slug', async () => {
    const casualRes = await api(team.admin, 'POST', `/characters/${characters.Ada}/variants/generate`, {
      variantType: 'casual',
    });
    expect(casualRes.statusCode).toBe(422);
    expect(casualRes.json().errors[0].field).toBe('variantType.generationWorkflowVersionId');
    const unknown = await api(team.admin, 'POST', `/characters/${characters.Ada}/variants/generate`, {
      variantType: 'nope',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('body.variantType');
  });
});
