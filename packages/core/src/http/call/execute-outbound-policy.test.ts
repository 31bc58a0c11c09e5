import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction, TEST_HOST } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';

let server: LoopbackHttpsServer;
const executors: Executor[] = [];

beforeAll(async () => {
  server = await startLoopbackHttpsServer((_request, response) =>
    sendJson(response, 200, { message: 'reached' }),
  );
});
afterAll(() => server.close());
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
});

async function testExecutor(...args: Parameters<typeof createTestExecutor>) {
  const created = await createTestExecutor(...args);
  executors.push(created.executor);
  return created;
}

/** Runs a call and returns it with the number of connections the loopback server accepted meanwhile. */
async function callCounting(executor: Executor, url: string, overrides: Record<string, unknown> = {}) {
  const before = server.connections;
  const result = await executor.execute({
    action: orderStatusAction(server, { url, ...overrides }),
    parameters: { order_number: 'ORD-1' },
  });
  return { result, connections: server.connections - before };
}

describe('the outbound policy, proven on loopback', () => {
  it('reaches an allowlisted loopback server through a public-looking name, with SNI kept', async () => {
    const { executor, dialLog } = await testExecutor();
    const { result, connections } = await callCounting(executor, server.url('/orders', TEST_HOST));
    expect(result).toMatchObject({ ok: true, message: 'reached' });
    expect(connections).toBe(1);
    expect(dialLog.dialled).toEqual(['127.0.0.1']);
    const seen = server.requests.at(-1);
    expect(seen?.headers.host).toBe(`${TEST_HOST}:${server.port}`);
    expect(seen?.servername).toBe(TEST_HOST);
  });

  it('blocks a name that resolves to loopback when loopback is not allowlisted: no connection made', async () => {
    const { executor, dialLog } = await testExecutor({ allow: {} });
    const { result, connections } = await callCounting(executor, server.url('/orders', TEST_HOST));
    expect(result).toMatchObject({ ok: false, status: null, failure: { kind: 'blocked' } });
    expect(!result.ok && result.failure.message).toContain('127.0.0.1 is loopback');
    expect(connections).toBe(0);
    expect(dialLog.dialled).toEqual([]);
  });

  it.each([
    (port: number) => `https://127.0.0.1:${port}/`,
    (port: number) => `https://2130706433:${port}/`,
    (port: number) => `https://0177.0.0.1:${port}/`,
    (port: number) => `https://0x7f.0.0.1:${port}/`,
    (port: number) => `https://127.1:${port}/`,
    (port: number) => `https://[::ffff:127.0.0.1]:${port}/`,
    (port: number) => `https://[::1]:${port}/`,
    (port: number) => `https://[::127.0.0.1]:${port}/`,
    (port: number) => `https://[64:ff9b::7f00:1]:${port}/`,
    (port: number) => `https://localhost:${port}/`,
    (port: number) => `https://localhost.:${port}/`,
  ])('blocks the IP literal or local name %#, before connecting', async (makeUrl) => {
    const { executor, dialLog, lookups } = await testExecutor({ allow: {} });
    const { result, connections } = await callCounting(executor, makeUrl(server.port));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    expect(connections).toBe(0);
    expect(dialLog.dialled).toEqual([]);
    expect(lookups).toEqual([]);
  });

  it('dials IP literals through the pinned connector too (allowlisted loopback literal works)', async () => {
    const { executor, dialLog } = await testExecutor();
    const { result, connections } = await callCounting(executor, server.url('/orders'));
    expect(result).toMatchObject({ ok: true });
    expect(connections).toBe(1);
    expect(dialLog.dialled).toEqual(['127.0.0.1']);
  });

  it('refuses DNS rebinding: public at check time, loopback at connect time', async () => {
    let lookups = 0;
    const resolve = async () => (++lookups === 1 ? ['93.184.215.14'] : ['127.0.0.1']);
    const { executor, dialLog } = await testExecutor({ allow: {}, resolve });
    const { checkTarget } = await import('../policy/resolve-and-check-target.js');
    const url = server.url('/orders', TEST_HOST);
    // The save-time check sees the public answer; the call resolves again at connect time.
    expect(await checkTarget(url, { resolve })).toMatchObject({ allowed: true });
    const { result, connections } = await callCounting(executor, url);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    expect(connections).toBe(0);
    expect(dialLog.dialled).toEqual([]);
  });

  it('refuses a name whose answers mix public and private addresses', async () => {
    const { executor, dialLog } = await testExecutor({
      allow: {},
      resolve: async () => ['93.184.215.14', '127.0.0.1'],
    });
    const { result, connections } = await callCounting(executor, server.url('/orders', TEST_HOST));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    expect(connections).toBe(0);
    expect(dialLog.dialled).toEqual([]);
  });

  it('treats a failing resolver as blocked', async () => {
    const { executor } = await testExecutor({
      resolve: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });
    const { result, connections } = await callCounting(executor, server.url('/orders', TEST_HOST));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    expect(!result.ok && result.failure.message).toContain('ENOTFOUND');
    expect(connections).toBe(0);
  });

  it('resolves once per new connection, not per request (keep-alive)', async () => {
    const { executor, lookups } = await testExecutor();
    const before = server.connections;
    for (let index = 0; index < 10; index += 1) {
      const { result } = await callCounting(executor, server.url('/orders', TEST_HOST));
      expect(result.ok).toBe(true);
    }
    const opened = server.connections - before;
    expect(lookups).toHaveLength(opened);
    expect(opened).toBeLessThanOrEqual(2);
  });

  it('refuses http:// even for an allowlisted address', async () => {
    const { executor } = await testExecutor();
    const { result, connections } = await callCounting(executor, `http://127.0.0.1:${server.port}/`);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    expect(connections).toBe(0);
  });

  it('ignores proxy environment variables', async () => {
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, https_proxy: process.env.https_proxy };
    process.env.HTTPS_PROXY = 'http://127.0.0.1:1';
    process.env.https_proxy = 'http://127.0.0.1:1';
    try {
      const { executor } = await testExecutor();
      const { result } = await callCounting(executor, server.url('/orders', TEST_HOST));
      expect(result).toMatchObject({ ok: true });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('fails with tls when the certificate is not trusted', async () => {
    const { createLoopbackOnlyDial } = await import('../../test/loopback-only-dial.js');
    const { dial } = createLoopbackOnlyDial();
    const { executor } = await testExecutor({ dial });
    const { result } = await callCounting(executor, server.url('/orders', TEST_HOST));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'tls' } });
  });

  it('fails with tls when the certificate does not name the host', async () => {
    const { executor } = await testExecutor({ resolve: async () => ['127.0.0.1'] });
    const { result } = await callCounting(executor, server.url('/orders', 'unlisted.example.org'));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'tls' } });
  });

  it('fails with connect_failed when nothing listens', async () => {
    const { executor } = await testExecutor();
    const closed = await startLoopbackHttpsServer(() => undefined);
    const url = closed.url('/orders', TEST_HOST);
    await closed.close();
    const result = await executor.execute({
      action: orderStatusAction(server, { url }),
      parameters: { order_number: 'ORD-1' },
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'connect_failed' } });
  });
});

describe('redirects', () => {
  function redirectingTo(location: string, status = 302) {
    server.setHandler((request, response) => {
      if (request.url?.startsWith('/orders')) {
        response.writeHead(status, { location });
        response.end();
      } else {
        sendJson(response, 200, {
          message: `landed on ${request.url} by ${request.method}`,
          body: request.body,
        });
      }
    });
  }
  afterEach(() => server.setHandler((_request, response) => sendJson(response, 200, { message: 'reached' })));

  it('are refused by default: a 3xx is a failed call naming the location', async () => {
    redirectingTo('/elsewhere');
    const { executor } = await testExecutor();
    const { result } = await callCounting(executor, server.url('/orders', TEST_HOST));
    expect(result).toMatchObject({ ok: false, status: 302, failure: { kind: 'http_error' } });
    expect(!result.ok && result.failure.message).toContain('/elsewhere');
    expect(server.requests.at(-1)?.url).toBe('/orders');
  });

  it('are followed when the action opts in, POST becoming GET after a 303', async () => {
    redirectingTo('/elsewhere', 303);
    const { executor } = await testExecutor();
    const { result } = await callCounting(executor, server.url('/orders', TEST_HOST), {
      followRedirects: true,
    });
    expect(result).toMatchObject({ ok: true, message: 'landed on /elsewhere by GET' });
    expect(result.redirects).toEqual([server.url('/elsewhere', TEST_HOST)]);
  });

  it('keep method and body on 307', async () => {
    redirectingTo('/elsewhere', 307);
    const { executor } = await testExecutor();
    const { result } = await callCounting(executor, server.url('/orders', TEST_HOST), {
      followRedirects: true,
    });
    expect(result).toMatchObject({ ok: true, message: 'landed on /elsewhere by POST' });
    expect(server.requests.at(-1)?.body).toContain('ORD-1');
  });

  it('re-check every hop: a redirect to a blocked destination is refused without connecting', async () => {
    const { executor, dialLog } = await testExecutor({ allow: { networks: ['127.0.0.1/32'] } });
    for (const target of [
      `https://127.0.0.2:${server.port}/x`,
      `https://localhost:${server.port}/x`,
      'https://169.254.169.254/latest/meta-data/',
      `https://[::1]:${server.port}/`,
    ]) {
      redirectingTo(target);
      const { result } = await callCounting(executor, server.url('/orders', TEST_HOST), {
        followRedirects: true,
      });
      expect(result, target).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    }
    expect(dialLog.dialled.every((address) => address === '127.0.0.1')).toBe(true);
    expect(dialLog.refused).toEqual([]);
  });

  it('never go from https to http', async () => {
    redirectingTo(`http://${TEST_HOST}:${server.port}/plain`);
    const { executor } = await testExecutor();
    const { result } = await callCounting(executor, server.url('/orders', TEST_HOST), {
      followRedirects: true,
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'blocked' } });
    expect(!result.ok && result.failure.message).toContain('https');
  });

  it('stop after three hops', async () => {
    server.setHandler((request, response) => {
      const hop = Number(new URL(request.url ?? '/', 'https://x').searchParams.get('hop') ?? '0');
      response.writeHead(302, { location: `/orders?hop=${hop + 1}` });
      response.end();
    });
    const { executor } = await testExecutor();
    const { result } = await callCounting(executor, server.url('/orders', TEST_HOST), {
      followRedirects: true,
    });
    expect(result).toMatchObject({ ok: false, status: 302, failure: { kind: 'http_error' } });
    expect(result.redirects).toHaveLength(3);
    // The action does follow redirects: the message names the limit, and where the 4th pointed.
    const message = result.ok ? '' : result.failure.message;
    expect(message).toContain('more than 3 redirects');
    expect(message).toContain('/orders?hop=4');
    expect(message).not.toContain('does not follow redirects');
  });

  it('drop credentials and signatures when the redirect changes origin', async () => {
    const other = await startLoopbackHttpsServer((_request, response) =>
      sendJson(response, 200, { message: 'other origin' }),
    );
    try {
      redirectingTo(other.url('/landing', TEST_HOST), 307);
      const { executor } = await testExecutor();
      const { result } = await executor
        .execute({
          action: orderStatusAction(server, {
            url: server.url('/orders', TEST_HOST),
            followRedirects: true,
            auth: { type: 'bearer', token: 'tok_secret_value' },
            headers: { 'X-Api-Key': 'key_secret_value' },
          }),
          parameters: { order_number: 'ORD-1' },
          signingSecrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
        })
        .then((result) => ({ result }));
      expect(result).toMatchObject({ ok: true, message: 'other origin' });
      const landed = other.requests.at(-1);
      expect(landed?.headers.authorization).toBeUndefined();
      expect(landed?.headers['x-api-key']).toBeUndefined();
      expect(landed?.headers['webhook-signature']).toBeUndefined();
      expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer tok_secret_value');
    } finally {
      await other.close();
    }
  });
});
