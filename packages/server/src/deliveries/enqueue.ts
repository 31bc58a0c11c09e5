import { randomUUID } from 'node:crypto';
import type { NewDelivery, Writer } from './delivery-types.js';
import { checkRetrySchedule } from './retry-schedule.js';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Creates a delivery id: also the `webhook-id` and `Idempotency-Key` of every attempt. */
export function createDeliveryId(): string {
  return `dlv_${randomUUID().replaceAll('-', '')}`;
}

/**
 * Wakes this process's delivery workers: they look for due rows now instead of at their next
 * poll. `enqueue` does it by itself outside a transaction; inside one, call it after the commit
 * (before, the workers cannot see the row yet and find it at their next poll).
 */
export function wakeDeliveryWorkers(): void {
  for (const listener of listeners) listener();
}

/** Subscribes a worker to wakes; returns the unsubscribe. */
export function onDeliveryEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Queues a delivery. Pass the transaction of the change that causes it, so the row is written
 * with that change or not at all (an outbox). Returns the delivery's id. A row without a retry
 * schedule follows the worker's default (TOOLGATE_DELIVERY_RETRY_SCHEDULE, or the standard one).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('messages').values(message).execute();
 *   await enqueue(trx, { tenantId, kind: 'event', eventType: 'message.created', payload });
 * });
 * wakeDeliveryWorkers();
 */
export async function enqueue(
  writer: Writer,
  delivery: NewDelivery,
  now: Date = new Date(),
): Promise<string> {
  const id = delivery.id ?? createDeliveryId();
  const schedule =
    delivery.retryScheduleMs === undefined ? null : checkRetrySchedule(delivery.retryScheduleMs);
  await writer
    .insertInto('deliveries')
    .values({
      id,
      tenant_id: delivery.tenantId,
      kind: delivery.kind,
      event_type: delivery.eventType ?? null,
      subscription_id: delivery.subscriptionId ?? null,
      payload: JSON.stringify(delivery.payload),
      status: 'pending',
      attempts: 0,
      retry_schedule: schedule === null ? null : JSON.stringify(schedule),
      next_attempt_at: delivery.notBefore ?? now,
      claimed_by: null,
      claim_expires_at: null,
      last_status: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .execute();
  if (!writer.isTransaction) wakeDeliveryWorkers();
  return id;
}
