// Continuity aids of the segment chain (PRD-026) on comfy-sim, with the face detector on and characters made from
// real face photos: likeness anchoring re-seeds the segment after a low-likeness one from the hero (untrimmed), and
// colour matching moves a boundary frame's colours to the hero's before it seeds the next segment.
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
let i2vVersion: string;
let casual: string;
let sim: ComfySim;
const characters: Record<string, string> = {};

async function api(who: SignedIn, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return team.studio.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.auth,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** A face photo cropped to its face, as PNG; `grey`: a one-channel black-and-white PNG. */
async function face(i: number, side = 384, grey = false): Promise<Buffer> {
  const s = sampleFaces()[i]!;
  const r = s.region;
  const cropped = sharp(s.file)
    .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
    .resize(side, side, { fit: 'cover' });
  return (grey ? cropped.greyscale().toColourspace('b-w') : cropped).png().toBuffer();
}

/** A scene type of 0.5 s segments (9 frames at 16 fps, 256²) with the given continuity settings. */
async function sceneType(name: string, targetSeconds: number, generation: Record<string, unknown>) {
  const res = await api(team.admin, 'POST', '/scene-types', {
    projectId,
    name,
    workflowVersionId: i2vVersion,
    slotBindings: { width: 256, height: 256, steps: 4 },
    prompts: { full_clip: { positive: '{character_name} looks around', negative: '' } },
    targetDurationSeconds: targetSeconds,
    segmentDurationSeconds: 0.5,
    toleranceSeconds: 0,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
    generation,
  });
  if (res.statusCode !== 201) throw new Error(`scene type ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}

async function sceneOf(character: string, sceneTypeId: string): Promise<string> {
  const res = await api(team.admin, 'POST', `/projects/${projectId}/scenes`, {
    characterIds: [characters[character]],
    sceneTypeIds: [sceneTypeId],
  });
  expect(res.statusCode).toBe(200);
  const [r] = await rows<{ public_id: string }>(
    team.studio.database.db,
    sql`SELECT s.public_id FROM scenes s JOIN characters c ON c.id = s.character_id
        JOIN scene_types st ON st.id = s.scene_type_id
        WHERE c.public_id = ${characters[character]} AND st.public_id = ${sceneTypeId}`,
  );
  return r!.public_id;
}

/** Starts a run and waits for it to end; every segment is expected to have passed QA. */
async function generate(sceneId: string, sim: unknown[]): Promise<SceneGeneration> {
  const started = await api(team.admin, 'POST', `/scenes/${sceneId}/generation`, { sim });
  expect(started.statusCode, started.body).toBe(201);
  const end = Date.now() + 80_000;
  for (;;) {
    const g: SceneGeneration = (await api(team.admin, 'GET', `/scenes/${sceneId}/generation`)).json();
    if (g.run && g.run.status !== 'running') {
      expect(g.run.error, JSON.stringify(g.segments.map((s) => s.qa.reasons))).toBeNull();
      expect(g.run.status).toBe('completed');
      return g;
    }
    if (Date.now() > end) throw new Error(`still ${g.run?.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function bytesOf(file: { url: string } | null): Promise<Buffer> {
  const res = await team.studio.app.inject({ method: 'GET', url: file!.url });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

/** Mean and spread of each colour channel (R, G, B). */
async function colourStats(image: Buffer): Promise<{ mean: number[]; stdev: number[] }> {
  const { channels } = await sharp(image).stats();
  const rgb = channels.slice(0, 3);
  return { mean: rgb.map((c) => c.mean), stdev: rgb.map((c) => c.stdev) };
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((x, i) => x - b[i]!));

beforeAll(async () => {
  team = await startStudioWithTeam({ I2V_JOB_TICK_MS: '100' });
  const s = team.studio.services;
  const { project } = await s.projects.create(systemContext, { name: 'Continuity', description: '' });
  projectId = project.id;
  casual = (await s.variantTypes.list()).find((t) => t.slug === 'casual')!.id;
  await seedExampleWorkflows(s.workflows, systemContext);
  i2vVersion = (await exampleVersionIds(s.workflows)).imageToVideo!;
  for (const [name, index, grey] of [
    ['Anchored', 0, false],
    ['Unanchored', 1, false],
    ['Matched', 2, false],
    ['Unmatched', 3, false],
    ['Monochrome', 4, true],
  ] as const) {
    const c = await s.characters.create(systemContext, projectId, { name, metadata: {} });
    characters[name] = c.id;
    await s.characters.setSourceImage(systemContext, c.id, {
      filename: `${name}.png`,
      data: await face(index, 384, grey),
    });
    // the hero is the same face at another size (a variant may not repeat the source image byte for byte)
    const v = await s.characters.addVariant(systemContext, c.id, 'casual', {
      filename: `${name}-hero.png`,
      data: await face(index, 400, grey),
    });
    await s.characters.decideVariant(systemContext, v.id, 'hero');
  }
  sim = await startComfySim({ port: 0, speed: 50 });
  // the other person a swapped clip turns into, uploaded to the worker like any input image
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(await face(14))], { type: 'image/png' }), 'other-person.png');
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

describe('likeness anchoring', { timeout: 90_000 }, () => {
  // Segment 2 turns into another person. The likeness gates are turned off so that the run goes on past it:
  // anchoring, not QA, is what is tested here.
  const sims = [{ segment: 2, faults: { frames: 'swap', swapImage: 'other-person.png' } }];
  const gatesOff = { likeness: { hard: null, soft: null }, likenessDrift: { hard: null, soft: null } };

  it('seeds the segment after a low-likeness one from the hero, untrimmed', async () => {
    const typeId = await sceneType('Anchor at 0.7', 1.5, { anchorBelow: 0.7, qaOverrides: gatesOff });
    const g = await generate(await sceneOf('Anchored', typeId), sims);
    const [first, second, third] = g.segments;
    // segment 1 kept the face: segment 2 continues from its boundary frame as usual
    expect(first!.qa.scores.likenessEnd as number).toBeGreaterThan(0.7);
    expect(second!.seedSource).toBe('boundary');
    expect(second!.seed!.id).toBe(first!.boundary!.id);
    // segment 2 drifted to someone else: segment 3 starts again from the hero, which seeded segment 1
    expect(second!.qa.scores.likenessEnd as number).toBeLessThan(0.7);
    expect(third!.seedSource).toBe('anchor');
    expect(third!.seed!.id).toBe(first!.seed!.id);
    expect(third!.seed!.id).not.toBe(second!.boundary!.id);
    // its first frame is not a repeat of the previous segment's last one, so it is kept: 7 frames (0…6) make up
    // the remaining 7/16 s where a trimmed segment would have ended on frame 7
    expect(g.segments.map((s) => s.trimStartFrames)).toEqual([0, 1, 0]);
    expect(third!.boundaryFrameIndex).toBe(6);
    expect(third!.durationSeconds).toBeCloseTo(7 / 16);
    expect(g.run!.secondsDone).toBeCloseTo(1.5);
    // the hero brought the face back
    expect(third!.qa.scores.likeness as number).toBeGreaterThan(0.7);
  });

  it('with anchoring off, the same chain goes on from the boundary frame', async () => {
    const typeId = await sceneType('No anchor', 1.5, { anchorBelow: null, qaOverrides: gatesOff });
    const g = await generate(await sceneOf('Unanchored', typeId), sims);
    const [, second, third] = g.segments;
    expect(second!.qa.scores.likenessEnd as number).toBeLessThan(0.7);
    expect(g.segments.map((s) => s.seedSource)).toEqual(['hero', 'boundary', 'boundary']);
    expect(third!.seed!.id).toBe(second!.boundary!.id);
    expect(g.segments.map((s) => s.trimStartFrames)).toEqual([0, 1, 1]);
  });
});

describe('colour matching', { timeout: 90_000 }, () => {
  // segment 1's colours drift away from its seed (hue, saturation, brightness)
  const sims = [{ segment: 1, faults: { frames: 'drift' } }];

  it('seeds the next segment with the boundary frame moved to the hero’s colours, keeping the frame as it was', async () => {
    const typeId = await sceneType('Colour matched', 1, { colourMatch: true });
    const g = await generate(await sceneOf('Matched', typeId), sims);
    const [first, second] = g.segments;
    expect(second!.seedSource).toBe('boundary');
    expect(second!.seed!.id).not.toBe(first!.boundary!.id);
    const hero = await bytesOf(first!.seed);
    const boundary = await bytesOf(first!.boundary);
    const seed = await bytesOf(second!.seed);
    // the same frame (size, place of things), other colours
    const [b, s] = await Promise.all([
      sharp(boundary).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
      sharp(seed).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
    ]);
    expect(s.info).toMatchObject({ width: b.info.width, height: b.info.height, channels: 3 });
    expect(Buffer.compare(b.data, s.data)).not.toBe(0);
    const [h, raw, matched] = await Promise.all([
      colourStats(hero),
      colourStats(boundary),
      colourStats(seed),
    ]);
    // the drift moved the frame's colours ~9 levels away from the hero's; matching brings them back to within ~1
    expect(distance(raw.mean, h.mean)).toBeGreaterThan(5);
    expect(distance(matched.mean, h.mean)).toBeLessThan(distance(raw.mean, h.mean) / 4);
    expect(distance(matched.stdev, h.stdev)).toBeLessThan(distance(raw.stdev, h.stdev) / 4);
    // the boundary frame itself is still the exact last frame (it is what a person picks from and sees)
    expect(first!.boundaryFrameIndex).toBe(8);
  });

  it('matches to a black-and-white hero (one channel) too', async () => {
    const typeId = await sceneType('Colour matched to grey', 1, { colourMatch: true });
    const g = await generate(await sceneOf('Monochrome', typeId), sims);
    const [first, second] = g.segments;
    const hero = await colourStats(await bytesOf(first!.seed));
    expect(hero.mean).toHaveLength(1);
    expect(second!.seed!.id).not.toBe(first!.boundary!.id);
    // the run went on (it used to stop for good: the QA job failed on the hero's missing channels) with a seed
    // matched to the hero's grey, every channel's mean within a level and a half of it
    const seed = await bytesOf(second!.seed);
    expect(await sharp(seed).metadata()).toMatchObject({ channels: 3, width: 256, height: 256 });
    for (const m of (await colourStats(seed)).mean) expect(Math.abs(m - hero.mean[0]!)).toBeLessThan(1.5);
  });

  it('with colour matching off, the seed is the exact boundary frame', async () => {
    const typeId = await sceneType('Colour as it is', 1, { colourMatch: false });
    const g = await generate(await sceneOf('Unmatched', typeId), sims);
    const [first, second] = g.segments;
    expect(second!.seedSource).toBe('boundary');
    expect(second!.seed!.id).toBe(first!.boundary!.id);
  });
});
