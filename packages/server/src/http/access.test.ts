import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../deliveries/enqueue.js';
import { createTestApp, orderStatusAction, type TestApp } from '../test/test-app.js';
import { API_ROUTES } from './create-app.js';

let t: TestApp;
const METRICS_TOKEN = 'metrics-token-for-the-access-test';
/** Ids that belong to tenant A, by the path parameter's resource. */
const idsOfA: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({
    metricsToken: METRICS_TOKEN,
    allowPrivateNetworks: ['127.0.0.0/8'],
    resolve: async () => ['127.0.0.1'],
  });
  const created = await t.services.actions.create(t.tenantA.id, orderStatusAction(), 'test');
  idsOfA.actions = created.action.id;
  const key = await t.services.apiKeys.create(t.tenantA.id, { name: 'other', scopes: ['chat'] }, 'test');
  idsOfA['api-keys'] = key.key.id;
  const operator = await t.services.operators.create(
    t.tenantA.id,
    { email: 'ann@example.com', password: 'correct horse battery', scopes: ['admin'] },
    'test',
  );
  idsOfA.operators = operator.id;
  const { record } = await t.services.runner.run(
    t.tenantA.id,
    created.action.id,
    { order_number: 'bad' },
    { trigger: 'test' },
  );
  idsOfA.calls = record.id;
  const { agent } = await t.services.agents.create(t.tenantA.id, { name: 'Agent of A' }, 'test');
  idsOfA.agents = agent.id;
  idsOfA.conversations = (await t.services.conversations.create(t.tenantA.id, { agentId: agent.id })).id;
  idsOfA.subscriptions = (
    await t.services.subscriptions.create(t.tenantA.id, { url: 'https://hooks.example.com/in' }, 'test')
  ).subscription.id;
  idsOfA.deliveries = await enqueue(t.services.db, {
    tenantId: t.tenantA.id,
    kind: 'webhook_trigger',
    payload: {},
    notBefore: new Date(Date.now() + 3_600_000),
  });
});
afterAll(() => t.close());

const bodyFor: Record<string, unknown> = {
  'patch /actions/{id}': { description: 'Changed by another tenant, which must never work.' },
  'post /actions/{id}/test': { parameters: { order_number: 'ORD-1' }, mode: 'dry_run' },
  'patch /agents/{id}': { name: 'Taken over' },
  'patch /operators/{id}': { scopes: ['admin'] },
  'patch /subscriptions/{id}': { description: 'Taken over' },
  'post /agents/{id}/channels': { name: 'taken-over', kind: 'generic' },
  'patch /agents/{id}/channels/{channel}': { replyMode: 'inline' },
  'post /agents/{id}/mcp-servers': { name: 'taken_over', url: 'https://api.example.com/mcp' },
  'patch /agents/{id}/mcp-servers/{server}': { enabled: false },
  'post /subscriptions/{id}/replay': { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
  'post /deliveries/replay': { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
  'post /conversations/{id}/messages': { text: 'Hello from another tenant' },
  'post /conversations/{id}/events': {
    type: 'manual',
    action: 'check_order_status',
    parameters: { order_number: 'ORD-1' },
  },
};

describe('tenant isolation', () => {
  // Routes without an API key (an inbound channel's signed messages) answer one 401 for every
  // unknown, foreign or unsigned target instead: channels' own tests attack them.
  const routesWithIds = API_ROUTES.filter((route) => route.path.includes('{id}') && route.scope !== null);

  it('covers every route that takes an id', () => {
    expect(routesWithIds.length).toBeGreaterThanOrEqual(8);
  });

  for (const route of routesWithIds) {
    it(`${route.method.toUpperCase()} ${route.path} with another tenant's id is 404`, async () => {
      const resource = route.path.split('/')[1] ?? '';
      const id = idsOfA[resource];
      expect(id, `no id of tenant A for ${resource}`).toBeDefined();
      const path = `/api/v1${route.path.replace('{id}', id ?? '')}`;
      const body = bodyFor[`${route.method} ${route.path}`];
      const response = await t.call(route.method.toUpperCase(), path, {
        key: t.tenantB.adminKey,
        ...(body === undefined ? {} : { body }),
      });
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain(id);
      expect(JSON.parse(text).error.code).toBe('not_found');
    });
  }

  it("lists only the caller's own actions and calls", async () => {
    const actions = (await (await t.call('GET', '/api/v1/actions', { key: t.tenantB.adminKey })).json()) as {
      actions: unknown[];
    };
    expect(actions.actions).toEqual([]);
    const calls = (await (await t.call('GET', '/api/v1/calls', { key: t.tenantB.adminKey })).json()) as {
      calls: unknown[];
    };
    expect(calls.calls).toEqual([]);
  });

  it('leaves tenant A untouched after tenant B tried every route', async () => {
    const read = await t.call('GET', `/api/v1/actions/${idsOfA.actions}`);
    expect(read.status).toBe(200);
    const agent = (await (await t.call('GET', `/api/v1/agents/${idsOfA.agents}`)).json()) as { name: string };
    expect(agent.name).toBe('Agent of A');
    const transcript = (await (
      await t.call('GET', `/api/v1/conversations/${idsOfA.conversations}`)
    ).json()) as {
      messages: unknown[];
    };
    expect(transcript.messages).toEqual([]);
    const keys = (await (await t.call('GET', '/api/v1/api-keys')).json()) as {
      keys: Array<{ id: string; revokedAt: unknown }>;
    };
    expect(keys.keys.find((key) => key.id === idsOfA['api-keys'])?.revokedAt).toBeNull();
  });
});

describe('authentication and scopes', () => {
  it('answers 401 without credentials, with a wrong key and with a revoked key', async () => {
    expect((await t.call('GET', '/api/v1/actions', { key: '' })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/actions', { key: 'tg_not-a-real-key' })).status).toBe(401);
    const { key, value } = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'short-lived', scopes: ['admin'] },
      'test',
    );
    expect((await t.call('GET', '/api/v1/actions', { key: value })).status).toBe(200);
    expect((await t.call('DELETE', `/api/v1/api-keys/${key.id}`)).status).toBe(200);
    const after = await t.call('GET', '/api/v1/actions', { key: value });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('lets webhooks:read read but not change, and names the missing scope', async () => {
    const { value } = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'reader', scopes: ['webhooks:read'] },
      'test',
    );
    expect((await t.call('GET', '/api/v1/actions', { key: value })).status).toBe(200);
    expect((await t.call('GET', `/api/v1/calls/${idsOfA.calls}`, { key: value })).status).toBe(200);
    const create = await t.call('POST', '/api/v1/actions', {
      key: value,
      body: orderStatusAction({ name: 'by_reader' }),
    });
    expect(create.status).toBe(403);
    expect(((await create.json()) as { error: { message: string } }).error.message).toContain(
      'webhooks:manage',
    );
    expect(
      (await t.call('POST', `/api/v1/actions/${idsOfA.actions}/test`, { key: value, body: {} })).status,
    ).toBe(403);
    expect((await t.call('GET', '/api/v1/api-keys', { key: value })).status).toBe(403);
  });

  it('keeps chat-only keys out of configuration', async () => {
    const { value } = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'widget', scopes: ['chat'] },
      'test',
    );
    expect((await t.call('GET', '/api/v1/actions', { key: value })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/calls', { key: value })).status).toBe(403);
  });

  it('refuses unknown scopes when creating a key', async () => {
    const response = await t.call('POST', '/api/v1/api-keys', { body: { name: 'x', scopes: ['root'] } });
    expect(response.status).toBe(422);
  });
});

describe('health, readiness, metrics', () => {
  it('answers health and readiness without credentials, metrics only with the metrics token', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    expect(await (await t.app.request('/readyz')).json()).toEqual({ status: 'ready' });
    expect((await t.app.request('/metrics')).status).toBe(401);
    const metrics = await (
      await t.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(metrics).toContain(
      `toolgate_action_calls_total{tenant_id="${t.tenantA.id}",action_id="${idsOfA.actions}",action="check_order_status",trigger="test",outcome="invalid_arguments"} 1`,
    );
    expect(metrics).toContain(
      'toolgate_http_requests_total{method="GET",route="/api/v1/actions",status="200"}',
    );
  });

  it('answers unknown paths with the error shape', async () => {
    const response = await t.app.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
