// The player's views of a stored video (PRD-083): the filmstrip sprite sheet (exact frames, made once, layout in
// headers) and the H.264 proxy of a source browsers cannot play; bad input is a 4xx problem, never a 500.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { probe } from '@i2v/ffmpeg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type SignedIn, startStudioWithTeam } from './factories.js';
import type { TestStudio } from './harness.js';
import { makeImage, multipartFile } from './images.js';

let studio: TestStudio;
let creator: SignedIn;
let sceneId: string;
let characterId: string;
let dir: string;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const api = (method: Method, url: string, payload?: unknown) =>
  studio.app.inject({ method, url, headers: creator.auth, payload: payload as object });

/** The colour of frame n of the test clips: far apart for neighbouring frames, so a tile names its frame. */
const colourOf = (n: number) => [(n * 67) % 256, (n * 151 + 40) % 256, (n * 29 + 90) % 256] as const;

/** A clip whose frame n is a solid `colourOf(n)`, encoded with `codec` args. */
function colourClip(name: string, frames: number, fps: number, codec: string[]): Buffer {
  const out = path.join(dir, name);
  const [r, g, b] = ['N*67', 'N*151+40', 'N*29+90'].map((e) => `mod(${e}\\,256)`);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=black:size=96x64:rate=${fps},format=rgb24,geq=r='${r}':g='${g}':b='${b}'`,
    '-frames:v',
    String(frames),
    ...codec,
    out,
  ]);
  return fs.readFileSync(out);
}

async function importVideo(data: Buffer, filename: string) {
  const body = multipartFile(data, filename);
  const res = await studio.app.inject({
    method: 'POST',
    url: `/api/v1/scenes/${sceneId}/versions`,
    headers: { ...creator.auth, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; frameCount: number; file: { id: string; url: string } };
}

const derived = (fileUrl: string, view: 'sprite' | 'proxy') => fileUrl.replace('/file?', `/${view}?`);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-playback-'));
  ({ studio, creator } = await startStudioWithTeam());
  const projectId = (await createProject(studio, creator)).project.id;
  const types = (await api('GET', '/api/v1/image-variant-types')).json().items;
  const casual = types.find((t: { slug: string }) => t.slug === 'casual').id;
  characterId = (await api('POST', `/api/v1/projects/${projectId}/characters`, { name: 'Ava' })).json().id;
  await api('POST', '/api/v1/scene-types', {
    projectId,
    name: 'Walk',
    prompts: { full_clip: { positive: 'walks', negative: '' } },
    targetDurationSeconds: 10,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
  });
  await api('POST', `/api/v1/projects/${projectId}/scenes`, {});
  const matrix = (await api('GET', `/api/v1/projects/${projectId}/scene-matrix`)).json();
  sceneId = matrix.rows[0].cells[0].sceneId;
});
afterAll(async () => {
  await studio.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the filmstrip sprite sheet', () => {
  it('tiles evenly spaced, exact frames of a video, with its layout in headers, made once', async () => {
    // 90 frames of VP9 in WebM (no frame count in the container): 60 tiles, 10 to a row
    const v = await importVideo(
      colourClip('colours.webm', 90, 24, ['-c:v', 'libvpx-vp9', '-crf', '10', '-b:v', '0']),
      'colours.webm',
    );
    expect(v.frameCount).toBe(90);
    const res = await studio.app.inject({ url: derived(v.file.url, 'sprite') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const columns = Number(res.headers['x-sprite-columns']);
    const rows = Number(res.headers['x-sprite-rows']);
    const tileWidth = Number(res.headers['x-sprite-tile-width']);
    const tileHeight = Number(res.headers['x-sprite-tile-height']);
    const frames = String(res.headers['x-sprite-frames']).split(',').map(Number);
    expect([columns, rows, tileWidth, tileHeight]).toEqual([10, 6, 160, 106]);
    expect(frames).toHaveLength(60);
    expect(frames.slice(0, 4)).toEqual([0, 2, 3, 5]);
    expect(frames.at(-1)).toBe(89);

    const { data, info } = await sharp(res.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([columns * tileWidth, rows * tileHeight]);
    // the centre of each tile has the colour of the frame it claims to show, and no neighbour's colour
    for (const [i, frame] of frames.entries()) {
      const x = (i % columns) * tileWidth + tileWidth / 2;
      const y = Math.floor(i / columns) * tileHeight + tileHeight / 2;
      const at = (y * info.width + x) * info.channels;
      const seen = [data[at]!, data[at + 1]!, data[at + 2]!];
      const distance = (n: number) => colourOf(n).reduce((s, c, k) => s + (c - seen[k]!) ** 2, 0);
      const nearest = Array.from({ length: 90 }, (_, n) => n).sort((a, b) => distance(a) - distance(b))[0];
      expect(nearest, `tile ${i}`).toBe(frame);
    }

    // stored beside the video and served from there the second time
    const stored = fs
      .readdirSync(path.join(studio.storage.root, 'videos', sceneId))
      .filter((f) => f.includes('.sprite.'));
    expect(stored.sort()).toEqual([
      expect.stringMatching(/\.sprite\.jpg$/),
      expect.stringMatching(/\.sprite\.json$/),
    ]);
    const again = await studio.app.inject({ url: derived(v.file.url, 'sprite') });
    expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);
    expect(again.headers['x-sprite-frames']).toBe(res.headers['x-sprite-frames']);
  });

  it('answers concurrent first requests with one sheet', async () => {
    const v = await importVideo(
      colourClip('short.mp4', 12, 16, ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']),
      'short.mp4',
    );
    const answers = await Promise.all(
      [1, 2, 3].map(() => studio.app.inject({ url: derived(v.file.url, 'sprite') })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers[0]!.headers['x-sprite-frames']).toBe('0,1,2,3,4,5,6,7,8,9,10,11');
    expect(new Set(answers.map((a) => a.rawPayload.toString('base64'))).size).toBe(1);
  });
});

describe('the H.264 proxy', () => {
  it('transcodes an HEVC source once to H.264 with the same frames, streamed by range requests', async () => {
    const v = await importVideo(
      colourClip('colours-hevc.mp4', 30, 24, [
        '-c:v',
        'libx265',
        '-x265-params',
        'log-level=error',
        '-tag:v',
        'hvc1',
      ]),
      'colours-hevc.mp4',
    );
    const url = derived(v.file.url, 'proxy');
    const whole = await studio.app.inject({ url });
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const file = path.join(dir, 'proxy-out.mp4');
    fs.writeFileSync(file, whole.rawPayload);
    const info = await probe(file, { countFrames: true });
    expect(info.video).toMatchObject({
      codec: 'h264',
      frameCount: 30,
      width: 96,
      height: 64,
      pixelFormat: 'yuv420p',
    });
    expect(info.video!.fps).toBeCloseTo(24);

    const part = await studio.app.inject({ url, headers: { range: 'bytes=0-99' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${whole.rawPayload.length}`);
    expect(Buffer.compare(part.rawPayload, whole.rawPayload.subarray(0, 100))).toBe(0);
    const proxies = fs
      .readdirSync(path.join(studio.storage.root, 'videos', sceneId))
      .filter((f) => f.endsWith('.proxy.mp4'));
    expect(proxies).toHaveLength(1);
    const made = fs.statSync(path.join(studio.storage.root, 'videos', sceneId, proxies[0]!)).mtimeMs;
    await studio.app.inject({ url });
    expect(fs.statSync(path.join(studio.storage.root, 'videos', sceneId, proxies[0]!)).mtimeMs).toBe(made);
  });
});

describe('bad input', () => {
  it('refuses an image, a forged or foreign signature and a missing one with problems, never a 500', async () => {
    const body = multipartFile(await makeImage('png'), 'portrait.png');
    const image = await studio.app.inject({
      method: 'POST',
      url: `/api/v1/characters/${characterId}/source-image`,
      headers: { ...creator.auth, ...body.headers },
      payload: body.payload,
    });
    expect(image.statusCode, image.body).toBe(200);
    const imageUrl: string = image.json().sourceImage.file.url;
    for (const view of ['sprite', 'proxy'] as const) {
      const res = await studio.app.inject({ url: derived(imageUrl, view) });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'video.unreadable',
        detail: expect.stringContaining('not a video'),
      });
    }

    const video = (await api('GET', `/api/v1/scenes/${sceneId}/versions`)).json().items[0];
    const sprite = derived(video.file.url, 'sprite');
    const forged = sprite.replace(/sig=[^&]+/, `sig=${'A'.repeat(43)}`);
    expect((await studio.app.inject({ url: forged })).json().code).toBe('media.not_found');
    // the poster's signature grants the poster, not the video's views
    const poster = new URL(video.file.posterUrl, 'http://x');
    const withPosterSig = `${sprite.split('?')[0]}?${poster.searchParams.toString()}`;
    expect((await studio.app.inject({ url: withPosterSig })).statusCode).toBe(404);
    const unsigned = await studio.app.inject({ url: sprite.split('?')[0]! });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().code).toBe('request.invalid');
    studio.clock.advance(3 * 3600);
    try {
      const expired = await studio.app.inject({ url: derived(video.file.url, 'proxy') });
      expect(expired.statusCode).toBe(403);
      expect(expired.json().code).toBe('media.link_expired');
    } finally {
      studio.clock.advance(-3 * 3600);
    }
  });

  it('purging a version removes its sprite and proxy with it', async () => {
    const v = await importVideo(
      colourClip('gone.mp4', 8, 8, ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']),
      'gone.mp4',
    );
    expect((await studio.app.inject({ url: derived(v.file.url, 'sprite') })).statusCode).toBe(200);
    expect((await studio.app.inject({ url: derived(v.file.url, 'proxy') })).statusCode).toBe(200);
    const mine = () =>
      fs.readdirSync(path.join(studio.storage.root, 'videos', sceneId)).filter((f) => f.startsWith(v.id));
    expect(mine()).toHaveLength(5);
    // a newer version is final now, so this one can go to the trash and be purged
    await importVideo(colourClip('after.mp4', 4, 8, ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']), 'after.mp4');
    expect((await api('DELETE', `/api/v1/scene-video-versions/${v.id}`)).statusCode).toBe(204);
    expect((await api('DELETE', `/api/v1/scene-video-versions/${v.id}/purge`)).statusCode).toBe(204);
    expect(mine()).toEqual([]);
  });
});
