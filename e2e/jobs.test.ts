// Jobs in the browser (PRD-008, PRD-010, PRD-054): an admin finds the queue empty, submits a render through the New
// render dialog (a start time in the past is refused in the dialog), follows it in the header's job tray until the
// "finished" toast, opens the job from the toast and sees its history and the video it rendered; schedules a second
// render far ahead and cancels it with a bulk action; and finds the notification under the bell.
//
// With I2V_SCREENSHOTS=1 it also saves docs/images/queue.png and docs/images/job.png.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const screenshots = process.env.I2V_SCREENSHOTS === '1';
const imageDir = path.resolve(import.meta.dirname, '../docs/images');

beforeAll(async () => {
  studio = await startBuiltStudio({
    simWorkers: 1,
    env: { I2V_HEALTH_INTERVAL_MS: '500', I2V_JOB_TICK_MS: '200' },
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await studio.signIn(page, studio.adminEmail, studio.adminPassword);
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

const openQueue = () =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Queue' }).click();
/** For the docs: the whole page, without toasts or the first admin's change-your-password banner. */
async function saveScreenshot(name: string) {
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
const row = (label: string) => page.locator(`[data-testid="job-row"][data-label="${label}"]`);

async function openNewRender(label: string) {
  await page.getByTestId('new-render').first().click();
  const dialog = page.getByRole('form', { name: 'New render' });
  await dialog.getByRole('combobox', { name: 'Workflow' }).click();
  await page.getByRole('option', { name: 'Image to video', exact: true }).click();
  // the latest version is chosen for it
  await expect.poll(() => dialog.getByRole('combobox', { name: 'Version' }).inputValue()).toMatch(/^Version/);
  await dialog.getByLabel('Label').fill(label);
  return dialog;
}

describe('jobs', () => {
  it('shows an empty queue', async () => {
    await openQueue();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByText('The queue is empty').waitFor();
    await expect(page.getByTestId('job-tray').getAttribute('data-running')).resolves.toBe('0');
  });

  it('submits a render, shown in the tray until the finished toast', async () => {
    const dialog = await openNewRender('Walk test');
    await dialog.getByLabel('Start at').fill('2020-01-01T10:00');
    await dialog.getByRole('button', { name: 'Schedule render' }).click();
    await dialog.getByTestId('new-render-error').getByText('has passed').waitFor();

    await dialog.getByLabel('Start at').fill('');
    await dialog.getByRole('button', { name: 'Start render' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="job-tray"][data-running="1"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('job-tray').getByText('1 running').waitFor();
    const toast = page.getByText('Walk test finished');
    await toast.waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="job-tray"][data-running="0"]').waitFor();
    await toast.click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  });

  it('shows the finished job with its history and the video it rendered', async () => {
    await page.getByRole('heading', { name: 'Walk test' }).waitFor();
    await page.locator('main [data-testid="job-state"][data-state="completed"]').first().waitFor();
    const timeline = page.getByTestId('job-timeline');
    await timeline.locator('[data-to="completed"]').waitFor();
    const states = await timeline
      .locator('[data-testid="timeline-item"][data-kind="transition"]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-to')));
    expect(states).toEqual(['queued', 'dispatched', 'running', 'completed']);

    const video = page.getByTestId('job-output-video');
    expect(await video.getAttribute('src')).toMatch(/\S/);
    await expect
      .poll(
        () =>
          video.evaluate((v) => {
            const media = v as HTMLVideoElement;
            return media.readyState > 0 || media.duration > 0;
          }),
        { timeout: 15_000 },
      )
      .toBe(true);
    // it plays: time moves on (muted, which browsers allow without a gesture)
    await video.evaluate((v) => {
      const media = v as HTMLVideoElement;
      media.muted = true;
      return media.play();
    });
    await expect
      .poll(() => video.evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 15_000 })
      .toBeGreaterThan(0.2);
    await video.evaluate((v) => (v as HTMLVideoElement).pause());
    await expect(page.getByTestId('job-facts').textContent()).resolves.toContain('1 / 3');
    if (screenshots) {
      await saveScreenshot('job.png');
    }
  });

  it('schedules a render far ahead and cancels it with a bulk action', async () => {
    await openQueue();
    const dialog = await openNewRender('Overnight batch');
    await dialog.getByText('Background', { exact: true }).click();
    await dialog.getByLabel('Start at').fill('2099-01-01T03:00');
    await dialog.getByRole('button', { name: 'Schedule render' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row('Overnight batch').and(page.locator('[data-state="scheduled"]')).waitFor();
    await page.getByTestId('job-tray').getByText('1 queued').waitFor();
    if (screenshots) {
      await page.getByTestId('state-filter').getByText('All', { exact: true }).click();
      await row('Walk test').waitFor();
      await saveScreenshot('queue.png');
      await page.getByTestId('state-filter').getByText('Active', { exact: true }).click();
    }

    await row('Overnight batch').getByRole('checkbox', { name: 'Select Overnight batch' }).check();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Cancel jobs' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel jobs' })
      .getByRole('button', { name: 'Cancel 1 job' })
      .click();
    await row('Overnight batch').waitFor({ state: 'detached' });
    await page.getByText('The queue is empty').waitFor();
    await page.getByTestId('state-filter').getByText('All', { exact: true }).click();
    await row('Overnight batch').and(page.locator('[data-state="cancelled"]')).waitFor();
    await row('Walk test').and(page.locator('[data-state="completed"]')).waitFor();
  });

  it('lists the notification under the bell until it is read', async () => {
    const bell = page.getByTestId('notification-bell');
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifications, 1 unread');
    await bell.click();
    const panel = page.getByTestId('notification-panel');
    await panel
      .locator('[data-testid="notification"][data-unread="true"]')
      .getByText('Walk test finished')
      .waitFor();
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await panel.locator('[data-testid="notification"][data-unread="false"]').waitFor();
    await page.locator('[data-testid="notification-bell"][aria-label="Notifications"]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
