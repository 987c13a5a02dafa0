// Starts a fresh, built studio on a temp data dir for browser tests and reads the printed admin password.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');

export interface StartedStudio {
  url: string;
  adminEmail: string;
  adminPassword: string;
  /** Calls the API with a bearer token (JSON body when given). */
  api(method: string, url: string, token: string, body?: unknown): Promise<Response>;
  /** Signs in through the API and returns the access token. */
  login(email: string, password: string): Promise<string>;
  /** Creates a user through the admin API; fails loudly when the server refuses. */
  createUser(
    adminToken: string,
    person: { email: string; displayName: string; password: string },
    role: string,
  ): Promise<void>;
  /** Signs in through the login page and waits for the app shell. */
  signIn(page: Page, email: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `demo` seeds the demo project as `npm start` does; tests leave it off so their lists start empty.
 * `simWorkers` starts that many comfy-sims in the studio (`npm start` starts 2); tests start none by default.
 */
export async function startBuiltStudio(
  opts: { demo?: boolean; simWorkers?: number; env?: Record<string, string> } = {},
): Promise<StartedStudio> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'apps/server/dist/cli/main.js'), 'start'],
    {
      env: {
        ...process.env,
        I2V_DATA_DIR: dataDir,
        I2V_PORT: '0',
        I2V_LOG_LEVEL: 'warn',
        I2V_ADMIN_PASSWORD: '',
        I2V_DEMO: opts.demo ? '1' : '0',
        I2V_SIM_WORKERS: String(opts.simWorkers ?? 0),
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const until = Date.now() + 60_000;
  while (!/password: \S+/.test(output)) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`studio did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /ready on (http:\/\/\S+)/.exec(output)![1]!;
  const api = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
  return {
    url,
    adminEmail: /email: +(\S+)/.exec(output)![1]!,
    adminPassword: /password: (\S+)/.exec(output)![1]!,
    api,
    login: async (email, password) => {
      const r = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (r.status !== 200) throw new Error(`login of ${email} answered ${r.status}: ${await r.text()}`);
      return ((await r.json()) as { accessToken: string }).accessToken;
    },
    createUser: async (adminToken, person, role) => {
      const r = await api('POST', '/api/v1/users', adminToken, { ...person, role });
      if (r.status !== 201)
        throw new Error(`creating ${person.email} answered ${r.status}: ${await r.text()}`);
    },
    signIn: async (page, email, password) => {
      await page.goto(`${url}/login`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('user-menu').waitFor();
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.on('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}
