import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_NAME } from '../packages/server/src/demo/seed-demo.js';
import { httpJson } from '../packages/server/src/test/http-client.js';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/**
 * The chat playground on the demo: chat until the action answers, find the call in the log, then
 * approve and decline a confirmation.
 */
const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startE2eApp();
}, E2E_TEST_MS);
afterAll(() => app?.close());

async function startChat(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Chat' }).click();
  await page.getByRole('heading', { name: 'Chat playground' }).waitFor();
  await page.getByLabel('Agent').selectOption({ label: DEMO_AGENT_NAME });
  await page.getByRole('button', { name: /Start conversation|New conversation/ }).click();
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

describe.runIf(available)('the chat playground in chromium', () => {
  it('chats until the demo action answers, then finds the call in the log', async () => {
    const page = await app.browser.context.newPage();
    page.setDefaultTimeout(E2E_STEP_MS);
    await signIn(page, app.server.url, app.operator);
    await startChat(page);
    const log = page.getByRole('log', { name: 'Conversation' });
    await send(page, 'Where is my order?');
    await log
      .getByText(/order number/i)
      .last()
      .waitFor();
    await send(page, 'ORD-12345');
    await log
      .getByText(/shipped/i)
      .last()
      .waitFor();
    await page.getByRole('region', { name: 'Debug' }).getByText('Intent scores').first().waitFor();
    // The start message announces the call: it comes before the call's card, not after.
    const items = await log.locator('li.chat-item').allTextContents();
    const announced = items.findIndex((text) => text.includes('Let me look that up.'));
    const card = items.findIndex((text) => text.includes('Action call: check_order_status'));
    expect(announced).toBeGreaterThan(-1);
    expect(card).toBe(announced + 1);
    await shoot(page, 'playground');

    await page.getByRole('link', { name: /View check_order_status call in the log/ }).click();
    await page.getByRole('heading', { name: 'Call of check_order_status' }).waitFor();
    await page.getByRole('heading', { name: 'Result as the model sees it' }).waitFor();
    await shoot(page, 'call');
    // "Open in test console" leads to the action's Test section, filled in from the call.
    await page.getByRole('link', { name: 'Open in test console' }).click();
    await page.waitForURL(/\/actions\/act_[^/]+\/test\?fromCall=/);
    const testConsole = page.getByRole('region', { name: 'Test console' });
    await testConsole.getByText(/Filled in with the parameters of call/).waitFor();
    expect(await testConsole.getByLabel(/order_number/).inputValue()).toBe('ORD-12345');
    await testConsole.getByRole('link', { name: 'Back to the call' }).click();
    await page.getByRole('heading', { name: 'Call of check_order_status' }).waitFor();
    await page.getByRole('link', { name: '← All calls' }).click();
    await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'check_order_status' }).first().waitFor();
    // Each time has the exact instant as its tooltip.
    const time = page.getByRole('cell').locator('time').first();
    expect(await time.getAttribute('title')).toBe(await time.getAttribute('datetime'));
    await shoot(page, 'calls');
    // A conversation id leads to the log filtered to that conversation's calls.
    const conversation = page.getByRole('link', { name: /^cnv_/ }).first();
    const conversationId = (await conversation.textContent()) as string;
    await conversation.click();
    await page.waitForURL((url) => url.searchParams.get('conversation') === conversationId);
    await page.getByRole('button', { name: 'Clear filters' }).waitFor();
    expect(await page.getByLabel('Conversation', { exact: true }).inputValue()).toBe(conversationId);
    await page.close();
  });

  it(
    'asks before a call that needs approval: Approve makes it, Decline does not',
    async () => {
      const headers = { authorization: `Bearer ${app.adminKey}` };
      const actions = (await httpJson(`${app.server.url}/api/v1/actions`, { headers })).body as {
        actions: Array<{ id: string; definition: { name: string } }>;
      };
      const demo = actions.actions.find((action) => action.definition.name === 'check_order_status');
      const patched = await httpJson(`${app.server.url}/api/v1/actions/${demo?.id}`, {
        method: 'PATCH',
        headers,
        body: { conversation: { confirmation: 'always' } },
      });
      expect(patched.status).toBe(200);

      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await startChat(page);
      const log = page.getByRole('log', { name: 'Conversation' });
      await send(page, 'Where is order ORD-10001?');
      await page.getByRole('button', { name: 'Approve' }).click();
      await log
        .getByText(/processing/i)
        .last()
        .waitFor();

      await send(page, 'And where is order ORD-20002?');
      await page.getByRole('button', { name: 'Decline' }).click();
      await log
        .getByText(/OK, I won't/i)
        .last()
        .waitFor();
      expect(await log.getByText(/delivered/i).count()).toBe(0);
      await shoot(page, 'playground-approvals');
      await page.close();
    },
    E2E_TEST_MS,
  );
});
