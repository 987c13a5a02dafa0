import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let sceneId: string;
let dir: string;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn = creator, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });

/** A real clip made by ffmpeg from its test source. */
function clip(name: string, args: string[]): Buffer {
  const out = path.join(dir, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, out]);
  return fs.readFileSync(out);
}
const mp4 = (seconds = 1, size = '128x96') =>
  clip(`v-${seconds}-${size}.mp4`, [
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=${size}:rate=16:duration=${seconds}`,
    '-pix_fmt',
    'yuv420p',
    '-c:v',
    'libx264',
  ]);

function multipart(fields: { name: string; value: string }[], file?: { filename: string; data: Buffer }) {
  const boundary = `----i2v${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const f of fields) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"\r\n\r\n${f.value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const importVideo = (data: Buffer, filename: string, notes?: string, who: SignedIn = creator) => {
  const body = multipart(notes ? [{ name: 'notes', value: notes }] : [], { filename, data });
  return studio.app.inject({
    method: 'POST',
    url: `/api/v1/scenes/${sceneId}/versions`,
    headers: { ...who.auth, ...body.headers },
    payload: body.payload,
  });
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-videos-'));
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
  const projectId = (await createProject(studio, creator)).project.id;
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
  sceneId = matrix.rows[0].cells[0].sceneId;
  expect(sceneId).toEqual(expect.any(String));
});
afterAll(async () => {
  await studio.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a scene', () => {
  it('reads with its names, delivered file name and no final version yet', async () => {
    const res = await api('GET', `/api/v1/scenes/${sceneId}`, reviewer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      character: { name: 'Ava' },
      sceneType: { name: 'Walk' },
      variantType: { slug: 'casual' },
      status: 'pending',
      fileName: 'walk.mp4',
      tags: [],
      finalVersionId: null,
    });
  });

  it('is tagged, and the change audited', async () => {
    const res = await api('PUT', `/api/v1/scenes/${sceneId}/tags`, creator, {
      tags: ['take:hero', 'review'],
    });
    expect(res.json().tags).toEqual(['review', 'take:hero']);
    const audit = (await api('GET', `/api/v1/audit-events?action=scene.tags_changed`, admin)).json();
    expect(audit.items[0].entityId).toBe(sceneId);
    expect((await api('PUT', `/api/v1/scenes/${sceneId}/tags`, reviewer, { tags: [] })).statusCode).toBe(403);
  });
});

describe('scene video versions', () => {
  let v1: string;
  let v2: string;
  it('imports a video with ffprobe facts and a poster, as the final version 1', async () => {
    const res = await importVideo(mp4(2), 'walk-take1.mp4', 'first cut');
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    v1 = v.id;
    expect(v).toMatchObject({
      versionNumber: 1,
      source: 'imported',
      isFinal: true,
      notes: 'first cut',
      codec: 'h264',
      frameCount: 32,
      file: { mimeType: 'video/mp4', width: 128, height: 96, originalFilename: 'walk-take1.mp4' },
    });
    expect(v.durationSeconds).toBeCloseTo(2, 1);
    const poster = await studio.app.inject({ url: v.file.posterUrl });
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['content-type']).toBe('image/webp');
    expect((await api('GET', `/api/v1/scenes/${sceneId}`)).json().finalVersionId).toBe(v1);
  });

  it('streams the video with HTTP range requests', async () => {
    const v = (await api('GET', `/api/v1/scene-video-versions/${v1}`)).json();
    const whole = await studio.app.inject({ url: v.file.url });
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const part = await studio.app.inject({ url: v.file.url, headers: { range: 'bytes=10-19' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${whole.rawPayload.length}`);
    expect(Buffer.compare(part.rawPayload, whole.rawPayload.subarray(10, 20))).toBe(0);
    const tail = await studio.app.inject({ url: v.file.url, headers: { range: 'bytes=-5' } });
    expect(tail.rawPayload.length).toBe(5);
    const beyond = await studio.app.inject({
      url: v.file.url,
      headers: { range: `bytes=${whole.rawPayload.length + 5}-` },
    });
    expect(beyond.statusCode).toBe(416);
  });

  it('a second import becomes final; the first stays as history; finals can move back', async () => {
    const res = await importVideo(mp4(1, '160x120'), 'walk-take2.mp4');
    expect(res.statusCode, res.body).toBe(201);
    v2 = res.json().id;
    const list = (await api('GET', `/api/v1/scenes/${sceneId}/versions`)).json().items;
    expect(
      list.map((v: { versionNumber: number; isFinal: boolean }) => [v.versionNumber, v.isFinal]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    const back = await api('POST', `/api/v1/scene-video-versions/${v1}/final`);
    expect(back.json().isFinal).toBe(true);
    expect((await api('GET', `/api/v1/scene-video-versions/${v2}`)).json().isFinal).toBe(false);
  });

  it('trashes only a version that is not final, restores and purges it', async () => {
    const refused = await api('DELETE', `/api/v1/scene-video-versions/${v1}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('video.final_in_use');
    expect((await api('DELETE', `/api/v1/scene-video-versions/${v2}/purge`)).json().code).toBe(
      'video.not_in_trash',
    );
    expect((await api('DELETE', `/api/v1/scene-video-versions/${v2}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/scenes/${sceneId}/versions`)).json().items).toHaveLength(1);
    const trashed = (await api('GET', `/api/v1/scenes/${sceneId}/versions?deleted=only`)).json().items;
    expect(trashed.map((v: { id: string }) => v.id)).toEqual([v2]);
    expect((await api('POST', `/api/v1/scene-video-versions/${v2}/final`)).json().code).toBe(
      'video.in_trash',
    );
    expect((await api('POST', `/api/v1/scene-video-versions/${v2}/restore`)).json().deletedAt).toBeNull();
    await api('DELETE', `/api/v1/scene-video-versions/${v2}`);
    const file = (await api('GET', `/api/v1/scene-video-versions/${v2}`)).json().file;
    const key = fs
      .readdirSync(path.join(studio.storage.root, 'videos', sceneId))
      .filter((f) => f.startsWith(v2));
    expect(key).toHaveLength(2);
    expect((await api('DELETE', `/api/v1/scene-video-versions/${v2}/purge`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/scene-video-versions/${v2}`)).statusCode).toBe(404);
    expect(
      fs.readdirSync(path.join(studio.storage.root, 'videos', sceneId)).filter((f) => f.startsWith(v2)),
    ).toEqual([]);
    expect((await studio.app.inject({ url: file.url })).statusCode).toBe(404);
    const actions = (await api('GET', `/api/v1/audit-events?entityId=${sceneId}`, admin))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'scene.video_imported',
        'scene.video_final_set',
        'scene.video_deleted',
        'scene.video_restored',
        'scene.video_purged',
      ]),
    );
  });

  it.each([
    ['text renamed .mp4', () => Buffer.from('not a video at all'), 'fake.mp4', 422, 'video.unreadable'],
    ['an empty file', () => Buffer.alloc(0), 'empty.mp4', 422, 'video.unreadable'],
    [
      'audio only',
      () => clip('tone.m4a', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac']),
      'tone.mp4',
      422,
      'video.unreadable',
    ],
    [
      'a GIF',
      () => clip('anim.gif', ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5:duration=1']),
      'anim.gif',
      415,
      'video.unsupported_format',
    ],
  ])(
    'refuses %s with a problem naming the file, and stores nothing',
    async (_l, make, filename, status, code) => {
      const before = (await api('GET', `/api/v1/scenes/${sceneId}/versions?deleted=include`)).json().items
        .length;
      const res = await importVideo(make(), filename);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toMatchObject({ code, errors: [{ field: 'body.file' }] });
      expect(res.json().detail).toContain(filename);
      expect(
        (await api('GET', `/api/v1/scenes/${sceneId}/versions?deleted=include`)).json().items,
      ).toHaveLength(before);
    },
  );

  it('refuses a missing file, non-multipart bodies, reviewers and unknown scenes', async () => {
    const body = multipart([{ name: 'notes', value: 'x' }]);
    const noFile = await studio.app.inject({
      method: 'POST',
      url: `/api/v1/scenes/${sceneId}/versions`,
      headers: { ...creator.auth, ...body.headers },
      payload: body.payload,
    });
    expect(noFile.json().code).toBe('video.missing_file');
    expect((await api('POST', `/api/v1/scenes/${sceneId}/versions`, creator, { file: 'x' })).statusCode).toBe(
      415,
    );
    expect((await importVideo(mp4(1), 'r.mp4', undefined, reviewer)).statusCode).toBe(403);
    const unknown = await api('GET', '/api/v1/scenes/01900000-0000-7000-8000-0000000000aa');
    expect(unknown.json().code).toBe('scene.not_found');
  });
});
