import type { CacheBus } from '../shared/cache-bus.js';
import { createTtlCache } from '../shared/ttl-cache.js';
import { type ActiveSubscription, activeSubscriptions } from './active-subscriptions.js';
import type { Writer } from './delivery-types.js';

/**
 * How long a tenant's active subscriptions are reused without a notice (the backstop when notices
 * are lost); a change on any instance clears them everywhere through the cache bus first.
 */
export const SUBSCRIPTION_CACHE_MS = 2_000;

/** The cache's name on the bus. */
export const SUBSCRIPTION_CACHE_NAME = 'tenant-subscriptions';

/** Each tenant's active subscriptions, read once per TTL instead of on every message and call. */
export interface SubscriptionCache {
  /** The tenant's active subscriptions: cached, or read with `writer` (the caller's transaction). */
  active(writer: Writer, tenantId: string): Promise<ActiveSubscription[]>;
  /** Forgets a tenant's (here and, through the bus, on every instance); settles once sent. */
  forget(tenantId: string): Promise<void>;
}

/**
 * The per-tenant subscription cache the event emitter reads. Concurrent misses share one read;
 * when a shared read fails (its transaction was rolled back), the caller reads again with its own
 * writer, so one request's failure is never another's.
 *
 * @example
 * const cache = createSubscriptionCache({ cacheBus });
 * const active = await cache.active(trx, 'tenant_a');
 */
export function createSubscriptionCache(
  options: { cacheBus?: CacheBus | undefined; now?: () => number; ttlMs?: number } = {},
): SubscriptionCache {
  const cache = createTtlCache<ActiveSubscription[]>(
    options.ttlMs ?? SUBSCRIPTION_CACHE_MS,
    10_000,
    options.now ?? Date.now,
    options.cacheBus ? { name: SUBSCRIPTION_CACHE_NAME, bus: options.cacheBus } : undefined,
  );
  return {
    async active(writer, tenantId) {
      try {
        return await cache.get(tenantId, () => activeSubscriptions(writer, tenantId));
      } catch {
        return activeSubscriptions(writer, tenantId);
      }
    },
    forget: (tenantId) => cache.delete(tenantId),
  };
}
