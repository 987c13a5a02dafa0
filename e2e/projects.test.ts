// A project's life in the browser: a creator creates it, renames it, takes it through production and delivery,
// finds it locked, re-opens it, trashes and restores it; a reviewer can read it but not change it. Variant types too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let adminToken: string;

const creator = { email: 'creator@studio.test', displayName: 'Cleo Creator', password: 'Lantern-Orbit-7742' };
const reviewer = {
  email: 'reviewer@studio.test',
  displayName: 'Rory Reviewer',
  password: 'Harbor-Quill-3319',
};

const apiCall = (method: string, url: string, token: string, body?: unknown) =>
  studio.api(method, url, token, body);

beforeAll(async () => {
  studio = await startBuiltStudio();
  browser = await launchChromium();
  adminToken = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, creator, 'creator');
  await studio.createUser(adminToken, reviewer, 'reviewer');
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

const signIn = (page: Page, email: string, password: string) => studio.signIn(page, email, password);

async function expectStatus(page: Page, label: string) {
  await page.locator('[data-testid="project-status"]', { hasText: label }).first().waitFor();
}

/** Clicks a lifecycle action in the header and confirms it in its dialog, with a note. */
async function transition(page: Page, action: string, note?: string) {
  await page.getByTestId('project-transitions').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (note) await dialog.getByLabel('Note (optional)').fill(note);
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('project lifecycle journey', () => {
  let projectUrl = '';

  it('a creator creates, edits, delivers, re-opens, trashes and restores a project', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await signIn(page, creator.email, creator.password);
    await page.getByRole('link', { name: 'Projects' }).first().click();
    await page.getByText('No projects yet — create the first one').waitFor();

    // create: the new project opens in setup
    await page.getByRole('button', { name: 'New project' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name').fill('Aurora Launch');
    await dialog.getByLabel('Description').fill('Spring campaign: twelve characters, four scene types.');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-name').filter({ hasText: 'Aurora Launch' }).waitFor();
    await expectStatus(page, 'Setup');
    projectUrl = page.url();
    expect(projectUrl).toMatch(/\/projects\/[0-9a-f-]{36}$/);

    // a second project with the same name is refused on the name field
    await page.goto(`${studio.url}/projects`);
    await page.locator('[data-testid="project-row"][data-project-name="Aurora Launch"]').waitFor();
    await page.getByRole('button', { name: 'New project' }).click();
    await dialog.getByLabel('Name').fill('Aurora Launch');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await dialog.getByText('Is already used by another project').waitFor();
    await page.keyboard.press('Escape');

    // rename (the project page opens on its characters; the name is on the Overview tab)
    await page.locator('[data-testid="project-row"][data-project-name="Aurora Launch"]').click();
    await page.getByRole('tab', { name: 'Overview' }).click();
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('Aurora Launch 2026');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('project-name').filter({ hasText: 'Aurora Launch 2026' }).waitFor();

    // someone else changes the project meanwhile: saving tells the user and shows their version
    const id = projectUrl.split('/').at(-1)!;
    const sneaky = await apiCall('PATCH', `/api/v1/projects/${id}`, adminToken, {
      description: 'Changed by admin',
    });
    expect(sneaky.status).toBe(200);
    await page.getByRole('textbox', { name: 'Description' }).fill('My stale edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else changed this project').waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Description' }).inputValue())
      .toBe('Changed by admin');

    // settings and retention are saved from their own tabs
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('switch', { name: 'Require independent approval' }).click();
    await page.getByRole('form', { name: 'Project settings' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('The project settings were saved.').waitFor();
    await page.getByRole('tab', { name: 'Retention' }).click();
    const grace = page.getByRole('textbox', { name: 'Trash grace period' });
    expect(await grace.inputValue()).toBe('7 days');
    await grace.fill('14');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The retention policy was saved.').waitFor();
    await page.getByTestId('danger-zone').getByText('for 14 days').waitFor();
    const saved = (await (await apiCall('GET', `/api/v1/projects/${id}`, adminToken)).json()) as {
      settings: { requireIndependentApproval: boolean };
      retention: { trashGraceDays: number; failedOutputsDays: number };
    };
    expect(saved.settings.requireIndependentApproval).toBe(true);
    expect(saved.retention).toMatchObject({ trashGraceDays: 14, failedOutputsDays: 30 });
    await page.getByRole('tab', { name: 'Overview' }).click();

    // through the lifecycle: setup → active → delivered (locked)
    await transition(page, 'Start production', 'Casting is complete');
    await expectStatus(page, 'Active');
    await transition(page, 'Mark delivered');
    await expectStatus(page, 'Delivered');
    await page.getByTestId('project-locked').waitFor();
    expect(await page.getByTestId('project-locked').textContent()).toContain('Locked — re-open to edit');
    expect(await name.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(
      await page.getByTestId('danger-zone').getByRole('button', { name: 'Move to trash' }).isDisabled(),
    ).toBe(true);
    // the server holds the lock too
    const refused = await apiCall('PATCH', `/api/v1/projects/${id}`, adminToken, { name: 'Sneaky rename' });
    expect(((await refused.json()) as { code: string }).code).toBe('project.locked');

    // re-open: editable again
    await transition(page, 'Re-open', 'Client asked for one more scene');
    await expectStatus(page, 'Active');
    expect(await page.getByTestId('project-locked').count()).toBe(0);
    expect(await name.isDisabled()).toBe(false);

    // move to the trash, confirming with the name
    await page.getByTestId('danger-zone').getByRole('button', { name: 'Move to trash' }).click();
    const trashDialog = page.getByRole('dialog', { name: 'Move to trash' });
    const confirmTrash = trashDialog.getByRole('button', { name: 'Move to trash' });
    expect(await confirmTrash.isDisabled()).toBe(true);
    await trashDialog.getByLabel('Type the project name to confirm').fill('Aurora Launch 2026');
    await confirmTrash.click();
    await page.waitForURL(`${studio.url}/projects`);
    await page.getByText('No projects yet — create the first one').waitFor();

    // restore from the trash
    await page.getByRole('tab', { name: 'Trash' }).click();
    const trashed = page.locator('[data-testid="project-row"][data-project-name="Aurora Launch 2026"]');
    await trashed.waitFor();
    await trashed.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('The trash is empty').waitFor();
    await page.getByRole('tab', { name: 'Projects' }).click();
    const row = page.locator('[data-testid="project-row"][data-project-name="Aurora Launch 2026"]');
    await row.waitFor();
    expect(await row.getByTestId('project-status').textContent()).toBe('Active');

    // the audit log is not the creator's to read, but the server recorded the journey
    const audit = await apiCall('GET', '/api/v1/audit-events?action=project.', adminToken);
    const actions = ((await audit.json()) as { items: { action: string }[] }).items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'project.created',
        'project.updated',
        'project.status_changed',
        'project.deleted',
        'project.restored',
      ]),
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a reviewer sees the project but no controls to change it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await signIn(page, reviewer.email, reviewer.password);
    await page.getByRole('link', { name: 'Projects' }).first().click();
    const row = page.locator('[data-testid="project-row"][data-project-name="Aurora Launch 2026"]');
    await row.waitFor();
    expect(await page.getByRole('button', { name: 'New project' }).count()).toBe(0);

    await row.click();
    await page.getByTestId('project-name').filter({ hasText: 'Aurora Launch 2026' }).waitFor();
    await expectStatus(page, 'Active');
    await page.getByRole('tab', { name: 'Overview' }).click();
    expect(await page.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    await page.getByText('Read-only: creators and admins edit projects.').first().waitFor();
    for (const label of [
      'Save',
      'Start production',
      'Mark delivered',
      'Archive',
      'Re-open',
      'Move to trash',
    ]) {
      expect(await page.getByRole('button', { name: label }).count(), label).toBe(0);
    }
    await page.getByRole('tab', { name: 'Retention' }).click();
    expect(await page.getByRole('textbox', { name: 'Trash grace period' }).isDisabled()).toBe(true);

    // an unknown project is a not-found state inside the shell
    await page.goto(`${studio.url}/projects/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId('project-not-found').waitFor();
    await page.getByTestId('user-menu').waitFor();

    // variant types: readable, not editable
    await page.getByRole('link', { name: 'Image variant types' }).first().click();
    await page.locator('[data-testid="variant-type-row"][data-slug="casual"]').waitFor();
    expect(await page.getByRole('button', { name: 'New variant type' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('image variant types', () => {
  it('a creator adds a type with a suggested slug and prefix, makes it the default and deletes another', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, creator.email, creator.password);
    await page.getByRole('link', { name: 'Image variant types' }).first().click();

    const casual = page.locator('[data-testid="variant-type-row"][data-slug="casual"]');
    await casual.getByTestId('variant-type-default').waitFor();
    expect(await casual.getByRole('button', { name: 'Delete Casual' }).isDisabled()).toBe(true);
    await page
      .locator('[data-testid="variant-type-row"][data-slug="formal"]')
      .getByText('formal_walk.mp4')
      .waitFor();

    // the slug follows the name and the prefix the slug
    await page.getByRole('button', { name: 'New variant type' }).click();
    const dialog = page.getByRole('dialog', { name: 'New variant type' });
    await dialog.getByLabel('Name').fill('Night Out');
    expect(await dialog.getByLabel('Slug').inputValue()).toBe('night_out');
    expect(await dialog.getByLabel('File prefix').inputValue()).toBe('night_out');
    await dialog.getByRole('button', { name: 'Create variant type' }).click();
    const nightOut = page.locator('[data-testid="variant-type-row"][data-slug="night_out"]');
    await nightOut.getByText('night_out_walk.mp4').waitFor();

    // a taken slug is refused on the slug field
    await page.getByRole('button', { name: 'New variant type' }).click();
    await dialog.getByLabel('Name').fill('Formal');
    await dialog.getByRole('button', { name: 'Create variant type' }).click();
    await dialog.getByText('Is already used').waitFor();
    await page.keyboard.press('Escape');

    // make it the default: it loses its prefix, casual gets its slug as prefix
    await nightOut.getByRole('button', { name: 'Make Night Out the default' }).click();
    await page
      .getByRole('dialog', { name: 'Make default' })
      .getByRole('button', { name: 'Make default' })
      .click();
    await nightOut.getByTestId('variant-type-default').waitFor();
    await casual.getByText('casual_walk.mp4').waitFor();
    expect(await casual.getByTestId('variant-type-default').count()).toBe(0);

    // rename formal
    await page.getByRole('button', { name: 'Edit Formal' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit variant type' });
    await edit.getByLabel('Name').fill('Formal wear');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page
      .locator('[data-testid="variant-type-row"][data-slug="formal"]')
      .getByText('Formal wear')
      .waitFor();

    // delete casual
    await casual.getByRole('button', { name: 'Delete Casual' }).click();
    await page
      .getByRole('dialog', { name: 'Delete variant type' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await casual.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
