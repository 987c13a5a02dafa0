// Notes (threads, mentions, pin, resolve, edit, delete), on-frame annotations (layers, PNG export) and poster frames
// (manual and automatic), through the API, with their bad inputs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRgb, sampleFaces } from '@i2v/faces';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMediaFile } from '../src/modules/media/repo.js';
import { newPublicId } from '../src/platform/ids.js';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, multipartFile } from './images.js';

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let projectId: string;
let avaId: string;
let beaId: string;
/** Ava's scene: a 24-frame grey ramp (frame i is grey i × 10), 160 × 120 at 16 fps. */
let greyScene: string;
let greyVersion: { id: string; fileId: string };
/** Bea's scene: 8 frames without a face, then 8 with one. */
let faceScene: string;
let sourceImageFileId: string;
let dir: string;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn = creator, payload?: unknown) =>
  studio.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload: payload as object });

/** Encodes PNG frames (raw RGB buffers) into an H.264 MP4 at 16 fps, losslessly. */
async function encode(name: string, frames: Buffer[], width: number, height: number): Promise<Buffer> {
  const frameDir = fs.mkdtempSync(path.join(dir, `${name}-`));
  for (const [i, raw] of frames.entries()) {
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .png()
      .toFile(path.join(frameDir, `f${String(i).padStart(3, '0')}.png`));
  }
  const out = path.join(dir, `${name}.mp4`);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-framerate',
    '16',
    '-i',
    path.join(frameDir, 'f%03d.png'),
    '-c:v',
    'libx264',
    '-qp',
    '0',
    '-pix_fmt',
    'yuv444p',
    out,
  ]);
  return fs.readFileSync(out);
}

function multipart(file: { filename: string; data: Buffer }) {
  const boundary = `----i2v${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function importVideo(sceneId: string, data: Buffer): Promise<{ id: string; fileId: string }> {
  const body = multipart({ filename: 'clip.mp4', data });
  const res = await studio.app.inject({
    method: 'POST',
    url: `/api/v1/scenes/${sceneId}/versions`,
    headers: { ...creator.auth, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, fileId: res.json().file.id };
}

const problem = (res: { statusCode: number; json: () => unknown }) =>
  res.json() as { code: string; errors?: { field: string; message: string }[] };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-notes-'));
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
  projectId = (await createProject(studio, creator)).project.id;
  const types = (await api('GET', '/image-variant-types')).json().items;
  const casual = types.find((t: { slug: string }) => t.slug === 'casual').id;
  avaId = (await api('POST', `/projects/${projectId}/characters`, creator, { name: 'Ava' })).json().id;
  beaId = (await api('POST', `/projects/${projectId}/characters`, creator, { name: 'Bea' })).json().id;
  const st = await api('POST', '/scene-types', creator, {
    projectId,
    name: 'Walk',
    prompts: { full_clip: { positive: 'walks', negative: '' } },
    targetDurationSeconds: 10,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
  });
  expect(st.statusCode, st.body).toBe(201);
  await api('POST', `/projects/${projectId}/scenes`, creator, {});
  const matrix = (await api('GET', `/projects/${projectId}/scene-matrix`)).json();
  const sceneOf = (name: string) =>
    matrix.rows.find((r: { character: { name: string } }) => r.character.name === name).cells[0].sceneId;
  greyScene = sceneOf('Ava');
  faceScene = sceneOf('Bea');

  const w = 160;
  const h = 120;
  const grey = Array.from({ length: 24 }, (_, i) => Buffer.alloc(w * h * 3, i * 10));
  greyVersion = await importVideo(greyScene, await encode('grey', grey, w, h));

  const sample = sampleFaces()[0]!;
  const face = await loadRgb(sample.file, 1024, sample.region);
  const faceRaw = await sharp(Buffer.from(face.data), {
    raw: { width: face.width, height: face.height, channels: 3 },
  })
    .resize(256, 256, { fit: 'cover' })
    .raw()
    .toBuffer();
  // a soft gradient without a face, then the face
  const plain = Buffer.alloc(256 * 256 * 3);
  for (let i = 0; i < plain.length; i++) plain[i] = (Math.floor(i / 3) % 256) >> 1;
  await importVideo(
    faceScene,
    await encode('face', [...Array(8).fill(plain), ...Array(8).fill(faceRaw)], 256, 256),
  );

  const upload = multipartFile(await makeImage('png', { width: 96, height: 64 }), 'ava.png');
  const withImage = await studio.app.inject({
    method: 'POST',
    url: `/api/v1/characters/${avaId}/source-image`,
    headers: { ...creator.auth, ...upload.headers },
    payload: upload.payload,
  });
  expect(withImage.statusCode, withImage.body).toBe(200);
  sourceImageFileId = withImage.json().sourceImage.file.id;
}, 120_000);

afterAll(async () => {
  await studio.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('notes', () => {
  let threadId: string;

  it('adds a note at a frame of the scene video, with a timecode, and notifies who it @mentions', async () => {
    const res = await api('POST', '/notes', creator, {
      entityType: 'scene',
      entityId: greyScene,
      body: `@${reviewer.user.displayName} the light jumps here`,
      frame: 17,
      category: 'direction',
      failureTags: ['lighting_mismatch'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const note = res.json();
    threadId = note.id;
    expect(note).toMatchObject({
      entityType: 'scene',
      entityId: greyScene,
      projectId,
      threadId: note.id,
      parentId: null,
      frame: 17,
      timecode: '00:00:01:01',
      category: 'direction',
      visibility: 'team',
      failureTags: ['lighting_mismatch'],
      pinned: false,
      resolved: false,
      deleted: false,
      author: { id: creator.user.id },
      mentions: [{ id: reviewer.user.id, displayName: reviewer.user.displayName }],
      replies: [],
    });
    const inbox = (await api('GET', '/me/notifications', reviewer)).json();
    expect(inbox.items[0]).toMatchObject({
      kind: 'note.mentioned',
      title: expect.stringContaining(creator.user.displayName),
      link: `/projects/${projectId}/scenes/${greyScene}?note=${note.id}`,
    });
  });

  it('takes mentions as a list of user ids too, and never notifies the author', async () => {
    const res = await api('POST', '/notes', reviewer, {
      entityType: 'project',
      entityId: projectId,
      body: 'Please check the palette',
      mentions: [admin.user.id, reviewer.user.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res
        .json()
        .mentions.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([admin.user.id, reviewer.user.id].sort());
    const mine = (await api('GET', '/me/notifications', reviewer)).json();
    expect(mine.items.filter((n: { title: string }) => n.title.includes('palette'))).toEqual([]);
    const theirs = (await api('GET', '/me/notifications', admin)).json();
    expect(theirs.items[0]).toMatchObject({ kind: 'note.mentioned', body: 'Please check the palette' });
  });

  it('lists people to @mention by the start of their name', async () => {
    const res = await api(
      'GET',
      `/notes/people?q=${encodeURIComponent(reviewer.user.displayName.slice(0, 4))}`,
      reviewer,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual(
      expect.arrayContaining([
        { id: reviewer.user.id, displayName: reviewer.user.displayName, role: 'reviewer' },
      ]),
    );
    expect((await api('GET', '/notes/people?q=zzzz-nobody')).json().items).toEqual([]);
  });

  it('refuses bad input, naming the field', async () => {
    const post = (body: Record<string, unknown>, who = creator) =>
      api('POST', '/notes', who, { entityType: 'scene', entityId: greyScene, body: 'x', ...body });
    const empty = await post({ body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(problem(empty)).toMatchObject({ code: 'note.body_empty', errors: [{ field: 'body.body' }] });
    const outside = await post({ frame: 24 });
    expect(outside.statusCode).toBe(422);
    expect(problem(outside)).toMatchObject({ code: 'frame.out_of_range', errors: [{ field: 'body.frame' }] });
    const noVideo = await post({ entityType: 'character', entityId: avaId, frame: 0 });
    expect(noVideo.statusCode).toBe(422);
    expect(problem(noVideo).errors?.[0]?.field).toBe('body.frame');
    const unknownScene = await post({ entityId: newPublicId() });
    expect(unknownScene.statusCode).toBe(404);
    expect(problem(unknownScene).code).toBe('scene.not_found');
    const unknownSegment = await post({ entityType: 'segment', entityId: newPublicId() });
    expect(unknownSegment.statusCode).toBe(404);
    const badTag = await post({ failureTags: ['face_melt'] });
    expect(badTag.statusCode).toBe(400);
    expect(problem(badTag).errors?.[0]?.field).toBe('body.failureTags.0');
    const badMention = await post({ mentions: [newPublicId()] });
    expect(badMention.statusCode).toBe(422);
    expect(problem(badMention)).toMatchObject({
      code: 'note.mention_unknown',
      errors: [{ field: 'body.mentions.0' }],
    });
    const unknownField = await post({ colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    expect(await api('GET', `/notes/${newPublicId()}`)).toMatchObject({ statusCode: 404 });
  });

  it('threads replies (a reply to a reply joins the thread) and lists them oldest first', async () => {
    const first = await api('POST', `/notes/${threadId}/replies`, reviewer, { body: 'Agreed, frame 17 on' });
    expect(first.statusCode, first.body).toBe(201);
    const replyId = first.json().replies[0].id;
    const second = await api('POST', `/notes/${replyId}/replies`, creator, { body: 'Fixed in v2' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().id).toBe(threadId);
    expect(second.json().replies.map((r: { body: string }) => r.body)).toEqual([
      'Agreed, frame 17 on',
      'Fixed in v2',
    ]);
    expect(second.json().replies[0]).toMatchObject({ parentId: threadId, threadId, category: 'direction' });
    const list = (await api('GET', `/notes?entityType=scene&entityId=${greyScene}`, reviewer)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].replies).toHaveLength(2);
    const empty = await api('POST', `/notes/${threadId}/replies`, reviewer, { body: '' });
    expect(empty.statusCode).toBe(422);
  });

  it('pins a thread as a banner and unpins it; a reply cannot be pinned', async () => {
    const pinned = await api('POST', `/notes/${threadId}/pin`, reviewer);
    expect(pinned.statusCode, pinned.body).toBe(200);
    expect(pinned.json()).toMatchObject({ pinned: true, pinnedAt: expect.any(String) });
    const banners = (await api('GET', `/notes?entityType=scene&entityId=${greyScene}&pinned=true`)).json();
    expect(banners.items.map((n: { id: string }) => n.id)).toEqual([threadId]);
    const replyId = pinned.json().replies[0].id;
    const onReply = await api('POST', `/notes/${replyId}/pin`, reviewer);
    expect(onReply.statusCode).toBe(409);
    expect(problem(onReply).code).toBe('note.not_a_thread');
    expect((await api('POST', `/notes/${threadId}/unpin`)).json().pinned).toBe(false);
    expect((await api('POST', `/notes/${threadId}/pin`)).json().pinned).toBe(true);
  });

  it('resolves and reopens a thread, and filters by resolved', async () => {
    const resolved = await api('POST', `/notes/${threadId}/resolve`, reviewer);
    expect(resolved.json()).toMatchObject({ resolved: true, resolvedBy: { id: reviewer.user.id } });
    const open = (await api('GET', `/notes?entityType=scene&entityId=${greyScene}&resolved=false`)).json();
    expect(open.total).toBe(0);
    const reopened = await api('POST', `/notes/${threadId}/reopen`, creator);
    expect(reopened.json()).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('filters by category and failure tag, orders by frame, and pages with a cursor', async () => {
    for (const [frame, category, tag] of [
      [3, 'technical', 'motion_artifact'],
      [9, 'client', 'face_artifact'],
      [null, 'general', 'face_artifact'],
    ] as const) {
      const res = await api('POST', '/notes', creator, {
        entityType: 'scene',
        entityId: greyScene,
        body: `note at ${frame}`,
        category,
        failureTags: [tag],
        ...(frame === null ? {} : { frame }),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const q = `/notes?entityType=scene&entityId=${greyScene}`;
    expect(
      (await api('GET', `${q}&category=technical`)).json().items.map((n: { frame: number }) => n.frame),
    ).toEqual([3]);
    expect((await api('GET', `${q}&tag=face_artifact`)).json().total).toBe(2);
    const byFrame = (await api('GET', `${q}&order=frame&limit=2`)).json();
    expect(byFrame.items.map((n: { frame: number | null }) => n.frame)).toEqual([3, 9]);
    const rest = (await api('GET', `${q}&order=frame&limit=2&cursor=${byFrame.nextCursor}`)).json();
    expect(rest.items.map((n: { frame: number | null }) => n.frame)).toEqual([17, null]);
    expect(rest.nextCursor).toBeNull();
    const newest = (await api('GET', `${q}&limit=3`)).json();
    expect(newest.total).toBe(4);
    expect(newest.items[0].body).toBe('note at null');
    const bad = await api('GET', `${q}&cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
  });

  it('lets only the author edit; new mentions in the edit are notified', async () => {
    const byOther = await api('PATCH', `/notes/${threadId}`, reviewer, { body: 'mine now' });
    expect(byOther.statusCode).toBe(403);
    expect(problem(byOther).code).toBe('note.not_yours');
    const edited = await api('PATCH', `/notes/${threadId}`, creator, {
      body: `@${admin.user.displayName} the light jumps at 17`,
      failureTags: ['lighting_mismatch', 'continuity_break'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      body: `@${admin.user.displayName} the light jumps at 17`,
      editedAt: expect.any(String),
      failureTags: ['lighting_mismatch', 'continuity_break'],
      mentions: [{ id: admin.user.id }],
    });
    const inbox = (await api('GET', '/me/notifications', admin)).json();
    expect(inbox.items[0].body).toContain('the light jumps at 17');
    const emptied = await api('PATCH', `/notes/${threadId}`, creator, { body: '' });
    expect(emptied.statusCode).toBe(422);
    const frameOnReply = await api('PATCH', `/notes/${edited.json().replies[1].id}`, creator, { frame: 2 });
    expect(frameOnReply.statusCode).toBe(422);
    expect(problem(frameOnReply).errors?.[0]?.field).toBe('body.frame');
  });

  it('keeps internal notes from reviewers', async () => {
    const refused = await api('POST', '/notes', reviewer, {
      entityType: 'character',
      entityId: avaId,
      body: 'budget talk',
      visibility: 'internal',
    });
    expect(refused.statusCode).toBe(403);
    const internal = await api('POST', '/notes', creator, {
      entityType: 'character',
      entityId: avaId,
      body: `budget talk @${reviewer.user.displayName}`,
      visibility: 'internal',
    });
    expect(internal.statusCode, internal.body).toBe(201);
    expect(internal.json().mentions).toEqual([]);
    const theirs = (await api('GET', `/notes?entityType=character&entityId=${avaId}`, reviewer)).json();
    expect(theirs.total).toBe(0);
    expect((await api('GET', `/notes/${internal.json().id}`, reviewer)).statusCode).toBe(404);
    const mine = (await api('GET', `/notes?entityType=character&entityId=${avaId}`, creator)).json();
    expect(mine.total).toBe(1);
  });

  it('deletes own notes (admins any); a deleted first note stays while its thread has replies', async () => {
    const thread = (await api('GET', `/notes/${threadId}`)).json();
    const byOther = await api('DELETE', `/notes/${thread.replies[1].id}`, reviewer);
    expect(byOther.statusCode).toBe(403);
    expect((await api('DELETE', `/notes/${thread.replies[0].id}`, reviewer)).statusCode).toBe(204);
    expect((await api('DELETE', `/notes/${threadId}`, admin)).statusCode).toBe(204);
    const after = (await api('GET', `/notes/${threadId}`)).json();
    expect(after).toMatchObject({ deleted: true, body: '', pinned: false });
    expect(after.replies.map((r: { body: string }) => r.body)).toEqual(['Fixed in v2']);
    expect((await api('DELETE', `/notes/${threadId}`, admin)).statusCode).toBe(404);
    expect((await api('DELETE', `/notes/${after.replies[0].id}`, creator)).statusCode).toBe(204);
    const list = (await api('GET', `/notes?entityType=scene&entityId=${greyScene}`)).json();
    expect(list.items.map((n: { id: string }) => n.id)).not.toContain(threadId);
  });

  it('writes audit rows for what it changes', async () => {
    const audit = (await api('GET', '/audit-events?action=note.&limit=200', admin)).json();
    const actions = new Set(audit.items.map((a: { action: string }) => a.action));
    for (const a of [
      'note.created',
      'note.replied',
      'note.pinned',
      'note.resolved',
      'note.edited',
      'note.deleted',
    ]) {
      expect(actions).toContain(a);
    }
  });
});

describe('annotations', () => {
  const rect = { type: 'rect', x: 0.25, y: 0.25, w: 0.5, h: 0.5, color: '#ff0000', stroke: 0.025 };
  const arrow = { type: 'arrow', from: [0.1, 0.9], to: [0.9, 0.1], color: '#00ff00', stroke: 0.01 };
  const base = () => `/media/${greyVersion.fileId}/annotations`;

  it('saves per-author layers on a frame and lists the frames that have annotations', async () => {
    expect((await api('GET', base())).json()).toMatchObject({ frameCount: 24, fps: 16, items: [] });
    const saved = await api('PUT', `${base()}/10`, creator, { shapes: [rect] });
    expect(saved.statusCode, saved.body).toBe(200);
    const both = await api('PUT', `${base()}/10`, reviewer, {
      shapes: [arrow, { type: 'text', x: 0.3, y: 0.2, text: 'hand here', color: '#ffff00', size: 0.08 }],
    });
    expect(both.json().shapes).toHaveLength(3);
    expect(both.json().layers).toEqual(
      expect.arrayContaining([
        { author: { id: creator.user.id, displayName: creator.user.displayName }, shapes: 1 },
        { author: { id: reviewer.user.id, displayName: reviewer.user.displayName }, shapes: 2 },
      ]),
    );
    const read = (await api('GET', `${base()}/10`, reviewer)).json();
    expect(read.shapes[0]).toMatchObject({ ...rect, author: { id: creator.user.id } });
    expect((await api('GET', `${base()}/11`)).json()).toMatchObject({ shapes: [], updatedAt: null });
    const frames = (await api('GET', base())).json();
    expect(frames.items).toEqual([
      expect.objectContaining({
        frame: 10,
        shapes: 3,
        authors: expect.arrayContaining([expect.objectContaining({ id: reviewer.user.id })]),
      }),
    ]);
  });

  it('exports the exact frame at full resolution with the shapes drawn on it', async () => {
    const res = await api('GET', `${base()}/10.png`, reviewer);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const { data, info } = await sharp(res.rawPayload)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([160, 120]);
    const at = (x: number, y: number) => [...data.subarray((y * 160 + x) * 3, (y * 160 + x) * 3 + 3)];
    const near = (a: number[], b: number[], d = 12) => a.every((v, i) => Math.abs(v - b[i]!) <= d);
    // frame 10 is grey 100 where nothing is drawn
    expect(near(at(5, 60), [100, 100, 100]), String(at(5, 60))).toBe(true);
    // the rectangle's left edge (x = 40) is red; its inside is the frame
    expect(near(at(40, 60), [255, 0, 0]), String(at(40, 60))).toBe(true);
    expect(near(at(60, 80), [100, 100, 100]), String(at(60, 80))).toBe(true);
    // the arrow's shaft crosses the middle
    const shaft = at(80, 60);
    expect(shaft[1]! > 150 && shaft[0]! < 90 && shaft[2]! < 90, String(shaft)).toBe(true);
    const plain = await api('GET', `${base()}/3.png`);
    const grey = await sharp(plain.rawPayload).removeAlpha().raw().toBuffer();
    expect(Math.abs(grey[0]! - 30)).toBeLessThanOrEqual(4);
  });

  it('removes only the caller’s layer with an empty list', async () => {
    const res = await api('PUT', `${base()}/10`, creator, { shapes: [] });
    expect(res.json().shapes.map((s: { type: string }) => s.type)).toEqual(['arrow', 'text']);
  });

  it('refuses shapes that do not validate, naming the field', async () => {
    const bad = async (shape: unknown, field: string) => {
      const res = await api('PUT', `${base()}/2`, creator, { shapes: [shape] });
      expect(res.statusCode, res.body).toBe(400);
      expect(problem(res).errors?.map((e) => e.field)).toContain(field);
    };
    await bad({ ...rect, color: 'red' }, 'body.shapes.0.color');
    await bad({ ...rect, x: 1.5 }, 'body.shapes.0.x');
    await bad({ ...rect, stroke: 0 }, 'body.shapes.0.stroke');
    await bad({ type: 'pen', points: [[0.1, 0.1]], color: '#000000', stroke: 0.01 }, 'body.shapes.0.points');
    await bad({ type: 'text', x: 0.1, y: 0.1, text: '', color: '#000000', size: 0.05 }, 'body.shapes.0.text');
    const unknownType = await api('PUT', `${base()}/2`, creator, { shapes: [{ type: 'circle' }] });
    expect(unknownType.statusCode).toBe(400);
  });

  it('refuses frames outside the video, files that are not videos, and unknown files', async () => {
    const outside = await api('PUT', `${base()}/24`, creator, { shapes: [rect] });
    expect(outside.statusCode).toBe(422);
    expect(problem(outside)).toMatchObject({
      code: 'frame.out_of_range',
      errors: [{ field: 'params.frame' }],
    });
    expect((await api('GET', `${base()}/99.png`)).statusCode).toBe(422);
    const image = await api('GET', `/media/${sourceImageFileId}/annotations/0`);
    expect(image.statusCode).toBe(422);
    expect(problem(image).code).toBe('annotation.not_annotatable');
    expect((await api('GET', `/media/${newPublicId()}/annotations`)).statusCode).toBe(404);
  });
});

describe('poster frames', () => {
  it('sets a scene poster from a frame of its video, stored at full resolution', async () => {
    const res = await api('PUT', `/scenes/${greyScene}/poster`, creator, { frame: 5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().poster).toMatchObject({
      sourceFileId: greyVersion.fileId,
      frame: 5,
      width: 160,
      height: 120,
      url: expect.stringContaining('/api/v1/media/'),
    });
    const png = await studio.app.inject({ method: 'GET', url: res.json().poster.url });
    const px = await sharp(png.rawPayload).removeAlpha().raw().toBuffer();
    expect(Math.abs(px[0]! - 50)).toBeLessThanOrEqual(4);
    expect((await api('GET', `/scenes/${greyScene}/poster`, reviewer)).json().poster.frame).toBe(5);
  });

  it('sets a character poster from an image as it is, or from any video frame', async () => {
    const fromImage = await api('PUT', `/characters/${avaId}/poster`, creator, { fileId: sourceImageFileId });
    expect(fromImage.statusCode, fromImage.body).toBe(200);
    expect(fromImage.json().poster).toMatchObject({
      fileId: sourceImageFileId,
      frame: null,
      sourceFileId: null,
    });
    const fromVideo = await api('PUT', `/characters/${avaId}/poster`, creator, {
      fileId: greyVersion.fileId,
      frame: 23,
    });
    expect(fromVideo.json().poster).toMatchObject({ frame: 23, sourceFileId: greyVersion.fileId });
    // lists show the poster for the character: its card and its matrix row
    const listed = (await api('GET', `/projects/${projectId}/characters`)).json().items;
    const ava = listed.find((c: { id: string }) => c.id === avaId);
    expect(ava.posterUrl).toContain(`/media/${fromVideo.json().poster.fileId}/`);
    const matrix = (await api('GET', `/projects/${projectId}/scene-matrix`)).json();
    const row = matrix.rows.find((r: { character: { id: string } }) => r.character.id === avaId);
    expect(row.character.thumbnailUrl).toBe(ava.posterUrl);
    expect((await api('DELETE', `/characters/${avaId}/poster`)).statusCode).toBe(204);
    expect((await api('GET', `/characters/${avaId}/poster`)).json().poster).toBeNull();
  });

  it('refuses bad posters: a frame outside the video, a file that is not an image or video, unknown ids', async () => {
    const outside = await api('PUT', `/scenes/${greyScene}/poster`, creator, { frame: 24 });
    expect(outside.statusCode).toBe(422);
    expect(problem(outside)).toMatchObject({ code: 'frame.out_of_range', errors: [{ field: 'body.frame' }] });
    const zipId = newPublicId();
    await insertMediaFile(studio.database.db, {
      publicId: zipId,
      storageKey: `deliveries/${zipId}.zip`,
      sha256: '0'.repeat(64),
      sizeBytes: 10,
      mimeType: 'application/zip',
    });
    const zip = await api('PUT', `/scenes/${greyScene}/poster`, creator, { fileId: zipId });
    expect(zip.statusCode).toBe(422);
    expect(problem(zip)).toMatchObject({
      code: 'poster.unsupported_file',
      errors: [{ field: 'body.fileId' }],
    });
    const imageFrame = await api('PUT', `/characters/${avaId}/poster`, creator, {
      fileId: sourceImageFileId,
      frame: 3,
    });
    expect(imageFrame.statusCode).toBe(422);
    expect((await api('PUT', `/scenes/${newPublicId()}/poster`, creator, {})).statusCode).toBe(404);
    const unknownFile = await api('PUT', `/scenes/${greyScene}/poster`, creator, { fileId: newPublicId() });
    expect(unknownFile.statusCode).toBe(404);
    expect((await api('PUT', `/scenes/${greyScene}/poster`, reviewer, { frame: 1 })).statusCode).toBe(403);
  });

  it('picks the frame with the best face automatically', async () => {
    const res = await api('POST', `/characters/${beaId}/poster/auto`, creator);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.method, body.detail).toBe('face');
    expect(body.frame).toBeGreaterThanOrEqual(8);
    expect(body.poster).toMatchObject({ frame: body.frame, width: 256, height: 256 });
  }, 60_000);

  it('falls back to the middle (or sharpest) frame when no face is found, and says so', async () => {
    const res = await api('POST', `/scenes/${greyScene}/poster/auto`, creator);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ method: 'middle', frame: 11 });
    expect(res.json().detail).toMatch(/No face was found|Face detection is off/);
  }, 60_000);

  it('needs a video to pick from', async () => {
    const third = await api('POST', `/projects/${projectId}/characters`, creator, { name: 'Cy' });
    await api('POST', `/projects/${projectId}/scenes`, creator, {});
    const matrix = (await api('GET', `/projects/${projectId}/scene-matrix`)).json();
    const scene = matrix.rows.find((r: { character: { id: string } }) => r.character.id === third.json().id)
      .cells[0].sceneId;
    const res = await api('POST', `/scenes/${scene}/poster/auto`, creator);
    expect(res.statusCode).toBe(422);
    expect(problem(res).code).toBe('poster.no_video');
  });
});
