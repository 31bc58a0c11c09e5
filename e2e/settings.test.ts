import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/**
 * The Settings page: reached from the navigation and by its URL; the action limit shown as
 * "n of max", a field error in plain words, a reached limit on the Actions page with a way to
 * raise it in one click.
 */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp();
}, E2E_TEST_MS);
afterAll(() => app?.close());

describe.runIf(available)('the Settings page in chromium', () => {
  it(
    'renames the tenant, refuses a limit out of range, and raises a reached limit from the Actions page',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      // The demo seeds one action; a new tenant may have 10.
      await page.getByText('1 of 10 actions').waitFor();

      await page.getByLabel('Tenant name').fill('Garden Shop');
      await page.getByLabel('Maximum number of actions').fill('20000');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('must be a whole number from 0 to 10000').waitFor();
      await page.getByLabel('Maximum number of actions').fill('1');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('status').filter({ hasText: 'The settings are saved.' }).waitFor();
      await page.getByText('1 of 1 action', { exact: true }).waitFor();
      await shoot(page, 'settings-limit-reached');

      // A full tenant: the Actions page says so and links to where the limit is raised.
      await nav.getByRole('link', { name: 'Actions' }).click();
      await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();
      await page.getByText(/1 of 1 action: the limit is reached/).waitFor();
      await shoot(page, 'actions-limit-reached');
      await page.getByRole('link', { name: 'Raise the limit in Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Raise the limit to 10' }).click();
      await page.getByText('1 of 10 actions').waitFor();
      expect(await page.getByLabel('Maximum number of actions').inputValue()).toBe('10');

      // The page has a URL of its own: a reload (or a bookmark) lands on it.
      await page.reload();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      expect(await page.getByLabel('Tenant name').inputValue()).toBe('Garden Shop');
      await shoot(page, 'settings');
      await page.close();
    },
    E2E_TEST_MS,
  );
});
