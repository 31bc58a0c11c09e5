import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orderStatusAction, type TestApp } from '../../test/test-app.js';

const PLANTED = ['planted-header-secret-5f2a9c', 'planted-bearer-secret-81be4d'];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    allowPrivateNetworks: ['127.0.0.0/8'],
    resolve: async (host) => (host === 'orders.example.com' ? ['127.0.0.1'] : ['93.184.216.34']),
  });
});
afterAll(() => t.close());

async function json(response: Response) {
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
  return (await response.json()) as Record<string, any>;
}

async function createAction(overrides: Record<string, unknown> = {}, key = t.tenantA.adminKey) {
  const response = await t.call('POST', '/api/v1/actions', { key, body: orderStatusAction(overrides) });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return json(response);
}

describe('POST /api/v1/actions', () => {
  it('creates an action, shows the signing secret once and no secret value', async () => {
    const created = await createAction({ name: 'create_once' });
    expect(created.signingSecret).toMatch(/^whsec_/);
    expect(created.action.id).toMatch(/^act_/);
    expect(created.action.definition.headers).toEqual({ 'X-Api-Key': { set: true } });
    expect(created.action.definition.auth).toEqual({ type: 'bearer', token: { set: true } });
    const text = JSON.stringify(created);
    for (const secret of PLANTED) expect(text).not.toContain(secret);
    const read = await json(await t.call('GET', `/api/v1/actions/${created.action.id}`));
    expect(JSON.stringify(read)).not.toContain(created.signingSecret);
  });

  it('lists every problem of an invalid definition with its path (422)', async () => {
    const response = await t.call('POST', '/api/v1/actions', {
      body: {
        name: 'Bad Name',
        description: '',
        url: 'http://orders.example.com/',
        method: 'FETCH',
        timeoutMs: 5,
      },
    });
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['/name', '/description', '/url', '/method', '/timeoutMs']));
  });

  it('refuses unknown fields with 400 naming each', async () => {
    const response = await t.call('POST', '/api/v1/actions', {
      body: { ...orderStatusAction(), colour: 'red', retries: 3 },
    });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe('unknown_field');
    expect(body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      '/colour',
      '/retries',
    ]);
  });

  it('refuses malformed JSON with 400 and no stack trace', async () => {
    const response = await t.call('POST', '/api/v1/actions', { body: '{"name": "x",' });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe('malformed_json');
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+/);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await t.call('POST', '/api/v1/actions', {
      body: orderStatusAction({ description: 'x'.repeat(300 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await json(response)).error.code).toBe('payload_too_large');
  });

  it('refuses a URL the outbound policy denies, at save time', async () => {
    for (const url of [
      'https://10.0.0.1/orders',
      'https://localhost/orders',
      'https://[::ffff:169.254.169.254]/',
    ]) {
      const response = await t.call('POST', '/api/v1/actions', {
        body: orderStatusAction({ name: 'ssrf_probe', url }),
      });
      expect(response.status, url).toBe(422);
      const body = await json(response);
      expect(body.error.details.map((detail: { path: string }) => detail.path)).toContain('/url');
    }
  });

  it('answers 409 for a name used in the same tenant, not in another', async () => {
    await createAction({ name: 'same_name' });
    const again = await t.call('POST', '/api/v1/actions', { body: orderStatusAction({ name: 'same_name' }) });
    expect(again.status).toBe(409);
    await createAction({ name: 'same_name' }, t.tenantB.adminKey);
  });
});

describe('conversation settings', () => {
  it('stores them with the action and validates them', async () => {
    const conversation = {
      confirmation: 'always',
      messages: { start: 'Let me check.', delayed: { afterMs: 3000, text: 'Still on it.' } },
      responseFields: ['status'],
      triggers: { phrases: ['where is my order'], entities: ['order_id'] },
    };
    const created = await createAction({ name: 'with_conversation', conversation });
    expect(created.action.definition.conversation).toEqual(conversation);
    const bad = await t.call('POST', '/api/v1/actions', {
      body: orderStatusAction({
        name: 'bad_conversation',
        conversation: { confirmation: 'sometimes', responseFields: [''] },
      }),
    });
    expect(bad.status).toBe(422);
    const paths = (await json(bad)).error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['/conversation/confirmation']));
  });
});

describe('PATCH /api/v1/actions/{id}', () => {
  it('keeps, replaces or removes each header and never shows values', async () => {
    const created = await createAction({
      name: 'patch_headers',
      headers: {
        'X-Keep': 'keep-value-123456',
        'X-Replace': 'old-value-123456',
        'X-Remove': 'gone-value-123456',
      },
    });
    const id = created.action.id;
    const response = await t.call('PATCH', `/api/v1/actions/${id}`, {
      body: {
        headers: { 'X-Replace': 'new-value-654321', 'X-Remove': null },
        description: 'Look up an order and say where it is now.',
      },
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.definition.headers).toEqual({ 'X-Keep': { set: true }, 'X-Replace': { set: true } });
    expect(JSON.stringify(body)).not.toMatch(/value-\d+/);
    const callable = await t.services.actions.loadForCall(t.tenantA.id, id);
    expect(callable.definition.headers).toEqual({
      'X-Keep': 'keep-value-123456',
      'X-Replace': 'new-value-654321',
    });
  });

  it('validates the result of the patch (422) and changes nothing', async () => {
    const created = await createAction({ name: 'patch_invalid' });
    const response = await t.call('PATCH', `/api/v1/actions/${created.action.id}`, {
      body: { timeoutMs: 60_000, url: 'ftp://x' },
    });
    expect(response.status).toBe(422);
    const read = await json(await t.call('GET', `/api/v1/actions/${created.action.id}`));
    expect(read.definition.url).toBe('https://orders.example.com/status');
  });
});

describe('parameter patterns run with RE2 semantics', () => {
  const withPattern = (pattern: string) => ({
    type: 'object',
    properties: { order_number: { type: 'string', pattern } },
    required: ['order_number'],
  });

  it('refuses lookaround and backreferences when created, naming the pattern (422)', async () => {
    const response = await t.call('POST', '/api/v1/actions', {
      body: orderStatusAction({ name: 'lookahead_pattern', parameters: withPattern('^(?=ORD-)\\S+$') }),
    });
    expect(response.status).toBe(422);
    const [detail] = (await json(response)).error.details;
    expect(detail.path).toBe('/parameters/properties/order_number/pattern');
    expect(detail.message).toMatch(
      /^lookahead \(\?=\.\.\.\) is not supported; patterns run with RE2 semantics/,
    );
  });

  it('refuses them on update too, and keeps the old pattern', async () => {
    const created = await createAction({ name: 'backreference_pattern' });
    const response = await t.call('PATCH', `/api/v1/actions/${created.action.id}`, {
      body: { parameters: withPattern('^(ORD)-\\1$') },
    });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details[0]).toEqual({
      path: '/parameters/properties/order_number/pattern',
      message: expect.stringContaining('backreference \\1 is not supported'),
    });
    const read = await json(await t.call('GET', `/api/v1/actions/${created.action.id}`));
    expect(read.definition.parameters.properties.order_number.pattern).toBe('^ORD-\\d+$');
  });

  it('accepts a backtracking-prone pattern: RE2 runs it in linear time', async () => {
    await createAction({ name: 'nested_quantifier', parameters: withPattern('^(ORD-\\d+)+$') });
  });
});

describe('signing secret rotation and deletion', () => {
  it('rotates: two secrets sign during the grace period', async () => {
    const created = await createAction({ name: 'rotate_me' });
    const response = await t.call('POST', `/api/v1/actions/${created.action.id}/signing-secret/rotate`);
    expect(response.status).toBe(200);
    const rotated = await json(response);
    expect(rotated.signingSecret).toMatch(/^whsec_/);
    const callable = await t.services.actions.loadForCall(t.tenantA.id, created.action.id);
    expect(callable.signingSecrets).toEqual([rotated.signingSecret, created.signingSecret]);
  });

  it('deletes with 204, then 404', async () => {
    const created = await createAction({ name: 'delete_me' });
    expect((await t.call('DELETE', `/api/v1/actions/${created.action.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/actions/${created.action.id}`)).status).toBe(404);
  });
});

describe('limits and the audit log', () => {
  it('gives the 11th action a clear error', async () => {
    const tenant = 'tenant_limits';
    await t.services.tenants.create({ id: tenant, name: 'Limits' });
    const { value: key } = await t.services.apiKeys.create(tenant, { name: 'k', scopes: ['admin'] }, 'test');
    for (let index = 0; index < 10; index += 1) await createAction({ name: `action_${index}` }, key);
    const response = await t.call('POST', '/api/v1/actions', {
      key,
      body: orderStatusAction({ name: 'action_10' }),
    });
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body.error.code).toBe('limit_reached');
    expect(body.error.message).toContain('at most 10 actions');
  });

  it('records who changed which fields, never the values', async () => {
    const created = await createAction({ name: 'audited' });
    await t.call('PATCH', `/api/v1/actions/${created.action.id}`, {
      body: { headers: { 'X-Api-Key': 'rotated-key-998877' } },
    });
    const audit = await json(await t.call('GET', '/api/v1/audit'));
    const entries = audit.entries.filter(
      (entry: { targetId: string }) => entry.targetId === created.action.id,
    );
    expect(entries.map((entry: { event: string }) => entry.event)).toEqual([
      'action-updated',
      'action-created',
    ]);
    expect(entries[0].fields).toEqual(['headers']);
    expect(entries[0].actor).toMatch(/^api_key:key_/);
    expect(JSON.stringify(audit)).not.toContain('rotated-key-998877');
  });
});

describe('secrets never leak', () => {
  it('no planted secret appears in any response or log line', async () => {
    const created = await createAction({ name: 'leak_check' });
    const bodies = [JSON.stringify(created)];
    for (const path of [
      '/api/v1/actions',
      `/api/v1/actions/${created.action.id}`,
      '/api/v1/audit',
      '/api/v1/calls',
    ]) {
      bodies.push(await (await t.call('GET', path)).text());
    }
    // The log does record these requests (so searching it means something).
    expect(t.logText()).toContain('"method":"POST","route":"/api/v1/actions"');
    const everything = bodies.join('\n') + t.logText();
    for (const secret of PLANTED) expect(everything).not.toContain(secret);
  });
});
