// Face and likeness QA in the pipeline, with the face detector on and characters made from real face photos shipped
// in npm packages: a clean chain passes with high likeness, a clip that turns into another person fails the
// likeness gate, a clip without a face fails face presence, and the source image's embedding is stored once.
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type { SceneGeneration } from '@i2v/contracts';
import { sampleFaces } from '@i2v/faces';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { exampleVersionIds, seedExampleWorkflows } from '../src/modules/workflows/examples.js';
import { systemContext } from '../src/platform/request-context.js';
import { type SignedIn, startStudioWithTeam, type Team } from './factories.js';

let team: Team;
let projectId: string;
let sceneTypeId: string;
let sim: ComfySim;
const scenes: Record<string, string> = {};

async function api(who: SignedIn, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return team.studio.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.auth,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function untilDone(sceneId: string): Promise<SceneGeneration> {
  const end = Date.now() + 80_000;
  for (;;) {
    const g: SceneGeneration = (await api(team.admin, 'GET', `/scenes/${sceneId}/generation`)).json();
    if (g.run && !['running'].includes(g.run.status)) return g;
    if (Date.now() > end) throw new Error(`still ${g.run?.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A face photo cropped to its face, as PNG. */
async function face(i: number, side = 384): Promise<Buffer> {
  const s = sampleFaces()[i]!;
  const r = s.region;
  return sharp(s.file)
    .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
    .resize(side, side, { fit: 'cover' })
    .png()
    .toBuffer();
}

beforeAll(async () => {
  team = await startStudioWithTeam({ I2V_JOB_TICK_MS: '100' });
  const s = team.studio.services;
  const { project } = await s.projects.create(systemContext, { name: 'Faces', description: '' });
  projectId = project.id;
  const casual = (await s.variantTypes.list()).find((t) => t.slug === 'casual')!;
  await seedExampleWorkflows(s.workflows, systemContext);
  const examples = await exampleVersionIds(s.workflows);
  sceneTypeId = (
    await s.sceneTypes.create(systemContext, {
      projectId,
      name: 'Look',
      description: '',
      workflowRef: null,
      workflowVersionId: examples.imageToVideo,
      transitionWorkflowVersionId: null,
      slotBindings: { width: 256, height: 256, steps: 4 },
      loras: [],
      prompts: { full_clip: { positive: '{character_name} looks at the camera', negative: '' } },
      targetDurationSeconds: 1,
      segmentDurationSeconds: 0.5,
      toleranceSeconds: 0,
      applicability: { kind: 'variants', variantTypeIds: [casual.id] },
      enabled: true,
    })
  ).id;
  for (const [name, index] of [
    ['Clean', 0],
    ['Swapped', 5],
    ['Faceless', 9],
  ] as const) {
    const c = await s.characters.create(systemContext, projectId, { name, metadata: {} });
    const photo = await face(index);
    await s.characters.setSourceImage(systemContext, c.id, { filename: `${name}.png`, data: photo });
    const v = await s.characters.addVariant(systemContext, c.id, 'casual', {
      filename: `${name}-hero.png`,
      data: await face(index, 400),
    });
    await s.characters.decideVariant(systemContext, v.id, 'hero');
    await s.scenes.createScenes(systemContext, projectId, {
      characterIds: [c.id],
      sceneTypeIds: [sceneTypeId],
    });
    const [row] = await rows<{ public_id: string }>(
      team.studio.database.db,
      sql`SELECT s.public_id FROM scenes s JOIN characters c ON c.id = s.character_id WHERE c.public_id = ${c.id}`,
    );
    scenes[name] = row!.public_id;
  }
  sim = await startComfySim({ port: 0, speed: 50 });
  // the other person a swapped clip turns into, uploaded to the worker like any input image
  const other = await face(14);
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(other)], { type: 'image/png' }), 'other-person.png');
  form.append('overwrite', 'true');
  expect((await fetch(`${sim.url}/upload/image`, { method: 'POST', body: form })).ok).toBe(true);
  expect(
    (await api(team.admin, 'POST', '/workers', { name: 'sim', url: sim.url, tags: [], maxConcurrency: 1 }))
      .statusCode,
  ).toBe(201);
  await s.workerHealth.checkOnce();
  s.jobEngine.start();
}, 120_000);

afterAll(async () => {
  await team.studio.close();
  await sim?.stop();
});

describe('face and likeness gates', { timeout: 90_000 }, () => {
  it('passes a clean chain with the likeness measured against the source image', async () => {
    expect((await api(team.admin, 'POST', `/scenes/${scenes.Clean}/generation`, {})).statusCode).toBe(201);
    const g = await untilDone(scenes.Clean!);
    expect(g.run!.error, JSON.stringify(g.segments.map((x) => x.qa.scores))).toBeNull();
    expect(g.run!.status).toBe('completed');
    for (const s of g.segments) {
      expect(s.qa.verdict).not.toBe('fail');
      expect(s.qa.scores.facePresence).toBe(1);
      expect(s.qa.scores.likeness as number).toBeGreaterThan(0.6);
    }
    const [e] = await rows<{ n: number; dims: number }>(
      team.studio.database.db,
      sql`SELECT count(*)::int AS n, max(array_length(embedding, 1))::int AS dims FROM face_embeddings`,
    );
    // one per source image, computed once (at upload) and reused by every segment's QA
    expect(e).toEqual({ n: 3, dims: 1024 });
  });

  it('fails a clip that turns into another person on the likeness gate', async () => {
    await api(team.admin, 'POST', `/scenes/${scenes.Swapped}/generation`, {
      sim: [{ faults: { frames: 'swap', swapImage: 'other-person.png' } }],
    });
    const g = await untilDone(scenes.Swapped!);
    expect(g.run!.status).toBe('needs_attention');
    const reasons = g.segments[0]!.qa.reasons.filter((r) => r.severity === 'hard').map((r) => r.gate);
    expect(reasons).toContain('likeness');
  });

  it('fails a clip without a face on face presence', async () => {
    await api(team.admin, 'POST', `/scenes/${scenes.Faceless}/generation`, {
      sim: [{ faults: { frames: 'noface' } }],
    });
    const g = await untilDone(scenes.Faceless!);
    expect(g.run!.status).toBe('needs_attention');
    expect(g.segments[0]!.qa.scores.facePresence).toBe(0);
    expect(g.segments[0]!.qa.reasons.map((r) => r.gate)).toContain('facePresence');
  });
});

describe('source-image QA', { timeout: 90_000 }, () => {
  it('analyses a new source image in the background: face, sharpness, problems', async () => {
    const [c] = await rows<{ public_id: string }>(
      team.studio.database.db,
      sql`SELECT public_id FROM characters WHERE name = 'Clean'`,
    );
    const end = Date.now() + 20_000;
    let qa: Record<string, unknown> | null = null;
    while (!qa && Date.now() < end) {
      qa = (await api(team.admin, 'GET', `/characters/${c!.public_id}`)).json().sourceImage.qa;
      if (!qa) await new Promise((r) => setTimeout(r, 100));
    }
    expect(qa).toMatchObject({ faceFound: true });
    expect(qa!.faceScore as number).toBeGreaterThan(0.6);
    // 384 px: smaller than a 512 px video needs
    expect((qa!.problems as { code: string }[]).map((p) => p.code)).toEqual(['low_resolution']);
    const blank = await sharp({
      create: { width: 600, height: 600, channels: 3, background: '#808080' },
    })
      .png()
      .toBuffer();
    const upload = await team.studio.services.characters.setSourceImage(systemContext, c!.public_id, {
      filename: 'grey.png',
      data: blank,
    });
    expect(upload.sourceImage!.qa).toBeNull();
    let after: { problems: { code: string }[] } | null = null;
    while (!after && Date.now() < end + 20_000) {
      after = (await api(team.admin, 'GET', `/characters/${c!.public_id}`)).json().sourceImage.qa;
      if (!after) await new Promise((r) => setTimeout(r, 100));
    }
    expect(after!.problems.map((p) => p.code)).toEqual(['no_face', 'blurry']);
  });
});
