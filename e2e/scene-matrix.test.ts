// Scene types and the scene matrix in the browser: a creator defines a plain and a transition scene type in the
// editor, sees the prompt preview fill the character's name and warn about a placeholder it lacks, then opens the
// matrix (file names per column, blockers where heroes are missing) and creates every scene at once.
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let creatorToken: string;
let projectId: string;

const creator = { email: 'maker@studio.test', displayName: 'Mara Maker', password: 'Copper-Fjord-5521' };

const apiCall = (method: string, url: string, token: string, body?: unknown) =>
  studio.api(method, url, token, body);

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${studio.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return (await json<{ accessToken: string }>(response, 200)).accessToken;
}

async function upload(url: string, image: Buffer, name: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), name);
  return fetch(`${studio.url}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${creatorToken}` },
    body: form,
  });
}

const portrait = (backdrop: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="400"><rect width="320" height="400" fill="${backdrop}"/><circle cx="160" cy="150" r="70" fill="#f6c28b"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

beforeAll(async () => {
  studio = await startBuiltStudio();
  browser = await launchChromium();
  const adminToken = await login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, creator, 'creator');
  creatorToken = await login(creator.email, creator.password);

  const project = await json<{ id: string }>(
    await apiCall('POST', '/api/v1/projects', creatorToken, { name: 'Matrix Cast' }),
    201,
  );
  projectId = project.id;
  const ids: Record<string, string> = {};
  for (const [name, hair] of [
    ['Ada Vance', 'auburn'],
    ['Bea Lowe', 'black'],
    ['Cyd Marsh', 'blond'],
  ] as const) {
    const character = await json<{ id: string }>(
      await apiCall('POST', `/api/v1/projects/${projectId}/characters`, creatorToken, { name }),
      201,
    );
    await json(
      await apiCall('PATCH', `/api/v1/characters/${character.id}`, creatorToken, {
        metadata: { hair_color: hair, height: 170 },
      }),
      200,
    );
    ids[name] = character.id;
  }
  // Ada has a source image and a casual hero; the others have nothing yet.
  const ada = ids['Ada Vance']!;
  await json(
    await upload(`/api/v1/characters/${ada}/source-image`, await portrait('#2f4858'), 'ada.png'),
    200,
  );
  const variant = await json<{ id: string }>(
    await upload(
      `/api/v1/characters/${ada}/variants?variantType=casual`,
      await portrait('#f26419'),
      'casual.png',
    ),
    201,
  );
  await json(
    await apiCall('POST', `/api/v1/image-variants/${variant.id}/decision`, creatorToken, {
      decision: 'hero',
    }),
    200,
  );
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${studio.url}/login`);
  await page.getByLabel('Email').fill(creator.email);
  await page.getByLabel('Password').fill(creator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-menu').waitFor();
}

describe('scene types and the scene matrix', () => {
  it('a creator defines scene types, previews prompts and creates the scenes of the matrix', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page);

    // the matrix starts empty of scene types and points to the Scene types tab
    await page.goto(`${studio.url}/projects/${projectId}?tab=matrix`);
    await page.getByText('No enabled scene types').waitFor();
    await page.getByRole('link', { name: 'Go to Scene types' }).click();
    await page.getByText('No scene types yet').waitFor();
    expect(await page.getByRole('tab', { name: 'Scene types' }).getAttribute('aria-selected')).toBe('true');

    // "Walk" for Casual + Formal: content name and file names show live; the preview fills the name
    await page.getByRole('button', { name: 'New scene type' }).first().click();
    await page.getByTestId('scene-type-title').filter({ hasText: 'New scene type' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Walk');
    await page.getByTestId('content-name').filter({ hasText: 'walk' }).waitFor();
    await page.getByRole('checkbox', { name: 'Formal' }).check();
    await page.getByTestId('example-file-name').filter({ hasText: 'formal_walk.mp4' }).waitFor();
    await page
      .getByTestId('example-file-name')
      .filter({ hasText: /^walk\.mp4$/ })
      .waitFor();
    await page
      .getByLabel('full_clip positive')
      .fill('{character_name} walks, {hair_color} hair, {eye_color} eyes');
    const preview = page.getByTestId('prompt-preview');
    await preview
      .getByTestId('prompt-preview-full_clip')
      .filter({ hasText: 'Ada Vance walks, auburn hair, {eye_color} eyes' })
      .waitFor();
    await preview.getByTestId('unresolved-placeholders').filter({ hasText: '{eye_color}' }).waitFor();
    expect(await preview.getByTestId('prompt-preview-start_clip').getAttribute('data-source')).toBe(
      'full_clip',
    );
    const tagInput = page
      .locator('input[data-testid="scene-type-tags"], [data-testid="scene-type-tags"] input')
      .first();
    await tagInput.fill('motion:walk');
    await tagInput.press('Enter');
    await page.getByRole('button', { name: 'Save scene type' }).click();
    const walkRow = page.locator('[data-testid="scene-type-row"][data-scene-type-name="Walk"]');
    await walkRow.waitFor();
    await walkRow.getByTestId('scene-type-tags').getByText('motion:walk').waitFor();

    // "Turn": a transition Casual → Formal at segment 2 with suffix to_formal
    await page.getByRole('button', { name: 'New scene type' }).first().click();
    await page.getByTestId('scene-type-title').filter({ hasText: 'New scene type' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Turn');
    await page.getByRole('radio', { name: 'Transition' }).check();
    await page.getByRole('combobox', { name: 'From' }).click();
    await page.getByRole('option', { name: 'Casual' }).click();
    await page.getByRole('combobox', { name: 'To', exact: true }).click();
    await page.getByRole('option', { name: 'Formal' }).click();
    await page.getByLabel('Switch at segment').fill('2');
    await page.getByLabel('File-name suffix').fill('to_formal');
    await page.getByTestId('example-file-name').filter({ hasText: 'turn_to_formal.mp4' }).waitFor();
    await page.getByLabel('full_clip positive').fill('{character_name} turns, {eye_color} eyes');
    await preview.getByTestId('prompt-preview-full_clip').filter({ hasText: 'Ada Vance turns' }).waitFor();
    await preview.getByTestId('unresolved-placeholders').filter({ hasText: '{eye_color}' }).waitFor();
    await page.getByRole('button', { name: 'Save scene type' }).click();
    const turnRow = page.locator('[data-testid="scene-type-row"][data-scene-type-name="Turn"]');
    await turnRow.waitFor();
    await turnRow.getByText('Casual → Formal at segment 2').waitFor();

    // the saved type previews through the server, with the placeholder warning too
    await turnRow.getByRole('link', { name: 'Edit Turn' }).click();
    await page.getByTestId('scene-type-title').filter({ hasText: 'Turn' }).waitFor();
    await preview.getByTestId('prompt-preview-full_clip').filter({ hasText: 'Ada Vance turns' }).waitFor();
    await preview.getByTestId('unresolved-placeholders').filter({ hasText: '{eye_color}' }).waitFor();
    await page.getByRole('link', { name: 'Cancel' }).click();

    // the matrix: 3 characters × 3 columns with their file names; cells lacking heroes are blocked
    await page.getByRole('tab', { name: 'Matrix' }).click();
    const table = page.getByTestId('matrix-table');
    await table.waitFor();
    const fileNames = await table
      .getByTestId('matrix-column')
      .evaluateAll((cols) => cols.map((c) => c.getAttribute('data-file-name')));
    expect(fileNames).toEqual(['walk.mp4', 'formal_walk.mp4', 'turn_to_formal.mp4']);
    expect(await table.getByTestId('matrix-row').count()).toBe(3);
    expect(await table.getByTestId('matrix-cell').count()).toBe(9);
    const ada = table.locator(
      '[data-testid="matrix-row"][data-character-name="Ada Vance"] [data-testid="matrix-cell"]',
    );
    expect(await ada.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-blocked')))).toEqual([
      'false',
      'true',
      'true',
    ]);
    // a transition needs the hero it ends on too
    expect(await ada.nth(1).getAttribute('title')).toContain('No hero for Formal');
    expect(await ada.nth(2).getAttribute('title')).toContain('No hero for Formal');
    const bea = table.locator(
      '[data-testid="matrix-row"][data-character-name="Bea Lowe"] [data-testid="matrix-cell"]',
    );
    expect(await bea.first().getAttribute('title')).toContain('No source image');
    expect(await table.locator('[data-testid="matrix-cell"][data-status="not_created"]').count()).toBe(9);

    // select all and create: every cell becomes a pending scene
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Create scenes' }).click();
    await page.getByText('Created 9 scenes (0 already existed)').waitFor();
    await table.locator('[data-testid="matrix-cell"][data-status="pending"]').nth(8).waitFor();
    expect(await table.locator('[data-testid="matrix-cell"][data-status="pending"]').count()).toBe(9);
    await page.getByTestId('total-created').filter({ hasText: '9 created' }).waitFor();

    // creating again is harmless
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Create scenes' }).click();
    await page.getByText('Created 0 scenes (9 already existed)').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
