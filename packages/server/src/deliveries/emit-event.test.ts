import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/schema.js';
import type { ActiveSubscription } from './active-subscriptions.js';
import { createEventEmitter, NO_EVENTS } from './emit-event.js';
import type { SubscriptionCache } from './subscription-cache.js';

const writer = {} as Kysely<Database>;
const enqueue = async () => 'dlv_1';

function cacheOf(active: ActiveSubscription[]): SubscriptionCache & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async active(_writer, tenantId) {
      reads.push(tenantId);
      return active;
    },
    async forget() {},
  };
}

const subscription = (eventTypes: string[], agentIds: string[] = []): ActiveSubscription => ({
  id: 'sub_1',
  eventTypes,
  agentIds,
  retryScheduleMs: null,
});

describe('mayEmit: whether a change needs a transaction for its events', () => {
  it('is false when the tenant has no active subscription, read from the cache', async () => {
    const cache = cacheOf([]);
    const events = createEventEmitter({ enqueue, subscriptions: cache });
    expect(await events.mayEmit(writer, 'tenant_a', ['message.created'])).toBe(false);
    expect(cache.reads).toEqual(['tenant_a']);
  });

  it('is true for a subscription to every type, or to one of the types asked about', async () => {
    const all = createEventEmitter({ enqueue, subscriptions: cacheOf([subscription([])]) });
    expect(await all.mayEmit(writer, 'tenant_a', ['action.failed'])).toBe(true);
    const some = createEventEmitter({
      enqueue,
      subscriptions: cacheOf([subscription(['lead.captured'])]),
    });
    expect(await some.mayEmit(writer, 'tenant_a', ['message.created', 'lead.captured'])).toBe(true);
    expect(await some.mayEmit(writer, 'tenant_a', ['message.created'])).toBe(false);
  });

  it('ignores the agent filter (it may take an event of another agent): true, never a missed event', async () => {
    const events = createEventEmitter({
      enqueue,
      subscriptions: cacheOf([subscription(['message.created'], ['agt_other'])]),
    });
    expect(await events.mayEmit(writer, 'tenant_a', ['message.created'])).toBe(true);
  });

  it('is true without a cache (the transaction reads the subscriptions), false for NO_EVENTS', async () => {
    expect(await createEventEmitter({ enqueue }).mayEmit(writer, 'tenant_a', ['message.created'])).toBe(true);
    expect(await NO_EVENTS.mayEmit(writer, 'tenant_a', ['message.created'])).toBe(false);
  });
});
