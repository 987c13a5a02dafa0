// Review through the API (PRD-035/092): the queue with its filters, counts and pages; approve, reject (with a reason,
// a note, and a requeued regeneration), flag and unflag; undo; batch approval; scene approval with the assembly hook;
// independent approval; and the refusals: a reviewer approving, a version that is not current, a segment that
// cannot take the decision, bad bodies, nothing to undo, an undo after the segment changed.
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type { ReviewItem, ReviewQueue, SceneGeneration, SceneRun } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { seedDemoProject } from '../src/modules/demo/seed.js';
import { systemContext } from '../src/platform/request-context.js';
import { createUser, type SignedIn, startStudioWithTeam, type Team } from './factories.js';

let team: Team;
let creator2: SignedIn;
let projectId: string;
let walk: string;
let wave: string;
let casual: string;
let sim: ComfySim;
const characters: Record<string, string> = {};
const assembled: number[] = [];

async function api(who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return team.studio.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.auth,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const db = () => team.studio.database.db;

async function sceneType(name: string): Promise<string> {
  const [version] = await rows<{ public_id: string }>(
    db(),
    sql`SELECT v.public_id FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
        WHERE w.name !~* 'transition' ORDER BY v.id LIMIT 1`,
  );
  const res = await api(team.admin, 'POST', '/scene-types', {
    projectId,
    name,
    workflowVersionId: version!.public_id,
    slotBindings: { width: 64, height: 64, steps: 4 },
    prompts: { full_clip: { positive: '{character_name} walks', negative: 'blurry' } },
    targetDurationSeconds: 1,
    segmentDurationSeconds: 0.5,
    toleranceSeconds: 0,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
  });
  if (res.statusCode !== 201) throw new Error(`scene type ${res.statusCode}: ${res.body}`);
  return res.json().id;
}

async function sceneOf(character: string, sceneTypeId: string): Promise<{ publicId: string; id: number }> {
  const res = await api(team.admin, 'POST', `/projects/${projectId}/scenes`, {
    characterIds: [characters[character]],
    sceneTypeIds: [sceneTypeId],
  });
  expect(res.statusCode).toBe(200);
  const [r] = await rows<{ public_id: string; id: number }>(
    db(),
    sql`SELECT s.public_id, s.id FROM scenes s JOIN characters c ON c.id = s.character_id
        JOIN scene_types st ON st.id = s.scene_type_id
        WHERE c.public_id = ${characters[character]} AND st.public_id = ${sceneTypeId}`,
  );
  return { publicId: r!.public_id, id: Number(r!.id) };
}

interface FakeSegment {
  status?: string;
  verdict?: 'pass' | 'flag' | 'fail';
}

/**
 * A scene generated without workers: a completed generate run started by `by`, and one current segment per entry
 * (seeded from the character's hero, so it can be regenerated). Fast where the clip itself does not matter.
 */
async function generatedScene(
  character: string,
  sceneTypeId: string,
  entries: FakeSegment[],
  by: SignedIn = team.creator,
): Promise<{ sceneId: string; segments: string[] }> {
  const scene = await sceneOf(character, sceneTypeId);
  const [run] = await rows<{ id: number }>(
    db(),
    sql`INSERT INTO scene_runs (public_id, scene_id, purpose, status, target_seconds, tolerance_seconds,
          segment_seconds, segments_estimated, segments_done, plan, started_by_user_id, finished_at)
        VALUES (gen_random_uuid(), ${scene.id}, 'generate', 'completed', ${entries.length * 0.5}, 0, 0.5,
          ${entries.length}, ${entries.length}, '{}'::jsonb,
          (SELECT id FROM users WHERE public_id = ${by.user.id}), now())
        RETURNING id`,
  );
  const segments: string[] = [];
  for (const [i, e] of entries.entries()) {
    const verdict = e.verdict ?? 'pass';
    const [seg] = await rows<{ public_id: string }>(
      db(),
      sql`INSERT INTO segments (public_id, scene_id, sequence_index, version, is_current, run_id, status_id,
            seed_file_id, seed_source, output_file_id, fps, frame_count, duration_seconds, qa_verdict, qa_reasons)
          VALUES (gen_random_uuid(), ${scene.id}, ${i + 1}, 1, true, ${run!.id},
            (SELECT id FROM segment_statuses WHERE code = ${e.status ?? (verdict === 'fail' ? 'qa_fail' : 'qa_pass')}),
            (SELECT v.file_id FROM image_variants v JOIN characters c ON c.id = v.character_id
             WHERE c.public_id = ${characters[character]} AND v.is_hero LIMIT 1),
            ${i === 0 ? 'hero' : 'boundary'},
            (SELECT v.file_id FROM image_variants v JOIN characters c ON c.id = v.character_id
             WHERE c.public_id = ${characters[character]} AND v.is_hero LIMIT 1),
            16, 9, 0.5, ${verdict},
            ${JSON.stringify(
              verdict === 'pass'
                ? []
                : [
                    {
                      gate: 'motion',
                      severity: verdict === 'fail' ? 'hard' : 'soft',
                      value: 0.1,
                      threshold: 0.2,
                      message: 'Too little motion',
                    },
                  ],
            )}::jsonb)
          RETURNING public_id`,
    );
    segments.push(seg!.public_id);
  }
  await rows(
    db(),
    sql`UPDATE scenes SET status_id = (SELECT id FROM scene_statuses WHERE code = 'review') WHERE id = ${scene.id}`,
  );
  return { sceneId: scene.publicId, segments };
}

async function queue(who: SignedIn, query = ''): Promise<ReviewQueue> {
  const res = await api(who, 'GET', `/projects/${projectId}/review-queue${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const review = (who: SignedIn, segmentId: string, body: Record<string, unknown>) =>
  api(who, 'POST', `/segments/${segmentId}/review`, body);

const undo = (who: SignedIn, body: Record<string, unknown> = {}) =>
  api(who, 'POST', `/projects/${projectId}/review/undo`, body);

async function sceneStatus(sceneId: string): Promise<string> {
  const res = await api(team.admin, 'GET', `/scenes/${sceneId}`);
  return res.json().status;
}

async function segmentStatus(segmentId: string): Promise<string> {
  return (await api(team.admin, 'GET', `/segments/${segmentId}`)).json().status;
}

async function untilRun(sceneId: string, statuses: SceneRun['status'][]): Promise<SceneGeneration> {
  const end = Date.now() + 80_000;
  for (;;) {
    const g: SceneGeneration = (await api(team.admin, 'GET', `/scenes/${sceneId}/generation`)).json();
    if (g.run && statuses.includes(g.run.status)) return g;
    if (Date.now() > end) throw new Error(`run is ${g.run?.status}: ${JSON.stringify(g.run?.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  team = await startStudioWithTeam({ I2V_JOB_TICK_MS: '100', I2V_FACE_QA: 'false' });
  creator2 = await createUser(team.studio, team.admin, { role: 'creator' });
  const services = team.studio.services;
  projectId = (await seedDemoProject(services, systemContext))!;
  casual = (await services.variantTypes.list()).find((t) => t.slug === 'casual')!.id;
  for (const c of await rows<{ public_id: string; name: string }>(
    db(),
    sql`SELECT public_id, name FROM characters`,
  )) {
    characters[c.name] = c.public_id;
  }
  walk = await sceneType('Review walk');
  wave = await sceneType('Review wave');
  services.review.assembly = {
    request: async (_tx, _ctx, sceneId) => {
      assembled.push(sceneId);
    },
  };
  sim = await startComfySim({ port: 0, speed: 50 });
  const res = await api(team.admin, 'POST', '/workers', {
    name: 'sim',
    url: sim.url,
    tags: [],
    maxConcurrency: 1,
  });
  expect(res.statusCode).toBe(201);
  await services.workerHealth.checkOnce();
  services.jobEngine.start();
}, 120_000);

afterAll(async () => {
  await team.studio.close();
  await sim.stop();
});

describe('reviewing a generated scene', { timeout: 90_000 }, () => {
  it('queues its segments, takes one-key decisions, approves the scene and undoes', async () => {
    const { publicId: sceneId, id: sceneRowId } = await sceneOf('Ada', walk);
    expect(
      (await api(team.creator, 'POST', `/scenes/${sceneId}/generation`, { tier: 'draft' })).statusCode,
    ).toBe(201);
    const g = await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
    expect(g.run!.status).toBe('completed');
    const [first, second] = g.segments;

    const q = await queue(team.reviewer, `?characterId=${characters.Ada}&sceneTypeId=${walk}`);
    expect(q.items.map((i) => i.segment.id)).toEqual([first!.id, second!.id]);
    expect(q.counts).toMatchObject({ unreviewed: 2, flagged: 0, approved: 0, rejected: 0, all: 2 });
    const item = q.items[0]!;
    expect(item).toMatchObject({
      state: 'unreviewed',
      character: { name: 'Ada' },
      sceneType: { name: 'Review walk' },
      scene: { id: sceneId, status: 'review' },
      segmentsInScene: 2,
      generatedBy: { id: team.creator.user.id },
      latestDecision: null,
    });
    expect(item.segment).toMatchObject({ index: 1, version: 1, fps: 16, frameCount: 9 });
    expect(item.segment.output?.url).toBeTruthy();
    expect(item.segment.qa.verdict).not.toBeNull();

    // a reviewer flags (suggesting a rejection) but cannot approve or reject
    const flagged = await review(team.reviewer, second!.id, {
      decision: 'flag',
      reasonCode: 'motion_artifact',
      note: 'jitter at the end',
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json()).toMatchObject({
      decision: {
        decision: 'flag',
        reasonCode: 'motion_artifact',
        note: 'jitter at the end',
        segmentVersion: 1,
      },
      item: { state: 'flagged' },
    });
    for (const decision of ['approve', 'reject'] as const) {
      const refused = await review(team.reviewer, first!.id, { decision });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'auth.forbidden' });
      expect(refused.json().detail).toContain('review.finalize');
    }
    expect((await queue(team.reviewer, `?characterId=${characters.Ada}`)).counts).toMatchObject({
      unreviewed: 1,
      flagged: 1,
    });

    // the creator approves segment 1: recorded with who and which version; the scene is not complete yet
    const approved = await review(team.creator, first!.id, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      decision: { decision: 'approve', decidedBy: { id: team.creator.user.id }, segmentVersion: 1 },
      item: { state: 'approved', segment: { status: 'approved' } },
      sceneApproved: false,
    });
    expect(approved.json().decision.previousStatus).toMatch(/^qa_/);
    expect(assembled).not.toContain(sceneRowId);

    // approving the flagged segment 2 settles the flag and completes the scene: approved, assembly requested
    const last = await review(team.creator, second!.id, { decision: 'approve' });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({ sceneApproved: true, item: { state: 'approved' } });
    expect(await sceneStatus(sceneId)).toBe('approved');
    expect(assembled.filter((id) => id === sceneRowId)).toHaveLength(1);
    const audit = await api(team.admin, 'GET', `/audit-events?entityId=${sceneId}&action=scene.approved`);
    expect(audit.json().items).toHaveLength(1);

    // undo: segment 2 goes back to what it was (flagged), the scene back to review
    const undone = await undo(team.creator);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().undone).toMatchObject([{ segmentId: second!.id, decision: 'approve' }]);
    expect(undone.json().undone[0].undoneAt).not.toBeNull();
    expect(await sceneStatus(sceneId)).toBe('review');
    const after = await queue(team.reviewer, `?characterId=${characters.Ada}&state=flagged`);
    expect(after.items.map((i) => i.segment.id)).toEqual([second!.id]);
    expect(after.items[0]!.latestDecision).toMatchObject({ decision: 'flag', reasonCode: 'motion_artifact' });
    expect(after.items[0]!.segment.approvedAt).toBeNull();
  });
});

describe('the review queue', () => {
  let failing: string;
  let bruno: { sceneId: string; segments: string[] };
  beforeAll(async () => {
    bruno = await generatedScene('Bruno', walk, [{}, { verdict: 'fail' }, { verdict: 'flag' }]);
    await generatedScene('Bruno', wave, [{}, { status: 'generating' }]);
    failing = bruno.segments[1]!;
  });

  it('filters by QA verdict, character and scene type, in scene order', async () => {
    const all = await queue(team.reviewer, `?characterId=${characters.Bruno}`);
    expect(all.items.map((i) => i.segment.id)).toEqual([...bruno.segments, expect.any(String)]);
    expect(all.counts.unreviewed).toBe(4);
    const fails = await queue(team.reviewer, `?characterId=${characters.Bruno}&qa=fail`);
    expect(fails.items.map((i) => i.segment.id)).toEqual([failing]);
    expect(fails.items[0]!.segment.qa.reasons[0]).toMatchObject({ gate: 'motion', severity: 'hard' });
    expect(fails.counts).toMatchObject({ unreviewed: 1, all: 1 });
    const waves = await queue(team.reviewer, `?characterId=${characters.Bruno}&sceneTypeId=${wave}`);
    // the one still generating is not in the queue
    expect(waves.items).toHaveLength(1);
    expect(waves.items[0]!.sceneType.name).toBe('Review wave');
  });

  it('pages with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ReviewQueue = await queue(
        team.reviewer,
        `?characterId=${characters.Bruno}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i: ReviewItem) => i.segment.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('refuses bad queries naming the field', async () => {
    for (const [query, field] of [
      ['?state=maybe', 'query.state'],
      ['?qa=great', 'query.qa'],
      ['?cursor=bm9wZQ', 'query.cursor'],
      ['?sceneTypeId=nope', 'query.sceneTypeId'],
      ['?limit=0', 'query.limit'],
    ]) {
      const res = await api(team.reviewer, 'GET', `/projects/${projectId}/review-queue${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].field, query).toBe(field);
    }
    const missing = await api(team.reviewer, 'GET', `/projects/${crypto.randomUUID()}/review-queue`);
    expect(missing.statusCode).toBe(404);
  });
});

describe('decisions', () => {
  it('rejects with a reason and a note, and requeues a regeneration that keeps the note', async () => {
    const { sceneId, segments } = await generatedScene('Chloe', walk, [{}, {}]);
    const plain = await review(team.creator, segments[0]!, {
      decision: 'reject',
      reasonCode: 'face_artifact',
      note: 'mouth melts',
    });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json()).toMatchObject({
      decision: {
        decision: 'reject',
        reasonCode: 'face_artifact',
        note: 'mouth melts',
        regenerationRunId: null,
      },
      item: { state: 'rejected', segment: { status: 'rejected' } },
    });

    const requeued = await review(team.creator, segments[1]!, {
      decision: 'reject',
      reasonCode: 'identity_drift',
      note: 'no longer looks like Chloe',
      regenerate: true,
    });
    expect(requeued.statusCode, requeued.body).toBe(200);
    const decision = requeued.json().decision;
    expect(decision.regenerationRunId).toEqual(expect.any(String));
    expect(decision.note).toBe('no longer looks like Chloe');
    const g: SceneGeneration = (await api(team.admin, 'GET', `/scenes/${sceneId}/generation`)).json();
    expect(g.runs[0]).toMatchObject({
      id: decision.regenerationRunId,
      purpose: 'regenerate',
      cascade: false,
    });
    // the rejected version stays as an earlier version; a new one takes its index
    expect(g.segments[1]!.id).not.toBe(segments[1]);
    expect(g.segments[1]!.version).toBe(2);
    expect(await segmentStatus(segments[1]!)).toBe('rejected');

    // undoing a rejection that requeued a regeneration is refused, and nothing is undone
    const refused = await undo(team.creator);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'review.undo_conflict' });
    expect(refused.json().detail).toContain('regeneration');
    await untilRun(sceneId, ['completed', 'failed', 'needs_attention']);
  }, 90_000);

  it('refuses a version that is not current, and segments that cannot take the decision', async () => {
    const { segments } = await generatedScene('Chloe', wave, [{}, {}, { status: 'failed' }]);
    // a decision on segment 1 of a scene once regenerated elsewhere: mark it replaced
    await rows(db(), sql`UPDATE segments SET is_current = false WHERE public_id = ${segments[0]!}`);
    const old = await review(team.creator, segments[0]!, { decision: 'approve' });
    expect(old.statusCode).toBe(409);
    expect(old.json()).toMatchObject({ code: 'segment.not_current' });
    expect(old.json().detail).toContain('version 1 of segment 1');

    const failed = await review(team.creator, segments[2]!, { decision: 'approve' });
    expect(failed.statusCode).toBe(409);
    expect(failed.json()).toMatchObject({ code: 'segment.not_reviewable' });

    expect((await review(team.reviewer, segments[1]!, { decision: 'flag' })).statusCode).toBe(200);
    const twice = await review(team.reviewer, segments[1]!, { decision: 'flag' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('flagged already');
    expect((await review(team.reviewer, segments[1]!, { decision: 'unflag' })).statusCode).toBe(200);
    const notFlagged = await review(team.reviewer, segments[1]!, { decision: 'unflag' });
    expect(notFlagged.statusCode).toBe(409);
    expect(notFlagged.json()).toMatchObject({ code: 'segment.not_reviewable' });

    expect((await review(team.creator, segments[1]!, { decision: 'approve' })).statusCode).toBe(200);
    const again = await review(team.creator, segments[1]!, { decision: 'approve' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('approved already');

    const unknown = await review(team.creator, crypto.randomUUID(), { decision: 'approve' });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses bad bodies naming the field', async () => {
    const { segments } = await generatedScene('Ada', wave, [{}]);
    const cases: [Record<string, unknown>, number, string][] = [
      [{}, 400, 'body.decision'],
      [{ decision: 'love' }, 400, 'body.decision'],
      [{ decision: 'reject', reasonCode: 'ugly' }, 400, 'body.reasonCode'],
      [{ decision: 'flag', note: 'x'.repeat(2001) }, 400, 'body.note'],
      [{ decision: 'flag', extra: true }, 400, 'body'],
      [{ decision: 'approve', reasonCode: 'other' }, 422, 'body.reasonCode'],
      [{ decision: 'flag', regenerate: true }, 422, 'body.regenerate'],
    ];
    for (const [body, status, field] of cases) {
      const res = await review(team.creator, segments[0]!, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(res.json().errors), JSON.stringify(body)).toContain(field);
    }
    expect(await segmentStatus(segments[0]!)).toBe('qa_pass');
  });
});

describe('independent approval', () => {
  it('keeps a creator from approving what they generated when the project requires it', async () => {
    const on = await api(team.admin, 'PATCH', `/projects/${projectId}`, {
      settings: { requireIndependentApproval: true },
    });
    expect(on.statusCode, on.body).toBe(200);
    try {
      const typeId = await sceneType('Independent');
      const { sceneId, segments } = await generatedScene('Chloe', typeId, [{}], team.creator);
      const own = await review(team.creator, segments[0]!, { decision: 'approve' });
      expect(own.statusCode).toBe(403);
      expect(own.json()).toMatchObject({ code: 'review.self_approval' });
      const scene = await api(team.creator, 'POST', `/scenes/${sceneId}/approve`);
      expect(scene.statusCode).toBe(422); // not every segment approved yet comes first
      // rejecting and flagging their own work stays possible
      expect((await review(team.creator, segments[0]!, { decision: 'flag' })).statusCode).toBe(200);
      const batch = await api(team.creator, 'POST', `/projects/${projectId}/review/batch-approve`, {
        state: 'flagged',
        characterId: characters.Chloe,
      });
      expect(batch.statusCode).toBe(403);
      expect(batch.json()).toMatchObject({ code: 'review.self_approval' });
      // another creator may
      const other = await review(creator2, segments[0]!, { decision: 'approve' });
      expect(other.statusCode, other.body).toBe(200);
      expect(other.json().item.state).toBe('approved');
      const ownScene = await api(team.creator, 'POST', `/scenes/${sceneId}/approve`);
      expect(ownScene.statusCode).toBe(403);
      expect(ownScene.json()).toMatchObject({ code: 'review.self_approval' });
    } finally {
      await api(team.admin, 'PATCH', `/projects/${projectId}`, {
        settings: { requireIndependentApproval: false },
      });
    }
  });
});

describe('undo', () => {
  it('has nothing to undo for someone who decided nothing', async () => {
    const fresh = await createUser(team.studio, team.admin, { role: 'reviewer' });
    const res = await undo(fresh);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'review.nothing_to_undo' });
    const bad = await undo(fresh, { batchId: 'nope' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses when someone decided on the segment after you', async () => {
    const { segments } = await generatedScene('Ada', await sceneType('Undo conflict'), [{}]);
    const mine = await createUser(team.studio, team.admin, { role: 'reviewer' });
    expect((await review(mine, segments[0]!, { decision: 'flag' })).statusCode).toBe(200);
    expect(
      (await review(team.admin, segments[0]!, { decision: 'reject', reasonCode: 'other' })).statusCode,
    ).toBe(200);
    const res = await undo(mine);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'review.undo_conflict' });
    expect(await segmentStatus(segments[0]!)).toBe('rejected');
    // the admin's own undo puts the flag back: the rejection had cleared it
    const back = await undo(team.admin);
    expect(back.statusCode, back.body).toBe(200);
    const [row] = await rows<{ flagged: boolean }>(
      db(),
      sql`SELECT flagged_at IS NOT NULL AS flagged FROM segments WHERE public_id = ${segments[0]!}`,
    );
    expect(row!.flagged).toBe(true);
  });
});

describe('batch approval and scene approval', () => {
  it('approves every segment matching a filter as one batch, and undoes it as one', async () => {
    const typeId = await sceneType('Batch one');
    const a = await generatedScene('Ada', typeId, [{}, {}]);
    const b = await generatedScene('Bruno', typeId, [{}, { verdict: 'fail' }]);
    const filter = { sceneTypeId: typeId };

    const reviewer = await api(team.reviewer, 'POST', `/projects/${projectId}/review/batch-approve`, filter);
    expect(reviewer.statusCode).toBe(403);
    const changed = await api(team.creator, 'POST', `/projects/${projectId}/review/batch-approve`, {
      ...filter,
      expectedCount: 3,
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'review.batch_changed' });
    expect(changed.json().detail).toContain('4 segments match');

    const before = assembled.length;
    const res = await api(team.creator, 'POST', `/projects/${projectId}/review/batch-approve`, {
      ...filter,
      expectedCount: 4,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ approved: 4, scenesApproved: 2, batchId: expect.any(String) });
    expect(assembled.length).toBe(before + 2);
    const q = await queue(team.reviewer, `?sceneTypeId=${typeId}&state=approved`);
    expect(q.counts).toMatchObject({ unreviewed: 0, approved: 4 });
    expect(q.items.every((i) => i.latestDecision?.batchId === res.json().batchId)).toBe(true);
    expect(await sceneStatus(a.sceneId)).toBe('approved');

    const empty = await api(team.creator, 'POST', `/projects/${projectId}/review/batch-approve`, filter);
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'review.batch_empty' });

    const undone = await undo(team.creator);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().undone).toHaveLength(4);
    expect((await queue(team.reviewer, `?sceneTypeId=${typeId}`)).counts).toMatchObject({
      unreviewed: 4,
      approved: 0,
    });
    expect(await segmentStatus(b.segments[1]!)).toBe('qa_fail');
    expect(await sceneStatus(a.sceneId)).toBe('review');
    expect(await sceneStatus(b.sceneId)).toBe('review');
  });

  it('approves a scene explicitly once every segment is approved, naming the others until then', async () => {
    const { sceneId, segments } = await generatedScene('Chloe', await sceneType('Scene approval'), [
      {},
      {},
      {},
    ]);
    expect((await review(team.creator, segments[0]!, { decision: 'approve' })).statusCode).toBe(200);
    const early = await api(team.creator, 'POST', `/scenes/${sceneId}/approve`);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'scene.segments_unapproved' });
    expect(early.json().detail).toContain('segments 2 (passed QA), 3 (passed QA)');

    const reviewer = await api(team.reviewer, 'POST', `/scenes/${sceneId}/approve`);
    expect(reviewer.statusCode).toBe(403);

    const bare = await sceneOf('Ada', await sceneType('Never generated'));
    const none = await api(team.creator, 'POST', `/scenes/${bare.publicId}/approve`);
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'scene.no_segments' });

    // with the generate run marked unfinished, approving every segment leaves the scene to a person
    await rows(
      db(),
      sql`UPDATE scene_runs SET status = 'failed' WHERE scene_id = (SELECT id FROM scenes WHERE public_id = ${sceneId})`,
    );
    for (const s of segments.slice(1)) {
      const r = await review(team.creator, s, { decision: 'approve' });
      expect(r.json().sceneApproved).toBe(false);
    }
    expect(await sceneStatus(sceneId)).toBe('review');
    const before = assembled.length;
    const ok = await api(team.creator, 'POST', `/scenes/${sceneId}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: sceneId, status: 'approved' });
    expect(assembled.length).toBe(before + 1);
    // again: nothing changes, no second assembly
    expect((await api(team.creator, 'POST', `/scenes/${sceneId}/approve`)).statusCode).toBe(200);
    expect(assembled.length).toBe(before + 1);
  });
});
