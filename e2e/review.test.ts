// Reviewing with the keyboard (PRD-035/092): on the demo project with simulated workers, two scenes are generated;
// a creator works through the review queue with keys only — approves one segment (Enter), rejects one with a reason
// and a note (Backspace, a number, Tab, the note, Enter), flags one (F), undoes the flag (U) — while the queue
// advances by itself; every decision is visible through the API; the queue ends with “End of queue” and the scenes
// are approved. A user with the reviewer role sees approve disabled, cannot approve with Enter, and can flag.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let projectId: string;
let sceneTypeId: string;
let adminToken: string;
const scenes: string[] = [];
const lead = { email: 'lead@studio.test', displayName: 'Lena Lead', password: 'Amber-Harbour-5521' };
const reviewer = { email: 'rita@studio.test', displayName: 'Rita Reviewer', password: 'Cobalt-Orchard-7734' };

interface Listed {
  items: { id: string; name: string; slug: string; workflowVersionId: string | null }[];
}
interface QueueItem {
  segment: { id: string; status: string };
  state: string;
  latestDecision: {
    decision: string;
    reasonCode: string | null;
    note: string;
    decidedBy: { displayName: string } | null;
  } | null;
}

async function queueOf(state = 'all'): Promise<{ items: QueueItem[]; counts: Record<string, number> }> {
  const r = await studio.api(
    'GET',
    `/api/v1/projects/${projectId}/review-queue?state=${state}&sceneTypeId=${sceneTypeId}`,
    adminToken,
  );
  expect(r.status).toBe(200);
  return r.json() as Promise<{ items: QueueItem[]; counts: Record<string, number> }>;
}

const itemOf = async (segmentId: string) => (await queueOf()).items.find((i) => i.segment.id === segmentId);

beforeAll(async () => {
  studio = await startBuiltStudio({
    demo: true,
    simWorkers: 2,
    env: { I2V_JOB_TICK_MS: '200', I2V_HEALTH_INTERVAL_MS: '500', I2V_FACE_QA: 'false' },
  });
  adminToken = await studio.login(studio.adminEmail, studio.adminPassword);
  await studio.createUser(adminToken, lead, 'creator');
  await studio.createUser(adminToken, reviewer, 'reviewer');
  const get = async <T>(url: string): Promise<T> =>
    (await studio.api('GET', url, adminToken)).json() as Promise<T>;
  const post = async (url: string, body: unknown, status: number) => {
    const r = await studio.api('POST', url, adminToken, body);
    if (r.status !== status) throw new Error(`POST ${url} answered ${r.status}: ${await r.text()}`);
    return r.json() as Promise<{ id: string }>;
  };

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
  // tiny segments: each scene is 2 × 0.5 s at 64×64, generated in seconds
  sceneTypeId = (
    await post(
      '/api/v1/scene-types',
      {
        projectId,
        name: 'Review walk',
        workflowVersionId: demoTypes[0]!.workflowVersionId,
        prompts: { full_clip: { positive: '{character_name} walks', negative: 'blurry' } },
        slotBindings: { width: 64, height: 64, steps: 4 },
        segmentDurationSeconds: 0.5,
        targetDurationSeconds: 1,
        applicability: { kind: 'variants', variantTypeIds: [casual] },
      },
      201,
    )
  ).id;
  const characters = await get<Listed>(`/api/v1/projects/${projectId}/characters`);
  const chosen = ['Ada', 'Bruno'].map((n) => characters.items.find((c) => c.name === n)!.id);
  await post(
    `/api/v1/projects/${projectId}/scenes`,
    { characterIds: chosen, sceneTypeIds: [sceneTypeId] },
    200,
  );
  const matrix = await get<{
    columns: { sceneTypeId: string }[];
    rows: { character: { id: string }; cells: { sceneId: string | null }[] }[];
  }>(`/api/v1/projects/${projectId}/scene-matrix`);
  const column = matrix.columns.findIndex((c) => c.sceneTypeId === sceneTypeId);
  for (const id of chosen) {
    const sceneId = matrix.rows.find((r) => r.character.id === id)!.cells[column]!.sceneId!;
    scenes.push(sceneId);
    await post(`/api/v1/scenes/${sceneId}/generation`, { tier: 'draft' }, 201);
  }
  for (const until = Date.now() + 90_000; ; ) {
    const runs = await Promise.all(
      scenes.map(
        async (id) => (await get<{ run: { status: string } | null }>(`/api/v1/scenes/${id}/generation`)).run,
      ),
    );
    if (runs.every((r) => r?.status === 'completed')) break;
    if (runs.some((r) => r && ['failed', 'cancelled', 'needs_attention'].includes(r.status))) {
      throw new Error(`a scene did not generate: ${JSON.stringify(runs)}`);
    }
    if (Date.now() > until) throw new Error(`the scenes did not generate in time: ${JSON.stringify(runs)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

async function openReview(email: string, password: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await studio.signIn(page, email, password);
  // from the project's navigation
  await page.goto(`${studio.url}/projects/${projectId}`);
  await page.getByTestId('review-tab').click();
  await page.waitForURL(/\/review$/);
  await page.getByTestId('review-page').waitFor();
  // just the scene type of this test
  await page.goto(`${studio.url}/projects/${projectId}/review?sceneTypeId=${sceneTypeId}`);
  await page.getByTestId('review-current').waitFor();
  return { page, errors };
}

const currentId = (page: Page) => page.getByTestId('review-current').getAttribute('data-segment-id');

/** Waits until the page shows another segment than `id` (the auto-advance), and returns it. */
async function advancedFrom(page: Page, id: string | null): Promise<string> {
  await expect.poll(() => currentId(page), { timeout: 10_000 }).not.toBe(id);
  return (await currentId(page))!;
}

describe('reviewing with the keyboard', () => {
  it('a reviewer-role user cannot approve, but can flag and undo', async () => {
    const { page, errors } = await openReview(reviewer.email, reviewer.password);
    const current = page.getByTestId('review-current');
    expect(await page.getByTestId('review-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('review-reject').isDisabled()).toBe(true);
    expect(await page.getByTestId('batch-approve').count()).toBe(0);
    const first = await currentId(page);

    await page.keyboard.press('Enter');
    await page.getByText('Approval needs a creator or an admin').waitFor();
    expect(await current.getAttribute('data-segment-id')).toBe(first);
    expect((await itemOf(first!))!.state).toBe('unreviewed');
    const refused = await studio.api(
      'POST',
      `/api/v1/segments/${first}/review`,
      await studio.login(reviewer.email, reviewer.password),
      { decision: 'approve' },
    );
    expect(refused.status).toBe(403);

    await page.keyboard.press('f');
    await page.locator('[data-testid="review-flash"][data-kind="flag"]').waitFor();
    await advancedFrom(page, first);
    expect((await itemOf(first!))!.latestDecision).toMatchObject({
      decision: 'flag',
      decidedBy: { displayName: reviewer.displayName },
    });
    await page.keyboard.press('u');
    await expect.poll(() => currentId(page)).toBe(first);
    await expect.poll(async () => (await itemOf(first!))!.state).toBe('unreviewed');
    expect(errors).toEqual([]);
  });

  it('approves, rejects with a reason and a note, flags and undoes; the queue advances to its end', async () => {
    const { page, errors } = await openReview(lead.email, lead.password);
    const start = await queueOf('unreviewed');
    expect(start.items).toHaveLength(4);
    await page.getByTestId('review-queue-item').nth(3).waitFor();

    // Enter approves; a green flash; the next unreviewed segment loads by itself
    const a = await currentId(page);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="review-flash"][data-kind="approve"]').waitFor();
    const b = await advancedFrom(page, a);
    expect((await itemOf(a!))!.latestDecision).toMatchObject({
      decision: 'approve',
      decidedBy: { displayName: lead.displayName },
    });

    // Backspace opens the quick pick: 2 is motion artifact, Tab reaches the note, Enter confirms
    await page.keyboard.press('Backspace');
    const picker = page.getByTestId('reject-picker');
    await picker.waitFor();
    await page.keyboard.press('2');
    await picker
      .locator('[data-testid="reject-reason"][data-code="motion_artifact"][data-selected]')
      .waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('hands blur at the end');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await page.locator('[data-testid="review-flash"][data-kind="reject"]').waitFor();
    const c = await advancedFrom(page, b);
    expect((await itemOf(b))!).toMatchObject({
      state: 'rejected',
      latestDecision: { decision: 'reject', reasonCode: 'motion_artifact', note: 'hands blur at the end' },
    });

    // F flags and moves on; U takes the flag back and shows that segment again
    await page.keyboard.press('f');
    const d = await advancedFrom(page, c);
    expect((await itemOf(c))!.state).toBe('flagged');
    await page.keyboard.press('u');
    await expect.poll(() => currentId(page)).toBe(c);
    await expect.poll(async () => (await itemOf(c))!.state).toBe('unreviewed');
    expect((await itemOf(c))!.latestDecision).toBeNull();
    expect(d).not.toBe(c);

    // the two left are approved with Enter; then the queue says it has ended
    await page.keyboard.press('Enter');
    await advancedFrom(page, c);
    await page.keyboard.press('Enter');
    await page.getByTestId('review-end-of-queue').getByText('End of queue').waitFor({ timeout: 10_000 });
    const end = await queueOf();
    expect(end.counts).toMatchObject({ unreviewed: 0, approved: 3, rejected: 1, flagged: 0 });

    // the scene whose both segments are approved is approved
    const statuses = await Promise.all(
      scenes.map(
        async (id) =>
          ((await (await studio.api('GET', `/api/v1/scenes/${id}`, adminToken)).json()) as { status: string })
            .status,
      ),
    );
    expect(statuses.sort()).toEqual(['approved', 'review']);
    expect(errors).toEqual([]);
  });
});
