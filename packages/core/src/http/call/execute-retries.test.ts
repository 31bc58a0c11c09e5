import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';

let server: LoopbackHttpsServer;
let executor: Executor;

beforeAll(async () => {
  server = await startLoopbackHttpsServer((_request, response) => {
    response.end();
  });
  ({ executor } = await createTestExecutor());
});
beforeEach(() => {
  server.requests.length = 0;
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

/** Fails the first `failures` attempts with `status` (and headers), then answers 200. */
function failThenSucceed(failures: number, status: number, headers: Record<string, string> = {}) {
  server.setHandler((_request, response) => {
    if (server.requests.length <= failures) sendJson(response, status, { error: 'busy' }, headers);
    else sendJson(response, 200, { status: 'shipped' });
  });
}

const parameters = { order_number: 'ORD-1' };

describe('sync retries', () => {
  it('retries a GET on 503 until it succeeds, with the same Idempotency-Key every time', async () => {
    failThenSucceed(2, 503);
    const action = orderStatusAction(server, { method: 'GET', retry: { attempts: 3 } });
    const result = await executor.execute({ action, parameters });
    expect(result.ok).toBe(true);
    expect(result.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    const keys = new Set(server.requests.map((request) => request.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBe(result.callId);
  });

  it('honours Retry-After on 429 and stops after the allowed attempts', async () => {
    failThenSucceed(10, 429, { 'retry-after': '0' });
    const action = orderStatusAction(server, { method: 'PUT', retry: { attempts: 2 } });
    const result = await executor.execute({ action, parameters });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.failure.kind).toBe('rate_limited');
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 4xx other than 429, nor a 500', async () => {
    for (const status of [400, 500]) {
      server.requests.length = 0;
      failThenSucceed(1, status);
      const action = orderStatusAction(server, { method: 'GET', retry: { attempts: 3 } });
      const result = await executor.execute({ action, parameters });
      expect(result.ok).toBe(false);
      expect(server.requests).toHaveLength(1);
    }
  });

  it('does not retry a POST unless the action says it is safe', async () => {
    failThenSucceed(1, 502);
    const unsafe = orderStatusAction(server, { method: 'POST', retry: { attempts: 3 } });
    expect((await executor.execute({ action: unsafe, parameters })).ok).toBe(false);
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    failThenSucceed(1, 502);
    const safe = orderStatusAction(server, { method: 'POST', retry: { attempts: 3, nonIdempotent: true } });
    expect((await executor.execute({ action: safe, parameters })).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('retries after an attempt that hangs, all within the action timeout', async () => {
    server.setHandler((_request, response) => {
      // The first attempt never answers; the second does at once.
      if (server.requests.length > 1) sendJson(response, 200, { status: 'shipped' });
    });
    const action = orderStatusAction(server, { method: 'GET', timeoutMs: 2_000, retry: { attempts: 2 } });
    const result = await executor.execute({ action, parameters });
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('makes one attempt without a retry setting', async () => {
    failThenSucceed(1, 503);
    const result = await executor.execute({
      action: orderStatusAction(server, { method: 'GET' }),
      parameters,
    });
    expect(result.ok).toBe(false);
    expect(result.attempts).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});
