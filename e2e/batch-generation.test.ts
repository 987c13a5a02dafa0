// Batch generation in the browser (PRD-057, PRD-091): in the demo project with simulated workers, a creator ticks one
// scene type column of the matrix, opens Generate…, creates the missing scenes to see a full estimate, starts the
// batch and watches the cells turn to review; the Generation tab counts them; on the scene type page the QA profile
// is switched to strict and stays so after a reload, and a contradictory override shows its error at the gate.
//
// With I2V_SHOTS_DIR=/some/dir it also saves screenshots of the dialog, the Generation tab and the settings card.
import path from 'node:path';
import { qaPresets } from '@i2v/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let page: Page;
let projectId: string;
let sceneTypeId: string;
const pageErrors: string[] = [];
const shotsDir = process.env.I2V_SHOTS_DIR;

const creator = { email: 'gen@studio.test', displayName: 'Gina Gen', password: 'Cobalt-Harbor-7342' };

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** The page, or one part of it, without toasts (nor the fixed header over a part). */
async function shot(name: string, part?: Locator) {
  if (!shotsDir) return;
  await page.waitForTimeout(300); // let transitions settle
  const style = `.mantine-Notifications-root${part ? ', .mantine-AppShell-header' : ''} { display: none !important; }`;
  const file = path.join(shotsDir, name);
  await (part ? part.screenshot({ path: file, style }) : page.screenshot({ path: file, style }));
}

beforeAll(async () => {
  studio = await startBuiltStudio({
    demo: true,
    simWorkers: 2,
    env: { I2V_HEALTH_INTERVAL_MS: '500', I2V_JOB_TICK_MS: '200', I2V_FACE_QA: 'false' },
  });
  const adminToken = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, creator, 'creator');
  const token = await studio.login(creator.email, creator.password);

  // the demo project is seeded just after the studio is ready: wait for its last scene type
  for (const until = Date.now() + 60_000; ; ) {
    if (Date.now() > until) throw new Error('the demo project was not seeded');
    const projects = await json<{ items: { id: string; name: string }[] }>(
      await studio.api('GET', '/api/v1/projects', token),
      200,
    );
    const demo = projects.items.find((p) => p.name === 'Demo project');
    if (demo) {
      projectId = demo.id;
      const seeded = await json<{ items: { name: string }[] }>(
        await studio.api('GET', `/api/v1/scene-types?projectId=${projectId}`, token),
        200,
      );
      if (seeded.items.some((t) => t.name === 'Turn')) break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const types = await json<{ items: { id: string; slug: string }[] }>(
    await studio.api('GET', '/api/v1/image-variant-types', token),
    200,
  );
  const casual = types.items.find((t) => t.slug === 'casual')!.id;
  const workflows = await json<{ items: { name: string; latestVersion: { id: string } | null }[] }>(
    await studio.api('GET', '/api/v1/workflows?q=Image', token),
    200,
  );
  const version = workflows.items.find((w) => w.name === 'Image to video')!.latestVersion!.id;
  // tiny, fast segments: one 0.5 s segment at 64×64 per scene
  const sceneType = await json<{ id: string }>(
    await studio.api('POST', '/api/v1/scene-types', token, {
      projectId,
      name: 'Blink',
      workflowVersionId: version,
      slotBindings: { width: 64, height: 64, steps: 4 },
      prompts: { full_clip: { positive: '{character_name} blinks', negative: 'blurry' } },
      targetDurationSeconds: 0.5,
      segmentDurationSeconds: 0.5,
      toleranceSeconds: 0,
      applicability: { kind: 'variants', variantTypeIds: [casual] },
    }),
    201,
  );
  sceneTypeId = sceneType.id;

  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await studio.signIn(page, creator.email, creator.password);
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

/** The statuses of the Blink cells, row by row. */
async function blinkStatuses(): Promise<string[]> {
  const keys = await page
    .getByTestId('matrix-column')
    .evaluateAll((cols) => cols.map((c) => c.getAttribute('data-key') ?? ''));
  const index = keys.findIndex((k) => k.startsWith(`${sceneTypeId}:`));
  return page
    .getByTestId('matrix-row')
    .evaluateAll(
      (rows, i) =>
        rows.map(
          (r) => r.querySelectorAll('[data-testid="matrix-cell"]')[i]?.getAttribute('data-status') ?? '',
        ),
      index,
    );
}

describe('batch generation', () => {
  it('generates a scene type column from the matrix with an estimate first', async () => {
    await page.goto(`${studio.url}/projects/${projectId}?tab=matrix`);
    await page.getByTestId('matrix-table').waitFor();
    expect(await blinkStatuses()).toEqual(['not_created', 'not_created', 'not_created']);

    // nothing ticked: nothing to generate
    const generate = page.getByRole('button', { name: 'Generate…' });
    expect(await generate.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Select scene type Blink' }).check();
    await page
      .getByTestId('selection-note')
      .filter({ hasText: 'Every character × Blink: 3 cells' })
      .waitFor();
    await generate.click();

    const dialog = page.getByRole('dialog', { name: 'Generate scenes' });
    await dialog.getByTestId('selection-summary').filter({ hasText: 'Every character × Blink' }).waitFor();
    // the cells have no scenes yet: the estimate says so and offers to create them
    await dialog
      .getByTestId('missing-scenes')
      .filter({ hasText: '3 selected cells have no scene yet' })
      .waitFor();
    await dialog.getByTestId('estimate-scenes').filter({ hasText: /^0$/ }).waitFor();
    await dialog.getByRole('button', { name: 'Create and estimate' }).click();
    await dialog.getByTestId('missing-scenes').waitFor({ state: 'detached' });
    await dialog.getByTestId('estimate-scenes').filter({ hasText: /^3$/ }).waitFor();
    await dialog.getByTestId('estimate-segments').filter({ hasText: /^3$/ }).waitFor();
    await dialog.getByTestId('estimate-wall').waitFor();
    // no segment has rendered in this studio yet: a default stands in, and the dialog says so
    expect(await dialog.getByTestId('estimate-confidence').getAttribute('data-confidence')).toBe('none');
    await dialog.getByText('No segment of these workflows has finished rendering yet').waitFor();
    expect(await dialog.getByTestId('estimate-line').count()).toBe(1);
    await dialog.getByTestId('estimate-line').getByText('Image to video').waitFor();
    await shot('batch-estimate.png');

    await dialog.getByRole('radio', { name: 'Draft' }).check();
    await dialog.getByRole('button', { name: 'Start generation' }).click();
    const result = dialog.getByTestId('generation-result');
    await result.waitFor();
    expect(await result.getByTestId('started-count').textContent()).toBe('3');
    expect(await result.getByTestId('skipped-count').textContent()).toBe('0');
    await result.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    // the cells follow their scenes live until review
    await expect
      .poll(blinkStatuses, { timeout: 90_000, interval: 500 })
      .toEqual(['review', 'review', 'review']);
  });

  it('shows the batch on the Generation tab', async () => {
    await page.getByRole('tab', { name: 'Generation' }).click();
    await page.getByTestId('generation-dashboard').waitFor();
    const count = (status: string) =>
      page.locator(`[data-testid="scene-status-count"][data-status="${status}"]`).getAttribute('data-count');
    await expect.poll(() => count('review')).toBe('3');
    // the demo's other scenes exist (created by nobody yet): only Blink's three were made, all generated
    expect(await count('failed')).toBe('0');
    expect(
      await page
        .locator('[data-testid="run-status-count"][data-status="completed"]')
        .getAttribute('data-count'),
    ).toBe('3');
    await page.getByTestId('segments-done').filter({ hasText: '3 of 3 done' }).waitFor();
    await page.getByTestId('no-live-runs').waitFor();
    await shot('generation-tab.png');
  });

  it('keeps a strict QA profile and shows a contradictory override at its gate', async () => {
    await page.goto(`${studio.url}/projects/${projectId}/scene-types/${sceneTypeId}`);
    const card = page.getByTestId('generation-settings');
    await card.waitFor();
    const likeness = card.locator('[data-testid="qa-gate"][data-gate="likeness"]');
    // the presets are tuned over time: the expectations follow them
    const standardHard = qaPresets.standard.likeness.hard;
    const strictHard = qaPresets.strict.likeness.hard!;
    expect(strictHard).not.toBe(standardHard);
    await likeness
      .getByTestId('qa-gate-effective')
      .filter({ hasText: `fails below ${standardHard}` })
      .waitFor();

    await card.getByText('Strict', { exact: true }).click();
    // the rule in force follows the profile at once
    await likeness
      .getByTestId('qa-gate-effective')
      .filter({ hasText: `fails below ${strictHard}` })
      .waitFor();
    await card.getByRole('button', { name: 'Save generation settings' }).click();
    await page.getByText('The generation settings were saved.').waitFor();

    await page.reload();
    await card.waitFor();
    expect(await card.getByRole('radio', { name: 'Strict' }).isChecked()).toBe(true);
    await likeness
      .getByTestId('qa-gate-effective')
      .filter({ hasText: `fails below ${strictHard}` })
      .waitFor();
    await shot('generation-settings.png', card);

    // a soft threshold below the hard one contradicts itself: the server's error lands on that input
    const soft = card.getByLabel('Likeness to the character soft');
    const tooLow = Number((strictHard / 2).toFixed(2));
    await soft.fill(String(tooLow));
    await card.getByRole('button', { name: 'Save generation settings' }).click();
    await likeness
      .getByText(`The soft threshold (${tooLow}) must be at least the hard one (${strictHard})`)
      .waitFor();
    expect(await soft.getAttribute('aria-invalid')).toBe('true');
    await shot('generation-settings-error.png', card);

    // nothing of it was saved
    await page.reload();
    await card.waitFor();
    expect(await card.getByLabel('Likeness to the character soft').inputValue()).toBe('');
    expect(await card.getByRole('radio', { name: 'Strict' }).isChecked()).toBe(true);

    expect(pageErrors).toEqual([]);
  });
});
