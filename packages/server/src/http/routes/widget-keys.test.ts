import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';
import { WIDGET_REQUESTS_PER_MINUTE } from '../widget-keys.js';

const SHOP = 'https://shop.example.com';
let f: ConversationFixture;
let widgetKey: string;
let otherAgentId: string;
beforeAll(async () => {
  f = await startConversationFixture();
  otherAgentId = (await f.t.services.agents.create(f.t.tenantA.id, { name: 'Internal helper' }, 'test')).agent
    .id;
  const created = await f.t.call('POST', '/api/v1/api-keys', {
    body: { name: 'shop widget', scopes: ['chat'], widget: { agentId: 'Shop assistant', origins: [SHOP] } },
  });
  expect(created.status).toBe(201);
  const body = await json(created);
  expect(body.key.widget).toEqual({ agentId: f.agentId, origins: [SHOP] });
  widgetKey = body.value;
});
afterAll(() => f.close());

const asWidget = (method: string, path: string, body?: unknown, origin: string | null = SHOP) =>
  f.t.call(method, path, {
    key: widgetKey,
    ...(body === undefined ? {} : { body }),
    headers: origin ? { origin } : {},
  });

describe('widget keys', () => {
  it.each([
    [
      { scopes: ['chat', 'webhooks:read'], widget: { agentId: 'Shop assistant', origins: [SHOP] } },
      '/scopes',
    ],
    [{ scopes: ['chat'], widget: { agentId: 'Nobody', origins: [SHOP] } }, '/widget/agentId'],
    [
      { scopes: ['chat'], widget: { agentId: 'Shop assistant', origins: ['https://Shop.Example.com'] } },
      '/widget/origins/0',
    ],
    [
      { scopes: ['chat'], widget: { agentId: 'Shop assistant', origins: ['https://shop.example.com/page'] } },
      '/widget/origins/0',
    ],
    [{ scopes: ['chat'], widget: { agentId: 'Shop assistant', origins: [] } }, '/widget/origins'],
  ])('refuses %j at %s', async (fields, path) => {
    const response = await f.t.call('POST', '/api/v1/api-keys', { body: { name: 'bad widget', ...fields } });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.map((detail: { path: string }) => detail.path)).toContain(
      path,
    );
  });

  it('talks to its agent from its origin, naming the origin for the browser', async () => {
    const started = await asWidget('POST', '/api/v1/conversations', { agentId: f.agentId });
    expect(started.status).toBe(201);
    expect(started.headers.get('access-control-allow-origin')).toBe(SHOP);
    const { id } = await json(started);
    const reply = await asWidget('POST', `/api/v1/conversations/${id}/messages`, {
      text: 'Where is my order?',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect((await asWidget('GET', `/api/v1/conversations/${id}`)).status).toBe(403);
    // Other keys' answers are never opened to a web page.
    const admin = await f.t.call('POST', '/api/v1/conversations', {
      body: { agentId: f.agentId },
      headers: { origin: SHOP },
    });
    expect(admin.status).toBe(201);
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is refused from another origin or with none, and for another agent', async () => {
    const elsewhere = await asWidget(
      'POST',
      '/api/v1/conversations',
      { agentId: f.agentId },
      'https://evil.example.net',
    );
    expect(elsewhere.status).toBe(403);
    // The refusal is readable by the page, so the widget can say why; nothing else is.
    expect(elsewhere.headers.get('access-control-allow-origin')).toBe('https://evil.example.net');
    expect((await json(elsewhere)).error.message).toContain('https://evil.example.net');
    expect((await asWidget('POST', '/api/v1/conversations', { agentId: f.agentId }, null)).status).toBe(403);
    const otherAgent = await asWidget('POST', '/api/v1/conversations', { agentId: otherAgentId });
    expect(otherAgent.status).toBe(403);
    // A conversation of another agent is not found through the widget key.
    const internal = await json(
      await f.t.call('POST', '/api/v1/conversations', { body: { agentId: otherAgentId } }),
    );
    expect(
      (await asWidget('POST', `/api/v1/conversations/${internal.id}/messages`, { text: 'hi' })).status,
    ).toBe(404);
    const event = { type: 'manual', action: 'check_order_status', parameters: { order_number: 'ORD-1' } };
    expect((await asWidget('POST', `/api/v1/conversations/${internal.id}/events`, event)).status).toBe(404);
  });

  it('answers a preflight for the conversation routes without granting anything', async () => {
    const response = await f.t.app.request('/api/v1/conversations', {
      method: 'OPTIONS',
      headers: {
        origin: SHOP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it(`limits each visitor to ${WIDGET_REQUESTS_PER_MINUTE} requests a minute`, async () => {
    const created = await json(
      await f.t.call('POST', '/api/v1/api-keys', {
        body: { name: 'busy widget', scopes: ['chat'], widget: { agentId: f.agentId, origins: [SHOP] } },
      }),
    );
    const statuses: number[] = [];
    for (let index = 0; index <= WIDGET_REQUESTS_PER_MINUTE; index += 1) {
      const response = await f.t.call('POST', '/api/v1/conversations', {
        key: created.value,
        body: { agentId: f.agentId },
        headers: { origin: SHOP },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, WIDGET_REQUESTS_PER_MINUTE).every((status) => status === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another key's visitors are not affected.
    expect((await asWidget('POST', '/api/v1/conversations', { agentId: f.agentId })).status).toBe(201);
  });
});
