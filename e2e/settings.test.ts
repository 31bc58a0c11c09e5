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
  // Loopback may be an action's host: the refused create below is classified, never connected.
  if (available) app = await startE2eApp({ env: { TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8' } });
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

      // Creating one more is refused; the form says where the limit is raised, in a new tab.
      await page.getByRole('link', { name: 'New action' }).click();
      await page.getByRole('heading', { name: 'New action', level: 1 }).waitFor();
      await page.getByRole('region', { name: 'Basics' }).getByLabel(/^Name/).fill('one_more');
      await page
        .getByRole('region', { name: 'Basics' })
        .getByLabel(/^Description/)
        .fill('Looks up a parcel by its tracking number when a customer asks where it is.');
      await page
        .getByRole('region', { name: 'Endpoint' })
        .getByLabel(/^URL/)
        .fill('https://127.0.0.1:9/parcels');
      await page.getByRole('button', { name: 'Create action' }).click();
      await page.getByText('The tenant has as many actions as its limit allows.').waitFor();
      const raise = page.getByRole('link', { name: 'Raise the limit in Settings (new tab)' });
      expect(await raise.getAttribute('target')).toBe('_blank');
      await shoot(page, 'action-new-limit-reached');
      page.once('dialog', (dialog) => void dialog.accept());
      await nav.getByRole('link', { name: 'Actions' }).click();
      await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();

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
