import { checkTarget, NotFoundError, ValidationError } from '@toolgate/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { matchingSubscriptions } from '../deliveries/active-subscriptions.js';
import { createSecretBox } from '../secrets/secret-box.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { openTestDatabase } from '../test/engines.js';
import { createSubscriptionStore, type SubscriptionStore } from './subscription-store.js';
import { createTenantStore } from './tenant-store.js';

const box = createSecretBox([Buffer.alloc(32, 7)]);
/** Pure classification: names resolve to these answers, nothing is connected. */
const resolve = async (host: string) => (host === 'internal.example.com' ? ['10.0.0.5'] : ['93.184.216.34']);
const checkUrl = (url: string) => checkTarget(url, { resolve });
const AGENT_1 = `agt_${'1'.repeat(32)}`;
const AGENT_2 = `agt_${'2'.repeat(32)}`;

describeEachEngine('the subscription store on $engine', (engine) => {
  let opened: OpenDatabase;
  let store: SubscriptionStore;
  let clock = new Date('2026-12-07T10:00:00Z');
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    const tenants = createTenantStore(opened.db);
    await tenants.create({ id: 'tenant_a', name: 'A' });
    await tenants.create({ id: 'tenant_b', name: 'B' });
    store = createSubscriptionStore({ db: opened.db, box, checkUrl, now: () => clock });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('creates a subscription, shows its secret once and never in reads', async () => {
    const { subscription, signingSecret } = await store.create(
      'tenant_a',
      { url: 'https://hooks.example.com/toolgate', eventTypes: ['message.created'], description: 'CRM' },
      'test',
    );
    expect(signingSecret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({
      url: 'https://hooks.example.com/toolgate',
      eventTypes: ['message.created'],
      agentIds: [],
      status: 'active',
      retryScheduleMs: null,
      description: 'CRM',
    });
    const reads = JSON.stringify([
      await store.get('tenant_a', subscription.id),
      await store.list('tenant_a'),
    ]);
    expect(reads).not.toContain(signingSecret);
    const loaded = await store.loadForDelivery('tenant_a', subscription.id);
    expect(loaded.signingSecrets).toEqual([signingSecret]);
  });

  it('refuses URLs the outbound policy refuses, naming /url', async () => {
    for (const url of [
      'http://hooks.example.com/x',
      'https://internal.example.com/x',
      'https://127.0.0.1/x',
    ]) {
      const error = await store.create('tenant_a', { url }, 'test').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details[0]?.path).toBe('/url');
    }
  });

  it("keeps tenants apart: another tenant's id is not found", async () => {
    const { subscription } = await store.create('tenant_a', { url: 'https://a.example.com/' }, 'test');
    await expect(store.get('tenant_b', subscription.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      store.update('tenant_b', subscription.id, { url: 'https://b.example.com/' }, 'test'),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.remove('tenant_b', subscription.id, 'test')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.rotateSigningSecret('tenant_b', subscription.id, 'test')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await store.list('tenant_b')).map((s) => s.id)).not.toContain(subscription.id);
    expect((await store.get('tenant_a', subscription.id)).url).toBe('https://a.example.com/');
  });

  it('patches fields, pauses and resumes, and rotation signs with both secrets for the grace period', async () => {
    const { subscription, signingSecret } = await store.create(
      'tenant_a',
      { url: 'https://p.example.com/' },
      'test',
    );
    const patched = await store.update(
      'tenant_a',
      subscription.id,
      { agentIds: [AGENT_1], retryScheduleMs: [1000, 2000], description: 'x' },
      'test',
    );
    expect(patched).toMatchObject({ agentIds: [AGENT_1], retryScheduleMs: [1000, 2000], description: 'x' });
    const cleared = await store.update(
      'tenant_a',
      subscription.id,
      { retryScheduleMs: null, description: null },
      'test',
    );
    expect(cleared).toMatchObject({ retryScheduleMs: null, description: null, agentIds: [AGENT_1] });
    expect((await store.setPaused('tenant_a', subscription.id, true, 'test')).status).toBe('paused');
    expect((await store.setPaused('tenant_a', subscription.id, false, 'test')).status).toBe('active');
    const rotated = await store.rotateSigningSecret('tenant_a', subscription.id, 'test');
    expect((await store.loadForDelivery('tenant_a', subscription.id)).signingSecrets).toEqual([
      rotated.signingSecret,
      signingSecret,
    ]);
    clock = new Date(clock.getTime() + 25 * 3600_000);
    expect((await store.loadForDelivery('tenant_a', subscription.id)).signingSecrets).toEqual([
      rotated.signingSecret,
    ]);
  });

  it('matches active subscriptions by event type and agent; a 410 disables until resumed', async () => {
    await opened.db.deleteFrom('subscriptions').execute();
    const all = (await store.create('tenant_b', { url: 'https://all.example.com/' }, 'test')).subscription;
    const typed = (
      await store.create('tenant_b', { url: 'https://t.example.com/', eventTypes: ['action.failed'] }, 'test')
    ).subscription;
    const agent = (
      await store.create('tenant_b', { url: 'https://g.example.com/', agentIds: [AGENT_1] }, 'test')
    ).subscription;
    const paused = (await store.create('tenant_b', { url: 'https://z.example.com/' }, 'test')).subscription;
    await store.setPaused('tenant_b', paused.id, true, 'test');
    const ids = async (type: string, agentId?: string) =>
      (await matchingSubscriptions(opened.db, 'tenant_b', type, agentId)).map((row) => row.id).sort();
    expect(await ids('message.created', AGENT_1)).toEqual([all.id, agent.id].sort());
    expect(await ids('message.created', AGENT_2)).toEqual([all.id]);
    expect(await ids('action.failed')).toEqual([all.id, typed.id].sort());
    expect(await matchingSubscriptions(opened.db, 'tenant_a', 'action.failed', undefined)).toEqual([]);
    await store.disable(opened.db, 'tenant_b', all.id, 'the receiver answered 410 Gone');
    expect(await store.get('tenant_b', all.id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'the receiver answered 410 Gone',
    });
    expect(await ids('action.failed')).toEqual([typed.id]);
    expect((await store.setPaused('tenant_b', all.id, false, 'test')).status).toBe('active');
  });
});
