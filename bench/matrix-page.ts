// Times the scene matrix page in Chromium: 200 characters × 10 scene types × 2 variants (issue 2/6: < 1 s).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');

export async function benchMatrixPage(): Promise<{ medianMs: number; worstMs: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-bench-page-'));
  const password = 'Quick-Silver-2026';
  const child = spawn(process.execPath, [path.join(root, 'apps/server/dist/cli/main.js'), 'start'], {
    env: {
      ...process.env,
      I2V_DATA_DIR: dataDir,
      I2V_PORT: '0',
      I2V_LOG_LEVEL: 'warn',
      I2V_DEMO: '0',
      I2V_SIM_WORKERS: '0',
      I2V_ADMIN_PASSWORD: password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  try {
    while (!/ready on (http:\/\/\S+)/.test(out)) await new Promise((r) => setTimeout(r, 50));
    const base = /ready on (http:\/\/\S+)/.exec(out)![1]!;
    const post = async (url: string, token: string | null, body: unknown) => {
      const r = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${url} answered ${r.status}: ${await r.text()}`);
      return (await r.json()) as Record<string, unknown>;
    };
    const token = (await post('/api/v1/auth/login', null, { email: 'admin@i2v.local', password }))
      .accessToken as string;
    const project = (await post('/api/v1/projects', token, { name: 'Matrix page' })).id as string;
    const types = (await (
      await fetch(`${base}/api/v1/image-variant-types`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      items: { id: string }[];
    };
    for (let i = 1; i <= 200; i++) {
      await post(`/api/v1/projects/${project}/characters`, token, {
        name: `Character ${String(i).padStart(3, '0')}`,
      });
    }
    for (let i = 1; i <= 10; i++) {
      await post('/api/v1/scene-types', token, {
        projectId: project,
        name: `Scene ${i}`,
        prompts: { full_clip: { positive: '{character_name} moves', negative: '' } },
        targetDurationSeconds: 10,
        segmentDurationSeconds: 5,
        applicability: { kind: 'variants', variantTypeIds: types.items.map((t) => t.id) },
      });
    }
    await post(`/api/v1/projects/${project}/scenes`, token, {});

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(`${base}/login`);
      await page.getByLabel('Email').fill('admin@i2v.local');
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('user-menu').waitFor();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        // navigate within the app (as a user does) and wait until every cell of the 200 × 20 grid is in the DOM
        await page.goto(`${base}/projects/${project}?tab=characters`);
        await page.getByTestId('character-card').first().waitFor();
        const started = Date.now();
        await page.getByRole('tab', { name: 'Matrix' }).click();
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="matrix-cell"]').length >= 4000,
          null,
          {
            timeout: 30_000,
            polling: 'raf',
          },
        );
        times.push(Date.now() - started);
      }
      times.sort((a, b) => a - b);
      return { medianMs: times[2]!, worstMs: times[4]! };
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
