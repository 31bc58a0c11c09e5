import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction } from '../../test/test-executor.js';
import { generateWebhookSecret } from '../signing/webhook-secret.js';
import type { Executor } from './create-executor.js';

let server: LoopbackHttpsServer;
let executor: Executor;

beforeAll(async () => {
  server = await startLoopbackHttpsServer((_request, response) =>
    sendJson(response, 200, { status: 'shipped' }),
  );
  ({ executor } = await createTestExecutor());
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

describe('send: a call prepared once is sent as built', () => {
  it('sends the request prepare showed, with its call id and signature', async () => {
    const secret = generateWebhookSecret();
    const prepared = executor.prepare({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-12345' },
      signingSecrets: [secret],
    });
    if (!prepared.ok) throw new Error(`not prepared: ${prepared.failure.message}`);
    const before = server.requests.length;
    const result = await executor.send(prepared.call);
    expect(server.requests.length).toBe(before + 1);
    expect(result).toMatchObject({ ok: true, callId: prepared.call.callId, data: { status: 'shipped' } });
    expect(result.request).toEqual(prepared.call.request);
    const seen = server.requests.at(-1);
    const headers = Object.fromEntries(Object.entries(seen?.headers ?? {}).map(([k, v]) => [k, String(v)]));
    expect(headers['webhook-id']).toBe(prepared.call.callId);
    expect(new Webhook(secret).verify(seen?.body ?? '', headers)).toMatchObject({
      parameters: { order_number: 'ORD-12345' },
    });
  });

  it('prepares without sending anything', () => {
    const before = server.requests.length;
    const prepared = executor.prepare({
      action: orderStatusAction(server),
      parameters: { order_number: 'ORD-1' },
    });
    expect(prepared.ok).toBe(true);
    expect(server.requests.length).toBe(before);
  });
});
