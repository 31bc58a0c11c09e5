import { type ActionDefinition, type ActionResult, type Executor, NotFoundError } from '@toolgate/core';
import type { Logger } from 'pino';
import type { SubscriptionsForDelivery } from './active-subscriptions.js';
import { activeSubscriptions, subscriptionsTaking } from './active-subscriptions.js';
import type {
  AttemptOutcome,
  ClaimedDelivery,
  DeliveryHandler,
  NewDelivery,
  Writer,
} from './delivery-types.js';
import type { EmittedEvent, EventDeliveryPayload, EventEnvelope } from './event-types.js';
import type { SubscriptionCache } from './subscription-cache.js';

/** Each attempt's own deadline (the executor's total deadline: connect, headers and body). */
export const EVENT_TIMEOUT_MS = 15_000;

/** The envelope of one event, as POSTed: `{ type, timestamp, data }`. */
export function eventEnvelope(type: string, data: object, at: Date): EventEnvelope {
  return { type, timestamp: at.toISOString(), data: data as Record<string, unknown> };
}

/**
 * The `event` rows one event becomes: one per active subscription whose filters take it, each
 * with the subscription's retry schedule. The subscriptions come from `cache` when given (see
 * subscription-cache.ts), else are read with the caller's writer (its transaction).
 */
export async function eventDeliveries(
  writer: Writer,
  event: EmittedEvent,
  at: Date,
  cache?: SubscriptionCache,
): Promise<NewDelivery[]> {
  const active = cache
    ? await cache.active(writer, event.tenantId)
    : await activeSubscriptions(writer, event.tenantId);
  const matches = subscriptionsTaking(active, event.type, event.agentId);
  const payload: EventDeliveryPayload = { envelope: eventEnvelope(event.type, event.data, at) };
  return matches.map((match) => ({
    tenantId: event.tenantId,
    kind: 'event' as const,
    subscriptionId: match.id,
    eventType: event.type,
    payload: payload as unknown as Record<string, unknown>,
    ...(match.retryScheduleMs === null ? {} : { retryScheduleMs: match.retryScheduleMs }),
    notBefore: at,
  }));
}

/** The action the executor sends an event as: a POST without parameters, unredirected. */
function eventAction(url: string, type: string): ActionDefinition {
  return {
    name: 'subscription_event',
    description: `The ${type} event of a subscription.`,
    url,
    method: 'POST',
    timeoutMs: EVENT_TIMEOUT_MS,
  };
}

export interface EventHandlerOptions {
  executor: Executor;
  subscriptions: SubscriptionsForDelivery;
  /** Maps the executor's result to the queue's outcome (the queue's `outcomeOfActionResult`). */
  outcomeOf(result: ActionResult): AttemptOutcome;
  logger?: Logger;
}

/** A paused subscription's rows are looked at again this often; resuming wakes none sooner. */
export const PAUSED_RECHECK_MS = 60_000;

/**
 * The handler of `event` deliveries: loads the subscription (URL, secrets that sign now) and
 * POSTs the stored envelope through the executor (the one outbound policy, pinned and capped),
 * signed Standard Webhooks style with the delivery id as `webhook-id` and `Idempotency-Key` on
 * every attempt. A paused subscription's row is retried later; a deleted or disabled one fails.
 * The worker disables the subscription on a `gone` outcome (see {@link disableGoneSubscription}).
 */
export function createEventHandler(options: EventHandlerOptions): DeliveryHandler {
  return async (delivery: ClaimedDelivery): Promise<AttemptOutcome> => {
    const envelope = (delivery.payload as unknown as EventDeliveryPayload).envelope;
    if (!delivery.subscriptionId || !envelope) {
      return { kind: 'failed', error: 'an event delivery without a subscription or envelope' };
    }
    let subscription: Awaited<ReturnType<SubscriptionsForDelivery['loadForDelivery']>>;
    try {
      subscription = await options.subscriptions.loadForDelivery(delivery.tenantId, delivery.subscriptionId);
    } catch (error) {
      if (error instanceof NotFoundError) return { kind: 'failed', error: 'the subscription was deleted' };
      throw error;
    }
    if (subscription.status === 'disabled') return { kind: 'failed', error: 'the subscription is disabled' };
    if (subscription.status === 'paused')
      return { kind: 'deferred', reason: 'the subscription is paused', delayMs: PAUSED_RECHECK_MS };
    const result = await options.executor.execute({
      action: eventAction(subscription.url, envelope.type),
      jsonBody: envelope as unknown as Record<string, unknown>,
      signingSecrets: subscription.signingSecrets,
      context: { callId: delivery.id, trigger: 'manual' },
    });
    return options.outcomeOf(result);
  };
}

/**
 * What the worker calls when a row dies: a `gone` event delivery disables its subscription
 * (the receiver answered 410 Gone), with the worker's writer.
 */
export async function disableGoneSubscription(
  writer: Writer,
  subscriptions: SubscriptionsForDelivery,
  delivery: Pick<ClaimedDelivery, 'tenantId' | 'kind' | 'subscriptionId'>,
  outcome: AttemptOutcome,
): Promise<boolean> {
  if (delivery.kind !== 'event' || !delivery.subscriptionId || outcome.kind !== 'gone') return false;
  await subscriptions.disable(writer, delivery.tenantId, delivery.subscriptionId, outcome.error);
  return true;
}
