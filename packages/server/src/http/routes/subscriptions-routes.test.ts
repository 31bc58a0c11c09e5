import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/describe-each-engine.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests.
type Body = Record<string, any>;
const json = async (response: Response) => (await response.json()) as Body;
const AGENT = `agt_${'b'.repeat(32)}`;

describeEachEngine('the subscriptions API on $engine', (engine) => {
  let t: TestApp;
  let readKey: string;
  beforeAll(async () => {
    // Names resolve without traffic: the private answer is only classified, never dialled.
    const resolve = async (host: string) =>
      host === 'internal.example.com' ? ['10.0.0.5'] : ['93.184.216.34'];
    t = await createTestApp({ engine, resolve });
    readKey = (
      await t.services.apiKeys.create(t.tenantA.id, { name: 'reader', scopes: ['events:read'] }, 'test')
    ).value;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates (secret once), lists, reads, patches and deletes', async () => {
    const created = await t.call('POST', '/api/v1/subscriptions', {
      body: {
        url: 'https://hooks.example.com/in',
        eventTypes: ['action.failed', 'lead.captured'],
        agentIds: [AGENT],
      },
    });
    expect(created.status).toBe(201);
    const { subscription, signingSecret } = await json(created);
    expect(signingSecret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({ status: 'active', agentIds: [AGENT], retryScheduleMs: null });
    const listed = await json(await t.call('GET', '/api/v1/subscriptions', { key: readKey }));
    expect(listed.subscriptions.map((s: Body) => s.id)).toContain(subscription.id);
    expect(JSON.stringify(listed)).not.toContain(signingSecret);
    const patched = await t.call('PATCH', `/api/v1/subscriptions/${subscription.id}`, {
      body: { eventTypes: [], retryScheduleMs: [0, 1000], description: 'CRM' },
    });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({
      eventTypes: [],
      retryScheduleMs: [0, 1000],
      description: 'CRM',
    });
    const paused = await json(await t.call('POST', `/api/v1/subscriptions/${subscription.id}/pause`));
    expect(paused.status).toBe('paused');
    const resumed = await json(await t.call('POST', `/api/v1/subscriptions/${subscription.id}/resume`));
    expect(resumed.status).toBe('active');
    const rotated = await json(
      await t.call('POST', `/api/v1/subscriptions/${subscription.id}/signing-secret/rotate`),
    );
    expect(rotated.signingSecret).toMatch(/^whsec_/);
    expect(rotated.signingSecret).not.toBe(signingSecret);
    // A test event is queued at once (whatever the filters) and named by its delivery id.
    const test = await t.call('POST', `/api/v1/subscriptions/${subscription.id}/test`);
    expect(test.status).toBe(202);
    expect((await json(test)).deliveryId).toMatch(/\w/);
    expect((await t.call('DELETE', `/api/v1/subscriptions/${subscription.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/subscriptions/${subscription.id}`)).status).toBe(404);
  });

  it("answers 404 for another tenant's subscription, on every route", async () => {
    const { subscription } = await json(
      await t.call('POST', '/api/v1/subscriptions', { body: { url: 'https://a.example.com/' } }),
    );
    const key = t.tenantB.adminKey;
    const path = `/api/v1/subscriptions/${subscription.id}`;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', path],
      ['PATCH', path, { description: 'taken over' }],
      ['DELETE', path],
      ['POST', `${path}/pause`],
      ['POST', `${path}/resume`],
      ['POST', `${path}/signing-secret/rotate`],
      ['POST', `${path}/test`],
    ];
    for (const [method, route, body] of attempts) {
      const response = await t.call(method, route, { key, ...(body ? { body } : {}) });
      expect(response.status, `${method} ${route}`).toBe(404);
      expect((await json(response)).error.code).toBe('not_found');
    }
    const listedB = await json(await t.call('GET', '/api/v1/subscriptions', { key }));
    expect(listedB.subscriptions).toEqual([]);
    expect((await json(await t.call('GET', path))).description).toBeNull();
  });

  it('refuses what the outbound policy refuses and bad filters, naming the field', async () => {
    for (const url of ['http://hooks.example.com/', 'https://internal.example.com/', 'https://10.1.2.3/']) {
      const response = await t.call('POST', '/api/v1/subscriptions', { body: { url } });
      expect(response.status, url).toBe(422);
      expect(JSON.stringify(await json(response))).toContain('/url');
    }
    const badType = await t.call('POST', '/api/v1/subscriptions', {
      body: { url: 'https://a.example.com/', eventTypes: ['no.such.event'] },
    });
    expect(badType.status).toBe(422);
    expect(JSON.stringify(await json(badType))).toContain('eventTypes');
  });

  it('needs events:read to read and events:manage to change', async () => {
    const noScope = (
      await t.services.apiKeys.create(t.tenantA.id, { name: 'agents', scopes: ['agents:read'] }, 'test')
    ).value;
    expect((await t.call('GET', '/api/v1/subscriptions', { key: noScope })).status).toBe(403);
    const write = await t.call('POST', '/api/v1/subscriptions', {
      key: readKey,
      body: { url: 'https://a.example.com/' },
    });
    expect(write.status).toBe(403);
  });
});
