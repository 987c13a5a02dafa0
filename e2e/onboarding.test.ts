// Bulk onboarding in the browser (issue 2/6's story): a new creator creates a project, is refused a ZIP that tries
// to climb out of its folder, imports three characters from a folder (a fourth, broken one is named and skipped),
// approves heroes, defines two scene types with prompt templates, and sees the 3 × 2 × variants matrix with the
// delivered file names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../apps/server/test/images.js';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let fixtures: string;

const creator = { email: 'onboard@studio.test', displayName: 'Nia Newcomer', password: 'Granite-Kite-8812' };
const cast = [
  ['Ava Lind', '#2f4858'],
  ['Bo Reyes', '#33658a'],
  ['Cy Moreau', '#758e4f'],
] as const;

const portrait = (backdrop: string, figure: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="400"><rect width="320" height="400" fill="${backdrop}"/><circle cx="160" cy="150" r="70" fill="${figure}"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-onboarding-'));
  for (const [name, backdrop] of cast) {
    const dir = path.join(fixtures, 'cast', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'source.png'), await portrait(backdrop, '#f6c28b'));
    fs.writeFileSync(path.join(dir, 'casual.png'), await portrait(backdrop, '#f26419'));
    fs.writeFileSync(path.join(dir, 'formal.png'), await portrait(backdrop, '#1f1f1f'));
    fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify({ hair_color: 'auburn' }));
  }
  fs.mkdirSync(path.join(fixtures, 'cast', 'Broken'));
  fs.writeFileSync(path.join(fixtures, 'cast', 'Broken', 'source.png'), 'not an image, only named like one');
  fs.writeFileSync(
    path.join(fixtures, 'escape.zip'),
    makeZip([
      { name: 'Ava/source.png', data: await portrait('#000', '#fff') },
      { name: '../outside.png', data: await portrait('#fff', '#000') },
    ]),
  );
  studio = await startBuiltStudio();
  browser = await launchChromium();
  const adminToken = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, creator, 'creator');
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

async function makeHeroes(page: Page, characterName: string) {
  await page.getByRole('link', { name: characterName }).first().click();
  await page.getByTestId('character-name').filter({ hasText: characterName }).waitFor();
  for (const slug of ['casual', 'formal']) {
    const group = page.locator(`[data-testid="variant-group"][data-slug="${slug}"]`);
    await group.getByRole('button', { name: 'Make hero' }).first().click();
    await group.getByTestId('has-hero').waitFor();
  }
  await page.getByTestId('breadcrumb-project').click();
}

async function defineSceneType(page: Page, name: string, template: string) {
  await page.getByRole('button', { name: 'New scene type' }).first().click();
  await page.getByTestId('scene-type-title').filter({ hasText: 'New scene type' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('checkbox', { name: 'Formal' }).check();
  await page.getByLabel('full_clip positive').fill(template);
  await page
    .getByTestId('prompt-preview')
    .getByTestId('prompt-preview-full_clip')
    .filter({ hasText: /auburn hair/ })
    .waitFor();
  await page.getByRole('button', { name: 'Save scene type' }).click();
  await page.locator(`[data-testid="scene-type-row"][data-scene-type-name="${name}"]`).waitFor();
}

describe('onboarding', () => {
  it('a new creator onboards three characters from a folder and sees their scene matrix', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);

    // a project of one's own
    await page.goto(`${studio.url}/projects`);
    await page.getByRole('button', { name: 'New project' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name').fill('Onboarding Cast');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-name').filter({ hasText: 'Onboarding Cast' }).waitFor();
    const projectPath = new URL(page.url()).pathname;

    // the empty character grid offers the import
    await page.getByTestId('import-characters').first().click();
    await page.getByRole('heading', { name: 'Import characters' }).waitFor();
    await page.getByText('No imports yet').waitFor();

    // a ZIP that climbs out of its folder is refused whole, naming the entry
    await page.getByTestId('import-zip-input').setInputFiles(path.join(fixtures, 'escape.zip'));
    await page
      .getByTestId('import-upload-error')
      .filter({ hasText: '"../outside.png" climbs out of the folder with ..' })
      .waitFor();

    // the folder: a preview with one row per character folder; the broken one is named
    await page.getByTestId('import-folder-input').setInputFiles(path.join(fixtures, 'cast'));
    await page.getByTestId('import-status').filter({ hasText: 'Ready to import' }).waitFor();
    const rows = page.getByTestId('import-entry');
    expect(await rows.count()).toBe(4);
    const broken = page.locator('[data-testid="import-entry"][data-folder="cast/Broken"]');
    await broken.getByText('cast/Broken/source.png is not an image we can read').waitFor();
    await page
      .locator('[data-testid="import-entry"][data-folder="cast/Ava Lind"]')
      .getByText('3 new images: source image, 1 casual, 1 formal, metadata')
      .waitFor();

    // import the valid three
    await page.getByTestId('import-commit').filter({ hasText: 'Import 3 valid, skip 1' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report.getByText('3 characters created, 0 updated').waitFor();
    await report.getByRole('link', { name: 'Open the characters' }).click();

    // heroes for both image variant types of every character
    await page.getByTestId('character-grid').waitFor();
    for (const [name] of cast) await makeHeroes(page, name);

    // two scene types with templates filled from the imported metadata
    await page.getByRole('tab', { name: 'Scene types' }).click();
    await defineSceneType(page, 'Walk', '{character_name} walks, {hair_color} hair');
    await defineSceneType(page, 'Wave', '{character_name} waves, {hair_color} hair');

    // the matrix: 3 characters × 2 scene types × 2 variants, names previewed, nothing blocked
    await page.getByRole('tab', { name: 'Matrix' }).click();
    const table = page.getByTestId('matrix-table');
    await table.waitFor();
    const fileNames = await table
      .getByTestId('matrix-column')
      .evaluateAll((cols) => cols.map((c) => c.getAttribute('data-file-name')));
    expect(fileNames).toEqual(['walk.mp4', 'formal_walk.mp4', 'wave.mp4', 'formal_wave.mp4']);
    expect(
      await table
        .getByTestId('matrix-row')
        .evaluateAll((r) => r.map((row) => row.getAttribute('data-character-name'))),
    ).toEqual(['Ava Lind', 'Bo Reyes', 'Cy Moreau']);
    expect(await table.getByTestId('matrix-cell').count()).toBe(12);
    expect(await table.locator('[data-testid="matrix-cell"][data-blocked="true"]').count()).toBe(0);

    // the readiness view agrees: every character is ready
    await page.getByRole('tab', { name: 'Characters' }).click();
    await page.getByTestId('characters-view').getByText('Readiness').click();
    await page
      .getByTestId('readiness-summary')
      .getByText(/^3 of 3 characters ready/)
      .waitFor();
    expect(await page.locator('[data-testid="readiness-row"][data-state="ready"]').count()).toBe(3);

    // importing the same folder again changes nothing
    await page.goto(`${studio.url}${projectPath}/imports`);
    await page.getByTestId('imports-table').waitFor();
    await page.getByTestId('import-folder-input').setInputFiles(path.join(fixtures, 'cast'));
    await page.getByTestId('import-status').filter({ hasText: 'Ready to import' }).waitFor();
    expect(await page.getByTestId('import-entry').getByText('Already imported').count()).toBe(3);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
