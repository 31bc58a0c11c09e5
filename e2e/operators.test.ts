import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseConfig } from '../packages/server/src/config/parse-config.js';
import { type RunningServer, startServer } from '../packages/server/src/server/start-server.js';
import { chromiumAvailable, launchChromium, SCREENSHOTS, WIDTHS } from './browser.js';
import { printedOperator, signIn } from './session.js';

/** An admin adds an operator (a field error first), disables them, and renames the tenant. */
const available = await chromiumAvailable();
let server: RunningServer;
let dataDir: string;
let operator: { email: string; password: string };
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  if (!available) return;
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-e2e-operators-'));
  const printed: string[] = [];
  const logger = pino({ name: 'e2e' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
  const config = { ...parseConfig({ TOOLGATE_DEMO: 'off' }, { data: dataDir }), port: 0 };
  server = await startServer(config, (text) => printed.push(text), { logger });
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

describe.runIf(available)('operators and the tenant in chromium', () => {
  it('adds an operator after a field error, changes their scopes, disables them, renames the tenant', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(8_000);
    await signIn(page, server.url, operator);
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

    await page.locator('#tenant-name').fill('Garden Shop');
    await page.getByRole('button', { name: 'Save tenant' }).click();
    await page.getByText('The tenant is saved.').waitFor();
    await page
      .getByRole('cell', { name: /operator-created|operator-disabled|tenant-updated/ })
      .first()
      .waitFor();
    await shoot(page, 'operators');
    await page.close();
  });
});
