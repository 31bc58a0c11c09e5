import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_NAME } from '../packages/server/src/demo/seed-demo.js';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/** An operator makes a widget key in the browser, copies its script tag, then revokes it. */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp();
}, E2E_TEST_MS);
afterAll(() => app?.close());

describe.runIf(available)('API keys in chromium', () => {
  it(
    'creates a widget key with its script tag, refuses a bad origin at its field, revokes the key',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await page.getByRole('link', { name: 'Keys' }).click();
      await page.getByRole('heading', { name: 'Keys', level: 1 }).waitFor();

      await page.getByLabel(/^Name/).fill('Shop widget');
      await page.getByLabel('Widget key').check();
      await page.getByLabel(/^Agent/).selectOption({ label: DEMO_AGENT_NAME });
      // A path is refused in plain words (no regular expression), before anything is sent...
      await page.getByLabel(/^Allowed origins/).fill('https://shop.example.com/checkout');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page
        .locator('#key-origins-error')
        .getByText(/must be an origin like https:\/\/shop\.example\.com, without a path/i)
        .waitFor();
      // ...and the server's own check says how to write it.
      await page.getByLabel(/^Allowed origins/).fill('https://Shop.example.com');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page
        .locator('#key-origins-error')
        .getByText(/write it as https:\/\/shop\.example\.com/i)
        .waitFor();

      await page.getByLabel(/^Allowed origins/).fill('https://shop.example.com');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByRole('heading', { name: 'Script tag for your website' }).waitFor();
      const panel = page.getByRole('heading', { name: /Key “Shop widget” created/ });
      await panel.waitFor();
      const snippet = await page
        .getByText(/<script src=/)
        .first()
        .textContent();
      expect(snippet).toContain(`${app.server.url}/widget.js`);
      expect(snippet).toMatch(/data-key="tg_/);
      await shoot(page, 'keys');

      await page.getByRole('button', { name: 'I have stored it, hide it' }).click();
      await page.getByRole('button', { name: 'Revoke Shop widget' }).click();
      await page.getByRole('button', { name: 'Revoke the key' }).click();
      await page.getByText('The key “Shop widget” is revoked.').waitFor();
      await page.close();
    },
    E2E_TEST_MS,
  );
});
