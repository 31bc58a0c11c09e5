import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.js';
import { httpJson } from '../test/http-client.js';
import { parseAnswer, rawExchange } from '../test/raw-http.js';
import { orderStatusAction } from '../test/test-app.js';
import { startServer } from './start-server.js';

let dataDir: string;
let endpoint: LoopbackHttpsServer;
/** The endpoint's hooks: told when a request arrives; answers once `release` settles. */
let requestArrived: () => void = () => undefined;
let release: Promise<void> = Promise.resolve();
const logLines: string[] = [];
const logger = pino(
  { name: 'start-test' },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-start-'));
  endpoint = await startLoopbackHttpsServer((_request, response) => {
    requestArrived();
    // Held until the test lets it go, so a shutdown lands while the call is in flight.
    void release.then(() => response.end(JSON.stringify({ message: 'Your order shipped.' })));
  });
});
afterAll(async () => {
  await endpoint.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}) {
  const printed: string[] = [];
  const { cert } = await testCertificate();
  const config = {
    // The demo has its own test (demo/demo.test.ts).
    ...parseConfig(
      { TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8', TOOLGATE_DEMO: 'off', ...env },
      { data: dataDir },
    ),
    port: 0,
  };
  const server = await startServer(config, (text) => printed.push(text), {
    ca: cert,
    dial: createLoopbackOnlyDial(cert).dial,
    resolve: async () => ['127.0.0.1'],
    logger,
  });
  return { server, printed: printed.join('') };
}

describe('toolgate start', () => {
  it('first start: creates the secret key (0600), the tenant, a key and an operator, printed once', async () => {
    const { server, printed } = await start();
    try {
      const key = /API key \(all scopes\):\s+(tg_\S+)/.exec(printed)?.[1];
      expect(key).toBeDefined();
      expect(printed).toMatch(/admin@localhost \/ \S{16,}/);
      expect((await stat(join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600);
      const response = await httpJson(`${server.url}/api/v1/actions`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.status).toBe(200);
      expect(logLines.join('')).toContain('TOOLGATE_ALLOW_PRIVATE_NETWORKS is set');
    } finally {
      await server.close();
    }
  });

  it('second start on the same folder prints no new secrets and honours TOOLGATE_ADMIN_KEY', async () => {
    const adminKey = 'tg_chosen-by-the-operator-0123456789';
    const { server, printed } = await start({ TOOLGATE_ADMIN_KEY: adminKey });
    try {
      expect(printed).not.toContain('API key');
      const me = await httpJson(`${server.url}/api/v1/session`, {
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(me.body).toMatchObject({ tenantId: 'default', scopes: ['admin'] });
    } finally {
      await server.close();
    }
  });

  it('reads the proxy, cookie and metrics settings: the peer over the socket is the trusted proxy', async () => {
    const adminKey = 'tg_chosen-by-the-operator-0123456789';
    const metricsToken = 'metrics-token-0123456789abcdef';
    const { server } = await start({
      TOOLGATE_ADMIN_KEY: adminKey,
      TOOLGATE_TRUSTED_PROXIES: '127.0.0.1',
      TOOLGATE_METRICS_TOKEN: metricsToken,
    });
    try {
      const operator = { email: 'proxied@example.com', password: 'a long operator password' };
      const created = await httpJson(`${server.url}/api/v1/operators`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}` },
        body: { ...operator, scopes: ['chat'] },
      });
      expect(created.status).toBe(201);
      const signIn = (headers: Record<string, string>) =>
        httpJson(`${server.url}/api/v1/session`, { method: 'POST', headers, body: operator });
      const direct = await signIn({});
      expect(direct.status).toBe(200);
      expect(String(direct.headers['set-cookie'])).not.toMatch(/Secure/);
      const proxied = await signIn({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
      expect(proxied.status).toBe(200);
      expect(String(proxied.headers['set-cookie'])).toMatch(/; Secure/);

      expect((await httpJson(`${server.url}/metrics`)).status).toBe(401);
      const metrics = await httpJson(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      expect(metrics.status).toBe(200);
      expect(String(metrics.body)).toContain('toolgate_http_requests_total');
    } finally {
      await server.close();
    }
  });

  it('answers a URL over the header limit (20 KB) in the error shape, not a bare 431', async () => {
    const { server } = await start();
    try {
      const port = Number(new URL(server.url).port);
      const request = `GET /api/v1/calls?action=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
      const answer = parseAnswer(await rawExchange(port, request));
      expect(answer.status).toBe(431);
      expect(answer.body.error).toMatchObject({
        code: 'header_fields_too_large',
        requestId: answer.headers['x-request-id'],
      });
      // The server still serves the next connection.
      const health = await httpJson(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers['x-request-id']).toEqual(expect.any(String));
    } finally {
      await server.close();
    }
  });

  it('shutdown lets an in-flight request finish, then refuses connections', async () => {
    const adminKey = 'tg_chosen-by-the-operator-0123456789';
    const { server } = await start({ TOOLGATE_ADMIN_KEY: adminKey });
    const headers = { authorization: `Bearer ${adminKey}` };
    const created = await httpJson(`${server.url}/api/v1/actions`, {
      method: 'POST',
      headers,
      body: orderStatusAction({ method: 'GET', url: `https://orders.example.com:${endpoint.port}/status` }),
    });
    expect(created.status).toBe(201);
    const { action } = created.body as { action: { id: string } };
    let letGo: () => void = () => undefined;
    release = new Promise((resolve) => {
      letGo = resolve;
    });
    const arrived = new Promise<void>((resolve) => {
      requestArrived = resolve;
    });
    const inFlight = httpJson(`${server.url}/api/v1/actions/${action.id}/test`, {
      method: 'POST',
      headers,
      body: { parameters: { order_number: 'ORD-1' }, mode: 'live' },
    });
    // The call has reached the endpoint, which holds its answer: the shutdown starts mid-call.
    await arrived;
    const closed = server.close();
    letGo();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((response.body as { result: unknown }).result).toMatchObject({
      ok: true,
      message: 'Your order shipped.',
    });
    await closed;
    await expect(httpJson(`${server.url}/healthz`)).rejects.toThrow();
  });
});
