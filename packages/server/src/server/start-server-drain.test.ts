import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.js';
import { httpJson } from '../test/http-client.js';
import { startServer } from './start-server.js';

const scratch = await mkdtemp(join(tmpdir(), 'toolgate-drain-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

it('answers /readyz with 503 for TOOLGATE_DRAIN_MS before it stops, while still serving', async () => {
  const config = {
    ...parseConfig({ TOOLGATE_DEMO: 'off', TOOLGATE_DRAIN_MS: '1500' }, { data: scratch }),
    port: 0,
  };
  const quiet = pino({ name: 'drain-test' }, new Writable({ write: (_c, _e, done) => done() }));
  const server = await startServer(config, () => undefined, { logger: quiet });
  expect((await httpJson(`${server.url}/readyz`)).status).toBe(200);
  const started = Date.now();
  const closing = server.close();
  const draining = await httpJson(`${server.url}/readyz`);
  expect(draining.status).toBe(503);
  expect(draining.body).toMatchObject({ status: 'draining' });
  // Liveness and the API keep answering while the load balancer takes the instance out.
  expect((await httpJson(`${server.url}/healthz`)).status).toBe(200);
  await closing;
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
  await expect(httpJson(`${server.url}/readyz`)).rejects.toThrow();
}, 30_000);
