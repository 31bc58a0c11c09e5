import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';
import { httpJson } from '../../test/http-client.js';
import { orderStatusAction } from '../../test/test-app.js';
import { MAX_MESSAGE_CHARS } from '../schemas/agents.js';

/**
 * Issue 11: a parameter pattern that backtracks catastrophically, fed a hostile value by a widget
 * visitor, froze every request. Patterns now run with RE2 semantics; these requests go through a
 * real HTTP server on loopback and must each answer quickly while /healthz stays responsive.
 */
const A = 'a'.repeat(10_000);
const EVIL: Array<[name: string, pattern: string, value: string]> = [
  ['nested_plus', '^(a+)+$', `${A}!`],
  ['star_of_plus', '^([a-zA-Z]+)*$', `${A}!`],
  ['overlapping_alternation', '^(a|aa)+$', `${A}!`],
  ['optional_alternation', '^(a|a?)+$', `${A}!`],
  ['repeated_dot_star', '^(.*a){12}$', `${A}!`],
  ['java_class_name', '^(([a-z])+.)+[A-Z]([a-z])+$', `${A}!`],
  [
    'email_check',
    '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
    `${A}!`,
  ],
];
/** Generous bounds for a loaded machine; a backtracking engine needs longer than the test's timeout. */
const REQUEST_BOUND_MS = 3000;
const HEALTHZ_BOUND_MS = 2000;
const SHOP = 'https://shop.example.com';

let f: ConversationFixture;
let server: ServerType;
let base: string;
const actionIds = new Map<string, string>();
let widgetKey: string;
let widgetAgentId: string;

beforeAll(async () => {
  f = await startConversationFixture();
  for (const [name, pattern] of EVIL) {
    const created = await f.t.services.actions.create(
      f.t.tenantA.id,
      orderStatusAction({
        name: `check_${name}`,
        displayName: `Check ${name.replaceAll('_', ' ')}`,
        description: `Look up a ${name.replaceAll('_', ' ')} code the customer gives.`,
        url: `https://orders.example.com:${f.shop.port}/status`,
        method: 'GET',
        parameters: {
          type: 'object',
          properties: { code: { type: 'string', description: 'The code', pattern } },
          required: ['code'],
        },
      }),
      'test',
    );
    actionIds.set(name, created.action.id);
  }
  const { agent } = await f.t.services.agents.create(
    f.t.tenantA.id,
    { name: 'Code checker', actions: EVIL.map(([name]) => `check_${name}`) },
    'test',
  );
  const key = await json(
    await f.t.call('POST', '/api/v1/api-keys', {
      body: { name: 'code widget', scopes: ['chat'], widget: { agentId: agent.id, origins: [SHOP] } },
    }),
  );
  widgetKey = key.value;
  widgetAgentId = agent.id;
  server = await new Promise<ServerType>((resolve) => {
    const listening = serve({ fetch: f.t.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(listening),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await f.close();
});

const timed = async <T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
};
const dryRun = (name: string, code: string) =>
  httpJson(`${base}/api/v1/actions/${actionIds.get(name)}/test`, {
    method: 'POST',
    headers: { authorization: `Bearer ${f.t.tenantA.adminKey}` },
    body: { parameters: { code }, mode: 'dry_run' },
  });
const widgetMessage = async (text: string) => {
  const headers = { authorization: `Bearer ${widgetKey}`, origin: SHOP };
  const started = await httpJson(`${base}/api/v1/conversations`, {
    method: 'POST',
    headers,
    body: { agentId: widgetAgentId },
  });
  const id = (started.body as { id: string }).id;
  return httpJson(`${base}/api/v1/conversations/${id}/messages`, { method: 'POST', headers, body: { text } });
};

describe('hostile values against backtracking-prone patterns, over HTTP', () => {
  it.each(EVIL)(
    'the test console validates %s (%s) against 10,000 characters quickly',
    async (name, _p, value) => {
      const { value: response, ms } = await timed(() => dryRun(name, value));
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body)).toContain('/parameters/code');
      expect(ms).toBeLessThan(REQUEST_BOUND_MS);
    },
  );

  it.each(EVIL)('a widget visitor message aimed at %s (%s) is answered quickly', async (name, _p, value) => {
    const words = name.replaceAll('_', ' ');
    const text = `check ${words} code ${value}`.slice(0, MAX_MESSAGE_CHARS);
    const { value: response, ms } = await timed(() => widgetMessage(text));
    expect(response.status).toBe(200);
    expect(ms).toBeLessThan(REQUEST_BOUND_MS);
  });

  it('/healthz stays fast while hostile requests are in flight', async () => {
    const before = f.shop.requests.length;
    const hostile = EVIL.flatMap(([name, , value]) => [dryRun(name, value), dryRun(name, value)]);
    const settled = Promise.all(hostile);
    const latencies: number[] = [];
    let done = false;
    void settled.then(() => {
      done = true;
    });
    // Probe until every hostile request has answered (at least three probes).
    while (!done || latencies.length < 3) {
      const { value: health, ms } = await timed(() => httpJson(`${base}/healthz`));
      expect(health.status).toBe(200);
      latencies.push(ms);
    }
    const answers = await settled;
    expect(answers.every((answer) => answer.status === 422)).toBe(true);
    expect(Math.max(...latencies)).toBeLessThan(HEALTHZ_BOUND_MS);
    // A dry run never reaches the endpoint.
    expect(f.shop.requests.length).toBe(before);
  });
});
