// Scene video versions in the browser (PRD-109): from a matrix cell to the scene page, a creator imports a video
// (it plays, streamed by range requests), imports a second one, makes the first final again, trashes and purges the
// second; a file that is not a video is refused with its name.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let fixtures: string;
let projectId: string;
const creator = { email: 'cutter@studio.test', displayName: 'Cy Cutter', password: 'Maple-Harbor-7731' };

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-videos-'));
  const make = (name: string, args: string[]) =>
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, path.join(fixtures, name)]);
  make('take1.webm', [
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=16:duration=2',
    '-c:v',
    'libvpx-vp9',
    '-b:v',
    '200k',
  ]);
  make('take2.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=16:duration=1', '-pix_fmt', 'yuv420p']);
  fs.writeFileSync(path.join(fixtures, 'notes.mp4'), 'these are notes, not a video');
  studio = await startBuiltStudio();
  browser = await launchChromium();
  await studio.createUser(await studio.login(studio.adminEmail, studio.adminPassword), creator, 'creator');
  const token = await studio.login(creator.email, creator.password);
  const json = async (r: Promise<Response>) =>
    (await r).json() as Promise<{ id: string; items?: { slug: string; id: string }[] }>;
  projectId = (await json(studio.api('POST', '/api/v1/projects', token, { name: 'Cutting Room' }))).id;
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
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

describe('scene video versions', () => {
  it('a creator imports, plays, re-finals, trashes and purges versions of a scene', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);

    await page.goto(`${studio.url}/projects/${projectId}?tab=matrix`);
    await page.getByTestId('matrix-cell-link').first().click();
    await page.getByTestId('scene-title').filter({ hasText: 'Walk — Ava Lind' }).waitFor();
    await page.getByTestId('scene-file-name').filter({ hasText: 'walk.mp4' }).waitFor();
    await page.getByText('No video yet').waitFor();

    // not a video: refused, naming the file
    const chooser = page.locator('input[type="file"][accept*="video"]');
    await chooser.setInputFiles(path.join(fixtures, 'notes.mp4'));
    await page.getByTestId('video-upload-error').getByText('notes.mp4 is not a video we can read').waitFor();

    // version 1 (WebM) plays in the browser
    await page.getByLabel('Notes').fill('first cut');
    await chooser.setInputFiles(path.join(fixtures, 'take1.webm'));
    const v1 = page.locator('[data-testid="version-card"][data-version="1"]');
    await v1.waitFor();
    expect(await v1.getAttribute('data-final')).toBe('true');
    await v1.getByText('160×120 · vp9').waitFor();
    await v1.getByText('first cut').waitFor();
    const video = v1.getByTestId('version-video');
    await expect
      .poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await video.evaluate((v) => (v as HTMLVideoElement).duration)).toBeCloseTo(2, 0);

    // version 2 becomes final; version 1 made final again
    await chooser.setInputFiles(path.join(fixtures, 'take2.mp4'));
    const v2 = page.locator('[data-testid="version-card"][data-version="2"]');
    await v2.waitFor();
    await page.locator('[data-testid="version-card"][data-version="2"][data-final="true"]').waitFor();
    await v1.getByRole('button', { name: 'Make final' }).click();
    await page.locator('[data-testid="version-card"][data-version="1"][data-final="true"]').waitFor();

    // version 2 to the trash, then purged
    await v2.getByRole('button', { name: 'Move to trash' }).click();
    await v2.waitFor({ state: 'detached' });
    await page.getByText('Trash', { exact: true }).click();
    await page.getByTestId('trashed-version').getByText('Version 2').waitFor();
    await page.getByRole('button', { name: 'Purge', exact: true }).click();
    await page.getByRole('button', { name: 'Purge for good' }).click();
    await page.getByText('The trash is empty').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
