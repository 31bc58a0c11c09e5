import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, startE2eApp } from './harness.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/** The admin app with the keyboard only: sign in, reach a page through the navigation, open a form. */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp();
}, E2E_TEST_MS);
afterAll(() => app?.close());

interface Focused {
  tag: string;
  id: string | null;
  text: string;
}

/** Presses Tab until the focused element matches, at most `limit` times. */
async function tabTo(page: Page, matches: (focused: Focused) => boolean, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    if ((await focused.count()) === 0) continue;
    const tag = (await focused.evaluate((element) => element.tagName)).toLowerCase();
    const text = ((await focused.textContent()) ?? '').trim();
    if (matches({ tag, id: await focused.getAttribute('id'), text })) return;
  }
  throw new Error(`nothing matching was reached with ${limit} presses of Tab`);
}

describe.runIf(available)('the admin app by keyboard in chromium', () => {
  it(
    'signs in, reaches Keys through the navigation and opens the new action form',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await page.goto(app.server.url);
      await page.getByRole('heading', { name: 'Sign in to Toolgate' }).waitFor();
      await tabTo(page, (focused) => focused.id === 'email');
      await page.keyboard.type(app.operator.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(app.operator.password);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();

      await tabTo(page, (focused) => focused.tag === 'a' && focused.text === 'Keys');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Keys', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/keys');

      await tabTo(page, (focused) => focused.tag === 'a' && focused.text === 'Actions');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();
      await tabTo(page, (focused) => focused.tag === 'a' && focused.text === 'New action');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'New action' }).waitFor();
      const nameField = await page
        .getByRole('region', { name: 'Basics' })
        .getByLabel(/^Name/)
        .getAttribute('id');
      await tabTo(page, (focused) => focused.tag === 'input');
      expect(await page.locator(':focus').getAttribute('id')).toBe(nameField);
      await page.close();
    },
    E2E_TEST_MS,
  );
});
