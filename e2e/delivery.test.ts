// Delivering a project in the browser (PRD-102): on the demo project with simulated workers, an admin validates a
// project whose only scene is generated but not approved and sees the blocking problem with a link to the scene;
// once its segments are approved and the scene assembled, validation passes, Deliver (full) packs a ZIP, the history
// row follows it to ready and its Download link gives a ZIP laid out per character whose manifest checksums hold.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip as unzip } from '../apps/server/test/zip-reader.js';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
let page: Page;
let token: string;
let projectId: string;
let sceneId: string;
const pageErrors: string[] = [];

interface Listed {
  items: { id: string; name: string; slug: string; workflowVersionId: string | null }[];
}

const get = async <T>(url: string): Promise<T> => (await studio.api('GET', url, token)).json() as Promise<T>;
const post = async <T = { id: string }>(url: string, body: unknown, status: number): Promise<T> => {
  const r = await studio.api('POST', url, token, body);
  if (r.status !== status) throw new Error(`POST ${url} answered ${r.status}: ${await r.text()}`);
  return r.json() as Promise<T>;
};

async function until<T>(what: string, check: () => Promise<T | null>, ms = 90_000): Promise<T> {
  for (const end = Date.now() + ms; ; ) {
    const v = await check();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  studio = await startBuiltStudio({
    demo: true,
    simWorkers: 2,
    env: { I2V_JOB_TICK_MS: '200', I2V_HEALTH_INTERVAL_MS: '500', I2V_FACE_QA: 'false' },
  });
  token = await studio.login(studio.adminEmail, studio.adminPassword);
  let demoTypes: Listed['items'] = [];
  for (const end = Date.now() + 60_000; demoTypes.length < 3; ) {
    if (Date.now() > end) throw new Error('the demo project was not seeded');
    await new Promise((r) => setTimeout(r, 250));
    const projects = await get<Listed>('/api/v1/projects');
    if (!projects.items[0]) continue;
    projectId = projects.items[0].id;
    demoTypes = (await get<Listed>(`/api/v1/scene-types?projectId=${projectId}`)).items;
  }
  const casual = (await get<Listed>('/api/v1/image-variant-types')).items.find(
    (t) => t.slug === 'casual',
  )!.id;
  const type = await post(
    '/api/v1/scene-types',
    {
      projectId,
      name: 'Deliver walk',
      workflowVersionId: demoTypes[0]!.workflowVersionId,
      prompts: { full_clip: { positive: '{character_name} walks', negative: 'blurry' } },
      slotBindings: { width: 64, height: 64, steps: 4 },
      segmentDurationSeconds: 0.5,
      targetDurationSeconds: 1,
      toleranceSeconds: 0,
      applicability: { kind: 'variants', variantTypeIds: [casual] },
    },
    201,
  );
  const characters = await get<Listed>(`/api/v1/projects/${projectId}/characters`);
  const ada = characters.items.find((c) => c.name === 'Ada')!.id;
  await post(`/api/v1/projects/${projectId}/scenes`, { characterIds: [ada], sceneTypeIds: [type.id] }, 200);
  const matrix = await get<{
    columns: { sceneTypeId: string }[];
    rows: { character: { id: string }; cells: { sceneId: string | null }[] }[];
  }>(`/api/v1/projects/${projectId}/scene-matrix`);
  const row = matrix.rows.find((r) => r.character.id === ada)!;
  sceneId = row.cells[matrix.columns.findIndex((c) => c.sceneTypeId === type.id)]!.sceneId!;
  await post(`/api/v1/scenes/${sceneId}/generation`, {}, 201);
  await until('the scene to generate', async () => {
    const g = await get<{ run: { status: string } | null }>(`/api/v1/scenes/${sceneId}/generation`);
    if (g.run?.status === 'failed') throw new Error('the generation failed');
    return g.run?.status === 'completed' ? true : null;
  });

  browser = await launchChromium();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
  ).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await studio.signIn(page, studio.adminEmail, studio.adminPassword);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

describe('delivering a project', { timeout: 180_000 }, () => {
  it('blocks a delivery while a scene is not approved, linking to the scene', async () => {
    // the Generation dashboard leads to the Delivery page
    await page.goto(`${studio.url}/projects/${projectId}?tab=generation`);
    await page.getByTestId('deliver-project').click();
    await page.waitForURL(`**/projects/${projectId}/delivery`);
    await page.getByText('No deliveries yet').waitFor();
    await page.getByTestId('validate').click();
    await page.locator('[data-testid="validation-status"][data-ok="false"]').waitFor();
    const problem = page.locator('[data-testid="validation-problem"][data-code="scene.not_approved"]');
    await problem.first().waitFor();
    expect(await problem.first().getAttribute('data-severity')).toBe('error');
    expect(await problem.first().getByTestId('problem-fix').getAttribute('href')).toBe(
      `/projects/${projectId}/scenes/${sceneId}`,
    );
    expect(await page.getByTestId('deliver-full').isDisabled()).toBe(true);
    // the scene page shows its assembly: two segments to approve, one join
    await problem.first().getByTestId('problem-fix').click();
    await page.waitForURL(`**/scenes/${sceneId}`);
    const assembly = page.getByTestId('assembly-card');
    await assembly.locator('[data-testid="assembly-ready"][data-ready="false"]').waitFor();
    await assembly.getByTestId('assembly-unapproved').getByText('1, 2').waitFor();
    expect(await assembly.getByTestId('assembly-join').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('validates, delivers in full and downloads a ZIP whose manifest checksums hold', async () => {
    const g = await get<{ segments: { id: string }[] }>(`/api/v1/scenes/${sceneId}/generation`);
    for (const s of g.segments) await post(`/api/v1/segments/${s.id}/review`, { decision: 'approve' }, 200);
    await until('the assembled version', async () => {
      const list = await get<{ items?: { source: string; isFinal: boolean }[] }>(
        `/api/v1/scenes/${sceneId}/versions`,
      );
      return list.items?.find((x) => x.source === 'generated' && x.isFinal) ?? null;
    });

    await page.goto(`${studio.url}/projects/${projectId}/delivery`);
    await page.getByTestId('validate').click();
    await page.locator('[data-testid="validation-status"][data-ok="true"]').waitFor();
    const ada = page.locator('[data-testid="layout-character"][data-folder="Ada"]');
    await ada.getByText('Ada/deliver_walk.mp4').waitFor();
    await ada.getByText('Ada/metadata.json').waitFor();

    await page.getByTestId('deliver-full').click();
    const row = page.locator('[data-testid="delivery-row"][data-number="1"]');
    await row.waitFor();
    await page
      .locator('[data-testid="delivery-row"][data-number="1"][data-status="ready"]')
      .waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('delivery-download').click(),
    ]);
    const zip = await readFile((await download.path())!);
    const files = await unzip(zip);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as {
      delivery: { number: number; mode: string };
      files: { path: string; sha256: string; sizeBytes: number; kind: string }[];
    };
    expect(manifest.delivery).toMatchObject({ number: 1, mode: 'full' });
    expect([...files.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const f of manifest.files) {
      expect(sha(files.get(f.path)!), f.path).toBe(f.sha256);
      expect(files.get(f.path)!.length).toBe(f.sizeBytes);
    }
    expect(files.has('Ada/metadata.json')).toBe(true);
    expect(JSON.parse(files.get('Ada/metadata.json')!.toString())).toBeTypeOf('object');
    expect(files.get('Ada/casual.png')!.subarray(1, 4).toString()).toBe('PNG');
    expect(manifest.files.find((f) => f.path === 'Ada/deliver_walk.mp4')).toMatchObject({ kind: 'video' });
    // the history row's checksum is the ZIP's
    const d = await get<{ items: { sha256: string; sizeBytes: number }[] }>(
      `/api/v1/projects/${projectId}/deliveries`,
    );
    expect(sha(zip)).toBe(d.items[0]!.sha256);
    expect(zip.length).toBe(d.items[0]!.sizeBytes);
    expect(pageErrors).toEqual([]);
  });
});
