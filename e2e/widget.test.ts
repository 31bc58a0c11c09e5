import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { E2E_TEST_MS } from './timeouts.js';

/** The chat widget on a shop's page: works from an allowed origin, refused from another. */
const available = await chromiumAvailable();
let server: RunningServer;
let dataDir: string;
let browser: { context: BrowserContext; close(): Promise<void> };
const pages: Array<{ server: Server; origin: string }> = [];

let widgetKey = '';

/** A website on its own loopback port (its own origin) embedding the widget. */
async function shopPage(): Promise<{ server: Server; origin: string }> {
  const page = createServer((_request, response) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo shop</title></head>
<body><h1>Demo shop</h1><p>Questions about your order? Use the chat.</p>
<script src="${server.url}/widget.js" data-agent="${DEMO_AGENT_NAME}" data-key="${widgetKey}"></script></body></html>`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const entry = { server: page, origin: `http://127.0.0.1:${(page.address() as AddressInfo).port}` };
  pages.push(entry);
  return entry;
}

beforeAll(async () => {
  if (!available) return;
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-widget-'));
  const printed: string[] = [];
  const logger = pino({ name: 'e2e' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
  server = await startServer(
    { ...parseConfig({}, { data: dataDir }), port: 0 },
    (text) => printed.push(text),
    { logger },
  );
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  const adminKey = /API key \(all scopes\):\s+(tg_\S+)/.exec(printed.join(''))?.[1] as string;
  // Two sites: the key lists the first one's origin only.
  const allowed = await shopPage();
  await shopPage();
  const created = await httpJson(`${server.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}` },
    body: {
      name: 'shop widget',
      scopes: ['chat'],
      widget: { agentId: DEMO_AGENT_NAME, origins: [allowed.origin] },
    },
  });
  widgetKey = (created.body as { value: string }).value;
}, E2E_TEST_MS);
afterAll(async () => {
  await browser?.close();
  for (const page of pages) await new Promise((resolve) => page.server.close(resolve));
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`) });
  }
}

describe.runIf(available)('the chat widget in chromium', () => {
  it('answers on a page of an allowed origin, calling the demo action', async () => {
    const page = await browser.context.newPage();
    await page.goto(pages[0]?.origin as string);
    await page.getByRole('button', { name: 'Chat' }).click();
    const widget = page.locator('#toolgate-widget');
    await widget
      .getByText(/demo shop assistant/i)
      .first()
      .waitFor();
    // The panel's header names the agent; the input says what to do.
    await widget.getByRole('heading', { name: DEMO_AGENT_NAME, level: 2 }).waitFor();
    expect(await widget.getByLabel('Your message').getAttribute('placeholder')).toBe('Type your message…');
    await widget.getByLabel('Your message').fill('Where is my order?');
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget
      .getByText(/order number/i)
      .last()
      .waitFor();
    await widget.getByLabel('Your message').fill('ORD-12345');
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByText(/shipped/i).waitFor();
    await shoot(page, 'widget-allowed');
    // The close button works from the keyboard and gives focus back to the bubble.
    const close = widget.getByRole('button', { name: 'Close chat' });
    await close.focus();
    await page.keyboard.press('Enter');
    await widget.getByRole('region').waitFor({ state: 'hidden' });
    expect(await widget.getByRole('button', { name: 'Chat' }).getAttribute('aria-expanded')).toBe('false');
    expect(
      await widget.getByRole('button', { name: 'Chat' }).evaluate((bubble) => bubble.matches(':focus')),
    ).toBe(true);
    // Escape closes it too.
    await page.keyboard.press('Enter');
    await widget.getByRole('region', { name: DEMO_AGENT_NAME }).waitFor();
    await page.keyboard.press('Escape');
    await widget.getByRole('region').waitFor({ state: 'hidden' });
    await page.close();
  });

  it(
    'is refused on a page of another origin, and says so',
    async () => {
      const page = await browser.context.newPage();
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      const origin = pages[1]?.origin as string;
      await page.goto(origin);
      const refused = page.waitForEvent('console', (message) => message.type() === 'warning');
      await page.getByRole('button', { name: 'Chat' }).click();
      const widget = page.locator('#toolgate-widget');
      // The visitor reads one polite line; the developer finds the origin and the fix in the console.
      await widget.getByText('This chat is not available on this site right now.').waitFor();
      expect(await widget.getByText(/its own web pages|origin|widget key/i).count()).toBe(0);
      await refused;
      expect(warnings.join('\n')).toContain(`add ${origin} to the widget key's origins`);
      expect(warnings.join('\n')).toContain(`not on ${origin}`);
      await shoot(page, 'widget-refused');
      await page.close();
    },
    E2E_TEST_MS,
  );
});
