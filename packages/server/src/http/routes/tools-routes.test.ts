import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotentCallId } from '../../agents/tool-call-service.js';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';
import { orderStatusAction } from '../../test/test-app.js';

let f: ConversationFixture;
let toolsKey: string;
let chatKey: string;

beforeAll(async () => {
  f = await startConversationFixture();
  const { t } = f;
  toolsKey = (await t.services.apiKeys.create(t.tenantA.id, { name: 'tools', scopes: ['tools'] }, 'test'))
    .value;
  chatKey = (await t.services.apiKeys.create(t.tenantA.id, { name: 'chat', scopes: ['chat'] }, 'test')).value;
  await t.services.actions.create(
    t.tenantA.id,
    orderStatusAction({
      name: 'old_lookup',
      url: `https://orders.example.com:${f.shop.port}/status`,
      enabled: false,
    }),
    'test',
  );
  await t.services.actions.create(
    t.tenantA.id,
    orderStatusAction({
      name: 'track_parcel',
      url: `https://orders.example.com:${f.shop.port}/status`,
      method: 'GET',
      conversation: { rateLimit: { calls: 1, windowMs: 600_000 } },
    }),
    'test',
  );
});
afterAll(() => f.close());

const call = (body: unknown, options: { key?: string; headers?: Record<string, string> } = {}) =>
  f.t.call('POST', '/api/v1/tools/call', {
    key: options.key ?? toolsKey,
    body,
    ...(options.headers ? { headers: options.headers } : {}),
  });
const shopRequests = () => f.shop.requests.length;

describe('GET /api/v1/agents/{id}/tools and /api/v1/tools', () => {
  it("lists the agent's enabled actions in OpenAI's format, parameters from core's tool definition", async () => {
    const response = await f.t.call('GET', `/api/v1/agents/${f.agentId}/tools?format=openai`, {
      key: toolsKey,
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.format).toBe('openai');
    const names = body.tools.map((tool: { function: { name: string } }) => tool.function.name);
    expect(names.sort()).toEqual(['cancel_order', 'check_order_status', 'track_parcel']);
    const check = body.tools.find(
      (tool: { function: { name: string } }) => tool.function.name === 'check_order_status',
    );
    expect(check).toEqual({
      type: 'function',
      function: {
        name: 'check_order_status',
        description: 'Look up the status of an order by its number when the customer asks where it is.',
        parameters: {
          type: 'object',
          properties: {
            order_number: {
              type: 'string',
              description: 'The order number, like ORD-12345',
              pattern: '^ORD-\\d+$',
            },
          },
          required: ['order_number'],
          additionalProperties: false,
        },
      },
    });
  });

  it("lists them in Anthropic's format, and OpenAI strict on request", async () => {
    const anthropic = await json(
      await f.t.call('GET', `/api/v1/agents/${f.agentId}/tools?format=anthropic`, { key: toolsKey }),
    );
    const cancel = anthropic.tools.find((tool: { name: string }) => tool.name === 'cancel_order');
    expect(Object.keys(cancel).sort()).toEqual(['description', 'input_schema', 'name']);
    expect(cancel.input_schema.required).toEqual(['order_number']);
    const strict = await json(await f.t.call('GET', '/api/v1/tools?strict=true', { key: toolsKey }));
    expect(strict.format).toBe('openai');
    expect(
      strict.tools.every((tool: { function: { strict?: boolean } }) => tool.function.strict === true),
    ).toBe(true);
  });

  it('leaves a disabled action out, answers a bad format with 422 and another tenant with 404', async () => {
    const all = await json(await f.t.call('GET', '/api/v1/tools?format=anthropic', { key: toolsKey }));
    expect(all.tools.map((tool: { name: string }) => tool.name)).not.toContain('old_lookup');
    expect(all.tools).toHaveLength(3);
    expect((await f.t.call('GET', '/api/v1/tools?format=gemini', { key: toolsKey })).status).toBe(422);
    const foreign = await f.t.call('GET', `/api/v1/agents/${f.agentId}/tools`, { key: f.t.tenantB.adminKey });
    expect(foreign.status).toBe(404);
  });

  it("lists and calls only the agent's own actions when it names some", async () => {
    const { agent } = await f.t.services.agents.create(
      f.t.tenantA.id,
      { name: 'Lookup only', actions: ['check_order_status'] },
      'test',
    );
    const listed = await json(await f.t.call('GET', `/api/v1/agents/${agent.id}/tools`, { key: toolsKey }));
    expect(listed.tools.map((tool: { function: { name: string } }) => tool.function.name)).toEqual([
      'check_order_status',
    ]);
    const before = shopRequests();
    const refused = await call({
      name: 'cancel_order',
      arguments: { order_number: 'ORD-7' },
      agentId: agent.id,
      confirmed: true,
    });
    expect(refused.status).toBe(404);
    expect(shopRequests()).toBe(before);
  });

  it('needs the tools scope (or agents:read / webhooks:read to list): a chat key is 403', async () => {
    const listed = await f.t.call('GET', `/api/v1/agents/${f.agentId}/tools`, { key: chatKey });
    expect(listed.status).toBe(403);
    expect((await json(listed)).error.message).toContain('tools, agents:read');
    expect((await f.t.call('GET', '/api/v1/tools', { key: chatKey })).status).toBe(403);
    const called = await call(
      { name: 'check_order_status', arguments: { order_number: 'ORD-1' } },
      { key: chatKey },
    );
    expect(called.status).toBe(403);
    const reader = (
      await f.t.services.apiKeys.create(f.t.tenantA.id, { name: 'reader', scopes: ['agents:read'] }, 'test')
    ).value;
    expect((await f.t.call('GET', `/api/v1/agents/${f.agentId}/tools`, { key: reader })).status).toBe(200);
    expect((await call({ name: 'check_order_status', arguments: {} }, { key: reader })).status).toBe(403);
  });
});

describe('POST /api/v1/tools/call', () => {
  it('calls the endpoint with normalized arguments, answers the model view and logs trigger tool_api', async () => {
    const before = shopRequests();
    const response = await call({
      name: 'check_order_status',
      arguments: { order_number: '  ORD-12345 ' },
      agentId: f.agentId,
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      ok: true,
      status: 200,
      data: { status: 'shipped', estimated_delivery: '2026-03-25' },
    });
    expect(body.callId).toMatch(/^call_[0-9a-f]{32}$/);
    expect(JSON.stringify(body)).not.toContain('planted');
    expect(shopRequests()).toBe(before + 1);
    const sent = f.shop.requests.at(-1);
    expect(sent?.url).toContain('order_number=ORD-12345');
    expect(sent?.headers['idempotency-key']).toBe(body.callId);
    const record = await json(await f.t.call('GET', `/api/v1/calls/${body.callId}`));
    expect(record.trigger).toBe('tool_api');
    expect(record.outcome).toBe('ok');
    const filtered = await json(await f.t.call('GET', '/api/v1/calls?trigger=tool_api'));
    expect(filtered.calls.map((entry: { id: string }) => entry.id)).toContain(body.callId);
  });

  it('answers an endpoint failure as a failed tool result', async () => {
    const body = await json(
      await call({ name: 'check_order_status', arguments: { order_number: 'ORD-500' } }),
    );
    expect(body.ok).toBe(false);
    expect(body.status).toBe(503);
    expect(body.error.kind).toBe('http_error');
    expect(body.callId).toMatch(/^call_/);
  });

  it('sends nothing for missing or invalid arguments, naming the parameter and the question', async () => {
    const before = shopRequests();
    const missing = await json(await call({ name: 'check_order_status', arguments: {} }));
    expect(missing).toMatchObject({
      ok: false,
      status: null,
      callId: null,
      error: { kind: 'invalid_arguments' },
      missing: [{ parameter: 'order_number', question: expect.stringContaining('order number') }],
    });
    expect(missing.ask).toBe(missing.missing[0].question);
    const invalid = await json(
      await call({ name: 'check_order_status', arguments: { order_number: 'twelve' } }),
    );
    expect(invalid.invalid).toEqual([
      expect.objectContaining({ parameter: 'order_number', question: expect.stringContaining('"twelve"') }),
    ]);
    expect(invalid.error.message).toContain('/order_number');
    expect(shopRequests()).toBe(before);
  });

  it('does not call a disabled action, an unknown one or another tenant agent: 404', async () => {
    const before = shopRequests();
    const disabled = await call({ name: 'old_lookup', arguments: { order_number: 'ORD-1' } });
    expect(disabled.status).toBe(404);
    expect((await json(disabled)).error.code).toBe('not_found');
    expect((await call({ name: 'no_such_tool', arguments: {} })).status).toBe(404);
    const foreign = await call(
      { name: 'check_order_status', arguments: { order_number: 'ORD-1' }, agentId: f.agentId },
      { key: f.t.tenantB.adminKey },
    );
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain(f.agentId);
    expect(shopRequests()).toBe(before);
  });

  it('refuses an action that asks for confirmation unless confirmed: true, reading the call back', async () => {
    const before = shopRequests();
    const refused = await json(await call({ name: 'cancel_order', arguments: { order_number: 'ORD-7' } }));
    expect(refused).toMatchObject({
      ok: false,
      callId: null,
      error: { kind: 'confirmation_required', message: expect.stringContaining('confirmed: true') },
      confirmation: { question: expect.stringContaining('ORD-7'), arguments: { order_number: 'ORD-7' } },
    });
    expect(shopRequests()).toBe(before);
    const confirmed = await json(
      await call({ name: 'cancel_order', arguments: { order_number: 'ORD-7' }, confirmed: true }),
    );
    expect(confirmed).toMatchObject({ ok: true, status: 200, message: 'Order ORD-7 is cancelled.' });
    expect(shopRequests()).toBe(before + 1);
  });

  it('replays the first result for a repeated idempotency key (header or body) and calls once', async () => {
    const before = shopRequests();
    const request = { name: 'cancel_order', arguments: { order_number: 'ORD-9' }, confirmed: true };
    const first = await json(await call(request, { headers: { 'Idempotency-Key': 'retry-order-9' } }));
    expect(first.callId).toBe(idempotentCallId(f.t.tenantA.id, 'retry-order-9'));
    const again = await json(await call({ ...request, idempotencyKey: 'retry-order-9' }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(shopRequests()).toBe(before + 1);
    const [a, b] = await Promise.all([
      call({ ...request, idempotencyKey: 'together' }),
      call({ ...request, idempotencyKey: 'together' }),
    ]);
    const bodies = [await json(a), await json(b)];
    expect(bodies[0]?.callId).toBe(bodies[1]?.callId);
    expect(shopRequests()).toBe(before + 2);
    const other = await call({
      name: 'check_order_status',
      arguments: { order_number: 'ORD-1' },
      idempotencyKey: 'retry-order-9',
    });
    expect(other.status).toBe(409);
    const mismatch = await call({ ...request, idempotencyKey: 'a' }, { headers: { 'Idempotency-Key': 'b' } });
    expect(mismatch.status).toBe(422);
  });

  it("keeps the action's rate limit and the conversation's call limit per conversationId", async () => {
    const before = shopRequests();
    const args = { name: 'track_parcel', arguments: { order_number: 'ORD-1' }, agentId: f.agentId };
    expect((await json(await call({ ...args, conversationId: 'ext-conv-1' }))).ok).toBe(true);
    const limited = await json(await call({ ...args, conversationId: 'ext-conv-1' }));
    expect(limited).toMatchObject({ ok: false, callId: null, error: { kind: 'limit_reached' } });
    expect(limited.error.message).toContain('1 times every 10 minutes');
    expect((await json(await call({ ...args, conversationId: 'ext-conv-2' }))).ok).toBe(true);
    expect(shopRequests()).toBe(before + 2);
    const lookup = {
      name: 'check_order_status',
      arguments: { order_number: 'ORD-1' },
      conversationId: 'ext-conv-3',
    };
    for (let made = 0; made < 10; made += 1) expect((await json(await call(lookup))).ok).toBe(true);
    const capped = await json(await call(lookup));
    expect(capped.error).toMatchObject({
      kind: 'limit_reached',
      message: expect.stringContaining('limit of 10'),
    });
  });
});
