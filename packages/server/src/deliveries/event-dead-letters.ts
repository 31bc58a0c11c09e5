import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { SubscriptionsForDelivery } from './active-subscriptions.js';
import type { AttemptOutcome, ClaimedDelivery } from './delivery-types.js';
import { type EventEmitter, emitDeadLettered } from './emit-event.js';
import { disableGoneSubscription } from './event-delivery.js';
import { TEST_EVENT_TYPE } from './event-types.js';

/**
 * The worker's `onDeadLettered` for subscriptions: a `gone` event delivery disables its
 * subscription (410), and every dead row but test events and dead-letter events themselves is
 * reported as `delivery.dead_lettered`, in one transaction.
 *
 * @example
 * createDeliveryWorker({ ..., onDeadLettered: createEventDeadLetterHook({ db, subscriptions, events }) });
 */
export function createEventDeadLetterHook(deps: {
  db: Kysely<Database>;
  subscriptions: SubscriptionsForDelivery;
  events: EventEmitter;
}) {
  return async (delivery: ClaimedDelivery, reason: string, outcome: AttemptOutcome): Promise<void> => {
    await deps.db.transaction().execute(async (trx) => {
      await disableGoneSubscription(trx, deps.subscriptions, delivery, outcome);
      if (delivery.eventType !== TEST_EVENT_TYPE) await emitDeadLettered(deps.events, trx, delivery, reason);
    });
  };
}
