import { describe, expect, it } from 'vitest';
import { type ActionDefinition, resolveActionDefaults } from './action-definition.js';
import { buildRequest } from './build-request.js';
import type { CallContext } from './call-context.js';

const context: CallContext = {
  callId: 'call_1',
  trigger: 'ai_intent',
  agentId: 'agent_1',
  conversationId: 'conv_1',
  timestamp: new Date('2026-03-20T10:00:00Z'),
};

function action(overrides: Partial<ActionDefinition> = {}) {
  return resolveActionDefaults({
    name: 'check_order_status',
    description: 'Check an order.',
    url: 'https://shop.example.com/api/orders',
    ...overrides,
  });
}

describe('buildRequest', () => {
  it('POSTs the envelope with the context in snake_case, leaving absent ids out', () => {
    const request = buildRequest(action(), { order_number: 'ORD-12345' }, context);
    expect(request.method).toBe('POST');
    expect(request.url.href).toBe('https://shop.example.com/api/orders');
    expect(JSON.parse(request.body ?? '')).toEqual({
      action: 'check_order_status',
      parameters: { order_number: 'ORD-12345' },
      context: {
        call_id: 'call_1',
        trigger: 'ai_intent',
        agent_id: 'agent_1',
        conversation_id: 'conv_1',
        timestamp: '2026-03-20T10:00:00.000Z',
      },
    });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'call_1',
    });
    expect(request.headers['user-agent']).toMatch(/^Toolgate\//);
  });

  it('puts GET and DELETE parameters in the query string, skipping null and path parameters', () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const request = buildRequest(
        action({ method, url: 'https://shop.example.com/api/orders/{order_number}?source=bot' }),
        { order_number: 'ORD 1/2', include_items: true, limit: 5, note: null },
        context,
      );
      expect(request.body).toBeUndefined();
      expect(request.headers['content-type']).toBeUndefined();
      expect(request.url.pathname).toBe('/api/orders/ORD%201%2F2');
      expect(request.url.search).toBe('?source=bot&include_items=true&limit=5');
    }
  });

  it('refuses path values that would climb out of the configured path', () => {
    const climbing = action({ method: 'GET', url: 'https://shop.example.com/api/orders/{id}/status' });
    for (const id of ['..', '.']) {
      expect(() => buildRequest(climbing, { id }, context), id).toThrow(
        expect.objectContaining({
          code: 'validation_failed',
          details: [{ path: '/id', message: expect.stringContaining('"..') }],
        }),
      );
    }
    expect(buildRequest(climbing, { id: '...' }, context).url.pathname).toBe('/api/orders/.../status');
    expect(buildRequest(climbing, { id: '%2e%2E' }, context).url.pathname).toBe(
      '/api/orders/%252e%252E/status',
    );
    expect(buildRequest(climbing, { id: 'a/../../admin' }, context).url.pathname).toBe(
      '/api/orders/a%2F..%2F..%2Fadmin/status',
    );
  });

  it('applies bearer, basic and api-key auth, marking every secret', () => {
    const bearer = buildRequest(action({ auth: { type: 'bearer', token: 'tok_1' } }), {}, context);
    expect(bearer.headers.authorization).toBe('Bearer tok_1');
    expect([...bearer.secretHeaders]).toEqual(['authorization']);
    expect(bearer.secretValues).toEqual(['tok_1']);

    const basic = buildRequest(
      action({ auth: { type: 'basic', username: 'u', password: 'p@ss' } }),
      {},
      context,
    );
    expect(basic.headers.authorization).toBe(`Basic ${Buffer.from('u:p@ss').toString('base64')}`);

    const header = buildRequest(
      action({ auth: { type: 'api_key', in: 'header', name: 'X-Api-Key', value: 'k1' } }),
      {},
      context,
    );
    expect(header.headers['x-api-key']).toBe('k1');
    expect(header.secretHeaders.has('x-api-key')).toBe(true);

    const query = buildRequest(
      action({ auth: { type: 'api_key', in: 'query', name: 'key', value: 'k2' } }),
      {},
      context,
    );
    expect(query.url.searchParams.get('key')).toBe('k2');
    expect(query.secretQueryParameters.has('key')).toBe(true);
  });

  it('adds custom headers lower-cased, each value a secret', () => {
    const request = buildRequest(
      action({ headers: { 'X-Shop-Id': 'shop_42', 'X-Secret': 'abc' } }),
      {},
      context,
    );
    expect(request.headers['x-shop-id']).toBe('shop_42');
    expect(request.secretHeaders).toEqual(new Set(['x-shop-id', 'x-secret']));
  });

  it('renders a body template instead of the envelope', () => {
    const request = buildRequest(
      action({
        bodyTemplate: {
          event: 'lead.captured',
          email: '{{parameters.email}}',
          conversation: '{{context.conversation_id}}',
          via: '{{context.action}}',
        },
      }),
      { email: 'ana@example.com' },
      context,
    );
    expect(JSON.parse(request.body ?? '')).toEqual({
      event: 'lead.captured',
      email: 'ana@example.com',
      conversation: 'conv_1',
      via: 'check_order_status',
    });
  });

  it('sends an event as {event, data, context}, placeholders in the data left as written', () => {
    const data = { email: 'ana@example.com', note: '{{context.call_id}}', items: [1, { a: null }] };
    const request = buildRequest(action({ bodyTemplate: { ignored: true } }), {}, context, {
      event: { event: 'lead_captured', data },
    });
    expect(JSON.parse(request.body ?? '')).toEqual({
      event: 'lead_captured',
      data,
      context: expect.objectContaining({ call_id: 'call_1', trigger: 'ai_intent' }),
    });
  });
});
