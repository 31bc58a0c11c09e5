import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpJson } from '../test/http-client.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { MAX_REQUEST_ID_LENGTH, requestIdFrom } from './request-id.js';

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { requestId?: string } }).error;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps a plain incoming id, strips what could forge or break a log line, and bounds the length', () => {
    expect(requestIdFrom('req-1.2:3/4+5=6@proxy_a')).toBe('req-1.2:3/4+5=6@proxy_a');
    expect(requestIdFrom('bad id\r\n{"level":60}')).toBe('badidlevel:60');
    expect(requestIdFrom('x'.repeat(5_000))).toHaveLength(MAX_REQUEST_ID_LENGTH);
  });

  it('generates a UUID without an id or with nothing usable in it', () => {
    expect(requestIdFrom(undefined)).toMatch(UUID);
    expect(requestIdFrom('')).toMatch(UUID);
    expect(requestIdFrom('\u00e9\u00e9 \t')).toMatch(UUID);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe('X-Request-Id on every request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('echoes an incoming id in the header, the error body and the request log line', async () => {
    const response = await t.call('POST', '/api/v1/api-keys', {
      body: { name: 'no scopes', scopes: [] },
      headers: { 'X-Request-Id': 'trace-4711' },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('x-request-id')).toBe('trace-4711');
    expect((await errorOf(response)).requestId).toBe('trace-4711');
    const line = t
      .logText()
      .split('\n')
      .filter((text) => text.includes('"msg":"request"'))
      .map((text) => JSON.parse(text))
      .find((entry) => entry.requestId === 'trace-4711');
    expect(line).toMatchObject({ route: '/api/v1/api-keys', status: 422, requestId: 'trace-4711' });
  });

  it('echoes it once on reads whose handler writes it (the cached action list)', async () => {
    const response = await t.call('GET', '/api/v1/actions', { headers: { 'X-Request-Id': 'read-42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('read-42');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('generates an id for a request without one: the same in the header and the error body', async () => {
    const response = await t.call('GET', '/api/v1/actions/act_unknown');
    expect(response.status).toBe(404);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect((await errorOf(response)).requestId).toBe(id);
  });

  it('answers successes, unknown paths, unauthenticated calls and refused text with one', async () => {
    const answers = await Promise.all([
      t.call('GET', '/api/v1/actions'),
      t.call('GET', '/healthz'),
      t.call('GET', '/no/such/file.js'),
      t.call('GET', '/api/v1/actions', { key: 'tg_wrong' }),
      t.call('GET', '/api/v1/calls?outcome=%00'),
      t.call('POST', '/api/v1/session', { key: '', body: { email: 'a\u0000@example.com', password: 'x' } }),
    ]);
    expect(answers.map((response) => response.status)).toEqual([200, 200, 404, 401, 400, 400]);
    for (const response of answers) {
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      if (response.status >= 400) expect((await errorOf(response)).requestId).toBe(id);
    }
    const refused = await t.call('GET', '/api/v1/calls?outcome=%00', { headers: { 'X-Request-Id': 'q-1' } });
    expect(await refused.json()).toEqual({
      error: {
        code: 'invalid_text',
        message: 'query.outcome contains a NUL character (U+0000)',
        field: 'query.outcome',
        requestId: 'q-1',
      },
    });
  });
});

describe('X-Request-Id under the Node server', () => {
  // @hono/node-server swaps in its own Response class: headers must survive it exactly as they do
  // in app.request() (the id once replaced the response and lost a widget's CORS header).
  let t: TestApp;
  let server: ServerType;
  let base: string;
  let widgetKey: string;
  let agentId: string;
  const SHOP = 'https://shop.example.com';
  beforeAll(async () => {
    t = await createTestApp();
    agentId = (await t.services.agents.create(t.tenantA.id, { name: 'Shop assistant' }, 'test')).agent.id;
    const created = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'widget', scopes: ['chat'], widget: { agentId, origins: [SHOP] } },
      'test',
    );
    widgetKey = created.value;
    server = await new Promise<ServerType>((resolve) => {
      const listening = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(listening),
      );
    });
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it("keeps the headers set after the handler (a widget's Access-Control-Allow-Origin) beside the id", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const started = await httpJson(`${base}/api/v1/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${widgetKey}`, origin: SHOP, 'x-request-id': `widget-${attempt}` },
        body: { agentId },
      });
      expect(started.status).toBe(201);
      expect(started.headers['access-control-allow-origin']).toBe(SHOP);
      expect(started.headers['x-request-id']).toBe(`widget-${attempt}`);
    }
    const refused = await httpJson(`${base}/api/v1/nothing`, { headers: { 'x-request-id': 'n-1' } });
    expect(refused.headers['x-request-id']).toBe('n-1');
    expect((refused.body as { error: { requestId: string } }).error.requestId).toBe('n-1');
  });
});
