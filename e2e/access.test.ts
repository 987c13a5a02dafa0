// The first journey of a new studio: sign in as the printed admin, add a reviewer, and see the reviewer kept out
// of admin pages in the UI and in the API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type StartedStudio, startBuiltStudio } from './studio.js';

let studio: StartedStudio;
let browser: Browser;
beforeAll(async () => {
  studio = await startBuiltStudio();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

const signIn = (page: Page, email: string, password: string) => studio.signIn(page, email, password);

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

describe('access control journey', () => {
  it('admin creates a reviewer; the reviewer is refused admin pages in the UI and the API', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // a wrong password shows the server's message and keeps the user on the login page
    await page.goto(`${studio.url}/`);
    await page.getByLabel('Email').fill(studio.adminEmail);
    await page.getByLabel('Password').fill('definitely-wrong-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect').first().waitFor();

    await signIn(page, studio.adminEmail, studio.adminPassword);
    expect(await page.getByTestId('role-badge').first().textContent()).toMatch(/admin/i);

    // create a reviewer from the users page
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('reviewer@studio.test');
    await dialog.getByLabel('Display name').fill('Rita Reviewer');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Reviewer' }).click();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const temporary = (await page.getByTestId('temporary-password').first().textContent())?.trim() ?? '';
    expect(temporary).toMatch(/^[A-Za-z0-9]{20}$/);
    await page.keyboard.press('Escape');
    await page.getByRole('cell', { name: 'reviewer@studio.test' }).waitFor();

    // the audit log shows what just happened
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Created reviewer reviewer@studio.test').first().waitFor();

    await signOut(page);

    // the reviewer signs in with the temporary password and is asked to change it
    await signIn(page, 'reviewer@studio.test', temporary);
    expect(await page.getByTestId('role-badge').first().textContent()).toMatch(/reviewer/i);
    await page.getByTestId('must-change-password-banner').waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);

    // typing the admin URL shows a refusal, not the page
    await page.goto(`${studio.url}/admin/users`);
    await page.getByText('You need the Admin role').first().waitFor();
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);

    // and the API refuses the reviewer's token too
    const token = await page.evaluate(async () => {
      const r = await fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'include' });
      return ((await r.json()) as { accessToken: string }).accessToken;
    });
    for (const url of ['/api/v1/users', '/api/v1/audit-events']) {
      const res = await fetch(`${studio.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('auth.forbidden');
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps the session across a reload and shows a not-found page for unknown routes', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, studio.adminEmail, studio.adminPassword);
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${studio.url}/no/such/page`);
    await page
      .getByText(/not found/i)
      .first()
      .waitFor();
    await context.close();
  });
});
