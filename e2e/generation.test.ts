// Generating a scene in the browser (PRD-024): on the demo project with simulated workers, a creator opens a scene,
// generates it as a draft, watches the segment strip fill in until the run completes, opens the second segment (its
// clip, its seed frame — the first one's boundary frame — and its QA scores) and approves it for assembly. A scene of
// a scene type with no workflow pinned says what to fix. A test shot (PRD-058) is promoted to segment 1 and the draft
// chain it starts is upscaled to production (PRD-059).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let page: Page;
let projectId: string;
const scenes: Record<string, string> = {};
const pageErrors: string[] = [];
const creator = { email: 'gen@studio.test', displayName: 'Gil Generator', password: 'Quartz-Meadow-4417' };

interface Listed {
  items: { id: string; name: string; slug: string; workflowVersionId: string | null }[];
}

beforeAll(async () => {
  studio = await startBuiltStudio({
    demo: true,
    simWorkers: 2,
    // face QA loads a model on first use; the gates without it are enough here
    env: { I2V_JOB_TICK_MS: '200', I2V_HEALTH_INTERVAL_MS: '500', I2V_FACE_QA: 'false' },
  });
  const admin = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(admin, creator, 'creator');
  const token = await studio.login(creator.email, creator.password);
  const get = async <T>(url: string): Promise<T> =>
    (await studio.api('GET', url, token)).json() as Promise<T>;
  const post = async (url: string, body: unknown, status: number) => {
    const r = await studio.api('POST', url, token, body);
    if (r.status !== status) throw new Error(`POST ${url} answered ${r.status}: ${await r.text()}`);
    return r.json() as Promise<{ id: string }>;
  };

  // the demo project is seeded just after the studio is ready
  let demoTypes: Listed['items'] = [];
  for (const until = Date.now() + 60_000; demoTypes.length < 3; ) {
    if (Date.now() > until) throw new Error('the demo project was not seeded');
    await new Promise((r) => setTimeout(r, 250));
    const projects = await get<Listed>('/api/v1/projects');
    if (!projects.items[0]) continue;
    projectId = projects.items[0].id;
    demoTypes = (await get<Listed>(`/api/v1/scene-types?projectId=${projectId}`)).items;
  }
  const casual = (await get<Listed>('/api/v1/image-variant-types')).items.find(
    (t) => t.slug === 'casual',
  )!.id;
  // tiny segments so that a scene generates in seconds: 2 × 0.5 s at 64×64
  const small = {
    projectId,
    prompts: { full_clip: { positive: '{character_name} walks', negative: 'blurry' } },
    slotBindings: { width: 64, height: 64, steps: 4 },
    segmentDurationSeconds: 0.5,
    targetDurationSeconds: 1,
    applicability: { kind: 'variants', variantTypeIds: [casual] },
  };
  const quick = await post(
    '/api/v1/scene-types',
    { ...small, name: 'Quick walk', workflowVersionId: demoTypes[0]!.workflowVersionId },
    201,
  );
  const { slotBindings: _, ...unbound } = small;
  const unpinned = await post('/api/v1/scene-types', { ...unbound, name: 'Unpinned' }, 201);
  // a person picks each boundary frame; 0.875 s: ending segment 1 on frame 5 leaves one full segment to go
  const manual = await post(
    '/api/v1/scene-types',
    {
      ...small,
      name: 'Manual walk',
      workflowVersionId: demoTypes[0]!.workflowVersionId,
      targetDurationSeconds: 0.875,
      generation: { boundaryMode: 'manual' },
    },
    201,
  );
  // test shots, promotion and upscaling on a scene of its own
  const trial = await post(
    '/api/v1/scene-types',
    { ...small, name: 'Trial walk', workflowVersionId: demoTypes[0]!.workflowVersionId },
    201,
  );
  const characters = await get<Listed>(`/api/v1/projects/${projectId}/characters`);
  const ada = characters.items.find((c) => c.name === 'Ada')!.id;
  await post(
    `/api/v1/projects/${projectId}/scenes`,
    { characterIds: [ada], sceneTypeIds: [quick.id, unpinned.id, manual.id, trial.id] },
    200,
  );
  const matrix = await get<{
    columns: { sceneTypeId: string }[];
    rows: { character: { id: string }; cells: { sceneId: string | null }[] }[];
  }>(`/api/v1/projects/${projectId}/scene-matrix`);
  const row = matrix.rows.find((r) => r.character.id === ada)!;
  for (const [name, typeId] of [
    ['quick', quick.id],
    ['unpinned', unpinned.id],
    ['manual', manual.id],
    ['trial', trial.id],
  ] as const) {
    const column = matrix.columns.findIndex((c) => c.sceneTypeId === typeId);
    scenes[name] = row.cells[column]!.sceneId!;
  }

  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await studio.signIn(page, creator.email, creator.password);
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

const card = (index: number) => page.locator(`[data-testid="segment-card"][data-index="${index}"]`);

describe('generating a scene', () => {
  it('generates a scene segment by segment and approves a segment', async () => {
    await page.goto(`${studio.url}/projects/${projectId}/scenes/${scenes.quick}`);
    const generation = page.getByTestId('generation-card');
    await generation.getByTestId('generation-empty').getByText('Not generated yet').waitFor();
    await generation.getByText('Generate creates 2 segments of 0.5 s').waitFor();
    await generation.locator('[data-testid="run-status"][data-status="none"]').waitFor();

    await generation.getByText('Draft', { exact: true }).click();
    await generation.getByTestId('generate').click();
    await generation
      .locator('[data-testid="run-status"][data-status="completed"]')
      .waitFor({ timeout: 60_000 });

    // the strip holds both segments, each with its QA verdict, and the progress says the target was reached
    await expect.poll(() => page.getByTestId('segment-card').count()).toBe(2);
    for (const i of [1, 2]) {
      await card(i).locator('[data-testid="segment-qa-badge"][data-verdict]').waitFor();
      await card(i).locator('[data-testid="segment-thumbnail"][data-kind="output"]').waitFor();
    }
    expect(await card(1).getByText('from the hero').count()).toBe(1);
    expect(await card(2).getByText('from segment 1').count()).toBe(1);
    await generation.getByTestId('run-progress').getByText('2 of 2 segments').waitFor();
    await expect(generation.getByTestId('generate').textContent()).resolves.toContain('Generate again');

    // segment 2: its clip plays, its seed frame is segment 1's boundary frame, QA says why it passed
    await card(2).click();
    const details = page.locator('[data-testid="segment-details"][data-index="2"]');
    await details.waitFor();
    const seed = details.getByTestId('segment-seed');
    await expect
      .poll(() => seed.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() =>
        details.getByTestId('segment-boundary').evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    const video = details.getByTestId('segment-video');
    await expect
      .poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await details.getByTestId('segment-qa-table').getByText('Black frames').waitFor();
    await details.getByTestId('segment-prompt').getByText('Ada walks').waitFor();
    await details.getByRole('link', { name: 'Render job' }).waitFor();
    await card(1).click();
    const first = page.locator('[data-testid="segment-details"][data-index="1"]');
    const boundaryOfFirst = await first.getByTestId('segment-boundary').getAttribute('src');
    await card(2).click();
    await details.waitFor();
    const seedPath = (src: string | null) => src?.split('?')[0];
    expect(seedPath(await seed.getAttribute('src'))).toBe(seedPath(boundaryOfFirst));

    // approved for assembly: the badge shows at once, and on the strip
    await details.getByTestId('approve-segment').click();
    await details.getByTestId('segment-approved').waitFor();
    await page.locator('[data-testid="segment-card"][data-index="2"][data-status="approved"]').waitFor();
    await expect(details.getByTestId('approve-segment').count()).resolves.toBe(0);

    expect(pageErrors).toEqual([]);
  });

  it('waits for a person to choose a boundary frame, then goes on from it', async () => {
    await page.goto(`${studio.url}/projects/${projectId}/scenes/${scenes.manual}`);
    const generation = page.getByTestId('generation-card');
    await generation.getByTestId('generate').click();
    await generation
      .locator('[data-testid="run-status"][data-status="awaiting_boundary"]')
      .waitFor({ timeout: 60_000 });
    await generation.getByTestId('run-notice').getByText('Choose the boundary frame of segment 1').waitFor();
    // the segment it waits on opens by itself, with the scrubber on the last frame
    const scrubber = page
      .locator('[data-testid="segment-details"][data-index="1"]')
      .getByTestId('boundary-scrubber');
    await scrubber.getByTestId('boundary-frame-number').getByText('Frame 8 · 0.50 s').waitFor();
    await scrubber.getByRole('slider', { name: 'Boundary frame' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await scrubber.getByTestId('boundary-frame-number').getByText('Frame 5 · 0.31 s').waitFor();
    const video = scrubber.getByTestId('boundary-video');
    await expect
      .poll(() => video.evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 10_000 })
      .toBeCloseTo(5.5 / 16, 2);
    await scrubber.getByRole('button', { name: 'Continue from frame 5' }).click();

    await generation
      .locator('[data-testid="run-status"][data-status="completed"]')
      .waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('segment-card').count()).toBe(2);
    await card(1).click();
    await page
      .locator('[data-testid="segment-details"][data-index="1"]')
      .getByText('Frame 5 · chosen by hand')
      .waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('makes a test shot, promotes it to segment 1, then upscales the draft chain to production', async () => {
    await page.goto(`${studio.url}/projects/${projectId}/scenes/${scenes.trial}`);
    const generation = page.getByTestId('generation-card');
    const testShots = generation.getByTestId('test-shots');
    await testShots.getByTestId('test-shots-empty').waitFor();

    // a draft test shot: made beside the chain, so the scene stays not generated
    await generation.getByTestId('test-shot').click();
    const shot = testShots.locator('[data-testid="test-shot-card"][data-status="qa_pass"]');
    await shot.getByTestId('segment-qa-badge').waitFor({ timeout: 60_000 });
    await expect(shot.getByTestId('tier-badge').textContent()).resolves.toBe('draft');
    await generation.locator('[data-testid="run-status"][data-status="none"]').waitFor();
    expect(await page.getByTestId('segment-card').count()).toBe(0);
    const shotId = await shot.getAttribute('data-segment-id');
    await shot.getByRole('button', { name: 'Parameters' }).click();
    await shot.getByTestId('segment-parameters').getByText('seed').waitFor();

    // promoted, with the rest at draft tier too: the run goes on from its boundary frame
    await shot.getByTestId('promote-test-shot').click();
    const dialog = page.getByTestId('promote-dialog');
    await dialog.getByText('Draft tier', { exact: true }).click();
    await dialog.getByTestId('promote-confirm').click();
    await generation
      .locator('[data-testid="run-status"][data-status="completed"]')
      .waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('segment-card').count()).toBe(2);
    expect(await card(1).getAttribute('data-segment-id')).toBe(shotId);
    expect(await card(2).getByText('from segment 1').count()).toBe(1);
    await testShots.getByTestId('test-shots-empty').waitFor();

    // the chain is draft: marked so, and upscaled (confirmed) to production with the same seeds
    await generation.getByTestId('draft-marker').waitFor();
    await generation.getByTestId('upscale').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Upscale', exact: true }).click();
    const production = page.locator('[data-testid="segment-card"][data-tier="production"]');
    await expect.poll(() => production.count(), { timeout: 60_000 }).toBe(2);
    await generation
      .locator('[data-testid="run-status"][data-status="completed"]')
      .waitFor({ timeout: 60_000 });
    await generation.getByTestId('draft-marker').waitFor({ state: 'detached' });
    expect(await generation.getByTestId('upscale').count()).toBe(0);
    expect(await card(1).getAttribute('data-segment-id')).not.toBe(shotId);

    // the project's gallery keeps the test shot, with a way back to its scene
    await generation.getByTestId('test-shot-gallery-link').click();
    await page.waitForURL(/\/test-shots\?sceneTypeId=/);
    const inGallery = page.locator(`[data-testid="gallery-test-shot"][data-segment-id="${shotId}"]`);
    await inGallery.getByText('Trial walk').waitFor();
    await inGallery.locator('[data-testid="segment-qa-badge"][data-verdict]').waitFor();
    await inGallery.hover();
    await inGallery.getByTestId('test-shot-video').waitFor();
    await inGallery.getByRole('link', { name: 'Open the scene' }).click();
    await page.waitForURL(new RegExp(`/scenes/${scenes.trial}$`));
    expect(pageErrors).toEqual([]);
  });

  it('says what to fix when the scene type has no workflow version pinned', async () => {
    await page.goto(`${studio.url}/projects/${projectId}/scenes/${scenes.unpinned}`);
    const generation = page.getByTestId('generation-card');
    await generation.getByText('The scene type has no workflow version pinned yet').waitFor();
    await generation.getByTestId('generate').click();
    const problem = generation.getByTestId('generation-problem');
    await problem.getByText('Pin a workflow version on the scene type').waitFor();
    await problem.getByText('has no workflow version pinned').waitFor();
    await problem.getByRole('link', { name: 'Open the scene type' }).click();
    await page.waitForURL(/\/scene-types\//);
    await generation.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
