// The worker fleet in the browser (issue 3/6): an admin registers a comfy-sim by URL, is shown why a wrong URL is
// refused on the URL field, sees the worker turn healthy with vitals, drains and decommissions it, and reads the
// system health page.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let sim: ComfySim;
let page: Page;
let closedUrl: string;

beforeAll(async () => {
  sim = await startComfySim({ port: 0, gpuName: 'NVIDIA RTX 4090' });
  // an address where nothing listens: a port that was free a moment ago
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((r) => probe.close(r));
  studio = await startBuiltStudio({ env: { I2V_HEALTH_INTERVAL_MS: '500' } });
  browser = await launchChromium();
  page = await browser.newPage();
  await studio.signIn(page, studio.adminEmail, studio.adminPassword);
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  await sim?.stop();
});

const row = (name: string) => page.locator(`[data-testid="worker-row"][data-worker-name="${name}"]`);

async function confirmAction(name: string, action: string, button: string) {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
  await page.getByRole('dialog').getByRole('button', { name: button }).click();
}

describe('workers', () => {
  it('registers a worker by URL, showing a refused URL on the field', async () => {
    await page.getByRole('link', { name: 'Workers' }).click();
    await page.getByText('No workers yet').waitFor();
    await page.getByRole('button', { name: 'Register worker' }).first().click();
    const form = page.getByRole('form', { name: 'Register a worker' });
    await form.getByLabel('URL').fill(closedUrl);
    await form.getByLabel('Name').fill('render-01');
    await form.getByRole('button', { name: 'Register' }).click();
    await form.getByText('Cannot be reached').waitFor();
    expect(await form.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('URL').fill(sim.url);
    await form.getByLabel('Capability tags').fill('gpu:24gb');
    await form.getByLabel('Capability tags').press('Enter');
    await form.getByRole('button', { name: 'Register' }).click();
    await row('render-01').waitFor();
    await row('render-01')
      .getByTestId('worker-health')
      .filter({ hasText: 'Healthy' })
      .waitFor({ timeout: 15_000 });
    await expect(row('render-01').textContent()).resolves.toContain('RTX 4090');
    await expect(row('render-01').textContent()).resolves.toContain('gpu:24gb');
  });

  it('shows the worker with vitals charts and its events', async () => {
    await row('render-01').getByRole('link', { name: 'render-01' }).click();
    await page.getByRole('heading', { name: 'render-01' }).waitFor();
    await page.getByRole('img', { name: 'GPU temperature chart' }).waitFor();
    expect(await page.getByTestId('vitals-chart').count()).toBe(4);
    await page.getByTestId('worker-events').getByText('Registered at').waitFor();
    await page.getByText('24 h', { exact: true }).click();
    await page.getByRole('img', { name: 'GPU utilisation chart' }).waitFor();
    // edit its concurrency and tags
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit worker' });
    await edit.getByLabel('Max concurrency').fill('2');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The worker was saved.').waitFor();
    await page.getByText('Max concurrency').locator('..').getByText('2', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Workers' }).first().click();
  });

  it("pulls a workflow from the worker's history on the workflows page", async () => {
    const ui = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../examples/workflows/i2v.ui.json'), 'utf8'),
    );
    const graph = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../examples/workflows/i2v.api.json'), 'utf8'),
    );
    graph['7'].inputs.seed = 9191;
    // not the seeded example: a changed seed makes it a new workflow rather than a duplicate
    ui.nodes.find((n: { type: string }) => n.type === 'KSampler').widgets_values[0] = 9191;
    const png = new FormData();
    png.append(
      'image',
      new Blob([
        Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
          'base64',
        ),
      ]),
      'start.png',
    );
    expect((await fetch(`${sim.url}/upload/image`, { method: 'POST', body: png })).status).toBe(200);
    const sent = await fetch(`${sim.url}/prompt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: graph, extra_data: { extra_pnginfo: { workflow: ui } } }),
    });
    const { prompt_id: promptId } = (await sent.json()) as { prompt_id: string };
    expect(promptId).toEqual(expect.any(String));
    // history holds finished prompts only
    await expect
      .poll(
        async () =>
          Object.keys((await (await fetch(`${sim.url}/history/${promptId}`)).json()) as object).length,
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    await page.getByRole('link', { name: 'Workflows' }).first().click();
    await page.getByTestId('pull-workflow').click();
    const dialog = page.getByRole('dialog', { name: 'Pull a workflow from a worker' });
    await dialog.getByRole('combobox', { name: 'Worker' }).click();
    await page.getByRole('option', { name: /render-01/ }).click();
    await dialog.getByText(promptId.slice(0, 8)).click();
    await dialog.getByLabel('Name').fill('Pulled from render-01');
    await dialog.getByRole('button', { name: 'Pull workflow' }).click();
    await page.getByRole('heading', { name: 'Pulled from render-01' }).waitFor();
    await page.getByRole('link', { name: 'Workers' }).first().click();
  });

  it('drains and then decommissions the worker', async () => {
    await confirmAction('render-01', 'Drain', 'Drain');
    await row('render-01').getByTestId('worker-state').filter({ hasText: 'Draining' }).waitFor();
    await confirmAction('render-01', 'Decommission…', 'Decommission');
    await row('render-01').waitFor({ state: 'detached' });
    await page.getByText('No workers yet').waitFor();
  });

  it('renders the system health page', async () => {
    await page.getByRole('link', { name: 'System health' }).click();
    await page.getByTestId('health-database').getByText('OK').waitFor();
    await page.getByTestId('health-storage').getByText('Free disk').waitFor();
    await page.getByTestId('health-workers').getByText('No healthy worker').waitFor();
    await page
      .getByTestId('health-event-bus')
      .getByText(/live socket/)
      .waitFor();
    await page.getByTestId('health-job-engine').getByText('Last scheduler pass').waitFor();
  });
});
