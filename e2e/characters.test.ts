// Characters in the browser: a creator adds one to a project, uploads its source image and image variants, decides
// on the variants and picks a hero; a refused upload names its file; a reviewer can look but not change anything;
// a delivered project locks its characters. Image fixtures are drawn with sharp at test time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let adminToken: string;
let fixtures: string;

const creator = { email: 'creator@studio.test', displayName: 'Cleo Creator', password: 'Lantern-Orbit-7742' };
const reviewer = {
  email: 'reviewer@studio.test',
  displayName: 'Rory Reviewer',
  password: 'Harbor-Quill-3319',
};

const apiCall = (method: string, url: string, token: string, body?: unknown) =>
  studio.api(method, url, token, body);

/** A small portrait: a backdrop and a head-and-shoulders silhouette, so each fixture is a different image. */
function portrait(backdrop: string, figure: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="400">
      <rect width="320" height="400" fill="${backdrop}"/>
      <circle cx="160" cy="150" r="70" fill="${figure}"/>
      <rect x="60" y="240" width="200" height="200" rx="90" fill="${figure}"/>
    </svg>`,
  );
}

async function writeFixtures(dir: string) {
  await sharp(portrait('#2f4858', '#f6c28b')).png().toFile(path.join(dir, 'ada-source.png'));
  await sharp(portrait('#33658a', '#f6ae2d')).jpeg().toFile(path.join(dir, 'ada-source-v2.jpg'));
  await sharp(portrait('#86bbd8', '#3a3a3a')).jpeg().toFile(path.join(dir, 'formal-1.jpg'));
  await sharp(portrait('#758e4f', '#1f1f1f')).jpeg().toFile(path.join(dir, 'formal-2.jpg'));
  await sharp(portrait('#f26419', '#fefefe')).webp().toFile(path.join(dir, 'casual-1.webp'));
  fs.writeFileSync(path.join(dir, 'notes.png'), 'These are notes, not an image.\n');
}

const fixture = (name: string) => path.join(fixtures, name);

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-images-'));
  await writeFixtures(fixtures);
  studio = await startBuiltStudio();
  browser = await launchChromium();
  adminToken = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, creator, 'creator');
  await studio.createUser(adminToken, reviewer, 'reviewer');
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

const signIn = (page: Page, email: string, password: string) => studio.signIn(page, email, password);

/** Whether an <img> has loaded real pixels (a signed URL that works). */
/** Waits for the image to finish loading (decode() settles then), and says whether it shows real pixels. */
async function loaded(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate(async (img) => {
      const image = img as HTMLImageElement;
      await image.decode().catch(() => undefined);
      return image.complete && image.naturalWidth > 0;
    });
}

const tile = (page: Page, slug: string, file: string) =>
  page
    .locator(`[data-testid="variant-group"][data-slug="${slug}"] [data-testid="variant-tile"]`)
    .filter({ hasText: file });

let projectUrl = '';
let characterUrl = '';

describe('characters', () => {
  it('a creator adds a character, uploads its images, decides on variants and picks a hero', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, creator.email, creator.password);

    // a new project opens on its (empty) characters
    await page.getByRole('link', { name: 'Projects' }).first().click();
    await page.getByRole('button', { name: 'New project' }).first().click();
    const newProject = page.getByRole('dialog', { name: 'New project' });
    await newProject.getByLabel('Name').fill('Nova Cast');
    await newProject.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-name').filter({ hasText: 'Nova Cast' }).waitFor();
    projectUrl = page.url();
    expect(await page.getByRole('tab', { name: 'Characters' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText('No characters yet — add the first one').waitFor();

    // add a character: its page opens, with no source image yet
    await page.getByRole('button', { name: 'New character' }).first().click();
    const newCharacter = page.getByRole('dialog', { name: 'New character' });
    await newCharacter.getByLabel('Name').fill('Ada Vance');
    await newCharacter.getByRole('button', { name: 'Create character' }).click();
    await page.getByTestId('character-name').filter({ hasText: 'Ada Vance' }).waitFor();
    characterUrl = page.url();
    expect(characterUrl).toMatch(/\/projects\/[0-9a-f-]{36}\/characters\/[0-9a-f-]{36}$/);
    await page.getByTestId('no-source-image').first().waitFor();
    await page.getByTestId('source-placeholder').waitFor();

    // upload the source image through the drop zone's file input
    await page
      .getByTestId('source-drop')
      .locator('input[type="file"]')
      .setInputFiles(fixture('ada-source.png'));
    await page.getByTestId('source-image').waitFor();
    const facts = page.getByTestId('source-facts');
    await facts.getByText('ada-source.png').waitFor();
    await facts.getByText('320 × 400 px').waitFor();
    await facts.getByText('PNG', { exact: true }).waitFor();
    expect(await loaded(page, '[data-testid="source-image"]')).toBe(true);
    expect(await page.getByTestId('no-source-image').count()).toBe(0);

    // a new source image replaces it; the old one is listed in the history
    await page
      .getByTestId('source-drop')
      .locator('input[type="file"]')
      .setInputFiles(fixture('ada-source-v2.jpg'));
    await facts.getByText('ada-source-v2.jpg').waitFor();
    await facts.getByText('JPEG', { exact: true }).waitFor();
    await page.getByTestId('source-history').getByRole('button').first().waitFor();
    expect(
      await page
        .getByTestId('source-history')
        .getByRole('button', { name: /View the earlier/ })
        .count(),
    ).toBe(1);

    // the full image opens in a modal
    await page.getByRole('button', { name: 'View the source image full size' }).click();
    const viewer = page.getByRole('dialog', { name: 'Source image of Ada Vance' });
    await viewer.getByTestId('image-viewer-image').waitFor();
    expect(await loaded(page, '[data-testid="image-viewer-image"]')).toBe(true);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });

    // two formal variants at once; both wait for a decision, and the type has no hero yet
    const formal = page.locator('[data-testid="variant-group"][data-slug="formal"]');
    await formal.getByTestId('no-hero').waitFor();
    await page
      .getByTestId('variant-drop-formal')
      .locator('input[type="file"]')
      .setInputFiles([fixture('formal-1.jpg'), fixture('formal-2.jpg')]);
    await tile(page, 'formal', 'formal-2.jpg').waitFor();
    await tile(page, 'formal', 'formal-1.jpg').waitFor();
    expect(await formal.locator('[data-testid="variant-tile"][data-status="pending"]').count()).toBe(2);
    await page
      .getByTestId('variant-drop-casual')
      .locator('input[type="file"]')
      .setInputFiles(fixture('casual-1.webp'));
    await tile(page, 'casual', 'casual-1.webp').waitFor();

    // approve one, make the other the hero: exactly one hero, and the approved one stays approved
    await tile(page, 'formal', 'formal-1.jpg').getByRole('button', { name: 'Approve' }).click();
    await formal.locator('[data-testid="variant-tile"][data-status="approved"]').waitFor();
    expect(await tile(page, 'formal', 'formal-1.jpg').getAttribute('data-status')).toBe('approved');
    expect(await tile(page, 'formal', 'formal-1.jpg').getByText('Approved by Cleo Creator').count()).toBe(1);
    await tile(page, 'formal', 'formal-2.jpg').getByRole('button', { name: 'Make hero' }).click();
    await formal.getByTestId('has-hero').waitFor();
    await formal.locator('[data-testid="variant-tile"][data-hero="true"]').waitFor();
    expect(await formal.locator('[data-testid="variant-tile"][data-hero="true"]').count()).toBe(1);
    expect(await page.getByTestId('hero-marker').count()).toBe(1);
    expect(await tile(page, 'formal', 'formal-2.jpg').getAttribute('data-hero')).toBe('true');
    expect(await tile(page, 'formal', 'formal-1.jpg').getAttribute('data-status')).toBe('approved');
    expect(
      await tile(page, 'formal', 'formal-2.jpg').getByRole('button', { name: 'Make hero' }).isDisabled(),
    ).toBe(true);

    // reject the casual one: the type still has no hero (keyboard: focus the button and press Enter)
    await tile(page, 'casual', 'casual-1.webp').getByRole('button', { name: 'Reject' }).focus();
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="variant-group"][data-slug="casual"] [data-status="rejected"]')
      .waitFor();
    await page.locator('[data-testid="variant-group"][data-slug="casual"]').getByTestId('no-hero').waitFor();

    // a text file named .png is refused, and the message names the file
    await page
      .getByTestId('variant-drop-formal')
      .locator('input[type="file"]')
      .setInputFiles(fixture('notes.png'));
    const refusal = page.getByTestId('variant-drop-formal').getByTestId('upload-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('notes.png');
    expect(await formal.locator('[data-testid="variant-tile"]').count()).toBe(2);

    // the approved, non-hero variant is deleted (the hero offers no delete)
    expect(
      await tile(page, 'formal', 'formal-2.jpg')
        .getByRole('button', { name: /^Delete/ })
        .count(),
    ).toBe(0);
    await tile(page, 'formal', 'formal-1.jpg').getByRole('button', { name: 'Delete formal-1.jpg' }).click();
    await page.getByRole('button', { name: 'Delete variant' }).click();
    await page.getByText('The variant and its file were deleted.').waitFor();
    await tile(page, 'formal', 'formal-1.jpg').waitFor({ state: 'detached' });
    expect(await formal.locator('[data-testid="variant-tile"]').count()).toBe(1);

    // metadata: invalid JSON stays here, a valid object is saved
    const metadata = page.getByRole('textbox', { name: 'metadata.json' });
    await metadata.fill('{ "age": 31, ');
    await page.getByRole('button', { name: 'Save metadata' }).click();
    await page
      .getByTestId('metadata-card')
      .getByText(/Not valid JSON/)
      .first()
      .waitFor();
    await metadata.fill('{ "age": 31, "city": "Lisbon" }');
    await page.getByRole('button', { name: 'Save metadata' }).click();
    await page.getByText('The metadata was saved.').waitFor();
    const characterId = characterUrl.split('/').at(-1)!;
    const saved = (await (await apiCall('GET', `/api/v1/characters/${characterId}`, adminToken)).json()) as {
      metadata: unknown;
      heroCount: number;
    };
    expect(saved.metadata).toEqual({ age: 31, city: 'Lisbon' });
    expect(saved.heroCount).toBe(1);

    // back to the grid through the breadcrumb: the card shows the source thumbnail and the heroes so far
    await page.getByTestId('breadcrumb-project').click();
    await page.waitForURL(projectUrl);
    const card = page.locator('[data-testid="character-card"][data-character-name="Ada Vance"]');
    await card.getByTestId('character-thumbnail').waitFor();
    expect(await loaded(page, '[data-character-name="Ada Vance"] [data-testid="character-thumbnail"]')).toBe(
      true,
    );
    expect(await card.getByTestId('hero-count').textContent()).toBe('Heroes 1/2');
    expect(await card.getByTestId('no-source-image').count()).toBe(0);

    // a second character without images shows what it is missing; the search narrows the grid
    await page.getByRole('button', { name: 'New character' }).click();
    await newCharacter.getByLabel('Name').fill('Bo Lind');
    await newCharacter.getByRole('button', { name: 'Create character' }).click();
    await page.getByTestId('character-name').filter({ hasText: 'Bo Lind' }).waitFor();

    // one name per character in a project: renaming to a taken name is refused on the field
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename character' });
    await rename.getByRole('textbox', { name: 'Name' }).fill('ada vance');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.getByText('Is already used in this project').waitFor();
    await rename.getByRole('textbox', { name: 'Name' }).fill('Bo Lindqvist');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.waitFor({ state: 'hidden' });
    await page.getByTestId('character-name').filter({ hasText: 'Bo Lindqvist' }).waitFor();

    await page.goBack();
    const bo = page.locator('[data-testid="character-card"][data-character-name="Bo Lindqvist"]');
    await bo.getByTestId('no-source-image').waitFor();
    await bo.getByTestId('character-placeholder').waitFor();
    expect(await bo.getByTestId('hero-count').textContent()).toBe('Heroes 0/2');
    await page.getByRole('searchbox', { name: 'Search characters' }).fill('bo');
    await card.waitFor({ state: 'detached' });
    expect(await page.getByTestId('character-card').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search characters' }).fill('zz');
    await page.getByText('No characters match this search').waitFor();

    // move the second character to the trash: it leaves the grid
    await page.getByRole('button', { name: 'Clear search' }).click();
    await bo.click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page
      .getByRole('dialog', { name: 'Move to trash' })
      .getByRole('button', { name: 'Move to trash' })
      .click();
    await page.waitForURL(projectUrl);
    await card.waitFor();
    await bo.waitFor({ state: 'detached' });
    expect(await page.getByTestId('character-card').count()).toBe(1);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a reviewer sees the character and its images but no upload or decision controls', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, reviewer.email, reviewer.password);

    await page.goto(projectUrl);
    const card = page.locator('[data-testid="character-card"][data-character-name="Ada Vance"]');
    await card.getByTestId('character-thumbnail').waitFor();
    expect(await page.getByRole('button', { name: 'New character' }).count()).toBe(0);
    await page.getByText('Read-only: creators and admins add and change characters.').first().waitFor();

    await card.click();
    await page.waitForURL(characterUrl);
    await page.getByTestId('source-image').waitFor();
    await page.locator('[data-testid="variant-tile"]').first().waitFor();
    expect(await page.locator('[data-testid="variant-tile"]').count()).toBe(2);
    expect(await page.locator('[data-testid="variant-tile"][data-hero="true"]').count()).toBe(1);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.getByTestId('source-drop').count()).toBe(0);
    for (const label of ['Approve', 'Reject', 'Make hero', 'Rename', 'Move to trash', 'Save metadata']) {
      expect(await page.getByRole('button', { name: label }).count(), label).toBe(0);
    }
    expect(
      await page.getByRole('textbox', { name: 'metadata.json' }).getAttribute('readonly'),
    ).not.toBeNull();

    // looking is allowed: the variant opens full size
    await page.getByRole('button', { name: 'View formal-2.jpg full size' }).click();
    await page.getByTestId('image-viewer-image').waitFor();
    await page.keyboard.press('Escape');

    // the server refuses the reviewer's upload too
    const characterId = characterUrl.split('/').at(-1)!;
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(fixture('formal-1.jpg'))]), 'formal-1.jpg');
    const login = await fetch(`${studio.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: reviewer.email, password: reviewer.password }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const refused = await fetch(`${studio.url}/api/v1/characters/${characterId}/source-image`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(refused.status).toBe(403);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a delivered project locks its characters until it is re-opened', async () => {
    const projectId = new URL(projectUrl).pathname.split('/').at(-1)!;
    for (const to of ['active', 'delivered']) {
      const moved = await apiCall('POST', `/api/v1/projects/${projectId}/transitions`, adminToken, { to });
      expect(moved.status).toBe(200);
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, creator.email, creator.password);

    await page.goto(projectUrl);
    await page.locator('[data-testid="character-card"][data-character-name="Ada Vance"]').waitFor();
    await page.getByText('Locked: re-open the project to change its characters.').first().waitFor();
    expect(await page.getByRole('button', { name: 'New character' }).count()).toBe(0);

    await page.goto(characterUrl);
    await page.getByTestId('source-image').waitFor();
    await page.getByTestId('project-locked').waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Make hero' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a creator restores a character from the trash on its page', async () => {
    const projectId = new URL(projectUrl).pathname.split('/').at(-1)!;
    // the previous test left the project delivered: re-open it
    expect(
      (await apiCall('POST', `/api/v1/projects/${projectId}/transitions`, adminToken, { to: 'active' }))
        .status,
    ).toBe(200);
    const creatorToken = await studio.login(creator.email, creator.password);
    const made = await apiCall('POST', `/api/v1/projects/${projectId}/characters`, creatorToken, {
      name: 'Trashed Tess',
    });
    const tess = (await made.json()) as { id: string };
    const gil = (await (
      await apiCall('POST', `/api/v1/projects/${projectId}/characters`, creatorToken, { name: 'Gone Gil' })
    ).json()) as { id: string };
    expect((await apiCall('DELETE', `/api/v1/characters/${tess.id}`, creatorToken)).status).toBe(204);

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, creator.email, creator.password);
    await page.goto(`${projectUrl}/characters/${tess.id}`);
    await page.getByTestId('character-in-trash').waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByTestId('character-in-trash').waitFor({ state: 'detached' });
    await page.goto(projectUrl);
    await page.locator('[data-testid="character-card"][data-character-name="Trashed Tess"]').waitFor();

    // the project's trash: restore one character from the list, delete another for good
    for (const id of [tess.id, gil.id]) {
      expect((await apiCall('DELETE', `/api/v1/characters/${id}`, creatorToken)).status).toBe(204);
    }
    await page.reload();
    await page.getByTestId('characters-view').getByText('Trash').click();
    const trash = page.getByTestId('character-trash');
    await trash.getByText('Trashed Tess').waitFor();
    await page
      .locator('[data-testid="trashed-character"][data-character-name="Trashed Tess"]')
      .getByRole('button', { name: 'Restore' })
      .click();
    await page.getByText('"Trashed Tess" is back among the characters.').waitFor();
    await page
      .locator('[data-testid="trashed-character"][data-character-name="Gone Gil"]')
      .getByRole('button', { name: 'Delete for good' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('The character, its images and its scene videos were deleted.').waitFor();
    await page
      .locator('[data-testid="trashed-character"][data-character-name="Gone Gil"]')
      .waitFor({ state: 'detached' });
    expect((await apiCall('GET', `/api/v1/characters/${gil.id}`, creatorToken)).status).toBe(404);
    await context.close();
  });

  it('a creator tags characters and filters the grid by tag', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, creator.email, creator.password);
    await page.goto(characterUrl);
    const tags = page.getByTestId('tags-card').locator('input').first();
    await tags.fill('style:noir');
    await tags.press('Enter');
    await page.getByTestId('tags-card').getByText('style:noir').waitFor();
    await page.goto(projectUrl);
    const ada = page.locator('[data-testid="character-card"][data-character-name="Ada Vance"]');
    await ada.getByTestId('character-tags').getByText('style:noir').waitFor();
    const filter = page.locator('input[data-testid="tag-filter"], [data-testid="tag-filter"] input').first();
    await filter.fill('style:noir');
    await filter.press('Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="character-card"]').length === 1,
    );
    expect(await page.locator('[data-testid="character-card"]').getAttribute('data-character-name')).toBe(
      'Ada Vance',
    );

    // bulk: select every card of the unfiltered grid and add a tag to all at once
    await page.goto(projectUrl);
    await page.getByTestId('select-characters').click();
    const cards = page.getByTestId('character-card');
    const count = await cards.count();
    for (let i = 0; i < count; i++) await cards.nth(i).click();
    await page.getByTestId('selected-count').getByText(`${count} character`).waitFor();
    const add = page
      .locator('input[data-testid="bulk-add-tags"], [data-testid="bulk-add-tags"] input')
      .first();
    await add.fill('batch:spring');
    await add.press('Enter');
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    await page.getByText(/Tags changed on/).waitFor();
    await page.getByTestId('select-characters').click();
    await expect.poll(() => page.getByTestId('character-tags').getByText('batch:spring').count()).toBe(count);
    await context.close();
  });
});
