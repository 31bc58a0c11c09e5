import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue } from '../deliveries/enqueue.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import {
  fieldName,
  HOSTILE_BODIES,
  HOSTILE_STRINGS,
  HOSTILE_URL_PARTS,
  HOSTILE_VALUES,
} from '../test/hostile-input.js';
import { createTestApp, orderStatusAction, type TestApp } from '../test/test-app.js';

/**
 * The attack pass, generated from the OpenAPI document the server serves: every route, each of its
 * path, query and body parameters, against hostile strings, wrong types and broken bodies. No
 * answer may be a 5xx; every 4xx has the error shape; text the database cannot store (NUL, lone
 * surrogates) is a 400 `invalid_text` naming the field.
 */

type Segment = string | number;
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

let t: TestApp;
let operations: Array<{ method: string; path: string; operation: Operation }>;
const ids: Record<string, string> = {};

/** A body each route accepts, which the attack changes one field at a time. */
function validBody(route: string): unknown {
  const bodies: Record<string, unknown> = {
    'post /session': { email: 'ann@example.com', password: 'not the password at all' },
    'post /actions': orderStatusAction({ name: 'attack_created_action' }),
    'post /actions/import/openapi': {
      document: { openapi: '3.0.3', info: { title: 'Attack', version: '1' }, paths: {} },
      dryRun: true,
    },
    'patch /actions/{id}': { description: 'Look up an order when the customer asks about it.' },
    'post /actions/{id}/test': { parameters: { order_number: 'ORD-1' } },
    'post /agents': { name: 'Attack agent' },
    'patch /agents/{id}': { name: 'Attacked agent' },
    'post /conversations': { agentId: ids.agents, contactId: 'contact-1', metadata: { note: 'x' } },
    'post /conversations/{id}/messages': { text: 'Where is my order ORD-1?' },
    'post /conversations/{id}/events': {
      type: 'manual',
      action: 'check_order_status',
      parameters: { order_number: 'ORD-1' },
    },
    'post /api-keys': { name: 'attack key', scopes: ['chat'] },
    'post /operators': { email: 'bob@example.com', password: 'a long enough password', scopes: ['chat'] },
    'patch /operators/{id}': { scopes: ['admin'] },
    'patch /tenant': { name: 'Tenant A' },
    'post /subscriptions': { url: 'https://hooks.example.com/attack', eventTypes: ['message.created'] },
    'patch /subscriptions/{id}': { description: 'Attacked subscription', agentIds: [] },
    'post /agents/{id}/channels': { name: 'attack-channel', kind: 'generic' },
    'patch /agents/{id}/channels/{channel}': { replyMode: 'inline' },
    'post /agents/{id}/channels/{channel}/secret/rotate': {},
    'post /agents/{id}/mcp-servers': { name: 'attack', url: 'https://api.example.com/mcp' },
    'patch /agents/{id}/mcp-servers/{server}': { enabled: false },
    'post /agents/{id}/chat/{channel}': { contactId: 'contact-1', text: 'Hello' },
    'post /callbacks/{token}': { result: { ok: true } },
    'post /subscriptions/{id}/replay': { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
    'post /deliveries/replay': { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
    'post /tools/call': {
      name: 'check_order_status',
      arguments: { order_number: 'ORD-1' },
      agentId: ids.agents,
      conversationId: 'attack-conversation',
      idempotencyKey: 'attack-key',
      confirmed: true,
    },
  };
  if (!(route in bodies)) throw new Error(`add a valid body for ${route} to the attack test`);
  return structuredClone(bodies[route]);
}

/** Every field of a body schema, nested objects and arrays included, to `depth` levels. */
function fieldPaths(schema: Schema, prefix: Segment[] = [], depth = 3): Segment[][] {
  if (depth === 0) return [];
  const members = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const paths: Segment[][] = [];
  const seen = new Set<string>();
  for (const member of members) {
    for (const [name, property] of Object.entries(member.properties ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      paths.push([...prefix, name], ...fieldPaths(property, [...prefix, name], depth - 1));
    }
    if (!member.properties && member.additionalProperties !== false && member.type === 'object') {
      paths.push([...prefix, 'note']);
    }
    if (member.items) paths.push([...prefix, 0], ...fieldPaths(member.items, [...prefix, 0], depth - 1));
  }
  return paths;
}

/** A copy of `body` with `value` at `path`, creating the objects and arrays on the way. */
function withValue(body: unknown, path: Segment[], value: unknown): unknown {
  const root = { body: structuredClone(body) } as Record<Segment, unknown>;
  let node = root;
  const full: Segment[] = ['body', ...path];
  full.slice(0, -1).forEach((segment, index) => {
    const next = full[index + 1];
    const child = node[segment];
    if (child === null || typeof child !== 'object') node[segment] = typeof next === 'number' ? [] : {};
    node = node[segment] as Record<Segment, unknown>;
  });
  node[full[full.length - 1] as Segment] = value;
  return root.body;
}

function concretePath(path: string, id?: string): string {
  const resource = path.split('/')[1] ?? '';
  // A second path parameter (a subscription's delivery) gets a well-formed id that names nothing.
  return `/api/v1${path
    .replace('{id}', id ?? ids[resource] ?? 'missing')
    .replace('{deliveryId}', 'dlv_missing')
    .replace('{channel}', 'missing-channel')
    .replace('{server}', 'missing')}`;
}

const failures: string[] = [];
let sent = 0;
/** Sends one request and records what is wrong with its answer. */
async function attack(
  what: string,
  method: string,
  url: string,
  body?: { text: string; type?: string },
  expectedField?: string,
): Promise<void> {
  sent += 1;
  const response = await t.app.request(url, {
    method: method.toUpperCase(),
    headers: {
      authorization: `Bearer ${t.tenantA.adminKey}`,
      ...(body ? { 'content-type': body.type ?? 'application/json' } : {}),
    },
    ...(body ? { body: body.text } : {}),
  });
  const where = `${method.toUpperCase()} ${url.slice(0, 80)} (${what})`;
  if (response.status >= 500) failures.push(`${where}: ${response.status} ${await response.text()}`);
  else if (response.status >= 400) {
    const text = await response.text();
    let shape: { error?: { code?: unknown; message?: unknown; field?: unknown; requestId?: unknown } } = {};
    try {
      shape = JSON.parse(text);
    } catch {
      // not JSON: reported below
    }
    if (
      typeof shape.error?.code !== 'string' ||
      typeof shape.error.message !== 'string' ||
      typeof shape.error.requestId !== 'string' ||
      shape.error.requestId !== response.headers.get('x-request-id')
    ) {
      failures.push(`${where}: ${response.status} outside the error shape: ${text.slice(0, 200)}`);
    } else if (
      expectedField &&
      (shape.error.code !== 'invalid_text' || shape.error.field !== expectedField)
    ) {
      failures.push(`${where}: expected invalid_text naming ${expectedField}, got ${text.slice(0, 300)}`);
    }
  } else {
    await response.arrayBuffer();
    if (expectedField) failures.push(`${where}: ${response.status}, expected 400 naming ${expectedField}`);
  }
}

/** The failures so far (at most 20 shown), after checking that at least `minimum` requests were sent. */
function report(minimum: number): string[] {
  expect(sent).toBeGreaterThanOrEqual(minimum);
  sent = 0;
  const found = failures.splice(0);
  return found.length > 20 ? [...found.slice(0, 20), `... and ${found.length - 20} more`] : found;
}

describeEachEngine('hostile input on every route of the OpenAPI document ($engine)', (engine) => {
  beforeAll(async () => {
    // Action URLs resolve to loopback and the dialler refuses every connection: nothing leaves the app.
    t = await createTestApp({
      engine,
      allowPrivateNetworks: ['127.0.0.0/8'],
      resolve: async () => ['127.0.0.1'],
      dial: (_options, callback) => callback(new Error('the attack test dials nothing'), null),
    });
    const { action } = await t.services.actions.create(t.tenantA.id, orderStatusAction(), 'test');
    ids.actions = action.id;
    const { agent } = await t.services.agents.create(t.tenantA.id, { name: 'Attacked agent' }, 'test');
    ids.agents = agent.id;
    ids.conversations = (await t.services.conversations.create(t.tenantA.id, { agentId: agent.id })).id;
    ids.subscriptions = (
      await t.services.subscriptions.create(t.tenantA.id, { url: 'https://hooks.example.com/in' }, 'test')
    ).subscription.id;
    ids.deliveries = await enqueue(t.services.db, {
      tenantId: t.tenantA.id,
      kind: 'webhook_trigger',
      payload: {},
      notBefore: new Date(Date.now() + 3_600_000),
    });
    const key = await t.services.apiKeys.create(t.tenantA.id, { name: 'chat key', scopes: ['chat'] }, 'test');
    ids['api-keys'] = key.key.id;
    const operator = await t.services.operators.create(
      t.tenantA.id,
      { email: 'ann@example.com', password: 'correct horse battery', scopes: ['admin'] },
      'test',
    );
    ids.operators = operator.id;
    const { record } = await t.services.runner.run(
      t.tenantA.id,
      action.id,
      { order_number: 'bad' },
      { trigger: 'test' },
    );
    ids.calls = record.id;

    const response = await t.app.request('/api/v1/openapi.json');
    const document = (await SwaggerParser.dereference((await response.json()) as never)) as unknown as {
      paths: Record<string, Record<string, Operation>>;
    };
    // The conversation stream stays open for as long as the client listens, so requests that wait
    // for a whole answer cannot attack it; routes/conversation-stream-attacks.test.ts does.
    operations = Object.entries(document.paths)
      .filter(([path]) => !path.endsWith('/stream'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ method, path, operation })),
      );
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('path parameters: no 5xx, NUL refused naming path.id', async () => {
    const withId = operations.filter(({ path }) => path.includes('{id}'));
    expect(withId.length).toBeGreaterThan(10);
    const pathNames = withId.flatMap(({ operation }) =>
      (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    );
    // concretePath fills `{id}` (attacked), `{deliveryId}`, `{channel}` and `{server}`: another path parameter needs the test to grow.
    expect(new Set(pathNames)).toEqual(new Set(['id', 'deliveryId', 'channel', 'server']));
    for (const { method, path, operation } of withId) {
      const body = operation.requestBody ? JSON.stringify(validBody(`${method} ${path}`)) : undefined;
      for (const part of HOSTILE_URL_PARTS) {
        const url = concretePath(path, part.encoded);
        await attack(
          part.label,
          method,
          url,
          body ? { text: body } : undefined,
          part.refused ? 'path.id' : undefined,
        );
      }
    }
    expect(report(250)).toEqual([]);
  });

  it('query parameters: no 5xx, NUL refused naming query.<name>', async () => {
    let count = 0;
    for (const { method, path, operation } of operations) {
      const names = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const body = operation.requestBody ? JSON.stringify(validBody(`${method} ${path}`)) : undefined;
      // The other attacks need the stored resources: deletions aim elsewhere.
      const deletes = method === 'delete' && path.includes('{id}');
      const send = (what: string, query: string, field?: string) =>
        attack(
          what,
          method,
          `${concretePath(path, deletes ? 'not_a_stored_id' : undefined)}?${query}`,
          body ? { text: body } : undefined,
          field,
        );
      for (const name of [...names, 'unknown']) {
        count += 1;
        for (const part of HOSTILE_URL_PARTS) {
          await send(
            `${name}: ${part.label}`,
            `${name}=${part.encoded}`,
            part.refused ? `query.${name}` : undefined,
          );
        }
        await send(`${name} twice`, `${name}=1&${name}=2`);
      }
      await send('NUL in a parameter name', 'na%00me=1', 'query');
    }
    expect(count).toBeGreaterThan(operations.length);
    expect(report(900)).toEqual([]);
  }, 120_000);

  it('body fields: no 5xx, NUL and lone surrogates refused naming body.<field>', async () => {
    const withBody = operations.filter(({ operation }) => operation.requestBody);
    expect(withBody.length).toBeGreaterThan(10);
    for (const { method, path, operation } of withBody) {
      const schema = operation.requestBody?.content['application/json'].schema as Schema;
      const base = validBody(`${method} ${path}`);
      const url = concretePath(path);
      const keyAttacked = new Set<string>();
      for (const field of fieldPaths(schema)) {
        for (const entry of HOSTILE_STRINGS) {
          const text = JSON.stringify(withValue(base, field, entry.value));
          await attack(
            `${field.join('.')}: ${entry.label}`,
            method,
            url,
            { text },
            entry.refused ? fieldName('body', field) : undefined,
          );
        }
        for (const entry of HOSTILE_VALUES) {
          await attack(`${field.join('.')}: ${entry.label}`, method, url, {
            text: JSON.stringify(withValue(base, field, entry.value)),
          });
        }
        // A field name next to this field (array items have none).
        if (typeof field[field.length - 1] === 'number') continue;
        const parent = field.slice(0, -1);
        if (keyAttacked.has(parent.join('.'))) continue;
        keyAttacked.add(parent.join('.'));
        const text = JSON.stringify(withValue(base, [...parent, 'key\u0000with NUL'], 'x'));
        await attack(
          `NUL in a key beside ${field.join('.')}`,
          method,
          url,
          { text },
          fieldName('body', parent),
        );
      }
    }
    expect(report(3500)).toEqual([]);
  }, 300_000);

  it('whole bodies: no 5xx, each refusal in the error shape', async () => {
    for (const { method, path, operation } of operations) {
      if (!operation.requestBody && method === 'get') continue;
      for (const entry of HOSTILE_BODIES) {
        await attack(entry.label, method, concretePath(path), {
          text: entry.text,
          ...(entry.type ? { type: entry.type } : {}),
        });
      }
    }
    expect(report(300)).toEqual([]);
  }, 120_000);

  it('PATCH /tenant with nothing to change answers the tenant as it is', async () => {
    const before = await (await t.call('GET', '/api/v1/tenant')).json();
    const response = await t.call('PATCH', '/api/v1/tenant', { body: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(before);
  });

  it('logged no error for any of it (a refusal is a request line, not a failure)', () => {
    const errors = t
      .logText()
      .split('\n')
      .filter((line) => line !== '' && (JSON.parse(line) as { level: number }).level >= 50);
    expect(errors.map((line) => line.slice(0, 300))).toEqual([]);
  });
});
