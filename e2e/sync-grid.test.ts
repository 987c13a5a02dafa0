// The sync-play grid (PRD-036): four video versions of one scene (clips whose every frame has its own colour) play
// in lockstep under the one transport; paused, every cell shows a frame within one of the others; one frame step
// moves every cell by exactly one; a double-click opens cinema mode and Esc closes it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let fixtures: string;
let sceneId: string;
let projectId: string;
const creator = { email: 'grid@studio.test', displayName: 'Gus Grid', password: 'Maple-Harbor-7731' };
const frames = 240;
const fps = 24;
const cells = 4;

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-grid-'));
  // four clips of 10 s, each a little different (so each upload is a file of its own), a colour per frame
  for (let k = 0; k < cells; k++) {
    const [r, g, b] = [`N*67+${k * 9}`, 'N*151+40', 'N*29+90'].map((e) => `mod(${e}\\,256)`);
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
      path.join(fixtures, `clip-${k}.mp4`),
    ]);
  }
  studio = await startBuiltStudio();
  browser = await launchChromium();
  await studio.createUser(await studio.login(studio.adminEmail, studio.adminPassword), creator, 'creator');
  const token = await studio.login(creator.email, creator.password);
  const json = async (r: Promise<Response>) =>
    (await r).json() as Promise<{ id: string; items?: { slug: string; id: string }[] }>;
  projectId = (await json(studio.api('POST', '/api/v1/projects', token, { name: 'Grid Lab' }))).id;
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
  for (let k = 0; k < cells; k++) {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(path.join(fixtures, `clip-${k}.mp4`))]), `clip-${k}.mp4`);
    const imported = await fetch(`${studio.url}/api/v1/scenes/${sceneId}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
  }
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

const cellFrames = (page: Page) =>
  page
    .locator('[data-testid="grid-cell"] [data-testid="player"]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-frame'))));

const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

describe('the sync-play grid', () => {
  it('plays four versions in lockstep, steps them together, and opens cinema mode', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);

    // from the scene page: Compare versions opens the grid with the scene's versions, in the address
    await page.goto(`${studio.url}/projects/${projectId}/scenes/${sceneId}`);
    await page.getByTestId('compare-versions').click();
    await page.waitForURL(/\/compare\?scene=/);
    await expect.poll(() => page.getByTestId('grid-cell').count(), { timeout: 15_000 }).toBe(cells);
    expect(await page.getByTestId('sync-grid').getAttribute('data-columns')).toBe('2');
    await expect
      .poll(
        () =>
          page
            .getByTestId('grid-video')
            .evaluateAll((vs) => Math.min(...vs.map((v) => (v as HTMLVideoElement).readyState))),
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('grid-cell-label').allTextContents()).toContain('Version 4 (final)');

    // play on the one transport for about 3 s, pause: every cell within a frame of the others
    await page.getByTestId('grid-toggle').click();
    await page.waitForTimeout(3_000);
    await page.getByTestId('grid-toggle').click();
    await expect.poll(async () => spread(await cellFrames(page)), { timeout: 5_000 }).toBeLessThanOrEqual(1);
    const paused = await cellFrames(page);
    expect(Math.min(...paused)).toBeGreaterThan(24);

    // one frame forward: every cell moves on by exactly one, from the same frame
    await expect.poll(async () => spread(await cellFrames(page)), { timeout: 5_000 }).toBe(0);
    const before = await cellFrames(page);
    await page.getByTestId('grid-step-forward').click();
    await expect.poll(() => cellFrames(page), { timeout: 5_000 }).toEqual(before.map((f) => f + 1));
    await page
      .getByTestId('grid-frame')
      .getByText(`Frame ${before[0]! + 1} /`)
      .waitFor();

    // a double-click opens that cell in cinema mode; Esc closes it
    await page.getByTestId('grid-cell').nth(1).dblclick();
    const cinema = page.getByTestId('cinema');
    await cinema.waitFor();
    await expect.poll(() => cinema.getByTestId('cinema-video').count()).toBe(1);
    await page.keyboard.press('Escape');
    await cinema.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.getByTestId('grid-cell').count()).toBe(cells);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
