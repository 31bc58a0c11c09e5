import type { ActionResult } from '@toolgate/core';
import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { verifyWebhook } from '@toolgate/receiver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import type { AttemptOutcome, ClaimedDelivery } from './delivery-types.js';
import { enqueue } from './enqueue.js';
import {
  createEventHandler,
  disableGoneSubscription,
  eventDeliveries,
  PAUSED_RECHECK_MS,
} from './event-delivery.js';

/**
 * The test's stand-in for the queue's classifier until the queue lands on this branch: by the
 * response's status (2xx delivered, 410 gone, 5xx retried, other failed), no response retried.
 */
function outcomeOf(result: ActionResult): AttemptOutcome {
  const status = result.response?.status;
  if (status === undefined)
    return { kind: 'retry', error: result.ok ? 'no response' : result.failure.message };
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status === 410) return { kind: 'gone', status, error: 'the receiver answered 410 Gone' };
  if (status >= 500) return { kind: 'retry', status, error: `the receiver answered ${status}` };
  return { kind: 'failed', status, error: `the receiver answered ${status}` };
}

const AGENT = `agt_${'a'.repeat(32)}`;

describeEachEngine('event deliveries to a subscription on $engine', (engine) => {
  let t: TestApp;
  let server: LoopbackHttpsServer;
  let answer = 200;
  beforeAll(async () => {
    server = await startLoopbackHttpsServer((_request, response) => sendJson(response, answer, { ok: true }));
    const { cert } = await testCertificate();
    const { dial } = createLoopbackOnlyDial(cert);
    t = await createTestApp({
      engine,
      allowPrivateNetworks: ['127.0.0.0/8'],
      resolve: async () => ['127.0.0.1'],
      ca: cert,
      dial,
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  function claimed(row: Awaited<ReturnType<typeof eventDeliveries>>[number], attempt = 1): ClaimedDelivery {
    return {
      id: `dlv_${String(attempt).repeat(32)}`.slice(0, 36),
      tenantId: row.tenantId,
      kind: row.kind,
      payload: row.payload,
      subscriptionId: row.subscriptionId ?? null,
      eventType: row.eventType ?? null,
      attempt,
      createdAt: new Date(),
    };
  }

  it('POSTs {type, timestamp, data} signed so that @toolgate/receiver verifies it, with the delivery id', async () => {
    const { subscription, signingSecret } = await t.services.subscriptions.create(
      t.tenantA.id,
      { url: `https://hooks.example.net:${server.port}/events` },
      'test',
    );
    const at = new Date();
    const rows = await eventDeliveries(
      t.services.db,
      {
        tenantId: t.tenantA.id,
        type: 'lead.captured',
        agentId: AGENT,
        data: {
          conversationId: null,
          agentId: AGENT,
          contactId: null,
          event: 'lead_captured',
          data: { name: 'Ada' },
        },
      },
      at,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subscriptionId: subscription.id,
      kind: 'event',
      eventType: 'lead.captured',
    });
    const handler = createEventHandler({
      executor: t.services.executor,
      subscriptions: t.services.subscriptions,
      outcomeOf,
    });
    const delivery = claimed(rows[0] as (typeof rows)[number]);
    const before = server.requests.length;
    expect(await handler(delivery, new AbortController().signal)).toMatchObject({
      kind: 'delivered',
      status: 200,
    });
    const request = server.requests[before];
    if (!request) throw new Error('the receiver saw no request');
    const verified = verifyWebhook({
      payload: request.body,
      headers: request.headers,
      secret: signingSecret,
    });
    expect(verified.id).toBe(delivery.id);
    expect(request.headers['idempotency-key']).toBe(delivery.id);
    expect(JSON.parse(request.body)).toEqual({
      type: 'lead.captured',
      timestamp: at.toISOString(),
      data: {
        conversationId: null,
        agentId: AGENT,
        contactId: null,
        event: 'lead_captured',
        data: { name: 'Ada' },
      },
    });
    // Another secret does not verify.
    const other = await t.services.subscriptions.create(
      t.tenantA.id,
      { url: 'https://x.example.com/' },
      'test',
    );
    expect(() =>
      verifyWebhook({ payload: request.body, headers: request.headers, secret: other.signingSecret }),
    ).toThrow();
    await t.services.subscriptions.remove(t.tenantA.id, other.subscription.id, 'test');
    await t.services.subscriptions.remove(t.tenantA.id, subscription.id, 'test');
  });

  it("holds a paused subscription's rows without sending or counting; resuming makes them due now", async () => {
    const { subscription } = await t.services.subscriptions.create(
      t.tenantA.id,
      { url: `https://hooks.example.net:${server.port}/paused` },
      'test',
    );
    const rows = await eventDeliveries(
      t.services.db,
      {
        tenantId: t.tenantA.id,
        type: 'lead.captured',
        agentId: AGENT,
        data: {
          conversationId: null,
          agentId: AGENT,
          contactId: null,
          event: 'lead_captured',
          data: { name: 'Grace' },
        },
      },
      new Date(),
    );
    const row = rows.find((candidate) => candidate.subscriptionId === subscription.id);
    if (!row) throw new Error('no row for the subscription');
    await t.services.subscriptions.setPaused(t.tenantA.id, subscription.id, true, 'test');
    const handler = createEventHandler({
      executor: t.services.executor,
      subscriptions: t.services.subscriptions,
      outcomeOf,
    });
    const before = server.requests.length;
    expect(await handler(claimed(row), new AbortController().signal)).toEqual({
      kind: 'deferred',
      reason: 'the subscription is paused',
      delayMs: PAUSED_RECHECK_MS,
    });
    expect(server.requests.length).toBe(before);

    const later = new Date(Date.now() + PAUSED_RECHECK_MS);
    const id = await enqueue(t.services.db, { ...row, notBefore: later });
    await t.services.subscriptions.setPaused(t.tenantA.id, subscription.id, false, 'test');
    const waiting = await t.services.db
      .selectFrom('deliveries')
      .select('next_attempt_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(new Date(waiting.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now());
    await t.services.db.deleteFrom('deliveries').where('id', '=', id).execute();
    await t.services.subscriptions.remove(t.tenantA.id, subscription.id, 'test');
  });

  it('a 410 disables the subscription; 503 is retried; a deleted subscription fails', async () => {
    const { subscription } = await t.services.subscriptions.create(
      t.tenantB.id,
      { url: `https://hooks.example.net:${server.port}/gone` },
      'test',
    );
    const rows = await eventDeliveries(
      t.services.db,
      {
        tenantId: t.tenantB.id,
        type: 'conversation.started',
        agentId: AGENT,
        data: { conversationId: 'c1', agentId: AGENT, contactId: null, metadata: {} },
      },
      new Date(),
    );
    const handler = createEventHandler({
      executor: t.services.executor,
      subscriptions: t.services.subscriptions,
      outcomeOf,
    });
    const delivery = claimed(rows[0] as (typeof rows)[number]);
    answer = 503;
    expect((await handler(delivery, new AbortController().signal)).kind).toBe('retry');
    answer = 410;
    const outcome = await handler(delivery, new AbortController().signal);
    expect(outcome.kind).toBe('gone');
    expect(await disableGoneSubscription(t.services.db, t.services.subscriptions, delivery, outcome)).toBe(
      true,
    );
    expect((await t.services.subscriptions.get(t.tenantB.id, subscription.id)).status).toBe('disabled');
    const sent = server.requests.length;
    expect(await handler(delivery, new AbortController().signal)).toMatchObject({ kind: 'failed' });
    expect(server.requests.length).toBe(sent);
    // No longer matched while disabled.
    expect(
      await eventDeliveries(
        t.services.db,
        {
          tenantId: t.tenantB.id,
          type: 'conversation.started',
          agentId: AGENT,
          data: rows[0]?.payload as never,
        },
        new Date(),
      ),
    ).toEqual([]);
    await t.services.subscriptions.remove(t.tenantB.id, subscription.id, 'test');
    expect(await handler(delivery, new AbortController().signal)).toMatchObject({
      kind: 'failed',
      error: 'the subscription was deleted',
    });
    answer = 200;
  });
});
