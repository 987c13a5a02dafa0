// Workflows in the browser (issue 3/6's story): a creator finds the example workflows, is told that the UI-format
// example is already imported, imports an edited copy, sees its parameters, validates it, and pins it in a scene
// type with a slot value.
//
// Validation here runs against the bundled comfy-sim catalogue: this branch has no `POST /api/v1/workers` to
// register a comfy-sim worker from a browser test (the workers API lands separately), so the per-worker matrix and
// the dry run are covered by apps/server/test/workflows.test.ts against comfy-sim worker rows instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let fixtures: string;
let creatorToken: string;
const creator = { email: 'flow@studio.test', displayName: 'Wen Flow', password: 'Copper-Lantern-5531' };
const example = path.resolve(import.meta.dirname, '../examples/workflows/i2v.ui.json');

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-workflows-'));
  const ui = JSON.parse(fs.readFileSync(example, 'utf8'));
  ui.nodes.find((n: { type: string }) => n.type === 'KSampler').widgets_values[2] = 28;
  fs.writeFileSync(path.join(fixtures, 'walk-28-steps.json'), JSON.stringify(ui));
  studio = await startBuiltStudio();
  browser = await launchChromium();
  const adminToken = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, creator, 'creator');
  creatorToken = await studio.login(creator.email, creator.password);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

describe('workflows', () => {
  it('a creator imports a UI-format workflow, sees its parameters, validates it and pins it in a scene type', async () => {
    const created = await (
      await studio.api('POST', '/api/v1/projects', creatorToken, { name: 'Workflow Trial' })
    ).json();
    const projectId: string = created.project?.id ?? created.id;
    const types = (await (await studio.api('GET', '/api/v1/image-variant-types', creatorToken)).json()).items;
    const sceneType = await (
      await studio.api('POST', '/api/v1/scene-types', creatorToken, {
        projectId: projectId,
        name: 'Walk',
        prompts: { full_clip: { positive: '{character_name} walks', negative: '' } },
        targetDurationSeconds: 5,
        segmentDurationSeconds: 5,
        applicability: { kind: 'variants', variantTypeIds: [types[0].id] },
      })
    ).json();

    const page = await (await browser.newContext()).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);

    // the studio starts with the examples
    await page.getByRole('link', { name: 'Workflows' }).click();
    const table = page.getByTestId('workflows-table');
    await table.getByRole('link', { name: 'Image to video', exact: true }).waitFor();
    await table.getByRole('link', { name: 'Image to video — transition' }).waitFor();

    // the unchanged example is a duplicate, named as such
    const input = page.locator('input[type="file"]');
    await input.setInputFiles(example);
    await page.getByTestId('workflow-import-error').filter({ hasText: 'already imported' }).waitFor();
    expect(await page.getByTestId('workflow-import-error').textContent()).toContain('Image to video');

    // an edited copy imports, converted from the UI format, and shows its parameters
    await input.setInputFiles(path.join(fixtures, 'walk-28-steps.json'));
    await page.getByRole('heading', { name: 'walk-28-steps' }).waitFor();
    const slots = page.getByTestId('workflow-slots');
    await slots.waitFor();
    const keys = await slots
      .getByRole('textbox')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(keys).toEqual(expect.arrayContaining(['seed', 'steps', 'positive_prompt', 'input_image', 'fps']));
    await slots.getByText('28', { exact: true }).waitFor();

    // validation (bundled catalogue: no worker can be registered from this branch, see above)
    await page.getByRole('tab', { name: 'Validation' }).click();
    await page.getByTestId('validate-all').click();
    const row = page.getByTestId('validation-row').filter({ hasText: 'Bundled catalogue' });
    await row.getByText('Passed').waitFor();

    // pin it in the scene type and set the number of steps
    await page.goto(`${studio.url}/projects/${projectId}/scene-types/${sceneType.id}`);
    await page.getByTestId('workflow-pin-workflow').getByLabel('Workflow', { exact: true }).click();
    await page.getByRole('option', { name: 'walk-28-steps' }).click();
    await page.getByTestId('slot-bindings').waitFor();
    await page.getByLabel('Value for steps').fill('32');
    await page.getByRole('button', { name: 'Save scene type' }).click();
    await page.getByText('Scene type saved').first().waitFor();

    const saved = await (await studio.api('GET', `/api/v1/scene-types/${sceneType.id}`, creatorToken)).json();
    expect(saved.workflow).toMatchObject({ workflowName: 'walk-28-steps', versionNumber: 1 });
    expect(saved.slotBindings).toEqual({ steps: 32 });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
