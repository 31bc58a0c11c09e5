import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';

let f: ConversationFixture;
let conversationId: string;
beforeAll(async () => {
  f = await startConversationFixture();
  const response = await f.t.call('POST', '/api/v1/conversations', {
    body: { agentId: f.agentId, contactId: 'contact-7' },
  });
  conversationId = (await json(response)).id;
});
afterAll(() => f.close());

const fire = (body: unknown, key?: string) =>
  f.t.call('POST', `/api/v1/conversations/${conversationId}/events`, { body, ...(key ? { key } : {}) });

describe('POST /api/v1/conversations/{id}/events', () => {
  it('calls the action with the event as trigger, records it and shows it in the transcript', async () => {
    const response = await fire({
      type: 'button_click',
      action: 'cancel_order',
      parameters: { order_number: 'ORD-31' },
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      outcome: 'ok',
      result: { ok: true, message: 'Order ORD-31 is cancelled.' },
    });
    // A chat key gets what the model would see; the full record is for keys that read the log.
    expect(body).not.toHaveProperty('record');
    const record = await json(await f.t.call('GET', `/api/v1/calls/${body.callId}`));
    expect(record).toMatchObject({ trigger: 'button_click', conversationId, contactId: 'contact-7' });
    const envelope = JSON.parse(f.shop.requests.at(-1)?.body ?? '{}');
    expect(envelope.context).toMatchObject({
      trigger: 'button_click',
      conversation_id: conversationId,
      contact_id: 'contact-7',
      agent_id: f.agentId,
    });
    const transcript = await json(await f.t.call('GET', `/api/v1/conversations/${conversationId}`));
    const event = transcript.messages.at(-1);
    expect(event).toMatchObject({
      role: 'event',
      content: { type: 'button_click', action: 'cancel_order', outcome: 'ok' },
      call: { id: body.callId, href: `/api/v1/calls/${body.callId}` },
    });
  });

  it('prepares the event call once and sends the call it prepared', async () => {
    const { executor } = f.t.services;
    let prepared = 0;
    const prepare = executor.prepare;
    executor.prepare = (call) => {
      prepared += 1;
      return prepare(call);
    };
    try {
      const response = await fire({
        type: 'button_click',
        action: 'cancel_order',
        parameters: { order_number: 'ORD-32' },
      });
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(prepared).toBe(1);
      expect(f.shop.requests.at(-1)?.headers['webhook-id']).toBe(body.callId);
    } finally {
      executor.prepare = prepare;
    }
  });

  it("shows each action's calls in the last 24 hours and the latest outcome, to this tenant only", async () => {
    const summary = await json(await f.t.call('GET', '/api/v1/calls/by-action'));
    const cancel = (await f.t.services.actions.list(f.t.tenantA.id)).find(
      (action) => action.definition.name === 'cancel_order',
    );
    expect(summary.actions).toContainEqual(
      expect.objectContaining({ actionId: cancel?.id, lastOutcome: 'ok', callsLast24h: expect.any(Number) }),
    );
    expect(
      (await json(await f.t.call('GET', '/api/v1/calls/by-action', { key: f.t.tenantB.adminKey }))).actions,
    ).toEqual([]);
  });

  it('takes the action by id as well as by name, with lead_captured and manual triggers', async () => {
    const [stored] = (await f.t.services.actions.list(f.t.tenantA.id)).filter(
      (action) => action.definition.name === 'check_order_status',
    );
    for (const type of ['lead_captured', 'manual'] as const) {
      const response = await fire({ type, action: stored?.id, parameters: { order_number: 'ORD-9' } });
      expect(response.status).toBe(200);
      const { callId } = await json(response);
      expect((await json(await f.t.call('GET', `/api/v1/calls/${callId}`))).trigger).toBe(type);
    }
  });

  it('invalid parameters are a 422 under /parameters and nothing is sent', async () => {
    const before = f.shop.requests.length;
    const response = await fire({
      type: 'manual',
      action: 'cancel_order',
      parameters: { order_number: 'nope' },
    });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details[0].path).toBe('/parameters/order_number');
    const missing = await fire({ type: 'manual', action: 'cancel_order' });
    expect((await json(missing)).error.details[0].path).toBe('/parameters/order_number');
    expect(f.shop.requests.length).toBe(before);
  });

  it.each([
    [{ type: 'clicked', action: 'cancel_order' }, 422, '/type'],
    [{ type: 'manual' }, 422, '/action'],
    [{ type: 'manual', action: 'no_such_action' }, 422, '/action'],
    [{ type: 'manual', action: 'cancel_order', parameters: 'ORD-1' }, 422, '/parameters'],
    [{ type: 'manual', action: 'cancel_order', why: 'x' }, 400, '/why'],
  ])('%j is a %i at %s', async (body, status, path) => {
    const response = await fire(body);
    expect(response.status).toBe(status);
    expect((await json(response)).error.details.map((detail: { path: string }) => detail.path)).toContain(
      path,
    );
  });

  it("refuses an action outside the agent's list, and a disabled one", async () => {
    const { agent } = await f.t.services.agents.create(
      f.t.tenantA.id,
      { name: 'Lookup only', actions: ['check_order_status'] },
      'test',
    );
    const started = await json(
      await f.t.call('POST', '/api/v1/conversations', { body: { agentId: agent.id } }),
    );
    const refused = await f.t.call('POST', `/api/v1/conversations/${started.id}/events`, {
      body: { type: 'manual', action: 'cancel_order', parameters: { order_number: 'ORD-1' } },
    });
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.details[0].path).toBe('/action');

    const [lookup] = (await f.t.services.actions.list(f.t.tenantA.id)).filter(
      (action) => action.definition.name === 'check_order_status',
    );
    await f.t.services.actions.update(f.t.tenantA.id, lookup?.id as string, { enabled: false }, 'test');
    const disabled = await fire({
      type: 'manual',
      action: 'check_order_status',
      parameters: { order_number: 'ORD-1' },
    });
    expect(disabled.status).toBe(422);
    expect((await json(disabled)).error.details[0].path).toBe('/action');
  });
});
