// The frame-accurate player (PRD-083) on the scene page: a clip whose every frame has its own solid colour is
// imported as a scene video version; stepping with the keyboard lands on the exact frame number and the pixels on
// screen are that frame's; J/K/L shuttle; an A-B loop plays only its range; the filmstrip and hover thumbnails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let fixtures: string;
let sceneId: string;
let projectId: string;
const creator = { email: 'grader@studio.test', displayName: 'Gia Grader', password: 'Maple-Harbor-7731' };
const frames = 96;
const fps = 24;

/** Frame n of the clip is this solid colour: neighbours are far apart, so a pixel names its frame. */
const colourOf = (n: number) => [(n * 67) % 256, (n * 151 + 40) % 256, (n * 29 + 90) % 256];

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-player-'));
  const [r, g, b] = ['N*67', 'N*151+40', 'N*29+90'].map((e) => `mod(${e}\\,256)`);
  // H.264 with a keyframe every 12 frames: stepping back needs decoding from the keyframe before
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=black:size=160x120:rate=${fps},format=rgb24,geq=r='${r}':g='${g}':b='${b}'`,
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-g',
    '12',
    '-pix_fmt',
    'yuv420p',
    path.join(fixtures, 'colours.mp4'),
  ]);
  studio = await startBuiltStudio();
  browser = await launchChromium();
  await studio.createUser(await studio.login(studio.adminEmail, studio.adminPassword), creator, 'creator');
  const token = await studio.login(creator.email, creator.password);
  const json = async (r: Promise<Response>) =>
    (await r).json() as Promise<{ id: string; items?: { slug: string; id: string }[] }>;
  projectId = (await json(studio.api('POST', '/api/v1/projects', token, { name: 'Colour Lab' }))).id;
  const types = (await json(studio.api('GET', '/api/v1/image-variant-types', token))).items!;
  await studio.api('POST', `/api/v1/projects/${projectId}/characters`, token, { name: 'Ava Lind' });
  await studio.api('POST', '/api/v1/scene-types', token, {
    projectId,
    name: 'Walk',
    prompts: { full_clip: { positive: 'walks', negative: '' } },
    targetDurationSeconds: 10,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [types.find((t) => t.slug === 'casual')!.id] },
  });
  await studio.api('POST', `/api/v1/projects/${projectId}/scenes`, token, {});
  const matrix = (await (
    await studio.api('GET', `/api/v1/projects/${projectId}/scene-matrix`, token)
  ).json()) as { rows: { cells: { sceneId: string }[] }[] };
  sceneId = matrix.rows[0]!.cells[0]!.sceneId;
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(path.join(fixtures, 'colours.mp4'))]), 'colours.mp4');
  const imported = await fetch(`${studio.url}/api/v1/scenes/${sceneId}/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(imported.status, await imported.clone().text()).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

async function openPlayer(page: Page): Promise<Locator> {
  await studio.signIn(page, creator.email, creator.password);
  await page.goto(`${studio.url}/projects/${projectId}/scenes/${sceneId}`);
  const player = page.locator('[data-testid="version-card"][data-version="1"] [data-testid="player"]');
  await player.waitFor();
  await expect
    .poll(() => player.getByTestId('version-video').evaluate((v) => (v as HTMLVideoElement).readyState), {
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(2);
  await player.focus();
  return player;
}

const frameOf = async (player: Locator) => Number(await player.getAttribute('data-frame'));

/** The frame whose colour is nearest the pixel in the middle of the picture on screen. */
async function frameOnScreen(player: Locator): Promise<number> {
  const pixel = await player.getByTestId('version-video').evaluate((el) => {
    const v = el as HTMLVideoElement;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(v, 0, 0);
    return [...ctx.getImageData(v.videoWidth / 2, v.videoHeight / 2, 1, 1).data.slice(0, 3)];
  });
  const distance = (n: number) => colourOf(n).reduce((s, c, k) => s + (c - pixel[k]!) ** 2, 0);
  return Array.from({ length: frames }, (_, n) => n).sort((a, b) => distance(a) - distance(b))[0]!;
}

/** Waits until the player says it shows `frame`, then checks the pixels are that frame's. */
async function expectFrame(player: Locator, frame: number) {
  await expect.poll(() => frameOf(player), { timeout: 5_000 }).toBe(frame);
  expect(await frameOnScreen(player)).toBe(frame);
}

describe('the frame-accurate player', () => {
  it('steps frame by frame with the keyboard, showing exactly the frame it names', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const player = await openPlayer(page);
    await expectFrame(player, 0);

    for (const [key, frame] of [
      ['ArrowRight', 1],
      ['ArrowRight', 2],
      ['ArrowRight', 3],
      ['Shift+ArrowRight', 13],
      ['ArrowLeft', 12],
      ['ArrowLeft', 11],
      ['Shift+ArrowRight', 21],
      ['End', frames - 1],
      ['ArrowLeft', frames - 2],
      ['Shift+ArrowLeft', frames - 12],
      ['Home', 0],
    ] as const) {
      await page.keyboard.press(key);
      await expectFrame(player, frame);
    }
    // rapid presses add up: none is lost while a seek is under way
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expectFrame(player, 5);
    await player
      .getByTestId('player-counter')
      .getByText(`Frame 5 / ${frames - 1}`)
      .waitFor();
    await player.getByTestId('player-timecode').getByText('00:00:00:05').waitFor();

    // a timecode typed in goes to its frame (1 s 10 frames at 24 fps)
    await player.getByLabel('Go to a frame number or timecode').fill('00:00:01:10');
    await page.keyboard.press('Enter');
    await expectFrame(player, 34);

    // the filmstrip's tiles go to their frames; hovering the timeline shows the frame under the pointer
    const tile = player.getByTestId('player-filmstrip').getByRole('button').nth(2);
    const tileFrame = Number((await tile.getAttribute('aria-label'))!.replace(/\D+/g, ''));
    await tile.click();
    await expectFrame(player, tileFrame);
    const timeline = player.getByTestId('player-timeline');
    const box = (await timeline.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await player
      .getByTestId('timeline-hover')
      .getByText(/^4[78] · 00:00:0[12]:/)
      .waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shuttles with J/K/L: L plays and speeds up, K stops, J steps backwards', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const player = await openPlayer(page);
    await page.keyboard.press('l');
    await expect.poll(() => player.getAttribute('data-playing')).toBe('true');
    await page.keyboard.press('l');
    await expect.poll(() => player.getAttribute('data-rate')).toBe('2');
    // let it get going before stopping it (a loaded machine may not have shown frame 1 yet)
    await expect.poll(() => frameOf(player), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.keyboard.press('k');
    await expect.poll(() => player.getAttribute('data-playing')).toBe('false');
    const stoppedAt = await frameOf(player);
    expect(stoppedAt).toBeGreaterThan(0);
    expect(await frameOnScreen(player)).toBe(stoppedAt);

    await page.keyboard.press('End');
    await expectFrame(player, frames - 1);
    await page.keyboard.press('j');
    await expect.poll(() => player.getAttribute('data-rate')).toBe('-1');
    await expect.poll(() => frameOf(player), { timeout: 5_000 }).toBeLessThan(frames - 8);
    await page.keyboard.press('k');
    // reverse play is paused seeking: K ends it, and the seek under way lands before the player settles
    await expect.poll(() => player.getAttribute('data-rate')).not.toBe('-1');
    await expect
      .poll(async () => (await frameOnScreen(player)) - (await frameOf(player)), { timeout: 5_000 })
      .toBe(0);
    const back = await frameOf(player);
    expect(back).toBeLessThan(frames - 8);
    await context.close();
  });

  it('loops between A and B, with markers on the timeline, until the loop is cleared', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const player = await openPlayer(page);
    await page.keyboard.press('Shift+ArrowRight');
    await expectFrame(player, 10);
    await page.keyboard.press('[');
    // B is where the step goes, even before its frame is on screen
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press(']');
    await expectFrame(player, 20);
    expect([await player.getAttribute('data-loop-in'), await player.getAttribute('data-loop-out')]).toEqual([
      '10',
      '20',
    ]);
    await player.getByTestId('loop-in-marker').waitFor();
    await player.getByTestId('loop-out-marker').waitFor();

    await page.keyboard.press('Space');
    const seen: number[] = [];
    const until = Date.now() + 2_500; // 11 frames at 24 fps loop about five times
    while (Date.now() < until) {
      seen.push(await frameOf(player));
      await page.waitForTimeout(20);
    }
    await page.keyboard.press('Space');
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...seen)).toBeLessThanOrEqual(21);
    // it came round again: a frame near A after one near B
    const lastHigh = seen.findIndex((f) => f >= 17);
    expect(lastHigh).toBeGreaterThanOrEqual(0);
    expect(seen.slice(lastHigh).some((f) => f <= 13)).toBe(true);

    await player.getByTestId('player-clear-loop').click();
    expect(await player.getAttribute('data-loop-in')).toBeNull();
    await player.getByTestId('loop-in-marker').waitFor({ state: 'detached' });
    await context.close();
  });
});
