import { createHmac } from 'node:crypto';
import { webhookSecretKey } from '@toolgate/core';
import {
  createLoopbackOnlyDial,
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClaimedDelivery } from '../deliveries/delivery-types.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createChannelReplyHandler } from './channel-reply-handler.js';

describeEachEngine('the channel_reply handler on $engine', (engine) => {
  let t: TestApp;
  let relay: LoopbackHttpsServer;
  let status = 200;
  let secret: string;
  let channelId: string;
  let agentId: string;

  beforeAll(async () => {
    relay = await startLoopbackHttpsServer((_request, response) =>
      sendJson(response, status, { ok: status < 300 }),
    );
    const { cert } = await testCertificate();
    t = await createTestApp({
      engine,
      allowPrivateNetworks: ['127.0.0.0/8'],
      resolve: async () => ['127.0.0.1'],
      ca: cert,
      dial: createLoopbackOnlyDial(cert).dial,
    });
    const { agent } = await t.services.agents.create(t.tenantA.id, { name: 'Relay agent' }, 'test');
    const created = await t.services.channels.create(
      t.tenantA.id,
      agent.id,
      {
        name: 'relay',
        kind: 'generic',
        replyMode: 'outbound',
        outboundUrl: `https://hooks.example.net:${relay.port}/in`,
      },
      'test',
    );
    agentId = agent.id;
    secret = created.signingSecret as string;
    channelId = created.channel.id;
  });
  afterAll(async () => {
    await t?.close();
    await relay?.close();
  });

  const delivery = (attempt: number, tenantId = t.tenantA.id): ClaimedDelivery => ({
    id: 'dlv_reply_1',
    tenantId,
    kind: 'channel_reply',
    payload: {
      channelId,
      conversationId: 'cnv_1',
      contactId: 'c-1',
      inReplyTo: 'msg_1',
      text: 'We open at 9.',
    },
    subscriptionId: null,
    eventType: null,
    attempt,
    createdAt: new Date(),
  });

  it('POSTs the reply signed with the channel secret, the same webhook-id on every attempt', async () => {
    const handler = createChannelReplyHandler({
      channels: t.services.channels,
      executor: t.services.executor,
    });
    status = 503;
    expect((await handler(delivery(1), AbortSignal.timeout(10_000))).kind).toBe('retry');
    status = 200;
    expect(await handler(delivery(2), AbortSignal.timeout(10_000))).toMatchObject({ kind: 'delivered' });
    const [first, second] = relay.requests;
    expect(first?.headers['webhook-id']).toBe('dlv_reply_1');
    expect(second?.headers['webhook-id']).toBe('dlv_reply_1');
    const body = second?.body ?? '';
    expect(JSON.parse(body)).toMatchObject({
      event: 'channel.reply',
      data: { contactId: 'c-1', inReplyTo: 'msg_1', text: 'We open at 9.', conversationId: 'cnv_1' },
    });
    const timestamp = second?.headers['webhook-timestamp'];
    const expected = createHmac('sha256', webhookSecretKey(secret))
      .update(`dlv_reply_1.${timestamp}.${body}`)
      .digest('base64');
    expect(String(second?.headers['webhook-signature']).split(' ')).toContain(`v1,${expected}`);
  });

  it('gives up on a 4xx, and on a channel that is gone or not the tenant’s', async () => {
    const handler = createChannelReplyHandler({
      channels: t.services.channels,
      executor: t.services.executor,
    });
    status = 400;
    expect((await handler(delivery(1), AbortSignal.timeout(10_000))).kind).toBe('failed');
    const before = relay.requests.length;
    expect((await handler(delivery(1, t.tenantB.id), AbortSignal.timeout(10_000))).kind).toBe('failed');
    expect(relay.requests.length).toBe(before);
  });

  it("end to end: an inbound message in outbound mode is queued, and the server's worker delivers the reply", async () => {
    status = 200;
    const before = relay.requests.length;
    const body = JSON.stringify({ contactId: 'c-e2e', text: 'Hello?' });
    const at = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', webhookSecretKey(secret))
      .update(`msg_e2e.${at}.${body}`)
      .digest('base64');
    const response = await t.app.request(`/api/v1/agents/${agentId}/chat/relay`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_e2e',
        'webhook-timestamp': String(at),
        'webhook-signature': `v1,${signature}`,
      },
    });
    expect(response.status).toBe(202);
    await t.services.background.settled();
    // The app's own worker (create-services registers the channel_reply handler) delivers it.
    await t.services.deliveryWorker.drain();
    await t.services.deliveryWorker.idle();
    const delivered = relay.requests.slice(before);
    expect(delivered).toHaveLength(1);
    expect(JSON.parse(delivered[0]?.body ?? '{}').data).toMatchObject({
      contactId: 'c-e2e',
      inReplyTo: 'msg_e2e',
    });
    const row = await t.services.db
      .selectFrom('deliveries')
      .select(['id', 'status', 'kind'])
      .where('kind', '=', 'channel_reply')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
    expect(delivered[0]?.headers['webhook-id']).toBe(row.id);
  });
});
