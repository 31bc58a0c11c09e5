import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/** An admin adds an operator (a field error first), changes their scopes and disables them. */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp({ env: { TOOLGATE_DEMO: 'off' } });
}, E2E_TEST_MS);
afterAll(() => app?.close());

describe.runIf(available)('operators in chromium', () => {
  it(
    'adds an operator after a field error, changes their scopes, disables them',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await page.getByRole('link', { name: 'Operators' }).click();
      await page.getByRole('heading', { name: 'Operators', level: 1 }).waitFor();

      await page.locator('#operator-email').fill('sam@example.com');
      await page.locator('#operator-password').fill('short');
      await page.getByRole('checkbox', { name: 'chat' }).check();
      await page.getByRole('button', { name: 'Add operator' }).click();
      await page
        .getByText(/12 characters/)
        .first()
        .waitFor();
      await page.locator('#operator-password').fill('a long enough password 42');
      await page.getByRole('button', { name: 'Add operator' }).click();
      await page.getByText('The operator sam@example.com is added.').waitFor();

      // Give sam the agents:read permission as well.
      await page.getByRole('button', { name: 'Edit scopes of sam@example.com' }).click();
      await page
        .getByRole('group', { name: 'Scopes of sam@example.com' })
        .getByRole('checkbox', { name: 'agents:read' })
        .check();
      await page.getByRole('button', { name: 'Save scopes' }).click();
      await page
        .getByRole('cell', { name: /agents:read/ })
        .first()
        .waitFor();

      await page.getByRole('button', { name: 'Disable sam@example.com' }).click();
      await page.getByRole('button', { name: 'Disable the operator' }).click();
      await page.getByText('The operator sam@example.com is disabled.').waitFor();

      await page
        .getByRole('cell', { name: /operator-created|operator-disabled/ })
        .first()
        .waitFor();
      // The audit log says who by email, not by id.
      const audit = page.getByRole('region', { name: 'Audit log' });
      await audit.getByRole('cell', { name: app.operator.email, exact: true }).first().waitFor();
      expect(await audit.getByRole('cell', { name: /^operator:/ }).count()).toBe(0);
      await shoot(page, 'operators');
      await page.close();
    },
    E2E_TEST_MS,
  );
});
