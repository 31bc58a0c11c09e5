import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/** An admin creates an agent limited to the demo action, changes it, and deletes it. */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp();
}, E2E_TEST_MS);
afterAll(() => app?.close());

describe.runIf(available)('agents in chromium', () => {
  it(
    'reports every problem at once, creates an agent that uses only the demo action, changes a limit, deletes it',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await page.getByRole('link', { name: 'Agents' }).click();
      await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Demo shop assistant' }).waitFor();
      await page.getByRole('link', { name: 'New agent' }).click();

      // The first try reports every problem at once, in plain words.
      await page.getByLabel('Calls per conversation').fill('500');
      await page.getByLabel('Language').fill('English');
      await page.getByRole('button', { name: 'Create agent' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'The agent was not saved.' });
      await summary.getByText(/Name: Is required/).waitFor();
      await summary.getByText(/Calls per conversation: Must be a whole number from 1 to 100/).waitFor();
      await summary.getByText(/Language: Must be a language tag like en or de-CH/).waitFor();
      await shoot(page, 'agent-all-errors');
      await page.getByLabel('Calls per conversation').fill('');
      await page.getByLabel('Language').fill('en');

      await page.getByLabel('Name (required)').fill('Returns desk');
      await page.getByLabel('Greeting').fill('Hello! I can check your orders.');
      await page.getByRole('radio', { name: 'Only the actions chosen below' }).check();
      await page.getByRole('checkbox', { name: /check_order_status/ }).check();
      await page.getByRole('button', { name: 'Create agent' }).click();
      await page.getByRole('heading', { name: 'The agent is created: here is its signing secret' }).waitFor();
      await shoot(page, 'agent');

      // The saved agent's page has loaded (its form would replace anything typed earlier).
      await page.getByRole('button', { name: 'Save changes' }).waitFor();
      await page.getByLabel('Calls per conversation').fill('3');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Delete agent' }).click();
      await page.getByRole('button', { name: 'Delete the agent' }).click();
      await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Demo shop assistant' }).waitFor();
      expect(await page.getByRole('link', { name: 'Returns desk' }).count()).toBe(0);
      await shoot(page, 'agents');
      await page.close();
    },
    E2E_TEST_MS,
  );
});
