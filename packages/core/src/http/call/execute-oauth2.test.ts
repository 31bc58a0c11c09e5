import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OAuth2ClientCredentialsAuth } from '../../actions/action-definition.js';
import {
  type LoopbackHttpsServer,
  type RecordedRequest,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, orderStatusAction, TEST_HOST } from '../../test/test-executor.js';
import type { ActionResult } from './action-result.js';
import type { Executor, ExecutorOptions } from './create-executor.js';

const CLIENT_SECRET = 'cs_planted_secret_8181';
const TOKEN_HOST = 'api.example.com';
/** Resolves to a private address: no test may ever connect to it. */
const PRIVATE_HOST = 'hooks.example.net';

let tokens: LoopbackHttpsServer;
let endpoint: LoopbackHttpsServer;
const executors: Executor[] = [];
let issued = 0;

beforeAll(async () => {
  tokens = await startLoopbackHttpsServer(() => undefined);
  endpoint = await startLoopbackHttpsServer(() => undefined);
});
afterAll(async () => {
  await tokens.close();
  await endpoint.close();
});
beforeEach(() => {
  issued = 0;
  tokens.requests.length = 0;
  endpoint.requests.length = 0;
  // By default: a fresh token per request, after a little while (so concurrent calls overlap).
  tokens.setHandler(async (_request, response) => {
    issued += 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
    sendJson(response, 200, {
      access_token: `at_issued_${issued}_x`,
      token_type: 'Bearer',
      expires_in: 3600,
    });
  });
  endpoint.setHandler((request, response) =>
    sendJson(response, 200, { message: `hello ${String(request.headers.authorization)}` }),
  );
});
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
});

async function testExecutor(overrides: ExecutorOptions = {}) {
  const lookups: string[] = [];
  const created = await createTestExecutor({
    resolve: async (hostname) => {
      lookups.push(hostname);
      if (hostname === TEST_HOST || hostname === TOKEN_HOST) return ['127.0.0.1'];
      if (hostname === PRIVATE_HOST) return ['10.0.0.5'];
      return [];
    },
    ...overrides,
  });
  executors.push(created.executor);
  return { ...created, lookups };
}

function oauth2(overrides: Partial<OAuth2ClientCredentialsAuth> = {}): OAuth2ClientCredentialsAuth {
  return {
    type: 'oauth2_client_credentials',
    tokenUrl: tokens.url('/oauth/token', TOKEN_HOST),
    clientId: 'shop app',
    clientSecret: CLIENT_SECRET,
    scopes: ['orders.read', 'orders.write'],
    ...overrides,
  };
}

function call(
  executor: Executor,
  auth: OAuth2ClientCredentialsAuth = oauth2(),
  scope = 'ten_1/act_1',
  timeoutMs?: number,
) {
  return executor.execute({
    action: orderStatusAction(endpoint, { auth, ...(timeoutMs ? { timeoutMs } : {}) }),
    parameters: { order_number: 'ORD-1' },
    credentialScope: scope,
  });
}

function bearerOf(request: RecordedRequest | undefined): string | undefined {
  return request?.headers.authorization;
}

function failureOf(result: ActionResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.failure;
}

describe('OAuth2 client credentials, against a loopback token server', () => {
  it('fetches one token for 10 concurrent calls and sends it as a bearer token', async () => {
    const { executor } = await testExecutor();
    // Ten cold TLS handshakes and a token fetch: a generous deadline, as the test is not about time.
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call(executor, oauth2(), 'ten_1/act_1', 15_000)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(tokens.requests).toHaveLength(1);
    expect(endpoint.requests).toHaveLength(10);
    expect(endpoint.requests.map(bearerOf)).toEqual(Array(10).fill('Bearer at_issued_1_x'));
  });

  it('sends a client credentials grant with basic client authentication by default', async () => {
    const { executor } = await testExecutor();
    await call(executor, oauth2({ audience: 'https://api.example.com/orders' }));
    const request = tokens.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(request?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      scope: 'orders.read orders.write',
      audience: 'https://api.example.com/orders',
    });
    // RFC 6749 2.3.1: id and secret form-encoded, then base64.
    const basic = Buffer.from(`shop+app:${CLIENT_SECRET}`).toString('base64');
    expect(request?.headers.authorization).toBe(`Basic ${basic}`);
  });

  it('sends the client id and secret in the body with client_secret_post', async () => {
    const { executor } = await testExecutor();
    await call(executor, oauth2({ tokenEndpointAuthMethod: 'client_secret_post', scopes: undefined }));
    const request = tokens.requests[0];
    expect(request?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'shop app',
      client_secret: CLIENT_SECRET,
    });
  });

  it('reuses the cached token across calls, and keeps scopes and secrets apart', async () => {
    const { executor } = await testExecutor();
    await call(executor);
    await call(executor);
    expect(tokens.requests).toHaveLength(1);
    await call(executor, oauth2({ scopes: ['orders.write', 'orders.read'] })); // same set
    expect(tokens.requests).toHaveLength(1);
    await call(executor, oauth2({ scopes: ['orders.read'] }));
    expect(tokens.requests).toHaveLength(2);
    // A changed secret never reuses the token issued for the old one.
    await call(executor, oauth2({ clientSecret: `${CLIENT_SECRET}_rotated` }));
    expect(tokens.requests).toHaveLength(3);
    // Another action with the same credentials has its own token.
    await call(executor, oauth2(), 'ten_1/act_2');
    expect(tokens.requests).toHaveLength(4);
    expect(bearerOf(endpoint.requests.at(-1))).toBe('Bearer at_issued_4_x');
  });

  it('fetches a new token shortly before the old one expires', async () => {
    let clock = 1_000_000;
    const { executor } = await testExecutor({ now: () => clock });
    tokens.setHandler((_request, response) => {
      issued += 1;
      sendJson(response, 200, {
        access_token: `at_issued_${issued}_x`,
        token_type: 'bearer',
        expires_in: '120',
      });
    });
    await call(executor);
    clock += 89_000; // 120 s less the 30 s margin: still reused
    await call(executor);
    expect(tokens.requests).toHaveLength(1);
    clock += 2_000;
    await call(executor);
    expect(tokens.requests).toHaveLength(2);
    expect(bearerOf(endpoint.requests.at(-1))).toBe('Bearer at_issued_2_x');
  });

  it('refreshes the token once on a 401 and the call then succeeds', async () => {
    const { executor } = await testExecutor();
    await call(executor); // caches at_issued_1_x
    endpoint.setHandler((request, response) =>
      bearerOf(request) === 'Bearer at_issued_1_x'
        ? sendJson(response, 401, { error: 'token revoked' })
        : sendJson(response, 200, { message: 'fresh token accepted' }),
    );
    const result = await call(executor);
    expect(result).toMatchObject({ ok: true, message: 'fresh token accepted', attempts: 2 });
    expect(tokens.requests).toHaveLength(2);
    expect(endpoint.requests.slice(1).map(bearerOf)).toEqual([
      'Bearer at_issued_1_x',
      'Bearer at_issued_2_x',
    ]);
  });

  it('refreshes only once: a second 401 is the answer', async () => {
    const { executor } = await testExecutor();
    endpoint.setHandler((_request, response) => sendJson(response, 401, { error: 'no' }));
    const result = await call(executor);
    expect(result).toMatchObject({ ok: false, status: 401, failure: { kind: 'http_error' } });
    expect(tokens.requests).toHaveLength(2);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('ten concurrent 401s share one refresh', async () => {
    const { executor } = await testExecutor();
    await call(executor);
    endpoint.setHandler((request, response) =>
      bearerOf(request) === 'Bearer at_issued_1_x'
        ? sendJson(response, 401, { error: 'token revoked' })
        : sendJson(response, 200, { message: 'ok' }),
    );
    // Ten cold TLS handshakes and a token fetch: a generous deadline, as the test is not about time.
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call(executor, oauth2(), 'ten_1/act_1', 15_000)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(tokens.requests).toHaveLength(2);
  });

  it('a token endpoint refusing the client is auth_failed with the provider code, never the secret', async () => {
    const { executor } = await testExecutor();
    tokens.setHandler((request, response) =>
      sendJson(response, 401, {
        error: 'invalid_client',
        // A debug-minded provider echoing what it got, secret included.
        error_description: `Client authentication failed for ${request.headers.authorization} / ${CLIENT_SECRET}`,
      }),
    );
    const result = await call(executor);
    const failure = failureOf(result);
    expect(failure.kind).toBe('auth_failed');
    expect(failure.expected).toBe(false);
    expect(failure.tokenEndpoint).toMatchObject({ reason: 'refused', status: 401, error: 'invalid_client' });
    expect(failure.message).toContain('invalid_client');
    expect(failure.tokenEndpoint?.errorDescription).toContain('Client authentication failed');
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(CLIENT_SECRET);
    expect(shown).not.toContain(Buffer.from(`shop+app:${CLIENT_SECRET}`).toString('base64'));
    expect(endpoint.requests).toHaveLength(0);
    // Failures are not cached: the next call asks again.
    await call(executor);
    expect(tokens.requests).toHaveLength(2);
  });

  it('refuses a token URL resolving to a private address without any connection', async () => {
    const { executor, dialLog, lookups } = await testExecutor();
    const before = tokens.connections + endpoint.connections;
    const result = await call(executor, oauth2({ tokenUrl: `https://${PRIVATE_HOST}:${tokens.port}/token` }));
    const failure = failureOf(result);
    expect(failure).toMatchObject({ kind: 'auth_failed', tokenEndpoint: { reason: 'blocked' } });
    expect(failure.message).toContain('10.0.0.5');
    expect(lookups).toContain(PRIVATE_HOST);
    expect(dialLog.dialled).toEqual([]);
    expect(tokens.connections + endpoint.connections).toBe(before);
  });

  it('refuses a private literal and a plain-http token URL before resolving anything', async () => {
    const { executor, dialLog, lookups } = await testExecutor();
    for (const tokenUrl of ['https://10.0.0.5/token', `http://${TOKEN_HOST}/token`]) {
      const failure = failureOf(await call(executor, oauth2({ tokenUrl })));
      expect(failure).toMatchObject({ kind: 'auth_failed', tokenEndpoint: { reason: 'blocked' } });
    }
    expect(lookups).toEqual([]);
    expect(dialLog.dialled).toEqual([]);
  });

  it('does not follow a redirect from the token endpoint', async () => {
    const { executor } = await testExecutor();
    tokens.setHandler((request, response) => {
      if (request.url === '/elsewhere') return sendJson(response, 200, { access_token: 'stolen' });
      response.writeHead(307, { location: tokens.url('/elsewhere', TOKEN_HOST) }).end();
    });
    const failure = failureOf(await call(executor));
    expect(failure).toMatchObject({
      kind: 'auth_failed',
      tokenEndpoint: { reason: 'redirect', status: 307 },
    });
    expect(tokens.requests.map((request) => request.url)).toEqual(['/oauth/token']);
    expect(endpoint.requests).toHaveLength(0);
  });

  it('caps an oversized token response', async () => {
    const { executor } = await testExecutor();
    tokens.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'a'.repeat(2_000_000), token_type: 'Bearer' }));
    });
    const failure = failureOf(await call(executor));
    expect(failure).toMatchObject({ kind: 'auth_failed', tokenEndpoint: { reason: 'too_large' } });
    expect(endpoint.requests).toHaveLength(0);
  });

  it('refuses answers that are not a usable bearer token', async () => {
    const { executor } = await testExecutor();
    for (const body of [
      { token_type: 'Bearer' },
      { access_token: 'abc', token_type: 'mac' },
      { access_token: 'has space', token_type: 'Bearer' },
    ]) {
      tokens.setHandler((_request, response) => sendJson(response, 200, body));
      const failure = failureOf(await call(executor));
      expect(failure).toMatchObject({ kind: 'auth_failed', tokenEndpoint: { reason: 'invalid_response' } });
    }
  });

  it('a slow token endpoint uses up the call deadline: auth_failed, timeout', async () => {
    const { executor } = await testExecutor();
    tokens.setHandler(() => undefined); // never answers
    const result = await executor.execute({
      action: orderStatusAction(endpoint, { auth: oauth2(), timeoutMs: 1_000 }),
      parameters: { order_number: 'ORD-1' },
    });
    expect(failureOf(result)).toMatchObject({ kind: 'auth_failed', tokenEndpoint: { reason: 'timeout' } });
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it('scrubs the access token and the client secret from everything the call returns', async () => {
    const { executor } = await testExecutor();
    endpoint.setHandler((request, response) =>
      sendJson(response, 200, { data: { echo: request.headers.authorization, secret: CLIENT_SECRET } }),
    );
    const result = await call(executor);
    expect(result.ok).toBe(true);
    expect(bearerOf(endpoint.requests[0])).toBe('Bearer at_issued_1_x');
    const shown = JSON.stringify(result);
    expect(shown).not.toContain('at_issued_1_x');
    expect(shown).not.toContain(CLIENT_SECRET);
    expect(result.request?.headers.authorization).toBe('[redacted]');
  });

  it('scrubs the cached access token from text that arrives later (an async callback)', async () => {
    const { executor } = await testExecutor();
    await call(executor);
    const prepared = executor.prepare({
      action: orderStatusAction(endpoint, { auth: oauth2() }),
      parameters: { order_number: 'ORD-1' },
      credentialScope: 'ten_1/act_1',
    });
    if (!prepared.ok) throw new Error('not prepared');
    const late = 'callback echo at_issued_1_x and cs_planted_secret_8181';
    expect(prepared.call.scrubber.text(late)).toContain('at_issued_1_x');
    expect(executor.scrubberOf(prepared.call).text(late)).toBe('callback echo [redacted] and [redacted]');
  });

  it('a dry run shows where the token goes without fetching one', async () => {
    const { executor } = await testExecutor();
    const prepared = executor.prepare({
      action: orderStatusAction(endpoint, { auth: oauth2() }),
      parameters: { order_number: 'ORD-1' },
    });
    expect(prepared.ok && prepared.call.request.headers.authorization).toBe('[redacted]');
    expect(tokens.requests).toHaveLength(0);
  });
});
