import { type LoopbackHttpsServer, sendJson, startLoopbackHttpsServer } from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoopbackTestApp } from '../../test/loopback-test-app.js';
import { orderStatusAction, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let server: LoopbackHttpsServer;
let actionId: string;
let getActionId: string;
const PLANTED = ['planted-header-secret-5f2a9c', 'planted-bearer-secret-81be4d'];

beforeAll(async () => {
  server = await startLoopbackHttpsServer((request, response) => {
    if (request.url.startsWith('/fail')) return sendJson(response, 503, { error: 'down for maintenance' });
    sendJson(response, 200, {
      success: true,
      result: { status: 'shipped', echo: request.headers.authorization, long: 'x'.repeat(3000) },
    });
  });
  t = await createLoopbackTestApp();
  const url = `https://orders.example.com:${server.port}/status`;
  actionId = (await t.services.actions.create(t.tenantA.id, orderStatusAction({ url }), 'test')).action.id;
  getActionId = (
    await t.services.actions.create(
      t.tenantA.id,
      orderStatusAction({ name: 'order_lookup', url, method: 'GET' }),
      'test',
    )
  ).action.id;
});
afterAll(async () => {
  await t.close();
  await server.close();
});

const test = (id: string, body: unknown) => t.call('POST', `/api/v1/actions/${id}/test`, { body });

describe('POST /api/v1/actions/{id}/test', () => {
  it('dry run: builds and signs, redacts secrets, sends nothing', async () => {
    const before = server.connections;
    const response = await test(actionId, { parameters: { order_number: 'ORD-12345' }, mode: 'dry_run' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { request: { headers: Record<string, string>; body: string } };
    expect(body.request.headers.authorization).toBe('[redacted]');
    expect(body.request.headers['webhook-signature']).toMatch(/^v1,/);
    expect(JSON.parse(body.request.body).parameters).toEqual({ order_number: 'ORD-12345' });
    expect(server.connections).toBe(before);
    expect(JSON.stringify(body)).not.toContain(PLANTED[0]);
  });

  it('answers 422 with the parameter path for missing or invalid parameters, sending nothing', async () => {
    const before = server.requests.length;
    const missing = await test(actionId, { parameters: {}, mode: 'live', confirm: true });
    expect(missing.status).toBe(422);
    const details = ((await missing.json()) as { error: { details: Array<{ path: string }> } }).error.details;
    expect(details.map((detail) => detail.path)).toContain('/parameters/order_number');
    const invalid = await test(actionId, { parameters: { order_number: 'nope' }, mode: 'dry_run' });
    expect(invalid.status).toBe(422);
    expect(server.requests.length).toBe(before);
  });

  it('live POST needs confirm: true', async () => {
    const before = server.requests.length;
    const response = await test(actionId, { parameters: { order_number: 'ORD-1' }, mode: 'live' });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; details: Array<{ path: string }> } };
    expect(body.error.code).toBe('confirmation_required');
    expect(body.error.details[0]?.path).toBe('/confirm');
    expect(server.requests.length).toBe(before);
  });

  it('live: sends with trigger test and shows status, headers, 500 characters and the model view', async () => {
    const response = await test(actionId, {
      parameters: { order_number: 'ORD-12345' },
      mode: 'live',
      confirm: true,
    });
    expect(response.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
    const body = (await response.json()) as Record<string, any>;
    const sent = server.requests.at(-1);
    expect(JSON.parse(sent?.body ?? '{}').context.trigger).toBe('test');
    expect(sent?.headers['idempotency-key']).toBe(body.callId);
    expect(body.response.status).toBe(200);
    expect(body.response.headers['content-type']).toContain('application/json');
    expect(body.response.body.length).toBe(500);
    expect(body.result).toMatchObject({ ok: true, status: 200, data: { status: 'shipped' } });
    expect(body.durationMs).toBeGreaterThan(0);
    expect(body.record.id).toBe(body.callId);
    // The endpoint echoed the bearer token: it is scrubbed from everything shown and stored.
    const stored = await t.call('GET', `/api/v1/calls/${body.callId}`);
    expect(t.logText()).toContain(`"callId":"${body.callId}"`);
    const everything = JSON.stringify(body) + (await stored.text()) + t.logText();
    for (const secret of PLANTED) expect(everything).not.toContain(secret);
  });

  it('live GET needs no confirmation', async () => {
    const response = await test(getActionId, { parameters: { order_number: 'ORD-7' }, mode: 'live' });
    expect(response.status).toBe(200);
    expect(server.requests.at(-1)?.url).toBe('/status?order_number=ORD-7');
  });

  it('refuses unknown fields and modes', async () => {
    expect((await test(actionId, { parameters: {}, mode: 'explode' })).status).toBe(422);
    expect((await test(actionId, { params: {} })).status).toBe(400);
  });
});

describe('the execution log', () => {
  it('records failures with their kind and filters by outcome and action', async () => {
    const failing = await t.services.actions.create(
      t.tenantA.id,
      orderStatusAction({
        name: 'failing_lookup',
        method: 'GET',
        url: `https://orders.example.com:${server.port}/fail`,
      }),
      'test',
    );
    await test(failing.action.id, { parameters: { order_number: 'ORD-9' }, mode: 'live' });
    const failed = (await (await t.call('GET', '/api/v1/calls?outcome=failed')).json()) as {
      // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
      calls: Array<Record<string, any>>;
    };
    expect(failed.calls.length).toBe(1);
    expect(failed.calls[0]).toMatchObject({
      actionName: 'failing_lookup',
      failureKind: 'http_error',
      status: 503,
      trigger: 'test',
    });
    expect(failed.calls[0]?.response.bodyPreview).toContain('down for maintenance');
    const byName = (await (await t.call('GET', '/api/v1/calls?action=check_order_status')).json()) as {
      calls: unknown[];
    };
    const byId = (await (await t.call('GET', `/api/v1/calls?action=${actionId}`)).json()) as {
      calls: unknown[];
    };
    expect(byName.calls.length).toBe(1);
    expect(byId.calls).toEqual(byName.calls);
  });

  it('pages with a cursor and rejects bad filters', async () => {
    const first = (await (await t.call('GET', '/api/v1/calls?limit=2')).json()) as {
      calls: Array<{ id: string }>;
      nextCursor: string;
    };
    expect(first.calls.length).toBe(2);
    const second = (await (
      await t.call('GET', `/api/v1/calls?limit=2&cursor=${first.nextCursor}`)
    ).json()) as {
      calls: Array<{ id: string }>;
      nextCursor: string | null;
    };
    expect(second.calls.length).toBe(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.calls, ...second.calls].map((call) => call.id)).size).toBe(3);
    expect((await t.call('GET', '/api/v1/calls?limit=0')).status).toBe(422);
    expect((await t.call('GET', '/api/v1/calls?from=yesterday')).status).toBe(422);
    expect((await t.call('GET', '/api/v1/calls?cursor=garbage')).status).toBe(400);
    expect((await t.call('GET', '/api/v1/calls?colour=red')).status).toBe(400);
  });
});

describe('one call path', () => {
  it('live: loads, validates, builds and signs the call once, and sends the call it built', async () => {
    const { executor, actions } = t.services;
    const counts = { prepare: 0, load: 0 };
    const prepare = executor.prepare;
    const loadForCall = actions.loadForCall;
    executor.prepare = (call) => {
      counts.prepare += 1;
      return prepare(call);
    };
    actions.loadForCall = (...args) => {
      counts.load += 1;
      return loadForCall.apply(actions, args);
    };
    try {
      const response = await test(actionId, {
        parameters: { order_number: 'ORD-12345' },
        mode: 'live',
        confirm: true,
      });
      expect(response.status).toBe(200);
      expect(counts).toEqual({ prepare: 1, load: 1 });
    } finally {
      executor.prepare = prepare;
      actions.loadForCall = loadForCall;
    }
  });
});
