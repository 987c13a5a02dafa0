// Assembly and delivery through the API on a comfy-sim worker: a generated scene is refused for assembly and
// delivery until approved; approving its segments assembles it (exact trims, joins measured); the project then
// validates and delivers as a ZIP whose layout and manifest checksums are checked file by file; incremental
// deliveries, deep validation, and the bad inputs (unknown profile or character, an unreadable segment file).
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type {
  AssemblyPreview,
  Delivery,
  DeliveryManifest,
  DeliveryValidation,
  SceneGeneration,
} from '@i2v/contracts';
import { decodeFrames } from '@i2v/ffmpeg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { seedDemoProject } from '../src/modules/demo/seed.js';
import { systemContext } from '../src/platform/request-context.js';
import { type SignedIn, startStudioWithTeam, type Team } from './factories.js';
import { readZip as unzip } from './zip-reader.js';

let team: Team;
let projectId: string;
let sceneId: string;
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

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 80_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) {
      const js = await rows<{ kind: string; state: string; error: unknown }>(
        team.studio.database.db,
        sql`SELECT kind, state, error FROM jobs ORDER BY id DESC LIMIT 4`,
      );
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(js)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  team = await startStudioWithTeam({ I2V_JOB_TICK_MS: '100', I2V_FACE_QA: 'false' });
  const services = team.studio.services;
  projectId = (await seedDemoProject(services, systemContext))!;
  for (const c of await rows<{ public_id: string; name: string }>(
    team.studio.database.db,
    sql`SELECT public_id, name FROM characters`,
  )) {
    characters[c.name] = c.public_id;
  }
  const [version] = await rows<{ public_id: string }>(
    team.studio.database.db,
    sql`SELECT v.public_id FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id
        WHERE w.name !~* 'transition' ORDER BY v.id LIMIT 1`,
  );
  const casual = (await services.variantTypes.list()).find((t) => t.slug === 'casual')!.id;
  const type = await api(team.admin, 'POST', '/scene-types', {
    projectId,
    name: 'Deliver walk',
    workflowVersionId: version!.public_id,
    slotBindings: { width: 64, height: 64, steps: 4 },
    prompts: { full_clip: { positive: '{character_name} walks', negative: 'blurry' } },
    targetDurationSeconds: 1,
    segmentDurationSeconds: 0.5,
    toleranceSeconds: 0,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
  });
  expect(type.statusCode).toBe(201);
  const planned = await api(team.admin, 'POST', `/projects/${projectId}/scenes`, {
    characterIds: [characters.Ada],
    sceneTypeIds: [type.json().id],
  });
  expect(planned.statusCode).toBe(200);
  const [scene] = await rows<{ public_id: string }>(
    team.studio.database.db,
    sql`SELECT s.public_id FROM scenes s JOIN characters c ON c.id = s.character_id WHERE c.public_id = ${characters.Ada}`,
  );
  sceneId = scene!.public_id;
  sim = await startComfySim({ port: 0, speed: 50 });
  expect(
    (await api(team.admin, 'POST', '/workers', { name: 'sim', url: sim.url, tags: [], maxConcurrency: 1 }))
      .statusCode,
  ).toBe(201);
  await services.workerHealth.checkOnce();
  services.jobEngine.start();
  expect((await api(team.admin, 'POST', `/scenes/${sceneId}/generation`, {})).statusCode).toBe(201);
  await until('the scene to generate', async () => {
    const g: SceneGeneration = (await api(team.admin, 'GET', `/scenes/${sceneId}/generation`)).json();
    return g.run?.status === 'completed' ? g : null;
  });
}, 150_000);

afterAll(async () => {
  await team.studio.close();
  await sim.stop();
});

describe('assembly and delivery', { timeout: 120_000 }, () => {
  it('refuses to assemble or deliver before every segment is approved, saying what to fix', async () => {
    const res = await api(team.admin, 'POST', `/scenes/${sceneId}/assemble`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'assembly.not_approved' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['segments.1', 'segments.2']);

    const v: DeliveryValidation = (
      await api(team.admin, 'GET', `/projects/${projectId}/delivery/validation`)
    ).json();
    expect(v.ok).toBe(false);
    const problem = v.problems.find((p) => p.code === 'scene.not_approved')!;
    expect(problem).toMatchObject({ severity: 'error', sceneId, characterName: 'Ada' });
    expect(problem.fix).toBe(`/projects/${projectId}/scenes/${sceneId}`);
    const refused = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, { mode: 'full' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('delivery.invalid');
    const none = await rows<{ n: number }>(
      team.studio.database.db,
      sql`SELECT count(*)::int AS n FROM deliveries`,
    );
    expect(none[0]!.n).toBe(0);
  });

  it('assembles the approved chain with exact trims once its last segment is approved', async () => {
    const g: SceneGeneration = (await api(team.admin, 'GET', `/scenes/${sceneId}/generation`)).json();
    const preview: AssemblyPreview = (await api(team.admin, 'GET', `/scenes/${sceneId}/assembly`)).json();
    expect(preview).toMatchObject({ ready: false, unapproved: [1, 2], method: 'reencode', assembled: null });
    expect(preview.joins).toHaveLength(1);
    // a chained segment starts from the boundary frame of the one before: the join is continuous
    expect(preview.joins[0]!.ssim!).toBeGreaterThan(0.5);
    expect(preview.joins[0]!.smoothed).toBe(false);
    for (const s of g.segments) {
      const res = await api(team.admin, 'POST', `/segments/${s.id}/review`, { decision: 'approve' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const version = await until('the assembled version', async () => {
      const list = (await api(team.admin, 'GET', `/scenes/${sceneId}/versions`)).json();
      return list.items?.find((x: { source: string }) => x.source === 'generated') ?? null;
    });
    expect(version.isFinal).toBe(true);
    const after: AssemblyPreview = (await api(team.admin, 'GET', `/scenes/${sceneId}/assembly`)).json();
    expect(after).toMatchObject({
      ready: true,
      assembled: { versionId: version.id, versionNumber: version.versionNumber },
    });
    const kept = g.segments.map((s) => (s.boundaryFrameIndex ?? s.frameCount! - 1) - s.trimStartFrames + 1);
    expect(version.frameCount).toBe(kept.reduce((a, b) => a + b, 0));
    const [row] = await rows<{ assembly: { method: string; segments: { from: number }[] }; tier: string }>(
      team.studio.database.db,
      sql`SELECT assembly, tier FROM scene_video_versions WHERE public_id = ${version.id}`,
    );
    expect(row!.tier).toBe('production');
    expect(row!.assembly.method).toBe('reencode');
    expect(row!.assembly.segments.map((s) => s.from)).toEqual([0, 1]);
    const dir = await mkdtemp(path.join(tmpdir(), 'i2v-dlv-'));
    try {
      const file = path.join(dir, 'v.mp4');
      await writeFile(
        file,
        (await team.studio.app.inject({ method: 'GET', url: version.file.url })).rawPayload,
      );
      const decoded = await decodeFrames(file, { width: 32, height: 32, pixelFormat: 'gray' });
      expect(decoded.frames).toHaveLength(version.frameCount);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const status = await rows<{ code: string }>(
      team.studio.database.db,
      sql`SELECT ss.code FROM scenes s JOIN scene_statuses ss ON ss.id = s.status_id WHERE s.public_id = ${sceneId}`,
    );
    expect(status[0]!.code).toBe('approved');
  });

  it('validates, then delivers a ZIP laid out per character with a manifest whose checksums hold', async () => {
    const v: DeliveryValidation = (
      await api(team.admin, 'GET', `/projects/${projectId}/delivery/validation?deep=true`)
    ).json();
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.checkedFiles).toBe(1);
    const ada = v.characters.find((c) => c.name === 'Ada')!;
    // every approved hero of the character, then its scene videos by the naming convention
    expect(ada.files.map((f) => f.path)).toEqual([
      'Ada/metadata.json',
      'Ada/casual.png',
      'Ada/formal.png',
      'Ada/deliver_walk.mp4',
    ]);

    const started = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, { mode: 'full' });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ number: 1, status: 'queued', downloadUrl: null });
    const again = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, { mode: 'full' });
    expect([202, 409]).toContain(again.statusCode);
    const done = await until('the delivery', async () => {
      const d: Delivery = (await api(team.admin, 'GET', `/deliveries/${started.json().id}`)).json();
      return d.status === 'ready' || d.status === 'failed' ? d : null;
    });
    expect(done.error).toBeNull();
    expect(done.status).toBe('ready');
    const zip = (await team.studio.app.inject({ method: 'GET', url: done.downloadUrl! })).rawPayload;
    expect(zip.length).toBe(done.sizeBytes);
    expect(sha(zip)).toBe(done.sha256);
    const files = await unzip(zip);
    const manifest: DeliveryManifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.delivery).toMatchObject({ id: done.id, number: 1, mode: 'full' });
    expect([...files.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const f of manifest.files) {
      expect(sha(files.get(f.path)!), f.path).toBe(f.sha256);
      expect(files.get(f.path)!.length).toBe(f.sizeBytes);
    }
    const video = manifest.files.find((f) => f.path === 'Ada/deliver_walk.mp4')!;
    expect(video).toMatchObject({ kind: 'video', codec: 'h264', width: 64, height: 64 });
    expect(JSON.parse(files.get('Ada/metadata.json')!.toString())).toBeTypeOf('object');
    expect(files.get('Ada/casual.png')!.subarray(1, 4).toString()).toBe('PNG');
    const history = (await api(team.admin, 'GET', `/projects/${projectId}/deliveries`)).json();
    expect(history.items[0]).toMatchObject({ id: done.id, status: 'ready' });
  });

  it('delivers incrementally only what changed, and refuses when nothing did', async () => {
    await until('no running delivery', async () => {
      const h = (await api(team.admin, 'GET', `/projects/${projectId}/deliveries`)).json();
      return h.items.every((d: Delivery) => d.status === 'ready' || d.status === 'failed') ? true : null;
    });
    const res = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, { mode: 'incremental' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('delivery.nothing_changed');
    const patch = await team.studio.app.inject({
      method: 'PATCH',
      url: `/api/v1/characters/${characters.Ada}`,
      headers: team.admin.auth,
      payload: { name: 'Ada Lovelace' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const v: DeliveryValidation = (
      await api(team.admin, 'GET', `/projects/${projectId}/delivery/validation`)
    ).json();
    expect(v.characters.filter((c) => c.changed).map((c) => c.name)).toEqual(['Ada Lovelace']);
    const inc = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, { mode: 'incremental' });
    expect(inc.statusCode, inc.body).toBe(202);
    expect(inc.json().characters.map((c: { name: string }) => c.name)).toEqual(['Ada Lovelace']);
    const done = await until('the incremental delivery', async () => {
      const d: Delivery = (await api(team.admin, 'GET', `/deliveries/${inc.json().id}`)).json();
      return d.status === 'ready' || d.status === 'failed' ? d : null;
    });
    expect(done.status).toBe('ready');
    const files = await unzip(
      (await team.studio.app.inject({ method: 'GET', url: done.downloadUrl! })).rawPayload,
    );
    expect(
      [...files.keys()].filter((k) => k !== 'manifest.json').every((k) => k.startsWith('Ada Lovelace/')),
    ).toBe(true);
  });

  it('delivers through an output profile: every video transcoded and checked against it', async () => {
    const res = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, {
      mode: 'full',
      profileId: '019a0000-0000-7000-8000-000000000003',
      characterIds: [characters.Ada],
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().profile.name).toBe('Platform 720p H.265');
    const done = await until('the profile delivery', async () => {
      const d: Delivery = (await api(team.admin, 'GET', `/deliveries/${res.json().id}`)).json();
      return d.status === 'ready' || d.status === 'failed' ? d : null;
    });
    expect(done.error).toBeNull();
    const files = await unzip(
      (await team.studio.app.inject({ method: 'GET', url: done.downloadUrl! })).rawPayload,
    );
    const manifest: DeliveryManifest = JSON.parse(files.get('manifest.json')!.toString());
    const video = manifest.files.find((f) => f.kind === 'video')!;
    expect(video).toMatchObject({ codec: 'hevc', width: 1280, height: 720 });
    expect(sha(files.get(video.path)!)).toBe(video.sha256);
  });

  it('never offers a partial ZIP: a file that vanishes mid-export fails the delivery and leaves nothing', async () => {
    const [file] = await rows<{ storage_key: string }>(
      team.studio.database.db,
      sql`SELECT f.storage_key FROM scene_video_versions v JOIN media_files f ON f.id = v.file_id
          JOIN scenes s ON s.id = v.scene_id WHERE s.public_id = ${sceneId} AND v.is_final`,
    );
    const kept = await team.studio.services.storage.read(file!.storage_key);
    await team.studio.services.storage.delete(file!.storage_key);
    try {
      // validation reports the missing file; a delivery queued before it vanished fails in packaging
      const v: DeliveryValidation = (
        await api(team.admin, 'GET', `/projects/${projectId}/delivery/validation`)
      ).json();
      expect(v.problems.map((p) => p.code)).toContain('file.missing');
      const before = await rows<{ n: number }>(
        team.studio.database.db,
        sql`SELECT count(*)::int AS n FROM media_files WHERE mime_type = 'application/zip'`,
      );
      const delivery = team.studio.services.delivery;
      const [row] = await rows<{ public_id: string }>(
        team.studio.database.db,
        sql`INSERT INTO deliveries (public_id, project_id, number, mode, status, characters)
            SELECT gen_random_uuid(), p.id, 99, 'full', 'queued',
              ${JSON.stringify([{ id: characters.Ada, name: 'Ada Lovelace', folder: 'Ada Lovelace' }])}::jsonb
            FROM projects p WHERE p.public_id = ${projectId} RETURNING public_id`,
      );
      await expect(
        delivery.package(row!.public_id, { signal: new AbortController().signal, progress: () => undefined }),
      ).rejects.toThrow(/missing from storage/);
      const failed: Delivery = (await api(team.admin, 'GET', `/deliveries/${row!.public_id}`)).json();
      expect(failed).toMatchObject({ status: 'failed', downloadUrl: null, sizeBytes: null });
      expect(failed.error).toMatch(/missing from storage/);
      const after = await rows<{ n: number }>(
        team.studio.database.db,
        sql`SELECT count(*)::int AS n FROM media_files WHERE mime_type = 'application/zip'`,
      );
      expect(after[0]!.n).toBe(before[0]!.n);
    } finally {
      await team.studio.services.storage.put(file!.storage_key, kept);
    }
  });

  it('names the field for an unknown profile or character', async () => {
    const profile = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, {
      profileId: '019a0000-0000-7000-8000-0000000000ff',
    });
    expect(profile.statusCode).toBe(422);
    const who = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, {
      characterIds: ['019a0000-0000-7000-8000-0000000000ff'],
    });
    expect(who.statusCode).toBe(422);
    expect(who.json().errors[0].field).toBe('body.characterIds.0');
    const bad = await api(team.admin, 'POST', `/projects/${projectId}/deliveries`, { mode: 'sometimes' });
    expect(bad.statusCode).toBe(400);
  });

  it('reports a segment file that cannot be read instead of assembling it', async () => {
    const [seg] = await rows<{ storage_key: string }>(
      team.studio.database.db,
      sql`SELECT f.storage_key FROM segments g JOIN scenes s ON s.id = g.scene_id JOIN media_files f ON f.id = g.output_file_id
          WHERE s.public_id = ${sceneId} AND g.is_current AND g.sequence_index = 2`,
    );
    await team.studio.services.storage.put(seg!.storage_key, Buffer.from('not a video at all'));
    const preview: AssemblyPreview = (await api(team.admin, 'GET', `/scenes/${sceneId}/assembly`)).json();
    expect(preview.problem).toMatch(/Segment 2 cannot be read/);
  });
});
