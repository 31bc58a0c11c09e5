import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { pino } from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../packages/server/src/config/parse-config.js';
import { type RunningServer, startServer } from '../packages/server/src/server/start-server.js';
import { chromiumAvailable, launchChromium, SCREENSHOTS, WIDTHS } from './browser.js';
import { printedOperator, signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/**
 * An operator creates an action in the browser, section by section: the first save reports every
 * problem at once (https among them), each summary link leads to its section and field; then the
 * action is tested in its Test section (a dry run, a confirmed live POST that reaches a local
 * HTTPS receiver), each section has its own URL, and the parameters keep the order entered.
 */
const available = await chromiumAvailable();
let server: RunningServer;
let receiver: LoopbackHttpsServer;
let dataDir: string;
let operator: { email: string; password: string };
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  if (!available) return;
  receiver = await startLoopbackHttpsServer((request, response) => {
    const { parameters } = JSON.parse(request.body || '{}') as { parameters?: { order_number?: string } };
    sendJson(response, 200, {
      success: true,
      result: { order: parameters?.order_number, status: 'shipped' },
    });
  });
  const { cert } = await testCertificate();
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-e2e-form-'));
  const printed: string[] = [];
  const config = parseConfig(
    { TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8', TOOLGATE_DEMO: 'off' },
    { data: dataDir },
  );
  server = await startServer({ ...config, port: 0 }, (text) => printed.push(text), {
    ca: cert,
    dial: createLoopbackOnlyDial(cert).dial,
    resolve: async () => ['127.0.0.1'],
    logger: pino({ name: 'e2e' }, new Writable({ write: (_chunk, _encoding, done) => done() })),
  });
  operator = printedOperator(printed.join(''));
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
}, E2E_TEST_MS);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await receiver?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The page's height at 1280 px: a section must not be the 4,000-6,800 px page it used to be. */
async function pageHeight(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollHeight'));
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.runIf(available)('creating and testing an action in chromium', () => {
  it(
    'creates an action section by section, gets every problem on the first save, and tests it',
    async () => {
      const page = await browser.context.newPage();
      // A missing element fails fast, naming its locator, instead of running into the test timeout.
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, server.url, operator);
      await page.getByRole('link', { name: 'New action' }).click();
      await page.getByRole('heading', { name: 'New action' }).waitFor();
      const sections = page.getByRole('navigation', { name: 'Action sections' });
      const section = (name: string | RegExp) => sections.getByRole('link', { name });

      const basics = page.getByRole('region', { name: 'Basics' });
      await basics.getByLabel(/^Name/).fill('Check Order');
      await basics
        .getByText(/lower-case/i)
        .first()
        .waitFor();
      await basics.getByLabel(/^Name/).fill('check_order');
      const endpoint = page.getByRole('region', { name: 'Endpoint' });
      // http, and no description yet: both, and the parameter below, on the first save.
      await endpoint
        .getByLabel(/^URL/)
        .fill(receiver.url('/orders', 'orders.example.com').replace('https:', 'http:'));
      await endpoint.getByLabel(/^Method/).selectOption('POST');
      expect(await pageHeight(page)).toBeLessThan(2500);

      // Another section keeps what was typed here: same form, another URL.
      await section('Parameters').click();
      await page.waitForURL(/\/actions\/new\/parameters$/);
      const parameters = page.getByRole('region', { name: 'Parameters' });
      await parameters.getByRole('button', { name: 'Add parameter' }).click();
      await parameters.getByLabel(/^Name/).nth(0).fill('order_number');
      await parameters
        .getByLabel(/^Required/)
        .nth(0)
        .check();
      await parameters.getByRole('button', { name: 'Add parameter' }).click();
      await parameters.getByLabel(/^Type/).nth(1).selectOption('email');
      await parameters
        .getByLabel(/^Description/)
        .nth(1)
        .fill('Where the status is sent');

      await page.getByRole('button', { name: 'Create action' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'The action was not saved.' });
      await summary.waitFor();
      // Every problem at once, from every section.
      await summary.getByText(/Must use https, not http/).waitFor();
      await summary.getByText(/Description: Is required/).waitFor();
      await summary.getByText(/Parameter 2 *: name: Is required/).waitFor();
      await section('Definition (2 problems)').waitFor();
      await section('Parameters (1 problem)').waitFor();
      await shoot(page, 'action-new-all-errors');

      // A summary link opens the section of its field and focuses the field.
      await summary.getByRole('link', { name: 'URL' }).click();
      await page.waitForURL(/\/actions\/new$/);
      const url = page.getByRole('region', { name: 'Endpoint' }).getByLabel(/^URL/);
      await url.and(page.locator(':focus')).waitFor();
      await url.fill(receiver.url('/orders', 'orders.example.com'));
      await page
        .getByRole('region', { name: 'Basics' })
        .getByLabel(/^Description/)
        .fill('Look up an order by its number when the customer asks where it is, and email the status.');
      await section(/^Parameters/).click();
      await parameters.getByLabel(/^Name/).nth(1).fill('email');
      await shoot(page, 'action-new');

      await page.getByRole('button', { name: 'Create action' }).click();
      await page
        .getByText(/whsec_/)
        .first()
        .waitFor();
      await shoot(page, 'action-created');
      const actionUrl = new URL(page.url()).pathname;
      expect(actionUrl).toMatch(/^\/actions\/act_/);

      // The parameters come back in the order entered (jsonb would put "email" first).
      await section('Parameters').click();
      await page.waitForURL(`**${actionUrl}/parameters`);
      expect(await parameters.getByLabel(/^Name/).nth(0).inputValue()).toBe('order_number');
      expect(await parameters.getByLabel(/^Name/).nth(1).inputValue()).toBe('email');

      await section('Test').click();
      await page.waitForURL(`**${actionUrl}/test`);
      const tests = page.getByRole('region', { name: 'Test console' });
      await tests.getByLabel(/order_number/).fill('ORD-77');
      await tests.getByLabel(/email/).fill('ann@example.com');
      const before = receiver.requests.length;
      await tests.getByRole('button', { name: 'Dry run' }).click();
      await tests.getByRole('heading', { name: 'Request that would be sent' }).waitFor();
      expect(receiver.requests.length).toBe(before);

      await tests.getByRole('button', { name: 'Live test' }).click();
      await tests.getByRole('button', { name: 'Send live POST' }).click();
      await tests.getByText('Status 200').waitFor();
      await tests.getByRole('heading', { name: 'As the model sees it' }).waitFor();
      expect(receiver.requests.length).toBe(before + 1);
      expect(JSON.parse(receiver.requests.at(-1)?.body ?? '{}').parameters).toEqual({
        order_number: 'ORD-77',
        email: 'ann@example.com',
      });
      await shoot(page, 'action-tested');

      // Each section is reachable by its URL directly.
      for (const [slug, region] of [
        ['/test', 'Test console'],
        ['/auth', 'Signing secret'],
        ['/conversation', 'In conversations'],
        ['', 'Basics'],
      ] as const) {
        await page.goto(`${server.url}${actionUrl}${slug}`);
        await page.getByRole('region', { name: region }).waitFor();
        expect(await pageHeight(page)).toBeLessThan(3000);
        await shoot(page, `action-section-${slug === '' ? 'definition' : slug.slice(1)}`);
      }

      // Moving between sections with unsaved changes asks nothing and keeps them; leaving asks.
      const basicsAgain = page.getByRole('region', { name: 'Basics' });
      await basicsAgain.getByLabel(/^Display name/).fill('Order desk');
      const questions: string[] = [];
      const onDialog = (dialog: import('playwright-core').Dialog) => {
        questions.push(dialog.message());
        void dialog.dismiss();
      };
      page.on('dialog', onDialog);
      await section('Conversation').click();
      await page.getByRole('region', { name: 'In conversations' }).waitFor();
      await section('Definition').click();
      expect(await basicsAgain.getByLabel(/^Display name/).inputValue()).toBe('Order desk');
      expect(questions).toEqual([]);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
      expect(questions).toEqual(['You have unsaved changes. Leave without saving?']);
      expect(await basicsAgain.getByLabel(/^Display name/).inputValue()).toBe('Order desk');
      page.off('dialog', onDialog);

      // Deleting asks, then goes back to the list without the action.
      await page.getByRole('button', { name: 'Delete action' }).click();
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Delete the action' }).click();
      await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();
      // The list has loaded (a table, or the empty state) and has no link to the deleted action.
      await page
        .getByRole('table')
        .or(page.getByRole('heading', { name: 'No actions yet' }))
        .first()
        .waitFor();
      expect(await page.getByRole('link', { name: 'check_order', exact: true }).count()).toBe(0);
      await page.close();
    },
    E2E_TEST_MS,
  );
});
