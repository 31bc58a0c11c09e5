import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deadlineReply } from '../../agents/async-calls.js';
import { json } from '../../test/conversation-fixture.js';
import { describeEachEngine } from '../../test/describe-each-engine.js';
import { createTestApp, orderStatusAction, type TestApp } from '../../test/test-app.js';

describeEachEngine('async actions and their callbacks ($engine)', (engine) => {
  let t: TestApp;
  let shop: LoopbackHttpsServer;
  /** The callback URLs the shop received, newest last. */
  const callbackUrls: string[] = [];

  beforeAll(async () => {
    shop = await startLoopbackHttpsServer((request, response) => {
      const envelope = JSON.parse(request.body || '{}');
      callbackUrls.push(envelope.context?.callback_url);
      sendJson(response, 202, { message: "I'm checking with the warehouse." });
    });
    const { cert } = await testCertificate();
    t = await createTestApp({
      engine,
      allowPrivateNetworks: ['127.0.0.0/8'],
      resolve: async () => ['127.0.0.1'],
      ca: cert,
      dial: createLoopbackOnlyDial(cert).dial,
    });
    for (const tenant of [t.tenantA, t.tenantB]) {
      await t.services.actions.create(
        tenant.id,
        orderStatusAction({
          url: `https://orders.example.com:${shop.port}/status`,
          method: 'POST',
          async: { deadlineSeconds: 60 },
          conversation: { confirmation: 'never' },
        }),
        'test',
      );
    }
  });
  afterAll(async () => {
    await t.close();
    await shop.close();
  });

  /** Starts a conversation of `tenant`, asks for an order and returns the reply and the callback path. */
  async function askAsync(tenant = t.tenantA) {
    const { agent } = await t.services.agents.create(
      tenant.id,
      { name: `Assistant ${Math.random()}` },
      'test',
    );
    const started = await t.call('POST', '/api/v1/conversations', {
      key: tenant.adminKey,
      body: { agentId: agent.id },
    });
    const id = (await json(started)).id as string;
    const turn = await json(
      await t.call('POST', `/api/v1/conversations/${id}/messages`, {
        key: tenant.adminKey,
        body: { text: 'Where is my order ORD-12345?' },
      }),
    );
    const url = new URL(callbackUrls.at(-1) ?? '');
    return { id, turn, path: url.pathname, tenant };
  }
  const transcript = async (id: string, key = t.tenantA.adminKey) =>
    (await json(await t.call('GET', `/api/v1/conversations/${id}`, { key }))).messages as Array<
      Record<string, unknown>
    >;
  const callback = (path: string, body: unknown) => t.call('POST', path, { key: '', body });

  it('says the endpoint message on 202, then follows up from the callback in the transcript', async () => {
    const { id, turn, path } = await askAsync();
    expect(turn.reply).toBe("I'm checking with the warehouse.");
    expect(turn.events.map((event: { type: string }) => event.type)).toContain('action-pending');
    expect(path).toMatch(/^\/api\/v1\/callbacks\/tgcb_/);
    const token = path.split('/').at(-1) ?? '';
    // The token is a credential: the execution log shows the request without it.
    const calls = await json(await t.call('GET', `/api/v1/calls?conversation=${id}`));
    expect(JSON.stringify(calls)).not.toContain(token);

    const answered = await callback(path, { message: 'Your order ORD-12345 was delivered this morning.' });
    expect(answered.status).toBe(200);
    const messages = await transcript(id);
    expect(messages.at(-1)).toMatchObject({
      role: 'assistant',
      text: 'Your order ORD-12345 was delivered this morning.',
    });
    const call = (await json(await t.call('GET', `/api/v1/calls?conversation=${id}`))).calls[0];
    expect(call.callback).toMatchObject({ state: 'answered' });
  });

  it('pushes the follow-up to an open stream of the conversation', async () => {
    const { id, path } = await askAsync();
    const stream = await t.call('GET', `/api/v1/conversations/${id}/stream`);
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value);
      }
    };
    await readUntil('event: ready');
    expect((await callback(path, { message: 'Streamed: it was delivered.' })).status).toBe(200);
    await readUntil('Streamed: it was delivered.');
    await reader.cancel();
    expect(text).toContain('event: message');
    expect(text).toContain('"reply":"Streamed: it was delivered."');
  });

  it('refuses a replayed callback with 409 and leaves the transcript alone', async () => {
    const { id, path } = await askAsync();
    expect((await callback(path, { data: { status: 'shipped' } })).status).toBe(200);
    // The model answered from the late result.
    expect((await transcript(id)).at(-1)).toMatchObject({
      role: 'assistant',
      text: expect.stringMatching(/shipped/i),
    });
    const count = (await transcript(id)).length;
    const replay = await callback(path, { data: { status: 'lost' } });
    expect(replay.status).toBe(409);
    expect((await json(replay)).error.code).toBe('callback_used');
    expect(await transcript(id)).toHaveLength(count);
  });

  it('answers an unknown or malformed token with the same 404', async () => {
    const { path } = await askAsync();
    const wrong = `${path.slice(0, -4)}AAAA`;
    for (const candidate of [wrong, '/api/v1/callbacks/nonsense']) {
      const response = await callback(candidate, { data: 1 });
      expect(response.status).toBe(404);
      expect((await json(response)).error.message).toBe('there is no callback at this address');
    }
  });

  it('binds the token to its tenant and conversation: the other tenant sees nothing of it', async () => {
    const a = await askAsync(t.tenantA);
    const b = await askAsync(t.tenantB);
    const bBefore = (await transcript(b.id, t.tenantB.adminKey)).length;
    // Sent with tenant B's key: the key does not matter, the token answers A's call only.
    const response = await t.call('POST', a.path, {
      key: t.tenantB.adminKey,
      body: { message: 'For A only.' },
    });
    expect(response.status).toBe(200);
    expect((await transcript(a.id)).at(-1)).toMatchObject({ text: 'For A only.' });
    expect(await transcript(b.id, t.tenantB.adminKey)).toHaveLength(bBefore);
    expect((await t.call('GET', `/api/v1/conversations/${a.id}`, { key: t.tenantB.adminKey })).status).toBe(
      404,
    );
  });

  /** The async call a conversation made, and its queued deadline row. */
  async function pendingCall(conversationId: string) {
    const call = await t.services.db
      .selectFrom('async_calls')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const rows = await t.services.db
      .selectFrom('deliveries')
      .selectAll()
      .where('kind', '=', 'async_deadline')
      .execute();
    const deadline = rows.find((row) => (row.payload as { callId?: string }).callId === call.call_id);
    return { call, deadline };
  }
  /** Moves a call's deadline (and its queued row) `ms` from now: time passing, without the wait. */
  async function moveDeadline(conversationId: string, ms: number) {
    const { call, deadline } = await pendingCall(conversationId);
    const at = new Date(Date.now() + ms);
    await t.services.db
      .updateTable('async_calls')
      .set({ deadline: at })
      .where('call_id', '=', call.call_id)
      .execute();
    if (deadline)
      await t.services.db
        .updateTable('deliveries')
        .set({ next_attempt_at: at })
        .where('id', '=', deadline.id)
        .execute();
  }
  /** What the agent said (its tool-call entries carry no text). */
  const followUps = async (id: string) =>
    (await transcript(id)).filter((message) => message.role === 'assistant' && message.text).length;

  it('queues the deadline with the pending call, in the same write, due at the deadline', async () => {
    const before = Date.now();
    const { id } = await askAsync();
    const { call, deadline } = await pendingCall(id);
    expect(call.state).toBe('pending');
    expect(deadline).toMatchObject({ tenant_id: t.tenantA.id, status: 'pending' });
    const due = new Date(deadline?.next_attempt_at as Date).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 59_000);
    expect(due).toBe(new Date(call.deadline).getTime());
  });

  it('expires a call at its deadline through the queue: the agent says it got no answer once; a late callback gets 410', async () => {
    const { id, path } = await askAsync();
    await moveDeadline(id, -1_000);
    const late = await callback(path, { data: { status: 'shipped' } });
    expect(late.status).toBe(410);
    expect((await json(late)).error.code).toBe('callback_expired');
    await t.services.deliveryWorker.drain();
    expect((await transcript(id)).at(-1)).toMatchObject({
      role: 'assistant',
      text: deadlineReply('Check order status'),
    });
    const { call, deadline } = await pendingCall(id);
    expect(call.state).toBe('expired');
    expect(deadline?.status).toBe('delivered');
    // The queue is at least once: the same deadline run again adds nothing.
    const count = await followUps(id);
    const handler = t.services.asyncCalls.deadlineHandler();
    const again = await handler(
      {
        id: deadline?.id as string,
        tenantId: t.tenantA.id,
        kind: 'async_deadline',
        payload: { callId: call.call_id },
        subscriptionId: null,
        eventType: null,
        attempt: 2,
        createdAt: new Date(),
      },
      new AbortController().signal,
    );
    expect(again).toEqual({ kind: 'delivered' });
    expect(await followUps(id)).toBe(count);
    expect((await callback(path, { data: 1 })).status).toBe(410);
  });

  it('a callback and the deadline racing: exactly one of them follows up', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { id, path } = await askAsync();
      const before = await followUps(id);
      await moveDeadline(id, 40);
      await new Promise((resolve) => setTimeout(resolve, 35));
      const racing = await Promise.all([
        callback(path, { message: 'It was delivered.' }).then((response) => response.status),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          await t.services.deliveryWorker.drain();
        })(),
      ]);
      await t.services.deliveryWorker.drain();
      const { call } = await pendingCall(id);
      expect(['answered', 'expired']).toContain(call.state);
      expect(racing[0]).toBe(call.state === 'answered' ? 200 : 410);
      expect(await followUps(id)).toBe(before + 1);
    }
  });

  it('emits message.created for the follow-up, in the write that stores it', async () => {
    const { subscription } = await t.services.subscriptions.create(
      t.tenantA.id,
      { url: `https://hooks.example.net:${shop.port}/events`, eventTypes: ['message.created'] },
      'test',
    );
    const { id, path } = await askAsync();
    expect((await callback(path, { message: 'Your parcel is at the depot.' })).status).toBe(200);
    const rows = await t.services.db
      .selectFrom('deliveries')
      .select(['payload', 'event_type'])
      .where('subscription_id', '=', subscription.id)
      .execute();
    const followUp = rows.filter(
      (row) =>
        row.event_type === 'message.created' &&
        JSON.stringify(row.payload).includes('Your parcel is at the depot.'),
    );
    expect(followUp).toHaveLength(1);
    expect(JSON.stringify(followUp[0]?.payload)).toContain(id);
    await t.services.subscriptions.remove(t.tenantA.id, subscription.id, 'test');
  });
});
