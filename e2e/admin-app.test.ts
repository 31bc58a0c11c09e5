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
import { E2E_TEST_MS } from './timeouts.js';

/**
 * The admin app in a real browser against a real server (fresh embedded database, the demo
 * seeded): what an operator meets first.
 */
const available = await chromiumAvailable();
let server: RunningServer;
let dataDir: string;
let operator: { email: string; password: string };
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  if (!available) return;
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-e2e-'));
  const printed: string[] = [];
  const logger = pino({ name: 'e2e' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
  server = await startServer(
    { ...parseConfig({}, { data: dataDir }), port: 0 },
    (text) => printed.push(text),
    { logger },
  );
  const match = /Operator sign-in:\s+(\S+) \/ (\S+)/.exec(printed.join(''));
  operator = { email: match?.[1] as string, password: match?.[2] as string };
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
}, E2E_TEST_MS);
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
}

describe.runIf(available)('the admin app in chromium', () => {
  it(
    'refuses a wrong password, signs in, lists the demo action, signs out',
    async () => {
      const page = await browser.context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
      });
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Sign in to Toolgate' }).waitFor();
      await shoot(page, 'sign-in');

      await page.getByLabel('Email', { exact: true }).fill(operator.email);
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(/password|sign/i);
      // Focus stays in the form, on the password, ready to retype.
      await page.locator('#password:focus').waitFor();

      await page.getByLabel('Password', { exact: true }).fill(operator.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Actions' }).waitFor();
      const demoAction = page.getByRole('link', { name: 'check_order_status', exact: true });
      await demoAction.waitFor();
      expect(new URL(page.url()).pathname).toBe('/actions');
      await shoot(page, 'actions');

      // A reload keeps the session (cookie) and the page.
      await page.reload();
      await demoAction.waitFor();

      // The list shows the calls (none yet) and switches the action off and on in place.
      await page.getByRole('cell', { name: 'Never' }).waitFor();
      await page.getByRole('button', { name: 'Disable check_order_status' }).click();
      // The row's badge, not any "Disabled" text of the page.
      await page.locator('td .badge', { hasText: /^Disabled$/ }).waitFor();
      await page.getByRole('button', { name: 'Enable check_order_status' }).click();
      // The column header is also "Enabled": wait for the row's badge and its toggle instead.
      await page.getByRole('button', { name: 'Disable check_order_status' }).waitFor();
      await page.locator('td .badge', { hasText: /^Enabled$/ }).waitFor();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Toolgate' }).waitFor();
      expect(violations).toEqual([]);
      await page.close();
    },
    E2E_TEST_MS,
  );
});
