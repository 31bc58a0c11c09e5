import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../packages/server/src/config/parse-config.js';
import { DEMO_AGENT_NAME } from '../packages/server/src/demo/seed-demo.js';
import { type RunningServer, startServer } from '../packages/server/src/server/start-server.js';
import { httpJson } from '../packages/server/src/test/http-client.js';
import { chromiumAvailable, launchChromium, SCREENSHOTS, WIDTHS } from './browser.js';
import { printedOperator, signIn } from './session.js';

/**
 * The chat playground on the demo: chat until the action answers, find the call in the log, then
 * approve and decline a confirmation.
 */
const available = await chromiumAvailable();
let server: RunningServer;
let dataDir: string;
let adminKey: string;
let operator: { email: string; password: string };
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  if (!available) return;
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-e2e-chat-'));
  const printed: string[] = [];
  const logger = pino({ name: 'e2e' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
  server = await startServer(
    { ...parseConfig({}, { data: dataDir }), port: 0 },
    (text) => printed.push(text),
    { logger },
  );
  operator = printedOperator(printed.join(''));
  adminKey = /API key \(all scopes\):\s+(tg_\S+)/.exec(printed.join(''))?.[1] as string;
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

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
    const page = await browser.context.newPage();
    page.setDefaultTimeout(8_000);
    await signIn(page, server.url, operator);
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
    await shoot(page, 'playground');

    await page.getByRole('link', { name: /View check_order_status call in the log/ }).click();
    await page.getByRole('heading', { name: 'Call of check_order_status' }).waitFor();
    await page.getByRole('heading', { name: 'Result as the model sees it' }).waitFor();
    await shoot(page, 'call');
    await page.getByRole('link', { name: '← All calls' }).click();
    await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'check_order_status' }).first().waitFor();
    await shoot(page, 'calls');
    await page.close();
  });

  it('asks before a call that needs approval: Approve makes it, Decline does not', async () => {
    const headers = { authorization: `Bearer ${adminKey}` };
    const actions = (await httpJson(`${server.url}/api/v1/actions`, { headers })).body as {
      actions: Array<{ id: string; definition: { name: string } }>;
    };
    const demo = actions.actions.find((action) => action.definition.name === 'check_order_status');
    const patched = await httpJson(`${server.url}/api/v1/actions/${demo?.id}`, {
      method: 'PATCH',
      headers,
      body: { conversation: { confirmation: 'always' } },
    });
    expect(patched.status).toBe(200);

    const page = await browser.context.newPage();
    page.setDefaultTimeout(8_000);
    await signIn(page, server.url, operator);
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
  });
});
