import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OutputProfile, Rendition } from '@i2v/contracts';
import { decodeFrames, probe } from '@i2v/ffmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenditionsService } from '../src/modules/delivery/renditions.js';
import { systemContext } from '../src/platform/request-context.js';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, multipartFile } from './images.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let dir: string;
let projectId: string;
let versionId: string;
let versionFileId: string;
let source: string;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn = creator, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });

const preset720pH265 = '019a0000-0000-7000-8000-000000000003';

function buildProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: `Custom ${Math.random().toString(36).slice(2, 8)}`,
    container: 'mp4',
    videoCodec: 'h264',
    width: 640,
    height: 360,
    crf: 23,
    pixelFormat: 'yuv420p',
    ...overrides,
  };
}

/** A scene with one imported video version: a 2 s, 16 fps, 160×120 ffmpeg test pattern. */
async function importVersion(): Promise<{ id: string; fileId: string }> {
  const types = (await api('GET', '/api/v1/image-variant-types')).json().items;
  const casual = types.find((t: { slug: string }) => t.slug === 'casual').id;
  await api('POST', `/api/v1/projects/${projectId}/characters`, creator, { name: 'Ava' });
  const st = await api('POST', '/api/v1/scene-types', creator, {
    projectId,
    name: 'Walk',
    prompts: { full_clip: { positive: 'walks', negative: '' } },
    targetDurationSeconds: 10,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
  });
  expect(st.statusCode, st.body).toBe(201);
  await api('POST', `/api/v1/projects/${projectId}/scenes`, creator, {});
  const matrix = (await api('GET', `/api/v1/projects/${projectId}/scene-matrix`)).json();
  const sceneId = matrix.rows[0].cells[0].sceneId;
  source = path.join(dir, 'walk.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=16:duration=2',
    '-pix_fmt',
    'yuv420p',
    '-c:v',
    'libx264',
    source,
  ]);
  const body = multipartFile(fs.readFileSync(source), 'walk.mp4');
  const res = await studio.app.inject({
    method: 'POST',
    url: `/api/v1/scenes/${sceneId}/versions`,
    headers: { ...creator.auth, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, fileId: res.json().file.id };
}

/** Polls the version's renditions until this one is ready (or failed). */
async function settled(renditionId: string): Promise<Rendition> {
  for (let i = 0; i < 600; i++) {
    const list = (await api('GET', `/api/v1/video-versions/${versionId}/renditions`)).json()
      .items as Rendition[];
    const r = list.find((x) => x.id === renditionId);
    if (r && (r.status === 'ready' || r.status === 'failed')) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`rendition ${renditionId} did not settle`);
}

/** Downloads a rendition's file through its signed URL. */
async function download(r: Rendition, name: string): Promise<string> {
  const res = await studio.app.inject({ method: 'GET', url: r.file!.url });
  expect(res.statusCode).toBe(200);
  const file = path.join(dir, name);
  fs.writeFileSync(file, res.rawPayload);
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-profiles-'));
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
  studio.services.jobEngine.start();
  projectId = (await createProject(studio, creator)).project.id;
  ({ id: versionId, fileId: versionFileId } = await importVersion());
});
afterAll(async () => {
  await studio.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('output profiles', () => {
  it('lists the five presets, read-only, to anyone who reads content', async () => {
    const res = await api('GET', '/api/v1/output-profiles?limit=200', reviewer);
    expect(res.statusCode, res.body).toBe(200);
    const presets = (res.json().items as OutputProfile[]).filter((p) => p.isPreset);
    expect(presets.map((p) => p.name).sort()).toEqual([
      'Archive ProRes 422 HQ',
      'Master H.264 (source size)',
      'Platform 1080p H.264 8 Mbps',
      'Platform 720p H.265',
      'Web VP9',
    ]);
    expect(presets.find((p) => p.id === preset720pH265)).toMatchObject({
      container: 'mp4',
      videoCodec: 'h265',
      width: 1280,
      height: 720,
      crf: 26,
      bitrateKbps: null,
    });
  });

  it('pages by name', async () => {
    const first = (await api('GET', '/api/v1/output-profiles?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await api('GET', `/api/v1/output-profiles?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].name.toLowerCase() >= first.items[1].name.toLowerCase()).toBe(true);
    expect(second.items.map((p: OutputProfile) => p.id)).not.toContain(first.items[0].id);
  });

  it('creates a profile with defaults, audited', async () => {
    const res = await api('POST', '/api/v1/output-profiles', creator, buildProfile({ name: 'Social 360p' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Social 360p',
      description: '',
      fps: null,
      bitrateKbps: null,
      audio: 'drop',
      isPreset: false,
      createdBy: { id: creator.user.id },
    });
    const audit = (await api('GET', '/api/v1/audit-events?action=output_profile.created', admin)).json();
    expect(audit.items[0]).toMatchObject({
      entityId: res.json().id,
      summary: 'Created output profile "Social 360p"',
    });
    expect((await api('POST', '/api/v1/output-profiles', reviewer, buildProfile())).statusCode).toBe(403);
  });

  it.each([
    ['ProRes in MP4', { videoCodec: 'prores', pixelFormat: 'yuv422p10le', crf: 4 }, 'body.container'],
    ['an odd height in 4:2:0', { height: 361 }, 'body.height'],
    ['both crf and bitrate', { bitrateKbps: 8000 }, 'body.crf'],
    [
      'a bitrate for ProRes',
      { container: 'mov', videoCodec: 'prores', pixelFormat: 'yuv422p10le', crf: null, bitrateKbps: 9000 },
      'body.bitrateKbps',
    ],
    ['a width without a height', { height: null }, 'body.height'],
  ])('refuses %s with 422 naming the field', async (_what, overrides, field) => {
    const res = await api('POST', '/api/v1/output-profiles', creator, buildProfile(overrides));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('output_profile.invalid');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses an unknown pixel format and unknown fields with 400', async () => {
    const bad = await api('POST', '/api/v1/output-profiles', creator, buildProfile({ pixelFormat: 'rgb48' }));
    expect(bad.statusCode).toBe(400);
    const extra = await api('POST', '/api/v1/output-profiles', creator, buildProfile({ turbo: true }));
    expect(extra.statusCode).toBe(400);
  });

  it('refuses a taken name, whatever its case', async () => {
    const res = await api(
      'POST',
      '/api/v1/output-profiles',
      creator,
      buildProfile({ name: 'platform 720P h.265' }),
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'output_profile.name_taken', errors: [{ field: 'body.name' }] });
  });

  it('keeps presets read-only, and duplicates one into an editable copy', async () => {
    const edit = await api('PATCH', `/api/v1/output-profiles/${preset720pH265}`, creator, { crf: 20 });
    expect(edit.statusCode, edit.body).toBe(409);
    expect(edit.json().code).toBe('output_profile.preset');
    const del = await api('DELETE', `/api/v1/output-profiles/${preset720pH265}`);
    expect(del.json().code).toBe('output_profile.preset');
    const copy = await api('POST', `/api/v1/output-profiles/${preset720pH265}/duplicate`, creator, {});
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({
      name: 'Platform 720p H.265 (copy)',
      isPreset: false,
      videoCodec: 'h265',
    });
    const again = await api('POST', `/api/v1/output-profiles/${preset720pH265}/duplicate`, creator, {});
    expect(again.json().name).toBe('Platform 720p H.265 (copy 2)');
    const changed = await api('PATCH', `/api/v1/output-profiles/${copy.json().id}`, creator, { crf: 20 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().crf).toBe(20);
  });

  it('checks an edit as a whole', async () => {
    const p = (await api('POST', '/api/v1/output-profiles', creator, buildProfile())).json();
    const res = await api('PATCH', `/api/v1/output-profiles/${p.id}`, creator, { container: 'webm' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'body.container', message: 'h264 cannot go in webm; use mp4 or mov' },
    ]);
    const fixed = await api('PATCH', `/api/v1/output-profiles/${p.id}`, creator, {
      container: 'webm',
      videoCodec: 'vp9',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const audit = (await api('GET', '/api/v1/audit-events?action=output_profile.updated', admin)).json();
    expect(audit.items[0].details.changes).toEqual({
      container: { from: 'mp4', to: 'webm' },
      videoCodec: { from: 'h264', to: 'vp9' },
    });
  });
});

describe('renditions', () => {
  it('transcodes to the 720p H.265 preset, once for the same settings', async () => {
    const res = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      profileId: preset720pH265,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'profile',
      status: 'queued',
      profile: { name: 'Platform 720p H.265' },
    });
    const same = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      profileId: preset720pH265,
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().id).toBe(res.json().id);
    const ready = await settled(res.json().id);
    expect(ready, JSON.stringify(ready)).toMatchObject({
      status: 'ready',
      progress: 1,
      stale: false,
      file: { mimeType: 'video/mp4', width: 1280, height: 720, filename: 'walk-platform-720p-h-265.mp4' },
    });
    const info = await probe(await download(ready, 'h265.mp4'), { countFrames: true });
    expect(info.video).toMatchObject({ codec: 'hevc', width: 1280, height: 720, frameCount: 32 });
    expect(info.audio).toBeUndefined();
    // ready: asking again returns it
    const third = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      profileId: preset720pH265,
    });
    expect(third.statusCode).toBe(200);
    expect(third.json().status).toBe('ready');
  });

  it('lets the delivery reuse a ready rendition, or make one inline', async () => {
    const reused = await studio.services.renditions.ensureProfileRendition(versionId, preset720pH265);
    expect(reused.reused).toBe(true);
    const webm = '019a0000-0000-7000-8000-000000000004';
    const fractions: number[] = [];
    const made = await studio.services.renditions.ensureProfileRendition(versionId, webm, {
      onProgress: (f) => fractions.push(f),
    });
    expect(made.reused).toBe(false);
    expect(made.storageKey).toMatch(/\.webm$/);
    expect(fractions.at(-1)).toBe(1);
    const list = (await api('GET', `/api/v1/video-versions/${versionId}/renditions`)).json()
      .items as Rendition[];
    expect(list.find((r) => r.id === made.renditionId)).toMatchObject({
      status: 'ready',
      profile: { name: 'Web VP9' },
    });
  });

  it('adds a silent audio track when the profile asks for one', async () => {
    const p = (
      await api(
        'POST',
        '/api/v1/output-profiles',
        creator,
        buildProfile({ audio: 'silent', width: 320, height: 240 }),
      )
    ).json();
    const made = await studio.services.renditions.ensureProfileRendition(versionId, p.id);
    const file = path.join(dir, 'silent.mp4');
    fs.writeFileSync(file, await studio.storage.read(made.storageKey));
    const info = await probe(file);
    expect(info.audio?.codec).toBe('aac');
    expect(info.durationSeconds).toBeCloseTo(2, 0);
  });

  it('makes a review cut that marks its corner and keeps every frame', async () => {
    const res = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      reviewCut: {
        kind: 'text',
        text: 'REVIEW',
        position: 'bottom_right',
        opacity: 1,
        scale: 0.5,
        timecode: false,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ready = await settled(res.json().id);
    expect(ready.status, ready.error ?? '').toBe('ready');
    expect(ready.watermark).toMatchObject({ kind: 'text', text: 'REVIEW' });
    const cut = await download(ready, 'review.mp4');
    const size = { width: 160, height: 120, pixelFormat: 'gray' as const };
    const [a, b] = await Promise.all([decodeFrames(source, size), decodeFrames(cut, size)]);
    expect(b.frames).toHaveLength(a.frames.length);
    /** Mean absolute difference of frame 10 inside a box. */
    const diff = (x0: number, y0: number, x1: number, y1: number) => {
      let sum = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++)
          sum += Math.abs(a.frames[10]![y * 160 + x]! - b.frames[10]![y * 160 + x]!);
      return sum / ((x1 - x0) * (y1 - y0));
    };
    expect(diff(90, 100, 155, 116)).toBeGreaterThan(20);
    expect(diff(0, 0, 60, 40)).toBeLessThan(6);
  });

  it("uses the project's review watermark when given none, with a burnt-in timecode", async () => {
    const res = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      reviewCut: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().watermark).toEqual({
      kind: 'text',
      text: 'REVIEW',
      position: 'bottom_right',
      opacity: 0.5,
      scale: 0.2,
      timecode: true,
    });
    const ready = await settled(res.json().id);
    expect(ready.status, ready.error ?? '').toBe('ready');
    const info = await probe(await download(ready, 'default-review.mp4'), { countFrames: true });
    expect(info.video?.frameCount).toBe(32);
  });

  it('takes an uploaded image as a watermark, and refuses a file that is not an image', async () => {
    const body = multipartFile(await makeImage('png', { width: 40, height: 20 }), 'logo.png');
    const up = await studio.app.inject({
      method: 'POST',
      url: '/api/v1/watermark-images',
      headers: { ...creator.auth, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const watermark = { kind: 'image', position: 'top_left', opacity: 0.8, scale: 0.25, timecode: false };
    const res = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      reviewCut: { ...watermark, imageFileId: up.json().id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await settled(res.json().id)).status).toBe('ready');
    const video = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      reviewCut: { ...watermark, imageFileId: versionFileId },
    });
    expect(video.statusCode, video.body).toBe(422);
    expect(video.json()).toMatchObject({
      code: 'watermark.invalid',
      errors: [{ field: 'body.reviewCut.imageFileId', message: 'is not an image' }],
    });
    const missing = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      reviewCut: { ...watermark },
    });
    expect(missing.statusCode).toBe(400);
  });

  it('refuses a timecode when the server has no font to draw it', async () => {
    const s = studio.services;
    const fontless = new RenditionsService({
      db: studio.database.db,
      clock: studio.clock,
      audit: s.audit,
      bus: s.bus,
      storage: studio.storage,
      links: s.media.links,
      profiles: s.outputProfiles,
      jobs: () => s.jobs,
      fontFile: async () => null,
    });
    const watermark = { kind: 'text', text: 'DRAFT', position: 'center', opacity: 0.5, scale: 0.3 } as const;
    const refused = await fontless
      .request(systemContext, versionId, { reviewCut: { ...watermark, timecode: true } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'watermark.timecode_unavailable',
      status: 422,
      fieldErrors: [{ field: 'body.reviewCut.timecode' }],
    });
    const plain = await fontless.request(systemContext, versionId, {
      reviewCut: { ...watermark, timecode: false },
    });
    expect(plain.created).toBe(true);
  });

  it('asks for exactly one of profileId and reviewCut', async () => {
    const both = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {
      profileId: preset720pH265,
      reviewCut: null,
    });
    expect(both.statusCode).toBe(400);
    expect(
      (await api('POST', `/api/v1/video-versions/${versionId}/renditions`, creator, {})).statusCode,
    ).toBe(400);
    const reviewerTry = await api('POST', `/api/v1/video-versions/${versionId}/renditions`, reviewer, {
      profileId: preset720pH265,
    });
    expect(reviewerTry.statusCode).toBe(403);
  });

  it('shows a rendition as stale once its profile changes, and drops it and its file with the profile', async () => {
    const p = (
      await api('POST', '/api/v1/output-profiles', creator, buildProfile({ width: 320, height: 240 }))
    ).json();
    const r = await studio.services.renditions.ensureProfileRendition(versionId, p.id);
    await api('PATCH', `/api/v1/output-profiles/${p.id}`, creator, { crf: 30 });
    const list = async () =>
      (await api('GET', `/api/v1/video-versions/${versionId}/renditions`)).json().items as Rendition[];
    expect((await list()).find((x) => x.id === r.renditionId)?.stale).toBe(true);
    expect((await api('DELETE', `/api/v1/output-profiles/${p.id}`)).statusCode).toBe(204);
    expect((await list()).find((x) => x.id === r.renditionId)).toBeUndefined();
    expect(await studio.storage.stat(r.storageKey)).toBeNull();
    expect((await api('GET', `/api/v1/output-profiles/${p.id}`)).statusCode).toBe(404);
  });
});
