import type { SubscriptionStatus } from '../storage/schema.js';
import type { Writer } from './delivery-types.js';

/** What the event handler needs to send: the URL and the secrets that sign now. */
export interface LoadedSubscription {
  id: string;
  tenantId: string;
  url: string;
  status: SubscriptionStatus;
  signingSecrets: string[];
}

/**
 * What the event handler needs of the subscriptions' store (stores/subscription-store.ts
 * implements it): the subscription to send to, and disabling one whose receiver is gone.
 */
export interface SubscriptionsForDelivery {
  loadForDelivery(tenantId: string, id: string): Promise<LoadedSubscription>;
  disable(writer: Writer, tenantId: string, id: string, reason: string): Promise<void>;
}

/** What an event needs of one active subscription to decide whether it takes the event. */
export interface ActiveSubscription {
  id: string;
  eventTypes: string[];
  agentIds: string[];
  retryScheduleMs: number[] | null;
}

/** The active subscriptions of a tenant, oldest first, read with `writer`. */
export async function activeSubscriptions(writer: Writer, tenantId: string): Promise<ActiveSubscription[]> {
  const rows = await writer
    .selectFrom('subscriptions')
    .select(['id', 'event_types', 'agent_ids', 'retry_schedule'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventTypes: row.event_types as string[],
    agentIds: row.agent_ids as string[],
    retryScheduleMs: (row.retry_schedule as number[] | null) ?? null,
  }));
}

/**
 * Those of `active` that take an event of this type and agent: filters empty mean "all"; a
 * subscription filtered by agent never takes an event of no agent.
 */
export function subscriptionsTaking(
  active: readonly ActiveSubscription[],
  type: string,
  agentId: string | null | undefined,
): Array<{ id: string; retryScheduleMs: number[] | null }> {
  return active
    .filter((row) => {
      const typeOk = row.eventTypes.length === 0 || row.eventTypes.includes(type);
      const agentOk = row.agentIds.length === 0 || (agentId != null && row.agentIds.includes(agentId));
      return typeOk && agentOk;
    })
    .map((row) => ({ id: row.id, retryScheduleMs: row.retryScheduleMs }));
}

/**
 * The active subscriptions of a tenant that take an event of this type and agent, read with the
 * caller's writer (uncached; the emitter's per-tenant cache is `createSubscriptionCache`).
 */
export async function matchingSubscriptions(
  writer: Writer,
  tenantId: string,
  type: string,
  agentId: string | null | undefined,
): Promise<Array<{ id: string; retryScheduleMs: number[] | null }>> {
  return subscriptionsTaking(await activeSubscriptions(writer, tenantId), type, agentId);
}
