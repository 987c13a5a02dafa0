// The newcomer path: a fresh studio as `npm start` makes it (the demo project, two built-in simulated workers, the
// default settings), and a new user who does everything in the browser — signs in as the first admin, opens the demo
// project, creates one scene on the Matrix tab, generates it while the scene page shows the progress, approves its
// segments on the Review page with Enter, sees the scene assembled, validates and delivers the project and downloads
// the ZIP — in under 3 minutes (the product requirement). The API is only read, to check what the UI said.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip as unzip } from '../apps/server/test/zip-reader.js';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

const budgetMs = 180_000;
let studio: StartedStudio;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const shot = (name: string) => page.screenshot({ path: `/tmp/newcomer-${name}.png`, fullPage: true });

beforeAll(async () => {
  // what `npm start` does: the demo project and its simulated fleet, every other setting at its default
  studio = await startBuiltStudio({ demo: true, simWorkers: 2 });
  browser = await launchChromium();
  page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  ).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

describe('the newcomer path', () => {
  it('generates, approves, delivers and downloads one demo scene from the UI in under 3 minutes', {
    timeout: budgetMs + 60_000,
  }, async () => {
    const started = Date.now();
    const steps: string[] = [];
    const mark = (step: string) => steps.push(`${((Date.now() - started) / 1000).toFixed(1)} s ${step}`);

    // sign in as the first admin with the password the console printed
    await studio.signIn(page, studio.adminEmail, studio.adminPassword);
    await shot('1-welcome');
    mark('signed in');

    // Projects → Demo project (seeded just after start-up: a reload shows it once it is there)
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Projects' })
      .click();
    const demo = page.getByTestId('project-row').getByRole('link', { name: 'Demo project' });
    for (
      let tries = 0;
      !(await demo.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      ));
      tries++
    ) {
      if (tries === 5) throw new Error('the demo project did not show up');
      await page.reload();
    }
    await demo.click();
    await page.waitForURL(/\/projects\/[^/?]+$/);
    const projectId = /\/projects\/([^/?]+)/.exec(page.url())![1]!;
    mark('demo project open');

    // Matrix: tick Ada and the Wave scene type: one cell; Create scenes
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.getByTestId('matrix-table').waitFor();
    await page.getByRole('checkbox', { name: 'Select Ada' }).check();
    await page.getByRole('checkbox', { name: 'Select scene type Wave' }).check();
    await page.getByTestId('selection-note').getByText('Ada × Wave: 1 cell selected.').waitFor();
    await page.getByRole('button', { name: 'Create scenes' }).click();
    const ada = page.locator('[data-testid="matrix-row"][data-character-name="Ada"]');
    const cell = ada.getByTestId('matrix-cell-link');
    await cell.waitFor();
    expect(await page.getByTestId('matrix-cell-link').count()).toBe(1);
    await shot('2-matrix');
    mark('scene created');

    // the scene: Generate, and the progress fills in live until the run completes
    await cell.click();
    await page.waitForURL(/\/scenes\/[^/?]+$/);
    const sceneId = /\/scenes\/([^/?]+)/.exec(page.url())![1]!;
    const generation = page.getByTestId('generation-card');
    await generation.getByTestId('generation-empty').waitFor();
    await shot('3-scene');
    await generation.getByTestId('generate').click();
    await generation.getByTestId('run-progress').waitFor();
    await generation.locator('[data-testid="run-status"][data-status="running"]').waitFor();
    await shot('4-generating');
    mark('generation started');
    await generation
      .locator('[data-testid="run-status"][data-status="completed"]')
      .waitFor({ timeout: budgetMs });
    await generation
      .locator('[data-testid="segment-card"] [data-testid="segment-qa-badge"]')
      .first()
      .waitFor();
    const segmentCount = await page.getByTestId('segment-card').count();
    expect(segmentCount).toBeGreaterThan(0);
    await shot('5-generated');
    mark(`generated ${segmentCount} segment(s)`);

    // Review: every segment approved with Enter, the queue advancing by itself to its end
    await page.getByRole('link', { name: 'Review the segments' }).click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/review`));
    const current = page.getByTestId('review-current');
    await current.waitFor();
    await shot('6-review');
    for (let i = 0; i < segmentCount; i++) {
      const id = await current.getAttribute('data-segment-id');
      await page.keyboard.press('Enter');
      if (i < segmentCount - 1)
        await expect.poll(() => current.getAttribute('data-segment-id'), { timeout: 10_000 }).not.toBe(id);
    }
    await page.getByTestId('review-end-of-queue').waitFor({ timeout: 10_000 });
    await page.getByText('the scene is approved and its assembly requested').waitFor();
    await shot('7-end-of-queue');
    mark('segments approved');

    // the scene is approved and assembled by itself: back on the matrix, its cell leads to the scene page, which shows
    // the final generated version as soon as it is there
    await page.getByRole('link', { name: 'Open the matrix' }).click();
    await ada
      .locator('[data-testid="matrix-cell"][data-status="approved"]')
      .getByTestId('matrix-cell-link')
      .click();
    await page.waitForURL(new RegExp(`/scenes/${sceneId}$`));
    await page
      .locator('[data-testid="version-card"][data-final="true"]')
      .getByText('generated')
      .waitFor({ timeout: budgetMs });
    await page
      .getByTestId('assembly-card')
      .getByText(/Assembled · version/)
      .waitFor();
    await shot('8-assembled');
    mark('scene assembled');

    // Delivery: validate (the other demo characters have no scenes: warnings only), deliver in full, download
    await page.getByRole('link', { name: 'Deliver the project' }).click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/delivery$`));
    await page.getByText('No deliveries yet').waitFor();
    await page.getByTestId('validate').click();
    await page.locator('[data-testid="validation-status"][data-ok="true"]').waitFor();
    expect(await page.locator('[data-testid="validation-problem"][data-severity="error"]').count()).toBe(0);
    await page
      .locator('[data-testid="layout-character"][data-folder="Ada"]')
      .getByText('Ada/wave.mp4')
      .waitFor();
    await shot('9-validated');
    await page.getByTestId('deliver-full').click();
    const row = page.locator('[data-testid="delivery-row"][data-number="1"]');
    await page
      .locator('[data-testid="delivery-row"][data-number="1"][data-status="ready"]')
      .waitFor({ timeout: budgetMs });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('delivery-download').click(),
    ]);
    const zip = await readFile((await download.path())!);
    const elapsed = Date.now() - started;
    await shot('10-delivered');
    mark('ZIP downloaded');
    console.log(`newcomer path:\n  ${steps.join('\n  ')}`);

    // the ZIP holds the scene's video, and every file matches the manifest's checksum
    const files = await unzip(zip);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as {
      delivery: { number: number; mode: string };
      files: { path: string; sha256: string; sizeBytes: number; kind: string }[];
    };
    expect(manifest.delivery).toMatchObject({ number: 1, mode: 'full' });
    expect(manifest.files.find((f) => f.path === 'Ada/wave.mp4')).toMatchObject({ kind: 'video' });
    expect([...files.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const f of manifest.files) {
      expect(sha(files.get(f.path)!), f.path).toBe(f.sha256);
      expect(files.get(f.path)!.length, f.path).toBe(f.sizeBytes);
    }

    // read back: the scene is approved, its final version is the assembled one
    const token = await studio.login(studio.adminEmail, studio.adminPassword);
    const scene = (await (await studio.api('GET', `/api/v1/scenes/${sceneId}`, token)).json()) as {
      status: string;
    };
    expect(scene.status).toBe('approved');
    expect(pageErrors).toEqual([]);
    expect(elapsed).toBeLessThan(budgetMs);
  });
});
