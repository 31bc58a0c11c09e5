import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpJson } from '../packages/server/src/test/http-client.js';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/**
 * A subscription's receiver refuses events with 400 (dead at once, no retry); the operator finds
 * the dead letters on the Deliveries page, reads the attempt's response, and replays one by hand
 * and the rest by time range once the receiver is fixed: every event then arrives.
 */
const available = await chromiumAvailable();
let app: E2eApp;
let receiver: LoopbackHttpsServer;
let answer = 400;

beforeAll(async () => {
  if (!available) return;
  receiver = await startLoopbackHttpsServer((_request, response) =>
    sendJson(response, answer, answer === 200 ? { ok: true } : { error: 'unknown event schema' }),
  );
  const { cert } = await testCertificate();
  app = await startE2eApp({
    env: { TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8', TOOLGATE_DEMO: 'off' },
    overrides: { ca: cert, dial: createLoopbackOnlyDial(cert).dial, resolve: async () => ['127.0.0.1'] },
  });
}, E2E_TEST_MS);
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
type Body = Record<string, any>;

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Body }> {
  const answer = await httpJson(`${app.server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${app.adminKey}` },
    ...(body === undefined ? {} : { body }),
  });
  return { status: answer.status, body: answer.body as Body };
}

describe.runIf(available)('dead letters in chromium', () => {
  it(
    'shows dead deliveries with their attempts and replays one by hand and the rest by time range',
    async () => {
      const created = await api('POST', '/subscriptions', {
        url: `https://hooks.example.net:${receiver.port}/events`,
      });
      expect(created.status).toBe(201);
      const subscriptionId = created.body.subscription.id as string;
      const ids: string[] = [];
      for (let index = 0; index < 2; index += 1)
        ids.push((await api('POST', `/subscriptions/${subscriptionId}/test`)).body.deliveryId as string);
      await expect
        .poll(async () => (await api('GET', '/deliveries?status=dead')).body.deliveries.length, {
          timeout: 10_000,
        })
        .toBe(2);
      const [first, second] = ids as [string, string];

      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await page.getByRole('link', { name: 'Deliveries' }).click();
      await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
      await page
        .getByText(/HTTP 400: .*answered 400/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: `Attempts of ${first}` }).click();
      await page
        .getByRole('table', { name: `Attempts of ${first}` })
        .getByText('unknown event schema')
        .waitFor();
      await shoot(page, 'deliveries');

      answer = 200;
      await page.getByRole('button', { name: `Replay ${first}` }).click();
      await page.getByRole('status').getByText(`${first} is queued again.`).waitFor();
      await expect
        .poll(
          async () =>
            (
              await api('GET', `/subscriptions/${subscriptionId}/deliveries?status=delivered`)
            ).body.deliveries.map((d: { id: string }) => d.id),
          { timeout: 10_000 },
        )
        .toEqual([first]);

      // The rest by time range: a range ending before it was created replays nothing; nothing is sent without the confirmation.
      const now = new Date();
      const local = (date: Date) =>
        new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      await page.getByLabel('From').fill(local(new Date(now.getTime() + 3_600_000)));
      await page.getByLabel('To').fill(local(now));
      await page.getByRole('button', { name: 'Replay range…' }).click();
      await page.getByRole('alert').getByText('From must be before To').waitFor();
      await page.getByLabel('From').fill(local(new Date(now.getTime() - 3_600_000)));
      await page.getByLabel('To').fill(local(new Date(now.getTime() + 3_600_000)));
      await page.getByRole('button', { name: 'Replay range…' }).click();
      await page.getByRole('alertdialog').waitFor();
      expect(
        (await api('GET', '/deliveries?status=dead')).body.deliveries.map((d: { id: string }) => d.id),
      ).toEqual([second]);
      await page.getByRole('button', { name: 'Replay them' }).click();
      await page.getByRole('status').getByText('1 dead delivery is queued again.').waitFor();
      await expect
        .poll(async () => (await api('GET', '/deliveries?status=dead')).body.deliveries.length, {
          timeout: 10_000,
        })
        .toBe(0);
      await expect
        .poll(
          async () =>
            (await api('GET', `/subscriptions/${subscriptionId}/deliveries?status=delivered`)).body.deliveries
              .length,
          { timeout: 10_000 },
        )
        .toBe(2);
      await page.close();
    },
    E2E_TEST_MS,
  );
});
