import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction } from '../../test/test-executor.js';
import { hexSignature } from '../signing/sign-webhook.js';
import { generateWebhookSecret } from '../signing/webhook-secret.js';
import type { Executor } from './create-executor.js';

let server: LoopbackHttpsServer;
let executor: Executor;

beforeAll(async () => {
  server = await startLoopbackHttpsServer((_request, response) => sendJson(response, 200, { message: 'ok' }));
  ({ executor } = await createTestExecutor());
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

function headersOf(index = -1): Record<string, string> {
  const seen = server.requests.at(index);
  if (!seen) throw new Error('no request recorded');
  return Object.fromEntries(Object.entries(seen.headers).map(([name, value]) => [name, String(value)]));
}

describe('signed, identified requests', () => {
  it('sends a Standard Webhooks signature the standardwebhooks package verifies over the exact body', async () => {
    const secret = generateWebhookSecret();
    const result = await executor.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-12345' },
      signingSecrets: [secret],
      context: { trigger: 'ai_intent', agentId: 'agent_1', conversationId: 'conv_1', contactId: 'contact_1' },
    });
    expect(result.ok).toBe(true);
    const seen = server.requests.at(-1);
    const verified = new Webhook(secret).verify(seen?.body ?? '', headersOf());
    expect(verified).toEqual({
      action: 'check_order_status',
      parameters: { order_number: 'ORD-12345' },
      context: {
        call_id: result.callId,
        trigger: 'ai_intent',
        agent_id: 'agent_1',
        conversation_id: 'conv_1',
        contact_id: 'contact_1',
        timestamp: expect.any(String),
      },
    });
    expect(headersOf()['webhook-id']).toBe(result.callId);
    expect(headersOf()['idempotency-key']).toBe(result.callId);
    expect(headersOf()['user-agent']).toMatch(/^Toolgate\//);
  });

  it('keeps a given context timestamp (a queued delivery retried) while signing with the current time', async () => {
    const queuedAt = new Date('2026-01-02T03:04:05.000Z');
    const secret = generateWebhookSecret();
    const attempt = () =>
      executor.execute({
        action: orderStatusAction(server),
        parameters: { order_number: 'ORD-7' },
        signingSecrets: [secret],
        context: { callId: 'call_same_event', trigger: 'ai_intent', timestamp: queuedAt },
      });
    await attempt();
    const firstBody = server.requests.at(-1)?.body;
    await attempt();
    expect(server.requests.at(-1)?.body).toBe(firstBody);
    expect(JSON.parse(firstBody ?? '{}').context.timestamp).toBe('2026-01-02T03:04:05.000Z');
    const signedAt = Number(headersOf()['webhook-timestamp']);
    expect(Math.abs(signedAt - Date.now() / 1000)).toBeLessThan(300);
  });

  it('signs with both secrets during rotation, each verifiable alone', async () => {
    const current = generateWebhookSecret();
    const previous = generateWebhookSecret();
    await executor.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
      signingSecrets: [current, previous],
    });
    const headers = headersOf();
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    const body = server.requests.at(-1)?.body ?? '';
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('a tampered body fails verification', async () => {
    const secret = generateWebhookSecret();
    await executor.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
      signingSecrets: [secret],
    });
    const body = (server.requests.at(-1)?.body ?? '').replace('ORD-1', 'ORD-2');
    expect(() => new Webhook(secret).verify(body, headersOf())).toThrow();
  });

  it('adds X-Toolgate-Signature when the action asks for it', async () => {
    const secret = generateWebhookSecret();
    await executor.execute({
      action: orderStatusAction(server, { signing: { hexSignatureHeader: true } }),
      parameters: { order_number: 'ORD-1' },
      signingSecrets: [secret],
    });
    const body = server.requests.at(-1)?.body ?? '';
    expect(headersOf()['x-toolgate-signature']).toBe(hexSignature(body, secret));
    expect(headersOf()['x-toolgate-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('resends the same webhook-id and Idempotency-Key when a call is retried with its id', async () => {
    const secret = generateWebhookSecret();
    const first = await executor.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
      signingSecrets: [secret],
    });
    const retry = await executor.execute({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
      signingSecrets: [secret],
      context: { callId: first.callId },
    });
    expect(retry.callId).toBe(first.callId);
    expect(headersOf(-1)['webhook-id']).toBe(headersOf(-2)['webhook-id']);
    expect(headersOf(-1)['idempotency-key']).toBe(first.callId);
  });

  it('sends GET parameters as a query string, path placeholders encoded, still signed', async () => {
    const secret = generateWebhookSecret();
    const action = orderStatusAction(server, {
      method: 'GET',
      url: server.url('/orders/{order_number}/status', 'orders.example.com'),
      parameters: {
        type: 'object',
        properties: { order_number: { type: 'string' }, verbose: { type: 'boolean' } },
        required: ['order_number'],
      },
    });
    await executor.execute({
      action,
      parameters: { order_number: '../admin?x=1', verbose: true },
      signingSecrets: [secret],
    });
    const seen = server.requests.at(-1);
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe('/orders/..%2Fadmin%3Fx%3D1/status?verbose=true');
    expect(seen?.body).toBe('');
    expect(() => new Webhook(secret).verify('', headersOf())).not.toThrow();
  });
});
