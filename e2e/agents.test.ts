import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../packages/server/src/config/parse-config.js';
import { type RunningServer, startServer } from '../packages/server/src/server/start-server.js';
import { chromiumAvailable, launchChromium, SCREENSHOTS, WIDTHS } from './browser.js';
import { printedOperator, signIn } from './session.js';

/** An admin creates an agent limited to the demo action, changes it, and deletes it. */
const available = await chromiumAvailable();
let server: RunningServer;
let dataDir: string;
let operator: { email: string; password: string };
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  if (!available) return;
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-e2e-agents-'));
  const printed: string[] = [];
  const logger = pino({ name: 'e2e' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
  server = await startServer(
    { ...parseConfig({}, { data: dataDir }), port: 0 },
    (text) => printed.push(text),
    { logger },
  );
  operator = printedOperator(printed.join(''));
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

describe.runIf(available)('agents in chromium', () => {
  it('creates an agent that uses only the demo action, changes a limit, deletes it', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(8_000);
    await signIn(page, server.url, operator);
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Demo shop assistant' }).waitFor();
    await page.getByRole('link', { name: 'New agent' }).click();

    await page.getByLabel('Name (required)').fill('Returns desk');
    await page.getByLabel('Greeting').fill('Hello! I can check your orders.');
    await page.getByRole('radio', { name: 'Only the actions chosen below' }).check();
    await page.getByRole('checkbox', { name: /check_order_status/ }).check();
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.getByRole('heading', { name: 'The agent is created: here is its signing secret' }).waitFor();
    await shoot(page, 'agent');

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
  });
});
