// Notes, annotations and posters in the browser (PRD-038/095/070/096): on the scene page a creator steps the review
// player to a frame, adds a note there that @mentions a reviewer (picked from the autocomplete), replies, pins it
// (a banner appears at the top), seeks back to it from its "frame" chip, draws a rectangle on the paused frame and
// saves it; after a reload the drawing is there. The reviewer has a notification (checked through the API).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let fixtures: string;
let projectId: string;
let sceneId: string;
const creator = { email: 'noter@studio.test', displayName: 'Nora Noter', password: 'Maple-Harbor-7731' };
const reviewer = { email: 'rita@studio.test', displayName: 'Rita Review', password: 'Cedar-Lantern-4412' };

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-notes-'));
  const clip = path.join(fixtures, 'take.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=16:duration=2',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '4',
    clip,
  ]);
  studio = await startBuiltStudio();
  browser = await launchChromium();
  const admin = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(admin, creator, 'creator');
  await studio.createUser(admin, reviewer, 'reviewer');
  const token = await studio.login(creator.email, creator.password);
  const json = async (r: Promise<Response>) => (await r).json() as Promise<Record<string, unknown>>;
  projectId = (await json(studio.api('POST', '/api/v1/projects', token, { name: 'Notes Room' })))
    .id as string;
  const types = (await json(studio.api('GET', '/api/v1/image-variant-types', token))).items as {
    slug: string;
    id: string;
  }[];
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
  const matrix = (await json(studio.api('GET', `/api/v1/projects/${projectId}/scene-matrix`, token))) as {
    rows: { cells: { sceneId: string }[] }[];
  };
  sceneId = matrix.rows[0]!.cells[0]!.sceneId;
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(clip)]), 'take.mp4');
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

const frameOf = async (player: Locator) => Number(await player.getAttribute('data-frame'));

describe('notes and annotations', () => {
  it('a creator notes a frame with a mention, replies, pins, and draws on the frame', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);
    await page.goto(`${studio.url}/projects/${projectId}/scenes/${sceneId}`);
    const review = page.getByTestId('scene-review');
    const player = review.getByTestId('player');
    await expect
      .poll(() => review.getByTestId('review-video').evaluate((v) => (v as HTMLVideoElement).readyState), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);

    // to frame 12: ten frames, then two
    await player.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frameOf(player), { timeout: 5_000 }).toBe(12);

    // a note at frame 12 that mentions the reviewer, picked from the autocomplete
    const panel = review.getByTestId('notes-panel');
    await panel.getByText('At frame 12').waitFor();
    const input = panel.getByTestId('note-input').first();
    await input.click();
    await input.pressSequentially('@Rit');
    await page.getByTestId('mention-option').filter({ hasText: reviewer.displayName }).click();
    await input.pressSequentially('the light jumps here');
    await expect.poll(() => input.inputValue()).toBe(`@${reviewer.displayName} the light jumps here`);
    await panel.getByTestId('note-submit').first().click();
    const thread = panel.getByTestId('note-thread').first();
    await thread.getByTestId('note-body').filter({ hasText: 'the light jumps here' }).waitFor();
    await thread.locator('[data-testid="note-frame-chip"][data-frame="12"]').waitFor();

    // a reply
    await thread.getByTestId('note-reply-button').click();
    await thread.getByTestId('note-input').fill('Fixed in the next take');
    await thread.getByTestId('note-submit').click();
    await thread.getByTestId('note-reply').getByText('Fixed in the next take').waitFor();

    // pinned: a banner at the top of the page
    await thread.getByTestId('note-pin-button').first().click();
    await page.getByTestId('pinned-note').getByText('the light jumps here').waitFor();

    // the chip seeks the player back to the note's frame
    await player.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => frameOf(player)).toBe(0);
    await thread.locator('[data-testid="note-frame-chip"][data-frame="12"]').first().click();
    await expect.poll(() => frameOf(player), { timeout: 5_000 }).toBe(12);

    // a rectangle on frame 12, saved
    const layer = review.getByTestId('annotation-layer');
    await review.getByTestId('annotate-button').click();
    await page.locator('[data-testid="annotation-layer"][data-editing="true"]').waitFor();
    const box = (await review.getByTestId('annotation-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => layer.getAttribute('data-shapes')).toBe('1');
    await review.getByTestId('annotation-save').click();
    await page.locator('[data-testid="annotation-layer"][data-editing="false"]').waitFor();

    // after a reload the drawing is on frame 12 (and only there)
    await page.reload();
    await expect
      .poll(() => review.getByTestId('review-video').evaluate((v) => (v as HTMLVideoElement).readyState), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await expect.poll(() => layer.getAttribute('data-shapes')).toBe('0');
    await page.getByTestId('pinned-note').getByText('the light jumps here').waitFor();
    await review.locator('[data-testid="note-frame-chip"][data-frame="12"]').first().click();
    await expect.poll(() => frameOf(player), { timeout: 5_000 }).toBe(12);
    await expect.poll(() => layer.getAttribute('data-shapes'), { timeout: 5_000 }).toBe('1');
    await review.getByTestId('annotation-count').getByText('1 mark').waitFor();
    expect(await review.getByTestId('annotation-canvas').locator('rect').count()).toBe(1);

    expect(pageErrors).toEqual([]);
    await context.close();

    // the reviewer was told
    const token = await studio.login(reviewer.email, reviewer.password);
    const inbox = (await (await studio.api('GET', '/api/v1/me/notifications', token)).json()) as {
      items: { kind: string; title: string; link: string }[];
    };
    expect(inbox.items[0]).toMatchObject({
      kind: 'note.mentioned',
      title: expect.stringContaining(creator.displayName),
      link: expect.stringContaining(`/scenes/${sceneId}`),
    });
  });
});
