import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderStatusReceiver, main } from './server.js';

// Signed the way any Standard Webhooks sender (Toolgate included) signs, with the reference library.
const secret = `whsec_${randomBytes(32).toString('base64')}`;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createOrderStatusReceiver({ secret });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function signedHeaders(body: string, signWith = secret): Record<string, string> {
  const id = `call_${randomBytes(6).toString('hex')}`;
  const now = new Date();
  return {
    'webhook-id': id,
    'idempotency-key': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(signWith).sign(id, now, body),
  };
}

function envelope(parameters: Record<string, unknown>, action = 'check_order_status'): string {
  return JSON.stringify({
    action,
    parameters,
    context: {
      call_id: 'call_1',
      trigger: 'ai_intent',
      conversation_id: 'conv_9',
      timestamp: new Date().toISOString(),
    },
  });
}

async function post(body: string, headers = signedHeaders(body)) {
  const response = await fetch(`${base}/orders/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('order-status receiver', () => {
  it('answers a known order with its status, tracking number and delivery date', async () => {
    expect(await post(envelope({ order_number: 'ORD-12345' }))).toEqual({
      status: 200,
      body: {
        success: true,
        result: {
          status: 'shipped',
          tracking_number: '1Z999AA10123456784',
          estimated_delivery: 'March 25, 2026',
        },
      },
    });
  });

  it('answers an unknown order with "Order not found"', async () => {
    expect(await post(envelope({ order_number: 'ORD-99999' }))).toEqual({
      status: 404,
      body: { success: false, error: 'Order not found' },
    });
  });

  it('tolerates spacing and case in the order number, and refuses other formats', async () => {
    expect((await post(envelope({ order_number: ' ord-23456 ' }))).status).toBe(200);
    expect(await post(envelope({ order_number: '12345' }))).toEqual({
      status: 400,
      body: { success: false, error: 'The order number should look like ORD-12345' },
    });
    expect((await post(envelope({}))).status).toBe(400);
  });

  it('refuses other actions', async () => {
    const answer = await post(envelope({ order_number: 'ORD-12345' }, 'cancel_order'));
    expect(answer.status).toBe(400);
  });

  it('answers GET calls from the query string', async () => {
    const response = await fetch(`${base}/orders/status?order_number=ORD-34567`, {
      headers: signedHeaders(''),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, result: { status: 'delivered' } });
  });

  it('refuses unsigned, tampered and wrongly signed calls with 401', async () => {
    const body = envelope({ order_number: 'ORD-12345' });
    const unsigned = await fetch(`${base}/orders/status`, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    const tampered = await post(envelope({ order_number: 'ORD-23456' }), signedHeaders(body));
    expect(tampered).toMatchObject({ status: 401, body: { error: { code: 'no_valid_signature' } } });
    const otherSecret = `whsec_${randomBytes(32).toString('base64')}`;
    expect((await post(body, signedHeaders(body, otherSecret))).status).toBe(401);
  });

  it('refuses a replayed call from ten minutes ago', async () => {
    const body = envelope({ order_number: 'ORD-12345' });
    const then = new Date(Date.now() - 10 * 60 * 1000);
    const headers = {
      'webhook-id': 'call_old',
      'webhook-timestamp': String(Math.floor(then.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('call_old', then, body),
    };
    expect(await post(body, headers)).toMatchObject({
      status: 401,
      body: { error: { code: 'timestamp_too_old' } },
    });
  });

  it('answers 404 elsewhere and 405 to other methods', async () => {
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect((await fetch(`${base}/orders/status`, { method: 'PATCH', body: '{}' })).status).toBe(405);
  });

  it('main() refuses to start without a secret', () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(main({})).toBeUndefined();
    } finally {
      console.error = original;
      process.exitCode = undefined;
    }
    expect(String(errors[0])).toContain('TOOLGATE_SECRET');
  });

  it('main() listens on HOST and PORT', async () => {
    const started = main({ TOOLGATE_SECRET: secret, PORT: '0', HOST: '127.0.0.1' });
    if (!started) throw new Error('main() did not start a server');
    await new Promise((resolve) => started.once('listening', resolve));
    const { port } = started.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/orders/status`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    await new Promise((resolve) => started.close(resolve));
  });
});
