// Output profiles and review cuts in the browser (PRD-039 §1.3–1.5): a creator sets up a profile that cannot be
// encoded, sees the field error, fixes it and saves; duplicates a preset; on a scene, makes a review cut and
// downloads it, and transcodes the version to a profile.
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
let sceneId: string;
const creator = { email: 'deliverer@studio.test', displayName: 'Dee Liver', password: 'Copper-Lantern-4410' };

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-profiles-'));
  const clip = path.join(fixtures, 'walk.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=16:duration=1',
    '-pix_fmt',
    'yuv420p',
    clip,
  ]);
  studio = await startBuiltStudio();
  browser = await launchChromium();
  await studio.createUser(await studio.login(studio.adminEmail, studio.adminPassword), creator, 'creator');
  const token = await studio.login(creator.email, creator.password);
  const json = async <T>(r: Promise<Response>) => (await r).json() as Promise<T>;
  projectId = (
    await json<{ id: string }>(studio.api('POST', '/api/v1/projects', token, { name: 'Hand-off' }))
  ).id;
  const types = (
    await json<{ items: { slug: string; id: string }[] }>(
      studio.api('GET', '/api/v1/image-variant-types', token),
    )
  ).items;
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
  const matrix = await json<{ rows: { cells: { sceneId: string }[] }[] }>(
    studio.api('GET', `/api/v1/projects/${projectId}/scene-matrix`, token),
  );
  sceneId = matrix.rows[0]!.cells[0]!.sceneId;
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(clip)], { type: 'video/mp4' }), 'walk.mp4');
  const imported = await fetch(`${studio.url}/api/v1/scenes/${sceneId}/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(imported.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

describe('output profiles', () => {
  it('a creator fixes an impossible profile, saves it, and duplicates a preset', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);

    await page.getByRole('link', { name: 'Output profiles' }).click();
    await page.getByRole('heading', { name: 'Output profiles' }).waitFor();
    const presets = page.locator('[data-testid="output-profile-row"][data-preset]');
    await expect.poll(() => presets.count()).toBe(5);

    await page.getByRole('button', { name: 'New output profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'New output profile' });
    await dialog.getByLabel('Name').fill('Archive 4K');
    await dialog.getByRole('combobox', { name: 'Video codec' }).click();
    await page.getByRole('option', { name: 'ProRes' }).click();
    await dialog.getByLabel('Width').fill('3840');
    await dialog.getByLabel('Height').fill('2160');
    // the hint says so before the server does
    await dialog
      .getByTestId('profile-hints')
      .getByText('Container: prores cannot go in mp4; use mov')
      .waitFor();
    await dialog.getByRole('button', { name: 'Create profile' }).click();
    // the server's field error lands on the Container field
    await dialog.getByText('Prores cannot go in mp4; use mov').waitFor();
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Container' }).getAttribute('aria-invalid'))
      .toBe('true');

    await dialog.getByRole('combobox', { name: 'Container' }).click();
    await page.getByRole('option', { name: 'MOV (QuickTime)' }).click();
    await expect.poll(() => dialog.getByTestId('profile-hints').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Create profile' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('[data-testid="output-profile-row"][data-name="Archive 4K"]');
    await row.getByText('MOV · ProRes · 3840×2160 · CRF 20').waitFor();

    // presets are read-only: duplicate one to change it
    await page.getByRole('button', { name: 'Actions for Platform 720p H.265' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Edit' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    const copy = page.getByRole('dialog', { name: 'Edit Platform 720p H.265 (copy)' });
    await copy.getByLabel('Name').fill('Client 720p');
    await copy.getByRole('button', { name: 'Save' }).click();
    await copy.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="output-profile-row"][data-name="Client 720p"]').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a creator makes a review cut of a version and downloads it', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await studio.signIn(page, creator.email, creator.password);
    await page.goto(`${studio.url}/projects/${projectId}/scenes/${sceneId}`);
    const card = page.getByTestId('version-card').first();
    await card.getByRole('button', { name: 'Review cut' }).click();
    const cut = card.locator('[data-testid="rendition"][data-kind="review_cut"][data-status="ready"]');
    await cut.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      cut.getByRole('link', { name: 'Download Review cut' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('walk-review.mp4');

    await card.getByRole('button', { name: 'Transcode' }).click();
    await page.getByRole('menuitem', { name: 'Web VP9' }).click();
    await card
      .locator('[data-testid="rendition"][data-kind="profile"][data-status="ready"]')
      .getByText('Web VP9')
      .waitFor({ timeout: 60_000 });
    await context.close();
  });
});
