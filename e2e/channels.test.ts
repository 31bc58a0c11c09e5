import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/** An operator adds a generic inbound channel, sees its secret once and the inbound URL, deletes it. */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp();
}, E2E_TEST_MS);
afterAll(() => app?.close());

describe.runIf(available)('Channels in chromium', () => {
  it(
    'creates a generic channel, shows its secret once and its inbound URL, then deletes it',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await page.getByRole('link', { name: 'Channels' }).click();
      await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();

      await page.getByLabel(/^Name/).fill('crm-inbound');
      await page.getByRole('button', { name: 'Add channel' }).click();
      await page.getByRole('heading', { name: 'Signing secret of crm-inbound' }).waitFor();
      expect(await page.locator('.secret-text').textContent()).toMatch(/^whsec_/);
      const url = await page
        .getByRole('cell', { name: /crm-inbound$/ })
        .locator('code')
        .first()
        .textContent();
      expect(url).toMatch(new RegExp(`^${app.server.url}/.+/crm-inbound$`));
      await shoot(page, 'channels');

      await page.getByRole('button', { name: 'I have stored it' }).click();
      expect(await page.locator('.secret-text').count()).toBe(0);
      page.once('dialog', (dialog) => dialog.accept());
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Channel crm-inbound is deleted.').waitFor();
      await page.close();
    },
    E2E_TEST_MS,
  );
});
