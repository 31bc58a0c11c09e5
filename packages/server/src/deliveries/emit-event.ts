import type { ChatMessage } from '@toolgate/core';
import type { ClaimedDelivery, NewDelivery, Writer } from './delivery-types.js';
import { eventDeliveries, eventEnvelope } from './event-delivery.js';
import { type EmittedEvent, type EventType, TEST_EVENT_TYPE } from './event-types.js';
import type { SubscriptionCache } from './subscription-cache.js';

/** Queues one row in the writer's transaction (the queue's `enqueue`); returns its id. */
export type Enqueue = (writer: Writer, delivery: NewDelivery, now?: Date) => Promise<string>;

/** Emits events to the tenant's subscriptions; given to the stores where events happen. */
export interface EventEmitter {
  /**
   * Queues one `event` delivery per active subscription whose filters take the event, in the
   * writer's transaction: the event is delivered if and only if the change that caused it commits.
   * Returns the delivery ids (none when nothing subscribes).
   */
  emit<T extends EventType>(writer: Writer, event: EmittedEvent<T>): Promise<string[]>;
  /**
   * Queues a `subscription.test` event to one subscription whatever its filters and status (the
   * "send a test event" button); returns the delivery id, null when no queue is configured.
   */
  sendTest(writer: Writer, tenantId: string, subscriptionId: string): Promise<string | null>;
  /**
   * Whether an event of one of these types might be queued for the tenant, whatever its agent:
   * false only when the emitter knows no active subscription takes any of them, so that a
   * change can be written without a transaction around it. It reads the emitter's subscription
   * cache (with `writer` on a miss); without a cache it answers true (the transaction reads them).
   */
  mayEmit(writer: Writer, tenantId: string, types: readonly EventType[]): Promise<boolean>;
}

/**
 * The emitter over the queue.
 *
 * @example
 * const events = createEventEmitter({ enqueue });
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('conversations').values(row).execute();
 *   await events.emit(trx, { tenantId, type: 'conversation.started', agentId, data });
 * });
 */
export function createEventEmitter(options: {
  enqueue: Enqueue;
  now?: () => Date;
  /** Each tenant's active subscriptions, kept between events (default: read on every event). */
  subscriptions?: SubscriptionCache;
}): EventEmitter {
  const now = options.now ?? (() => new Date());
  return {
    async emit(writer, event) {
      const at = now();
      const ids: string[] = [];
      for (const delivery of await eventDeliveries(writer, event, at, options.subscriptions)) {
        ids.push(await options.enqueue(writer, delivery, at));
      }
      return ids;
    },
    async mayEmit(writer, tenantId, types) {
      if (!options.subscriptions) return true;
      const active = await options.subscriptions.active(writer, tenantId);
      return active.some(
        (subscription) =>
          subscription.eventTypes.length === 0 ||
          types.some((type) => subscription.eventTypes.includes(type)),
      );
    },
    async sendTest(writer, tenantId, subscriptionId) {
      const at = now();
      const envelope = eventEnvelope(
        TEST_EVENT_TYPE,
        { subscriptionId, message: 'A test event sent from Toolgate.' },
        at,
      );
      return options.enqueue(
        writer,
        {
          tenantId,
          kind: 'event',
          subscriptionId,
          eventType: TEST_EVENT_TYPE,
          payload: { envelope },
          // One attempt: a test shows what the receiver answers now.
          retryScheduleMs: [],
          notBefore: at,
        },
        at,
      );
    },
  };
}

/** Emits nothing: for stores built without subscriptions (tools, tests). */
export const NO_EVENTS: EventEmitter = {
  emit: async () => [],
  sendTest: async () => null,
  mayEmit: async () => false,
};

/** The text of a stored message the `message.created` event reports; null for tool calls and results. */
export function messageText(
  entry: ChatMessage | { role: string },
): { role: 'user' | 'assistant'; text: string } | null {
  const message = entry as ChatMessage;
  if ((message.role === 'user' || message.role === 'assistant') && typeof message.content === 'string') {
    return message.content === '' ? null : { role: message.role, text: message.content };
  }
  return null;
}

/**
 * The worker's dead-letter hook for events: a `delivery.dead_lettered` event for every dead row
 * but those that are themselves dead-letter events (no loop).
 */
export async function emitDeadLettered(
  events: EventEmitter,
  writer: Writer,
  delivery: Pick<ClaimedDelivery, 'id' | 'tenantId' | 'kind' | 'eventType' | 'subscriptionId' | 'attempt'>,
  reason: string,
): Promise<string[]> {
  if (delivery.eventType === 'delivery.dead_lettered') return [];
  return events.emit(writer, {
    tenantId: delivery.tenantId,
    type: 'delivery.dead_lettered',
    data: {
      deliveryId: delivery.id,
      kind: delivery.kind,
      eventType: delivery.eventType,
      subscriptionId: delivery.subscriptionId,
      attempts: delivery.attempt,
      reason,
    },
  });
}
