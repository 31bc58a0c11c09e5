import type { DeliveryKind, DeliveryStatus } from './delivery-types.js';

/** One delivery as the subscription pages show it (the queue's `DeliveryView`). */
export interface ListedDelivery {
  id: string;
  kind: DeliveryKind;
  eventType: string | null;
  subscriptionId: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One attempt (the queue's `DeliveryAttemptView`). */
export interface ListedAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: string;
  status: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/**
 * What the subscription routes read and replay of the durable queue: the part of the queue's
 * delivery store (`deliveries/delivery-store.ts`) they use, so the routes do not depend on the
 * rest of it. Every method is tenant-scoped and throws NotFoundError for another tenant's id.
 */
export interface SubscriptionDeliveries {
  get(tenantId: string, id: string): Promise<ListedDelivery>;
  list(
    tenantId: string,
    filters: {
      subscriptionId?: string;
      status?: DeliveryStatus;
      kind?: DeliveryKind;
      limit?: number;
      cursor?: string;
    },
  ): Promise<{ deliveries: ListedDelivery[]; nextCursor: string | null }>;
  attempts(tenantId: string, id: string): Promise<ListedAttempt[]>;
  /** Puts one dead delivery back in the queue, same id; refuses one that is not dead (409). */
  replay(tenantId: string, id: string): Promise<ListedDelivery>;
  /** Puts back the dead deliveries created in [from, to), of one subscription if given. */
  replayRange(
    tenantId: string,
    range: { from: Date; to: Date; subscriptionId?: string; status: 'dead' },
  ): Promise<{ replayed: string[] }>;
}
