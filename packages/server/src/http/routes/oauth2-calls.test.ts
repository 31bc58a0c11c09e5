import { type LoopbackHttpsServer, sendJson, startLoopbackHttpsServer } from '@toolgate/core/test';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoopbackTestApp } from '../../test/loopback-test-app.js';
import { orderStatusAction, type TestApp } from '../../test/test-app.js';

/**
 * An OAuth2 action through the service: created over the API (the secret write-only), called
 * from the test console with a token from a loopback token server, and neither the client
 * secret nor the access token in any answer, the call record, the log or a stored row.
 */
const CLIENT_SECRET = 'cs-planted-oauth2-secret-3c9e';
const ACCESS_TOKEN = 'at-planted-oauth2-token-77d1';
let t: TestApp;
let tokens: LoopbackHttpsServer;
let shop: LoopbackHttpsServer;
const answers: string[] = [];

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
async function answer(response: Response): Promise<Record<string, any>> {
  const text = await response.text();
  answers.push(text);
  expect(response.status, text).toBeLessThan(300);
  return JSON.parse(text) as Record<string, unknown>;
}

beforeAll(async () => {
  tokens = await startLoopbackHttpsServer((_request, response) =>
    sendJson(response, 200, { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 }),
  );
  // Echoes the credentials it got: they must come back scrubbed.
  shop = await startLoopbackHttpsServer((request, response) =>
    sendJson(response, 200, { data: { seen: request.headers.authorization, also: CLIENT_SECRET } }),
  );
  t = await createLoopbackTestApp();
});
afterAll(async () => {
  await t.close();
  await tokens.close();
  await shop.close();
});

describe('an OAuth2 action through the service', () => {
  let actionId = '';
  it('is created with a write-only client secret', async () => {
    const created = await answer(
      await t.call('POST', '/api/v1/actions', {
        body: orderStatusAction({
          name: 'oauth_orders',
          url: `https://orders.example.com:${shop.port}/status`,
          headers: undefined,
          auth: {
            type: 'oauth2_client_credentials',
            tokenUrl: `https://api.example.com:${tokens.port}/oauth/token`,
            clientId: 'shop-app',
            clientSecret: CLIENT_SECRET,
            scopes: ['orders.read'],
          },
        }),
      }),
    );
    actionId = created.action.id;
    expect(created.action.definition.auth).toEqual({
      type: 'oauth2_client_credentials',
      tokenUrl: `https://api.example.com:${tokens.port}/oauth/token`,
      clientId: 'shop-app',
      clientSecret: { set: true },
      scopes: ['orders.read'],
    });
  });

  it('calls the endpoint with the token, and the record holds neither secret nor token', async () => {
    const body = await answer(
      await t.call('POST', `/api/v1/actions/${actionId}/test`, {
        body: { mode: 'live', confirm: true, parameters: { order_number: 'ORD-1' } },
      }),
    );
    expect(shop.requests.at(-1)?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(tokens.requests).toHaveLength(1);
    expect(JSON.stringify(body)).toContain('[redacted]');
    const record = await answer(await t.call('GET', `/api/v1/calls/${body.callId}`));
    expect(JSON.stringify(record)).toContain('[redacted]');
    const { rows } = await sql<Record<string, unknown>>`select * from calls`.execute(t.database.db);
    const { rows: actions } = await sql<Record<string, unknown>>`select * from actions`.execute(
      t.database.db,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const text of [...answers, t.logText(), JSON.stringify(rows), JSON.stringify(actions)]) {
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(ACCESS_TOKEN);
    }
  });

  it('a PATCH that leaves the secret out keeps it: the next call still authenticates', async () => {
    const patched = await answer(
      await t.call('PATCH', `/api/v1/actions/${actionId}`, {
        body: {
          auth: {
            type: 'oauth2_client_credentials',
            tokenUrl: `https://api.example.com:${tokens.port}/oauth/token`,
            clientId: 'shop-app',
            scopes: ['orders.read', 'orders.write'],
          },
        },
      }),
    );
    expect(patched.definition.auth.clientSecret).toEqual({ set: true });
    await answer(
      await t.call('POST', `/api/v1/actions/${actionId}/test`, {
        body: { mode: 'live', confirm: true, parameters: { order_number: 'ORD-2' } },
      }),
    );
    const basic = Buffer.from(`shop-app:${CLIENT_SECRET}`).toString('base64');
    expect(tokens.requests.at(-1)?.headers.authorization).toBe(`Basic ${basic}`);
  });
});
