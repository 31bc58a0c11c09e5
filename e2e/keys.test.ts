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
import { chromiumAvailable, launchChromium, SCREENSHOTS, WIDTHS } from './browser.js';
import { printedOperator, signIn } from './session.js';

/** An operator makes a widget key in the browser, copies its script tag, then revokes it. */
const available = await chromiumAvailable();
let server: RunningServer;
let dataDir: string;
let operator: { email: string; password: string };
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  if (!available) return;
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-e2e-keys-'));
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

describe.runIf(available)('API keys in chromium', () => {
  it('creates a widget key with its script tag, refuses a bad origin at its field, revokes the key', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(8_000);
    await signIn(page, server.url, operator);
    await page.getByRole('link', { name: 'Keys' }).click();
    await page.getByRole('heading', { name: 'Keys', level: 1 }).waitFor();

    await page.getByLabel(/^Name/).fill('Shop widget');
    await page.getByLabel('Widget key').check();
    await page.getByLabel(/^Agent/).selectOption({ label: DEMO_AGENT_NAME });
    await page.getByLabel(/^Allowed origins/).fill('https://Shop.example.com');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.locator('#key-origins-error').waitFor();

    await page.getByLabel(/^Allowed origins/).fill('https://shop.example.com');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('heading', { name: 'Script tag for your website' }).waitFor();
    const panel = page.getByRole('heading', { name: /Key “Shop widget” created/ });
    await panel.waitFor();
    const snippet = await page
      .getByText(/<script src=/)
      .first()
      .textContent();
    expect(snippet).toContain(`${server.url}/widget.js`);
    expect(snippet).toMatch(/data-key="tg_/);
    await shoot(page, 'keys');

    await page.getByRole('button', { name: 'I have stored it, hide it' }).click();
    await page.getByRole('button', { name: 'Revoke Shop widget' }).click();
    await page.getByRole('button', { name: 'Revoke the key' }).click();
    await page.getByText('The key “Shop widget” is revoked.').waitFor();
    await page.close();
  });
});
