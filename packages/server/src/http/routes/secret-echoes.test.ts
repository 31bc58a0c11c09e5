import {
  answerWithEchoes,
  expectNoPlantedSecret,
  type LoopbackHttpsServer,
  PLANTED_SECRETS,
  PLANTED_USER,
  SECRET_QUERY,
  secretsReceived,
  startLoopbackHttpsServer,
} from '@toolgate/core/test';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoopbackTestApp } from '../../test/loopback-test-app.js';
import { orderStatusAction, type TestApp } from '../../test/test-app.js';

/**
 * The attack of issue 11 end to end: an endpoint echoes every secret back in every encoding, and
 * no spelling of one may reach an API answer, the log or a database row.
 */
let t: TestApp;
let shop: LoopbackHttpsServer;
/** Every answer the API gave in these tests, as text. */
const answers: string[] = [];

const AUTHS = {
  bearer: { auth: { type: 'bearer', token: PLANTED_SECRETS.bearer } },
  query: { auth: { type: 'api_key', in: 'query', name: SECRET_QUERY, value: PLANTED_SECRETS.query } },
  basic: { auth: { type: 'basic', username: PLANTED_USER, password: PLANTED_SECRETS.password } },
} as const;
const MODES = ['json', 'escaped-json', 'message', 'error', 'text-error', 'redirect'] as const;
const actionIds = new Map<string, string>();

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
async function answer(response: Response): Promise<Record<string, any>> {
  const text = await response.text();
  answers.push(text);
  expect(response.status, text).toBeLessThan(300);
  return JSON.parse(text) as Record<string, unknown>;
}

beforeAll(async () => {
  shop = await startLoopbackHttpsServer(answerWithEchoes);
  t = await createLoopbackTestApp();
  await t.services.tenants.update(t.tenantA.id, { maxActions: 50 }, 'test');
  const base = `https://orders.example.com:${shop.port}/echo`;
  for (const [auth, settings] of Object.entries(AUTHS)) {
    for (const mode of MODES) {
      const name = `echo_${auth}_${mode.replace('-', '_')}`;
      const { action } = await t.services.actions.create(
        t.tenantA.id,
        orderStatusAction({
          name,
          url: `${base}/${mode}`,
          method: 'GET',
          followRedirects: true,
          headers: { 'X-Shop-Key': PLANTED_SECRETS.header },
          ...settings,
        }),
        'test',
      );
      actionIds.set(name, action.id);
    }
  }
  // Tenant B's agent has one action, which answers with a message said to the customer verbatim.
  await t.services.actions.create(
    t.tenantB.id,
    orderStatusAction({
      url: `${base}/message`,
      method: 'GET',
      headers: { 'X-Shop-Key': PLANTED_SECRETS.header },
      ...AUTHS.bearer,
    }),
    'test',
  );
});
afterAll(async () => {
  await t.close();
  await shop.close();
});

describe('secrets an endpoint echoes back, through the service', () => {
  it('test console: no spelling in the live result or in the call record', async () => {
    for (const [name, id] of actionIds) {
      const before = shop.requests.length;
      const body = await answer(
        await t.call('POST', `/api/v1/actions/${id}/test`, {
          body: { mode: 'live', parameters: { order_number: 'ORD-1' } },
        }),
      );
      // The endpoint really got the secrets, and what came back was scrubbed, not dropped.
      const received = shop.requests.slice(before).flatMap((request) => secretsReceived(request));
      expect(received, name).toContain(PLANTED_SECRETS.header);
      expect(JSON.stringify(body), name).toContain('[redacted]');
      expectNoPlantedSecret(`test console ${name}`, body);
      const record = await answer(await t.call('GET', `/api/v1/calls/${body.callId}`));
      expectNoPlantedSecret(`call record ${name}`, record);
    }
  });

  it('button click in a conversation: no spelling in the event answer or the record', async () => {
    const { agent } = await t.services.agents.create(t.tenantA.id, { name: 'Echo desk' }, 'test');
    const conversation = await answer(
      await t.call('POST', '/api/v1/conversations', { body: { agentId: agent.id } }),
    );
    for (const name of ['echo_bearer_json', 'echo_query_message', 'echo_basic_error']) {
      const body = await answer(
        await t.call('POST', `/api/v1/conversations/${conversation.id}/events`, {
          body: { type: 'button_click', action: name, parameters: { order_number: 'ORD-2' } },
        }),
      );
      expect(body.callId, name).toEqual(expect.any(String));
      expectNoPlantedSecret(`event ${name}`, body);
      expectNoPlantedSecret(
        `event record ${name}`,
        await answer(await t.call('GET', `/api/v1/calls/${body.callId}`)),
      );
    }
    expectNoPlantedSecret(
      'event transcript',
      await answer(await t.call('GET', `/api/v1/conversations/${conversation.id}`)),
    );
  });

  it('the embedded agent tells the customer the message without the secrets', async () => {
    const key = t.tenantB.adminKey;
    const { agent } = await t.services.agents.create(t.tenantB.id, { name: 'Shop assistant' }, 'test');
    const conversation = await answer(
      await t.call('POST', '/api/v1/conversations', { key, body: { agentId: agent.id } }),
    );
    const before = shop.requests.length;
    const turn = await answer(
      await t.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
        key,
        body: { text: 'Where is my order ORD-12345?' },
      }),
    );
    expect(shop.requests.length).toBe(before + 1);
    expect(turn.reply).toContain('Your order is on its way');
    expect(turn.reply).toContain('[redacted]');
    expectNoPlantedSecret('agent turn', turn);
    expectNoPlantedSecret(
      'agent transcript',
      await answer(await t.call('GET', `/api/v1/conversations/${conversation.id}`, { key })),
    );
    expectNoPlantedSecret('tenant B calls', await answer(await t.call('GET', '/api/v1/calls', { key })));
  });

  it('leaves no spelling in the call list, the log or any stored row', async () => {
    const list = await answer(await t.call('GET', '/api/v1/calls?limit=100'));
    expect((list.calls as unknown[]).length).toBeGreaterThanOrEqual(actionIds.size);
    expectNoPlantedSecret('call list', list);
    expectNoPlantedSecret('by action', await answer(await t.call('GET', '/api/v1/calls/by-action')));
    expectNoPlantedSecret(
      'every API answer',
      answers.map((text) => JSON.parse(text)),
      answers,
    );
    expectNoPlantedSecret('log', null, [t.logText()]);
    for (const table of ['calls', 'messages', 'conversations'] as const) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
        t.database.db,
      );
      expect(rows.length, table).toBeGreaterThan(0);
      expectNoPlantedSecret(
        `${table} rows`,
        rows,
        rows.map((row) => JSON.stringify(row)),
      );
    }
  });
});
