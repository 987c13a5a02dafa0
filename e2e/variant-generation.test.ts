// Image variant generation and source-image QA in the browser (PRD-021, PRD-022): on the demo project with simulated
// workers, a creator opens Ada, sees the source image's QA result, generates a formal variant from the source image,
// watches its status until the new generated tile appears and makes it the hero; a new source image is followed to its
// QA result. Settings → Variant types shows the formal type's image-to-image workflow.
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let characterUrl: string;
const creator = { email: 'vary@studio.test', displayName: 'Vera Variant', password: 'Copper-Lantern-5521' };

interface Listed {
  items: { id: string; name: string }[];
}

beforeAll(async () => {
  studio = await startBuiltStudio({
    demo: true,
    simWorkers: 1,
    env: { I2V_JOB_TICK_MS: '200', I2V_HEALTH_INTERVAL_MS: '500' },
  });
  const admin = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(admin, creator, 'creator');
  const token = await studio.login(creator.email, creator.password);
  const get = async <T>(url: string): Promise<T> =>
    (await studio.api('GET', url, token)).json() as Promise<T>;

  // the demo project is seeded just after the studio is ready; its formal type gets a workflow last
  for (const until = Date.now() + 60_000; !characterUrl; ) {
    if (Date.now() > until) throw new Error('the demo project was not seeded');
    await new Promise((r) => setTimeout(r, 250));
    const project = (await get<Listed>('/api/v1/projects')).items[0];
    if (!project) continue;
    const types = await get<{ items: { slug: string; generation: { workflowVersionId: string | null } }[] }>(
      '/api/v1/image-variant-types',
    );
    if (!types.items.find((t) => t.slug === 'formal')?.generation.workflowVersionId) continue;
    const ada = (await get<Listed>(`/api/v1/projects/${project.id}/characters?q=Ada`)).items.find(
      (c) => c.name === 'Ada',
    );
    if (ada) characterUrl = `${studio.url}/projects/${project.id}/characters/${ada.id}`;
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

/** Waits for the source image's QA result; the first analysis loads the face model, which may outlast the page's poll. */
async function sourceQa(page: Page): Promise<Locator> {
  const qa = page.getByTestId('source-qa');
  for (const until = Date.now() + 90_000; ; ) {
    const state = await qa.getAttribute('data-state');
    if (state === 'analysed') return qa;
    if (Date.now() > until) throw new Error(`the source image was not analysed (${state})`);
    if (state === 'not-analysed') await qa.getByRole('button', { name: 'Check again' }).click();
    await page.waitForTimeout(500);
  }
}

describe('image variant generation', () => {
  it('a creator generates a formal variant from the source image and makes it the hero', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await studio.signIn(page, creator.email, creator.password);
    await page.goto(characterUrl);
    await page.getByTestId('character-name').filter({ hasText: 'Ada' }).waitFor();

    // the source image's QA: a face with its confidence, or a warning per problem (the demo portraits are drawings)
    const qa = await sourceQa(page);
    expect((await qa.textContent())?.trim()).toMatch(
      /Face found \(\d\.\d\d\)|No face|Low resolution|Weak face|Blurry/,
    );

    // casual has no workflow: a hint says where to choose one
    const casual = page.locator('[data-testid="variant-group"][data-slug="casual"]');
    await casual
      .getByTestId('variant-generation-hint')
      .getByRole('link', { name: /Variant types/ })
      .waitFor();

    // generate the formal variant and follow it until the new tile appears
    const formal = page.locator('[data-testid="variant-group"][data-slug="formal"]');
    const tiles = formal.getByTestId('variant-tile');
    await tiles.first().waitFor();
    const before = await tiles.count();
    await formal.getByRole('button', { name: 'Generate from source image' }).click();
    const status = formal.getByTestId('variant-generation-status');
    await status.waitFor();
    await formal
      .locator('[data-testid="variant-generation-status"][data-phase="done"]')
      .waitFor({ timeout: 90_000 });
    expect(await status.getByTestId('variant-generation-job').getAttribute('href')).toMatch(
      /^\/jobs\/[0-9a-f-]{36}$/,
    );
    const generated = formal.locator('[data-testid="variant-tile"][data-provenance="generated"]');
    await generated.first().waitFor();
    expect(await tiles.count()).toBe(before + 1);
    expect(await generated.first().getAttribute('data-status')).toBe('generated');
    expect(await generated.first().getByTestId('variant-provenance').textContent()).toBe(
      'From the source image',
    );

    // it is decided like an upload: make it the hero
    await generated.first().getByRole('button', { name: 'Make hero' }).click();
    await formal
      .locator('[data-testid="variant-tile"][data-provenance="generated"][data-hero="true"]')
      .waitFor();
    await generated.first().getByTestId('hero-marker').waitFor();
    expect(await formal.locator('[data-testid="variant-tile"][data-hero="true"]').count()).toBe(1);
    // tall enough that the sticky app shell does not cut across the full-page picture
    await page.setViewportSize({ width: 1280, height: 2800 });
    await page.screenshot({ path: '/tmp/character-variants.png', fullPage: true });

    await page.setViewportSize({ width: 1280, height: 1000 });

    // a new source image is analysed in the background: the panel follows it to its result (320 px is too small)
    const small = await sharp({
      create: { width: 320, height: 400, channels: 3, background: '#4a6fa5' },
    })
      .png()
      .toBuffer();
    await page
      .getByTestId('source-drop')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'ada-small.png', mimeType: 'image/png', buffer: small });
    await page.getByTestId('source-facts').getByText('ada-small.png').waitFor();
    await page
      .locator('[data-testid="source-qa"][data-state="analysed"] [data-code="low_resolution"]')
      .waitFor({ timeout: 30_000 });

    // Settings → Variant types names the formal type's workflow
    await page.goto(`${studio.url}/settings/variant-types`);
    const row = page.locator('[data-testid="variant-type-row"][data-slug="formal"]');
    await row.getByTestId('variant-type-generation').getByText('Image to image — variant').waitFor();
    expect(
      await page
        .locator('[data-testid="variant-type-row"][data-slug="casual"]')
        .getByTestId('variant-type-generation')
        .textContent(),
    ).toBe('none');
    // its edit dialog shows the workflow and the prompt with its placeholder
    await row.getByRole('button', { name: 'Edit Formal' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit variant type' });
    // the picker shows the workflow once its version has loaded
    const workflow = edit.getByLabel('Image-to-image workflow').first();
    await expect.poll(() => workflow.inputValue(), { timeout: 10_000 }).toBe('Image to image — variant');
    expect(await edit.getByLabel('Generation prompt').inputValue()).toContain('{character_name}');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
