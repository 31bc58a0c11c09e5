import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orderStatusAction, type TestApp } from '../../test/test-app.js';

const MODEL_KEY = 'sk-planted-model-key-7d41e0';

let t: TestApp;
let strict: TestApp;
beforeAll(async () => {
  // Names resolve without any traffic: the private answer is only classified, never dialled.
  const resolve = async (host: string) =>
    host === 'internal.example.com'
      ? ['10.0.0.5']
      : host === 'local.example.com'
        ? ['127.0.0.1']
        : ['93.184.216.34'];
  [t, strict] = await Promise.all([
    createTestApp({ allowPrivateNetworks: ['127.0.0.0/8'], resolve }),
    createTestApp({ resolve }),
  ]);
  await t.services.actions.create(t.tenantA.id, orderStatusAction(), 'test');
});
afterAll(async () => {
  await t.close();
  await strict.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
type Body = Record<string, any>;
const json = async (response: Response) => (await response.json()) as Body;

async function create(body: Body, app = t, key = app.tenantA.adminKey) {
  return app.call('POST', '/api/v1/agents', { key, body });
}

describe('agents: create and read', () => {
  it('creates an embedded agent with defaults; the signing secret is shown once', async () => {
    const response = await create({
      name: 'Support',
      greeting: 'Hi! How can I help?',
      timezone: 'Europe/Berlin',
    });
    expect(response.status).toBe(201);
    const created = await json(response);
    expect(created.signingSecret).toMatch(/^whsec_/);
    expect(created.agent).toMatchObject({
      id: expect.stringMatching(/^agt_/),
      name: 'Support',
      model: { provider: 'embedded', apiKeySet: false },
      actions: null,
      webhookTrigger: null,
      timezone: 'Europe/Berlin',
    });
    const byName = await json(await t.call('GET', '/api/v1/agents/Support'));
    expect(byName.id).toBe(created.agent.id);
    const list = await json(await t.call('GET', '/api/v1/agents'));
    expect(list.agents.map((agent: Body) => agent.name)).toContain('Support');
    expect(JSON.stringify(list)).not.toContain(created.signingSecret);
  });

  it('stores an LLM key write-only: never in responses, lists, the audit log or the log', async () => {
    const created = await json(
      await create({
        name: 'Writer',
        model: { provider: 'openai', model: 'gpt-4o-mini', apiKey: MODEL_KEY },
      }),
    );
    expect(created.agent.model).toEqual({ provider: 'openai', model: 'gpt-4o-mini', apiKeySet: true });
    const everything = [
      JSON.stringify(created),
      JSON.stringify(await json(await t.call('GET', '/api/v1/agents'))),
      JSON.stringify(await json(await t.call('GET', '/api/v1/audit'))),
      t.logText(),
    ].join('\n');
    expect(everything).not.toContain(MODEL_KEY);
    const stored = await t.database.db
      .selectFrom('agents')
      .select('model_key')
      .where('id', '=', created.agent.id)
      .executeTakeFirstOrThrow();
    expect(stored.model_key).not.toContain(MODEL_KEY);
    expect((await t.services.agents.loadForTurn(t.tenantA.id, created.agent.id)).apiKey).toBe(MODEL_KEY);
  });
});

describe('agents: bad input', () => {
  it.each([
    [{ name: 'a', model: { provider: 'openai', model: 'gpt-4o-mini' } }, '/model/apiKey'],
    [{ name: 'b', model: { provider: 'anthropic', apiKey: 'k' } }, '/model/model'],
    [{ name: 'c', model: { provider: 'openai-compatible', model: 'llama3' } }, '/model/baseUrl'],
    [{ name: 'd', model: { provider: 'embedded', model: 'x' } }, '/model/model'],
    [{ name: 'e', timezone: 'Mars/Olympus' }, '/timezone'],
    [{ name: 'f', actions: ['check_order_status', 'no_such_action'] }, '/actions/1'],
    [{ name: 'g', webhookTrigger: { url: 'https://internal.example.com/hook' } }, '/webhookTrigger/url'],
    [{ name: 'h', webhookTrigger: { url: 'http://hooks.example.com/x' } }, '/webhookTrigger/url'],
    [{ name: 'i', phoneRegion: 'usa' }, '/phoneRegion'],
    [{ name: 'j', limits: { maxStepsPerTurn: 50 } }, '/limits/maxStepsPerTurn'],
    [{ name: '' }, '/name'],
  ])('%j is a 422 at %s', async (body, path) => {
    const response = await create(body);
    expect(response.status).toBe(422);
    const error = await json(response);
    expect(error.error.details.map((detail: Body) => detail.path)).toContain(path);
  });

  it('refuses a plain-http model URL unless it points at an allowlisted address', async () => {
    const body = {
      model: { provider: 'openai-compatible', model: 'llama3', baseUrl: 'http://127.0.0.1:11434/v1' },
    };
    const refused = await create({ name: 'local', ...body }, strict);
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.details[0]).toMatchObject({
      path: '/model/baseUrl',
      message: expect.stringMatching(/https/),
    });
    expect((await create({ name: 'local', ...body })).status).toBe(201);
    // A name over plain http would carry the key in clear text, even if it resolves to loopback.
    const byName = await create({
      name: 'by-name',
      model: { ...body.model, baseUrl: 'http://local.example.com/v1' },
    });
    expect((await json(byName)).error.details[0].path).toBe('/model/baseUrl');
    const internal = await create(
      { name: 'internal', model: { ...body.model, baseUrl: 'https://internal.example.com/v1' } },
      strict,
    );
    expect((await json(internal)).error.details[0].path).toBe('/model/baseUrl');
  });

  it('unknown fields are a 400 naming each; malformed JSON a 400; a taken name a 409', async () => {
    const unknown = await create({
      name: 'u',
      colour: 'blue',
      model: { provider: 'embedded', temperature: 1 },
    });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.details.map((detail: Body) => detail.path).sort()).toEqual([
      '/colour',
      '/model/temperature',
    ]);
    const malformed = await t.call('POST', '/api/v1/agents', { body: '{"name": ' });
    expect(malformed.status).toBe(400);
    await create({ name: 'Twice' });
    const taken = await create({ name: 'Twice' });
    expect(taken.status).toBe(409);
    expect((await json(taken)).error.details[0].path).toBe('/name');
  });
});

describe('agents: change and delete', () => {
  it('a patch replaces fields, null removes them, and the key is kept, replaced or removed', async () => {
    const { agent } = await json(
      await create({
        name: 'Patchy',
        fallbackText: 'Sorry!',
        model: { provider: 'anthropic', model: 'claude-x', apiKey: MODEL_KEY },
      }),
    );
    const path = `/api/v1/agents/${agent.id}`;
    const renamed = await json(
      await t.call('PATCH', path, { body: { name: 'Patched', fallbackText: null } }),
    );
    expect(renamed).toMatchObject({ name: 'Patched', model: { apiKeySet: true } });
    expect(renamed.fallbackText).toBeUndefined();
    const same = await json(
      await t.call('PATCH', path, { body: { model: { provider: 'anthropic', model: 'claude-y' } } }),
    );
    expect(same.model).toMatchObject({ model: 'claude-y', apiKeySet: true });
    const keyless = await t.call('PATCH', path, {
      body: { model: { provider: 'anthropic', model: 'claude-y', apiKey: null } },
    });
    expect(keyless.status).toBe(422);
    expect((await json(keyless)).error.details[0].path).toBe('/model/apiKey');
    const embedded = await json(await t.call('PATCH', path, { body: { model: { provider: 'embedded' } } }));
    expect(embedded.model).toEqual({ provider: 'embedded', apiKeySet: false });
    expect((await t.call('DELETE', path)).status).toBe(204);
    expect((await t.call('GET', path)).status).toBe(404);
  });

  it('answers a patch naming actions when the action cache is cold (no deadlock on the embedded database)', async () => {
    const { agent } = await json(await create({ name: 'Cold cache', actions: ['check_order_status'] }));
    // A write to the actions empties their cache: the patch's check has to read them again.
    await t.services.actions.create(t.tenantA.id, orderStatusAction({ name: 'cold_cache_action' }), 'test');
    const patched = await t.call('PATCH', `/api/v1/agents/${agent.id}`, {
      body: { actions: ['check_order_status', 'cold_cache_action'], limits: { maxCallsPerConversation: 3 } },
    });
    expect(patched.status).toBe(200);
    expect((await json(patched)).actions).toEqual(['check_order_status', 'cold_cache_action']);
    const unknown = await t.call('PATCH', `/api/v1/agents/${agent.id}`, {
      body: { actions: ['no_such_action'] },
    });
    expect(unknown.status).toBe(422);
  });

  it("another tenant's agent is a 404 for every route", async () => {
    const { agent } = await json(await create({ name: 'Mine' }));
    const other = { key: t.tenantB.adminKey };
    expect((await t.call('GET', `/api/v1/agents/${agent.id}`, other)).status).toBe(404);
    expect((await t.call('GET', '/api/v1/agents/Mine', other)).status).toBe(404);
    expect(
      (await t.call('PATCH', `/api/v1/agents/${agent.id}`, { ...other, body: { name: 'Theirs' } })).status,
    ).toBe(404);
    expect((await t.call('DELETE', `/api/v1/agents/${agent.id}`, other)).status).toBe(404);
    expect((await json(await t.call('GET', '/api/v1/agents', other))).agents).toEqual([]);
  });

  it('reading needs agents:read, changing agents:manage', async () => {
    const reader = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'reader', scopes: ['agents:read'] },
      'test',
    );
    const actionsOnly = await t.services.apiKeys.create(
      t.tenantA.id,
      { name: 'actions', scopes: ['webhooks:manage'] },
      'test',
    );
    expect((await t.call('GET', '/api/v1/agents', { key: reader.value })).status).toBe(200);
    expect((await create({ name: 'nope' }, t, reader.value)).status).toBe(403);
    expect((await t.call('GET', '/api/v1/agents', { key: actionsOnly.value })).status).toBe(403);
  });
});

describe('agents: keys, names, limits, rotation', () => {
  it('forgets the key when the base URL changes, unless the same patch brings one', async () => {
    const { agent } = await json(
      await create({ name: 'Keyed', model: { provider: 'openai', model: 'gpt-4o-mini', apiKey: MODEL_KEY } }),
    );
    const path = `/api/v1/agents/${agent.id}`;
    const moved = await t.call('PATCH', path, {
      body: { model: { provider: 'openai', model: 'gpt-4o-mini', baseUrl: 'https://proxy.example.com/v1' } },
    });
    expect(moved.status).toBe(422);
    expect((await json(moved)).error.details[0].path).toBe('/model/apiKey');
    expect((await t.services.agents.loadForTurn(t.tenantA.id, agent.id)).apiKey).toBe(MODEL_KEY);
    const withKey = await json(
      await t.call('PATCH', path, {
        body: {
          model: {
            provider: 'openai',
            model: 'gpt-4o-mini',
            baseUrl: 'https://proxy.example.com/v1',
            apiKey: 'sk-new',
          },
        },
      }),
    );
    expect(withKey.model.apiKeySet).toBe(true);
    expect((await t.services.agents.loadForTurn(t.tenantA.id, agent.id)).apiKey).toBe('sk-new');
  });

  it('refuses a name that looks like an agent id, so ids and names never collide', async () => {
    const { agent } = await json(await create({ name: 'Original' }));
    const impostor = await create({ name: agent.id });
    expect(impostor.status).toBe(422);
    expect((await json(impostor)).error.details[0].path).toBe('/name');
  });

  it('merges limits; a null limit resets that one, a null object resets all', async () => {
    const { agent } = await json(await create({ name: 'Limited', limits: { maxCallsPerConversation: 3 } }));
    const path = `/api/v1/agents/${agent.id}`;
    const merged = await json(await t.call('PATCH', path, { body: { limits: { maxStepsPerTurn: 2 } } }));
    expect(merged.limits).toEqual({ maxCallsPerConversation: 3, maxStepsPerTurn: 2 });
    const one = await json(await t.call('PATCH', path, { body: { limits: { maxStepsPerTurn: null } } }));
    expect(one.limits).toEqual({ maxCallsPerConversation: 3 });
    expect((await json(await t.call('PATCH', path, { body: { limits: null } }))).limits).toEqual({});
  });

  it('rotates the webhook signing secret; both sign during the grace period', async () => {
    const { agent, signingSecret } = await json(await create({ name: 'Rotating' }));
    const response = await t.call('POST', `/api/v1/agents/${agent.id}/signing-secret/rotate`);
    expect(response.status).toBe(200);
    const rotated = await json(response);
    expect(rotated.signingSecret).toMatch(/^whsec_/);
    expect(rotated.signingSecret).not.toBe(signingSecret);
    const loaded = await t.services.agents.loadForTurn(t.tenantA.id, agent.id);
    expect(loaded.signingSecrets).toEqual([rotated.signingSecret, signingSecret]);
    expect(
      (await t.call('POST', `/api/v1/agents/${agent.id}/signing-secret/rotate`, { key: t.tenantB.adminKey }))
        .status,
    ).toBe(404);
  });
});

describe('agents: a patch right after an action changed', () => {
  it('answers (the action list is read before the transaction, which would deadlock the embedded database)', async () => {
    const created = await json(await create({ name: 'Lister', actions: ['check_order_status'] }));
    // Any action write empties the action store's read cache: the next list reads the database.
    const changed = await t.call(
      'PATCH',
      `/api/v1/actions/${(await t.services.actions.list(t.tenantA.id))[0]?.id}`,
      {
        body: { description: 'Look up the status of an order by its number whenever a customer asks.' },
      },
    );
    expect(changed.status).toBe(200);
    const patched = await t.call('PATCH', `/api/v1/agents/${created.agent.id}`, {
      body: { greeting: 'Hello!' },
    });
    expect(patched.status).toBe(200);
    expect((await json(patched)).actions).toEqual(['check_order_status']);
  });
});
