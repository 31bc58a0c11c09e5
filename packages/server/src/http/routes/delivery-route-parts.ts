import type { SubscriptionDeliveries } from '../../deliveries/subscription-deliveries.js';
import { ApiError } from '../api-error.js';
import type { AppServices } from '../app-env.js';

/** A page of deliveries holds at most this many rows. */
export const MAX_DELIVERY_PAGE = 200;

/** The queue's deliveries, or a 409 on a server that runs none. */
export function deliveryQueue(services: AppServices): SubscriptionDeliveries {
  if (!services.subscriptionDeliveries) {
    throw new ApiError('conflict', 'this server runs no delivery queue: there are no deliveries');
  }
  return services.subscriptionDeliveries;
}

/** The `limit` query parameter as a number within the page's bounds (a 422 naming it otherwise). */
export function deliveryPageLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (limit < 1 || limit > MAX_DELIVERY_PAGE) {
    throw new ApiError('validation_failed', `limit must be from 1 to ${MAX_DELIVERY_PAGE}`, [
      { path: '/limit', message: `must be from 1 to ${MAX_DELIVERY_PAGE}` },
    ]);
  }
  return limit;
}

/** A replay's `[from, to)` as dates, from before to (a 422 naming `from` otherwise). */
export function replayWindow(body: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(body.from);
  const to = new Date(body.to);
  if (from >= to) {
    throw new ApiError('validation_failed', 'from must be before to', [
      { path: '/from', message: 'must be before to' },
    ]);
  }
  return { from, to };
}
