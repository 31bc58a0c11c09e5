import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { parseConfig } from '../packages/server/src/config/parse-config.js';
import { type RunningServer, startServer } from '../packages/server/src/server/start-server.js';
import { launchChromium, SCREENSHOTS, WIDTHS } from './browser.js';
import { printedOperator } from './session.js';

/** A real server on a fresh embedded database, and chromium to drive it. */
export interface E2eApp {
  server: RunningServer;
  /** The operator sign-in and admin key the first start printed. */
  operator: { email: string; password: string };
  adminKey: string;
  browser: { context: BrowserContext; close(): Promise<void> };
  close(): Promise<void>;
}

/**
 * Starts Toolgate as `npm start` does (the demo seeded unless `TOOLGATE_DEMO=off`), quietly, and
 * launches chromium. `overrides` are the test hooks of `startServer` (a test CA, a loopback dial).
 */
export async function startE2eApp(
  options: { env?: Record<string, string>; overrides?: Parameters<typeof startServer>[2] } = {},
): Promise<E2eApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toolgate-e2e-'));
  const printed: string[] = [];
  const logger = pino({ name: 'e2e' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
  const config = { ...parseConfig(options.env ?? {}, { data: dataDir }), port: 0 };
  const server = await startServer(config, (text) => printed.push(text), { ...options.overrides, logger });
  const browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  const output = printed.join('');
  return {
    server,
    operator: printedOperator(output),
    adminKey: /API key \(all scopes\):\s+(tg_\S+)/.exec(output)?.[1] as string,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Screenshots of the page at each width, under `artifacts/screenshots/`; back to desktop after. */
export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
