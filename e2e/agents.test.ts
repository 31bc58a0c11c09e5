import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/**
 * An admin creates an agent limited to the demo action, changes it, and deletes it. Every
 * selector names one element (a role and its exact name, inside its region), and every step
 * waits for what it causes (the API's answer, the element it brings), never for time.
 */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp();
}, E2E_TEST_MS);
afterAll(() => app?.close());

/** Waits for the answer to the API request the step sends, and checks it succeeded. */
async function answered(
  page: Page,
  method: string,
  path: RegExp,
  step: () => Promise<void>,
): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) => candidate.request().method() === method && path.test(new URL(candidate.url()).pathname),
    ),
    step(),
  ]);
  expect(response.ok(), `${method} ${response.url()} answered ${response.status()}`).toBe(true);
  return response;
}

describe.runIf(available)('agents in chromium', () => {
  it(
    'reports every problem at once, creates an agent that uses only the demo action, changes a limit, deletes it',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      const navigation = page.getByRole('navigation');
      await navigation.getByRole('link', { name: 'Agents', exact: true }).click();
      await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
      const main = page.getByRole('main');
      await main.getByRole('link', { name: 'Demo shop assistant', exact: true }).waitFor();
      await main.getByRole('link', { name: 'New agent', exact: true }).click();
      await page.getByRole('heading', { name: 'New agent', level: 1 }).waitFor();

      // The first try reports every problem at once, in plain words.
      const form = page.getByRole('form', { name: 'Agent' });
      await form.getByRole('textbox', { name: 'Calls per conversation', exact: true }).fill('500');
      await form.getByRole('textbox', { name: 'Language', exact: true }).fill('English');
      await form.getByRole('button', { name: 'Create agent', exact: true }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'The agent was not saved.' });
      await summary.getByText(/Name: Is required/).waitFor();
      await summary.getByText(/Calls per conversation: Must be a whole number from 1 to 100/).waitFor();
      await summary.getByText(/Language: Must be a language tag like en or de-CH/).waitFor();
      await shoot(page, 'agent-all-errors');
      await form.getByRole('textbox', { name: 'Calls per conversation', exact: true }).fill('');
      await form.getByRole('textbox', { name: 'Language', exact: true }).fill('en');

      await form.getByRole('textbox', { name: 'Name (required)', exact: true }).fill('Returns desk');
      await form
        .getByRole('textbox', { name: 'Greeting', exact: true })
        .fill('Hello! I can check your orders.');
      await form.getByRole('radio', { name: 'Only the actions chosen below', exact: true }).check();
      // No action chosen yet: a warning that does not block saving.
      const warning = form.getByText(/No actions are chosen for this agent/);
      await warning.waitFor();
      await shoot(page, 'agent-no-actions');
      await form.getByRole('checkbox', { name: 'check_order_status', exact: true }).check();
      await warning.waitFor({ state: 'detached' });
      await answered(page, 'POST', /^\/api\/v1\/agents$/, () =>
        form.getByRole('button', { name: 'Create agent', exact: true }).click(),
      );
      await page
        .getByRole('heading', { name: 'The agent is created: here is its signing secret', exact: true })
        .waitFor();
      // The saved agent's page has loaded (its form would replace anything typed earlier).
      await page.getByRole('heading', { name: 'Returns desk', level: 1 }).waitFor();
      const save = form.getByRole('button', { name: 'Save changes', exact: true });
      await save.waitFor();
      await shoot(page, 'agent');

      await form.getByRole('textbox', { name: 'Calls per conversation', exact: true }).fill('3');
      const patched = await answered(page, 'PATCH', /^\/api\/v1\/agents\/agt_/, () => save.click());
      expect(
        ((await patched.json()) as { limits: Record<string, number> }).limits.maxCallsPerConversation,
      ).toBe(3);
      await form
        .getByRole('status')
        .filter({ hasText: /^Saved\.$/ })
        .waitFor();

      await page.getByRole('button', { name: 'Delete agent', exact: true }).click();
      await answered(page, 'DELETE', /^\/api\/v1\/agents\/agt_/, () =>
        page.getByRole('button', { name: 'Delete the agent', exact: true }).click(),
      );
      await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
      await main.getByRole('link', { name: 'Demo shop assistant', exact: true }).waitFor();
      expect(await main.getByRole('link', { name: 'Returns desk', exact: true }).count()).toBe(0);
      await shoot(page, 'agents');
      await page.close();
    },
    E2E_TEST_MS,
  );
});
