import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test/describe-each-engine.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import type { ClaimedDelivery, NewDelivery } from './delivery-types.js';
import { createEventDeadLetterHook } from './event-dead-letters.js';

describeEachEngine('dead-lettered event deliveries on $engine', (engine) => {
  let t: TestApp;
  let queued: NewDelivery[] = [];
  beforeAll(async () => {
    t = await createTestApp({
      engine,
      resolve: async () => ['93.184.216.34'],
      enqueue: async (_writer, delivery) => {
        queued.push(delivery);
        return `dlv_${String(queued.length).padStart(32, '0')}`;
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const dead = (subscriptionId: string, eventType: string): ClaimedDelivery => ({
    id: `dlv_${'d'.repeat(32)}`,
    tenantId: t.tenantA.id,
    kind: 'event',
    payload: {},
    subscriptionId,
    eventType,
    attempt: 8,
    createdAt: new Date(),
  });

  it('a 410 disables the subscription; each dead row is reported once, never a dead report or a test', async () => {
    const subs = t.services.subscriptions;
    const gone = (await subs.create(t.tenantA.id, { url: 'https://gone.example.com/' }, 'test')).subscription;
    const watcher = (
      await subs.create(
        t.tenantA.id,
        { url: 'https://ops.example.com/', eventTypes: ['delivery.dead_lettered'] },
        'test',
      )
    ).subscription;
    const hook = createEventDeadLetterHook({
      db: t.services.db,
      subscriptions: subs,
      events: t.services.events,
    });
    await hook(dead(gone.id, 'message.created'), 'gone: the receiver answered 410 Gone', {
      kind: 'gone',
      status: 410,
      error: 'the receiver answered 410 Gone',
    });
    expect(await subs.get(t.tenantA.id, gone.id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'the receiver answered 410 Gone',
    });
    // The disabled one no longer receives; the watcher gets the report.
    expect(queued.map((row) => [row.subscriptionId, row.eventType])).toEqual([
      [watcher.id, 'delivery.dead_lettered'],
    ]);
    expect(queued[0]?.payload).toMatchObject({
      envelope: {
        data: {
          deliveryId: `dlv_${'d'.repeat(32)}`,
          eventType: 'message.created',
          attempts: 8,
          subscriptionId: gone.id,
        },
      },
    });
    queued = [];
    const failed = { kind: 'failed' as const, status: 400, error: 'the receiver answered 400' };
    await hook(dead(watcher.id, 'delivery.dead_lettered'), 'failed', failed);
    await hook(dead(watcher.id, 'subscription.test'), 'failed', failed);
    expect(queued).toEqual([]);
    expect((await subs.get(t.tenantA.id, watcher.id)).status).toBe('active');
  });
});
