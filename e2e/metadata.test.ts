// Metadata in the browser (PRD-066): a creator gives the project a metadata schema, fills a character's metadata
// through the form it becomes (a required field and a bound are checked inline), exports every character as CSV,
// is refused a CSV with an unknown column, and imports a corrected one after previewing each change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let token: string;
let projectId: string;
let fixtures: string;
const ids: Record<string, string> = {};
const creator = { email: 'meta@studio.test', displayName: 'Mo Meta', password: 'Silver-Birch-4410' };

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-metadata-'));
  studio = await startBuiltStudio();
  browser = await launchChromium();
  await studio.createUser(await studio.login(studio.adminEmail, studio.adminPassword), creator, 'creator');
  token = await studio.login(creator.email, creator.password);
  projectId = (
    (await (await studio.api('POST', '/api/v1/projects', token, { name: 'Meta Cast' })).json()) as {
      id: string;
    }
  ).id;
  for (const name of ['Ada', 'Ben']) {
    const r = await studio.api('POST', `/api/v1/projects/${projectId}/characters`, token, { name });
    ids[name] = ((await r.json()) as { id: string }).id;
  }
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
});

describe('metadata', () => {
  it('a creator defines the schema, fills the form, exports and imports a CSV with a preview', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);

    // the schema, from the example
    await page.goto(`${studio.url}/projects/${projectId}?tab=metadata`);
    await page.getByRole('button', { name: 'Start from an example' }).click();
    await page.getByRole('button', { name: 'Save schema' }).click();
    await page.getByText('The metadata schema was saved.').waitFor();
    const fields = page.getByTestId('metadata-fields');
    await fields.getByText('hair_color').waitFor();
    await fields.getByText('required').waitFor();

    // the character's form: required field marked, bound checked inline, saved through the server
    await page.goto(`${studio.url}/projects/${projectId}/characters/${ids.Ada}`);
    const card = page.getByTestId('metadata-card');
    await card.getByTestId('metadata-form').waitFor();
    await card.getByText('Required and empty: Hair colour').waitFor();
    await card.getByRole('textbox', { name: 'Height (cm)' }).fill('300');
    await card.getByText('must be at most 250').waitFor();
    await card.getByRole('textbox', { name: 'Height (cm)' }).fill('172');
    await card.getByRole('combobox', { name: 'Hair colour' }).click();
    await page.getByRole('option', { name: 'auburn' }).click();
    await card.getByText('Every required field is filled').waitFor();
    await card.getByRole('button', { name: 'Save metadata' }).click();
    await page.getByText('The metadata was saved.').waitFor();
    const saved = (await (await studio.api('GET', `/api/v1/characters/${ids.Ada}`, token)).json()) as {
      metadata: unknown;
    };
    expect(saved.metadata).toEqual({ height: 172, hair_color: 'auburn' });
    // the JSON view shows the same
    await card.getByText('JSON', { exact: true }).click();
    expect(await card.getByRole('textbox', { name: 'metadata.json' }).inputValue()).toContain(
      '"height": 172',
    );

    // export every character as CSV
    await page.goto(`${studio.url}/projects/${projectId}?tab=metadata`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Meta_Cast-metadata.csv');
    const exported = fs.readFileSync((await download.path())!, 'utf8');
    expect(exported).toBe('name,hair_color,height,languages\nAda,auburn,172,\nBen,,,\n');

    // a CSV with a column the schema lacks is refused whole, naming it
    const bad = path.join(fixtures, 'bad.csv');
    fs.writeFileSync(bad, 'name,eye_colour\nBen,green\n');
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page
      .getByTestId('metadata-import-error')
      .getByText(/"eye_colour" is not a field of the metadata schema/)
      .waitFor();

    // the corrected file: each change previewed, then applied
    const good = path.join(fixtures, 'good.csv');
    fs.writeFileSync(good, exported.replace('Ben,,,', 'Ben,black,181,en; de'));
    await page.locator('input[type="file"]').setInputFiles(good);
    await page
      .getByTestId('metadata-import-summary')
      .getByText('1 character to change, 1 unchanged')
      .waitFor();
    const preview = page.getByTestId('metadata-import-preview');
    expect(await preview.getByTestId('metadata-import-row').count()).toBe(4);
    await preview.getByText('en, de').or(preview.getByText('["en","de"]')).first().waitFor();
    await page.getByRole('button', { name: 'Apply changes' }).click();
    await page.getByText('1 character updated, 1 unchanged.').waitFor();
    const ben = (await (await studio.api('GET', `/api/v1/characters/${ids.Ben}`, token)).json()) as {
      metadata: unknown;
    };
    expect(ben.metadata).toEqual({ hair_color: 'black', height: 181, languages: ['en', 'de'] });

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
