import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction, TEST_HOST } from '../../test/test-executor.js';
import type { Executor } from '../call/create-executor.js';
import { createNetworkAllowlist } from './network-allowlist.js';
import { checkTarget } from './resolve-and-check-target.js';

/** One port of one loopback address exempted (the demo endpoint), proven with two real servers. */
let allowed: LoopbackHttpsServer;
let other: LoopbackHttpsServer;
const executors: Executor[] = [];
beforeAll(async () => {
  allowed = await startLoopbackHttpsServer((_request, response) =>
    sendJson(response, 200, { message: 'demo' }),
  );
  other = await startLoopbackHttpsServer((_request, response) =>
    sendJson(response, 200, { message: 'other' }),
  );
});
afterAll(async () => {
  await allowed.close();
  await other.close();
});
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
});

async function executorFor(endpoint: string) {
  const created = await createTestExecutor({ allow: { endpoints: [endpoint] } });
  executors.push(created.executor);
  return created.executor;
}

describe('an allowlisted endpoint', () => {
  it('reaches exactly that address and port, by name or literal', async () => {
    const executor = await executorFor(`127.0.0.1:${allowed.port}`);
    for (const url of [allowed.url('/orders', TEST_HOST), allowed.url('/orders')]) {
      const result = await executor.execute({
        action: orderStatusAction(allowed, { url }),
        parameters: { order_number: 'ORD-1' },
      });
      expect(result).toMatchObject({ ok: true, message: 'demo' });
    }
  });

  it('does not open any other port of the address: no connection made', async () => {
    const executor = await executorFor(`127.0.0.1:${allowed.port}`);
    const before = other.connections;
    for (const url of [other.url('/orders', TEST_HOST), other.url('/orders')]) {
      const result = await executor.execute({
        action: orderStatusAction(other, { url }),
        parameters: { order_number: 'ORD-1' },
      });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    }
    expect(other.connections).toBe(before);
  });

  it('is port-specific at save time too', async () => {
    const allow = { endpoints: ['127.0.0.1:4100'] };
    const resolve = async () => ['127.0.0.1'];
    expect((await checkTarget('https://demo.example.com:4100/orders', { allow, resolve })).allowed).toBe(
      true,
    );
    expect((await checkTarget('https://127.0.0.1:4100/orders', { allow })).allowed).toBe(true);
    expect((await checkTarget('https://demo.example.com:4101/orders', { allow, resolve })).code).toBe(
      'address_denied',
    );
    expect((await checkTarget('https://demo.example.com/orders', { allow, resolve })).code).toBe(
      'address_denied',
    );
    expect((await checkTarget('https://127.0.0.2:4100/orders', { allow })).code).toBe('address_denied');
  });

  it('parses address:port entries, IPv6 in brackets, and names a bad one', () => {
    const allowlist = createNetworkAllowlist({ endpoints: ['127.0.0.1:4100', '[::1]:443'] });
    expect(allowlist.allowsAddress('127.0.0.1', 4100)).toBe(true);
    expect(allowlist.allowsAddress('127.0.0.1', 4101)).toBe(false);
    expect(allowlist.allowsAddress('127.0.0.1')).toBe(false);
    expect(allowlist.allowsAddress('0:0:0:0:0:0:0:1', 443)).toBe(true);
    expect(allowlist.isEmpty).toBe(false);
    expect(allowlist.describe()).toBe('127.0.0.1:4100, [::1]:443');
    for (const bad of ['127.0.0.1', 'localhost:80', '127.0.0.1:0', '127.0.0.1:70000', '::1:80']) {
      expect(() => createNetworkAllowlist({ endpoints: [bad] }), bad).toThrow(/not an endpoint/);
    }
  });
});
