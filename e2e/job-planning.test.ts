// Planning GPU work in the browser (PRD-008 §2.1, PRD-010, PRD-090, PRD-093): an admin creates a recurring schedule
// (a bad cron expression is refused on its field) and sees it listed with its next run; gives a new creator a tiny GPU
// quota; the creator renders once, after which the New render dialog shows the quota used up and the server's
// refusal; the admin sees the quota red on the Budgets page and the finished render on the sim worker's lane of the
// Timeline; the creator mutes finished-job notifications in the preferences reached from the bell.
//
// With I2V_SCREENSHOTS=1 it also saves docs/images/timeline.png and docs/images/budgets.png.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let admin: Page;
let creatorPage: Page;
let adminToken: string;
let projectId: string;
const pageErrors: string[] = [];
const screenshots = process.env.I2V_SCREENSHOTS === '1';
const imageDir = path.resolve(import.meta.dirname, '../docs/images');
const creator = { email: 'casey@studio.test', displayName: 'Casey Creator', password: 'Render-Quota-2026!' };

async function newPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

beforeAll(async () => {
  studio = await startBuiltStudio({
    simWorkers: 1,
    env: { I2V_HEALTH_INTERVAL_MS: '500', I2V_JOB_TICK_MS: '200' },
  });
  browser = await launchChromium();
  adminToken = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, creator, 'creator');
  const project = await studio.api('POST', '/api/v1/projects', adminToken, { name: 'Autumn campaign' });
  projectId = ((await project.json()) as { id: string }).id;
  admin = await newPage();
  await studio.signIn(admin, studio.adminEmail, studio.adminPassword);
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

/** For the docs: the whole page, without toasts or the first admin's change-your-password banner. */
async function saveScreenshot(page: Page, name: string) {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.waitForTimeout(400); // let transitions settle
  await page.screenshot({
    path: path.join(imageDir, name),
    style:
      '.mantine-Notifications-root, [data-testid="must-change-password-banner"] { display: none !important; }',
  });
  await page.setViewportSize(size);
}

async function openQueueTab(page: Page, tab: 'Queue' | 'Timeline' | 'Schedules' | 'Budgets') {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Queue' })
    .click();
  await page.getByTestId('jobs-tabs').getByRole('tab', { name: tab }).click();
  await page.getByRole('heading', { name: tab, level: 1 }).waitFor();
}

async function chooseWorkflow(page: Page, form: ReturnType<Page['getByRole']>) {
  await form.getByRole('combobox', { name: 'Workflow' }).click();
  await page.getByRole('option', { name: 'Image to video', exact: true }).click();
  await expect.poll(() => form.getByRole('combobox', { name: 'Version' }).inputValue()).toMatch(/^Version/);
}

describe('job planning', () => {
  it('creates a schedule: a bad cron is refused on its field, a good one is listed with its next run', async () => {
    await openQueueTab(admin, 'Schedules');
    await admin.getByText('No schedules yet').waitFor();
    await admin.getByTestId('new-schedule').first().click();
    const dialog = admin.getByRole('form', { name: 'New schedule' });
    await dialog.getByLabel('Name').fill('Nightly walk');
    await dialog.getByLabel('Cron expression').fill('every night');
    await chooseWorkflow(admin, dialog);
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    const cron = dialog.getByLabel('Cron expression');
    await dialog.getByText('"every night" is not a cron expression', { exact: false }).waitFor();
    await expect(cron.getAttribute('aria-invalid')).resolves.toBe('true');

    await dialog.getByRole('button', { name: 'Every night at 03:00' }).click();
    await expect(cron.inputValue()).resolves.toBe('0 3 * * *');
    await dialog.getByTestId('cron-preview').getByText('Next:', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = admin.locator('[data-testid="schedule-row"][data-name="Nightly walk"]');
    await row.waitFor();
    await expect(row.getByTestId('schedule-next-run').textContent()).resolves.toMatch(/^in /);
    await expect(row.getByTestId('schedule-hint').textContent()).resolves.toMatch(/^Next .*03:00/);
    await expect(row.getByText('Every night at 03:00').count()).resolves.toBe(1);
  });

  it('gives a new creator a tiny GPU quota', async () => {
    await openQueueTab(admin, 'Budgets');
    await admin.getByText('No budgets or quotas').waitFor();
    await admin.getByTestId('add-budget').first().click();
    const dialog = admin.getByRole('form', { name: 'Add budget' });
    await dialog.getByText('A person', { exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Person' }).click();
    await admin.getByRole('option', { name: `${creator.displayName} (${creator.email})` }).click();
    await dialog.getByText('GPU minutes', { exact: true }).click();
    await dialog.getByLabel('Limit', { exact: true }).fill('0.01');
    await dialog.getByText('0.6 GPU s of finished GPU time').waitFor();
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin
      .locator(`[data-testid="budget-row"][data-name="${creator.displayName}"][data-state="ok"]`)
      .waitFor();
    // and a roomy weekly budget for the project the creator renders for
    const budget = await studio.api('POST', '/api/v1/budgets', adminToken, {
      scope: 'project',
      projectId,
      limitHours: 0.05,
      period: 'week',
    });
    expect(budget.status).toBe(201);
  });

  it('lets the creator render once, then refuses the next render with the quota message', async () => {
    creatorPage = await newPage();
    await studio.signIn(creatorPage, creator.email, creator.password);
    await openQueueTab(creatorPage, 'Queue');
    await creatorPage.getByTestId('new-render').first().click();
    let dialog = creatorPage.getByRole('form', { name: 'New render' });
    await dialog.locator('[data-testid="budget-notice"][data-scope="user"][data-state="ok"]').waitFor();
    await chooseWorkflow(creatorPage, dialog);
    await dialog.getByRole('combobox', { name: 'Project' }).click();
    await creatorPage.getByRole('option', { name: 'Autumn campaign' }).click();
    await dialog.locator('[data-testid="budget-notice"][data-scope="project"][data-state="ok"]').waitFor();
    await dialog.getByLabel('Label').fill('Quota walk');
    await dialog.getByRole('button', { name: 'Start render' }).click();
    await dialog.waitFor({ state: 'detached' });
    await creatorPage.getByText('Quota walk finished').waitFor({ timeout: 30_000 });

    await creatorPage.getByTestId('new-render').first().click();
    dialog = creatorPage.getByRole('form', { name: 'New render' });
    await dialog.locator('[data-testid="budget-notice"][data-state="exceeded"]').waitFor();
    await dialog.getByText('Your GPU quota is used up').waitFor();
    await chooseWorkflow(creatorPage, dialog);
    await dialog.getByLabel('Label').fill('One more walk');
    await dialog.getByRole('button', { name: 'Start render' }).click();
    const refusal = dialog.locator('[data-testid="new-render-error"][data-code="job.quota_exceeded"]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('Your GPU quota has used');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the admin the quota used up', async () => {
    await openQueueTab(admin, 'Budgets');
    const row = admin.locator(`[data-testid="budget-row"][data-name="${creator.displayName}"]`);
    await row.and(admin.locator('[data-state="exceeded"]')).waitFor();
    await row.locator('[data-testid="budget-bar"][data-state="exceeded"]').waitFor();
    await expect(row.getByTestId('budget-projection').textContent()).resolves.toBe('used up');
    // the project's render counted against its budget too, which has room
    await admin.locator('[data-testid="budget-row"][data-name="Autumn campaign"][data-state="ok"]').waitFor();
    if (screenshots) await saveScreenshot(admin, 'budgets.png');
  });

  it('shows the finished render on the sim worker lane of the timeline, and what comes next', async () => {
    // more work: one render runs, the others wait with estimated starts
    const workflows = await studio.api('GET', '/api/v1/workflows', adminToken);
    const { items } = (await workflows.json()) as {
      items: { name: string; latestVersion: { id: string } }[];
    };
    const versionId = items.find((w) => w.name === 'Image to video')!.latestVersion.id;
    for (const [label, priority] of [
      ['Hero close-up', 'urgent'],
      ['Autumn batch 1', 'normal'],
      ['Autumn batch 2', 'background'],
      ['Autumn batch 3', 'background'],
    ] as const) {
      const submitted = await studio.api('POST', '/api/v1/jobs', adminToken, {
        kind: 'comfy.render',
        payload: { workflowVersionId: versionId },
        priority,
        label,
        projectId,
      });
      expect(submitted.status).toBe(201);
    }

    await openQueueTab(admin, 'Timeline');
    const lane = admin.locator('[data-testid="timeline-lane"][data-worker^="sim-"]');
    await lane.locator('[data-testid="lane-health"][data-health="healthy"]').waitFor();
    const block = lane.locator('[data-testid="timeline-block"][data-state="completed"]', {
      hasText: 'Quota walk',
    });
    await block.waitFor();
    await lane.locator('[data-testid="timeline-block"][data-state="running"]').waitFor({ timeout: 15_000 });
    const waiting = admin.getByTestId('next-up-item');
    await expect.poll(() => waiting.count()).toBeGreaterThan(0);
    await expect(admin.getByTestId('queue-drain').textContent()).resolves.toMatch(/^Queue drains/);
    await expect(waiting.first().getByTestId('next-up-estimate').textContent()).resolves.toMatch(
      /^(starts in ~|starts any moment|no estimate yet)/,
    );
    if (screenshots) await saveScreenshot(admin, 'timeline.png');
    // a few seconds' render is a sliver on an hour's axis, next to the one running after it: open it from the keyboard
    await block.focus();
    await admin.keyboard.press('Enter');
    await admin.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { name: 'Quota walk' }).waitFor();
  });

  it('lets the creator mute finished-job notifications from the bell', async () => {
    await creatorPage.getByTestId('notification-bell').click();
    await creatorPage.getByTestId('notification-panel').getByRole('button', { name: 'Preferences' }).click();
    await creatorPage.waitForURL(/\/profile#notifications$/);
    const row = creatorPage.locator('[data-testid="preference-row"][data-kind="job.completed"]');
    await row.getByText('Muted', { exact: true }).click();
    await creatorPage.getByRole('button', { name: 'Save preferences' }).click();
    await creatorPage.getByText('Your notification preferences are saved.').waitFor();
    const token = await studio.login(creator.email, creator.password);
    const saved = await studio.api('GET', '/api/v1/me/notification-preferences', token);
    expect(((await saved.json()) as { kinds: Record<string, string> }).kinds['job.completed']).toBe('muted');
    expect(pageErrors).toEqual([]);
  });
});
