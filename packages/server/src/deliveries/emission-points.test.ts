import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { createTestApp, orderStatusAction, type TestApp } from '../test/test-app.js';
import type { NewDelivery } from './delivery-types.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
type Body = Record<string, any>;
const json = async (response: Response) => (await response.json()) as Body;

describeEachEngine('events emitted where they happen on $engine', (engine) => {
  let t: TestApp;
  let server: LoopbackHttpsServer;
  /** What the emitter queued, and whether each was written inside a transaction. */
  let queued: Array<{ delivery: NewDelivery; inTransaction: boolean }> = [];
  let agentId: string;
  let otherAgentId: string;
  let everything: string;
  let onlyOther: string;
  let onlyFailures: string;
  beforeAll(async () => {
    server = await startLoopbackHttpsServer((request, response) =>
      request.url.startsWith('/fail')
        ? sendJson(response, 500, { error: 'down' })
        : sendJson(response, 200, { ok: 1 }),
    );
    const { cert } = await testCertificate();
    t = await createTestApp({
      engine,
      allowPrivateNetworks: ['127.0.0.0/8'],
      resolve: async () => ['127.0.0.1'],
      ca: cert,
      dial: createLoopbackOnlyDial(cert).dial,
      enqueue: async (writer, delivery) => {
        queued.push({ delivery, inTransaction: writer.isTransaction });
        return `dlv_${String(queued.length).padStart(32, '0')}`;
      },
    });
    const agent = async (name: string) =>
      (
        await json(
          await t.call('POST', '/api/v1/agents', { body: { name, greeting: 'Hello! How can I help?' } }),
        )
      ).agent.id as string;
    agentId = await agent('Support');
    otherAgentId = await agent('Sales');
    const subscribe = async (body: Body) =>
      (
        await t.services.subscriptions.create(
          t.tenantA.id,
          { url: 'https://hooks.example.net/', ...body },
          'test',
        )
      ).subscription.id;
    everything = await subscribe({});
    onlyOther = await subscribe({ agentIds: [otherAgentId] });
    onlyFailures = await subscribe({ eventTypes: ['action.failed'] });
  });
  beforeEach(() => {
    queued = [];
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  const types = (subscriptionId: string) =>
    queued
      .filter((row) => row.delivery.subscriptionId === subscriptionId)
      .map((row) => row.delivery.eventType);

  it('a new conversation and each stored message, in the transaction that writes them, filtered by agent', async () => {
    const created = await json(await t.call('POST', '/api/v1/conversations', { body: { agentId } }));
    expect(types(everything)).toEqual(['conversation.started', 'message.created']);
    expect(types(onlyOther)).toEqual([]);
    expect(types(onlyFailures)).toEqual([]);
    const started = queued[0]?.delivery;
    expect(started).toMatchObject({ kind: 'event', tenantId: t.tenantA.id });
    expect(started?.payload).toMatchObject({
      envelope: {
        type: 'conversation.started',
        data: { conversationId: created.id, agentId, contactId: null },
      },
    });
    queued = [];
    const reply = await t.call('POST', `/api/v1/conversations/${created.id}/messages`, {
      body: { text: 'hi there' },
    });
    expect(reply.status).toBe(200);
    expect(types(everything)).toEqual(['message.created', 'message.created']);
    const [user, assistant] = queued.map((row) => row.delivery.payload as Body);
    expect(user?.envelope.data).toMatchObject({
      conversationId: created.id,
      role: 'user',
      text: 'hi there',
      seq: 2,
    });
    expect(assistant?.envelope.data).toMatchObject({ role: 'assistant', seq: 3 });
    expect(queued.every((row) => row.inTransaction)).toBe(true);
    // Another agent's conversation reaches the subscription filtered on it.
    queued = [];
    await t.call('POST', '/api/v1/conversations', { body: { agentId: otherAgentId } });
    expect(types(onlyOther)).toEqual(['conversation.started', 'message.created']);
  });

  it('action calls as action.succeeded / action.failed, filtered by type; a paused subscription gets none', async () => {
    const url = `https://hooks.example.net:${server.port}`;
    const ok = (
      await t.services.actions.create(t.tenantA.id, orderStatusAction({ url: `${url}/ok` }), 'test')
    ).action;
    const failing = (
      await t.services.actions.create(
        t.tenantA.id,
        orderStatusAction({ name: 'broken', url: `${url}/fail` }),
        'test',
      )
    ).action;
    await t.services.runner.run(t.tenantA.id, ok.id, { order_number: 'ORD-1' }, { trigger: 'manual' });
    expect(types(everything)).toEqual(['action.succeeded']);
    expect(types(onlyFailures)).toEqual([]);
    queued = [];
    await t.services.subscriptions.setPaused(t.tenantA.id, everything, true, 'test');
    const { record } = await t.services.runner.run(
      t.tenantA.id,
      failing.id,
      { order_number: 'ORD-2' },
      { trigger: 'manual' },
    );
    expect(types(everything)).toEqual([]);
    expect(types(onlyFailures)).toEqual(['action.failed']);
    expect(queued[0]?.delivery.payload).toMatchObject({
      envelope: {
        data: { callId: record.id, actionName: 'broken', status: 500, failureKind: record.failureKind },
      },
    });
    await t.services.subscriptions.setPaused(t.tenantA.id, everything, false, 'test');
    // Another tenant's events reach none of tenant A's subscriptions.
    queued = [];
    await t.call('POST', '/api/v1/agents', { key: t.tenantB.adminKey, body: { name: 'B' } });
    const bAgent = (await json(await t.call('GET', '/api/v1/agents', { key: t.tenantB.adminKey }))).agents[0]
      .id;
    await t.call('POST', '/api/v1/conversations', { key: t.tenantB.adminKey, body: { agentId: bAgent } });
    expect(queued).toEqual([]);
  });

  it('conversation.ended: once when a caller ends it, and by the idle sweep with reason idle', async () => {
    const first = await json(await t.call('POST', '/api/v1/conversations', { body: { agentId } }));
    queued = [];
    const ended = await t.call('POST', `/api/v1/conversations/${first.id}/end`);
    expect(await json(ended)).toEqual({ ended: true });
    expect(types(everything)).toEqual(['conversation.ended']);
    expect(queued[0]?.delivery.payload).toMatchObject({
      envelope: { data: { conversationId: first.id, agentId, reason: 'ended', messageCount: 1 } },
    });
    expect(queued[0]?.inTransaction).toBe(true);
    queued = [];
    expect(await json(await t.call('POST', `/api/v1/conversations/${first.id}/end`))).toEqual({
      ended: false,
    });
    expect(queued).toEqual([]);
    expect(
      (await t.call('POST', `/api/v1/conversations/${first.id}/end`, { key: t.tenantB.adminKey })).status,
    ).toBe(404);
    const idle = await json(await t.call('POST', '/api/v1/conversations', { body: { agentId } }));
    const fresh = await json(await t.call('POST', '/api/v1/conversations', { body: { agentId } }));
    await t.services.db
      .updateTable('conversations')
      .set({ updated_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', idle.id)
      .execute();
    queued = [];
    expect(await t.services.conversationEnding.endIdle(30 * 60_000)).toBeGreaterThanOrEqual(1);
    const endedIds = queued
      .filter((row) => row.delivery.subscriptionId === everything)
      .map((row) => (row.delivery.payload as Body).envelope.data);
    expect(endedIds).toContainEqual(expect.objectContaining({ conversationId: idle.id, reason: 'idle' }));
    expect(endedIds.map((data) => data.conversationId)).not.toContain(fresh.id);
    queued = [];
    await t.services.conversationEnding.endIdle(30 * 60_000);
    expect(queued.map((row) => (row.delivery.payload as Body).envelope.data.conversationId)).not.toContain(
      idle.id,
    );
  });

  it('a test event goes to one subscription whatever its filters, with one attempt', async () => {
    const response = await t.call('POST', `/api/v1/subscriptions/${onlyFailures}/test`);
    expect(response.status).toBe(202);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.delivery).toMatchObject({
      subscriptionId: onlyFailures,
      eventType: 'subscription.test',
      retryScheduleMs: [],
      payload: { envelope: { type: 'subscription.test', data: { subscriptionId: onlyFailures } } },
    });
    expect((await json(response)).deliveryId).toMatch(/^dlv_/);
  });
});
