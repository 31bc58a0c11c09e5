import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

/**
 * The durable queue's shared vocabulary (docs/architecture/deliveries.md). Everything that must
 * happen later is a `deliveries` row written in the same transaction as the state change that
 * caused it; workers claim rows with a lease and run the handler registered for its kind.
 */

/** What a queued row does when its turn comes. Each kind has one handler. */
export type DeliveryKind =
  /** An event POSTed to an operator's subscription (`subscription_id` set). */
  | 'event'
  /** The `webhook_trigger` tool's event, POSTed to the agent's destination. */
  | 'webhook_trigger'
  /** An agent's reply POSTed to an inbound channel's outbound URL. */
  | 'channel_reply'
  /** An async action call whose deadline passed without a callback. */
  | 'async_deadline'
  /** A retention purge or another housekeeping job. */
  | 'housekeeping';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';

/** Anything kysely can write with: the database, or the transaction of the causing change. */
export type Writer = Kysely<Database> | Transaction<Database>;

/** A row to queue. */
export interface NewDelivery {
  tenantId: string;
  kind: DeliveryKind;
  /** Kind-specific, JSON: what the handler needs (no secret values: handlers load them). */
  payload: Record<string, unknown>;
  subscriptionId?: string | null;
  /** The event type (`conversation.started`...), for filters, lists and metrics. */
  eventType?: string | null;
  /** Delays before each retry, in ms; the first attempt runs at `notBefore`. Default: DEFAULT_RETRY_SCHEDULE_MS. */
  retryScheduleMs?: readonly number[];
  /** The first attempt runs no earlier than this (default: now). */
  notBefore?: Date;
  /** Fixed id (also the `webhook-id`); generated when absent. */
  id?: string;
}

/** A claimed row, as a handler sees it. */
export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  kind: DeliveryKind;
  payload: Record<string, unknown>;
  subscriptionId: string | null;
  eventType: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  createdAt: Date;
}

/** What one attempt came to; the worker turns it into the row's next state. */
export type AttemptOutcome =
  | { kind: 'delivered'; status?: number; excerpt?: string }
  /** Network error, timeout, 429, 5xx: try again per the schedule (or after `retryAfterMs`). */
  | { kind: 'retry'; status?: number; error: string; retryAfterMs?: number; excerpt?: string }
  /** A 4xx other than 408/429/410, or a payload that can never be sent: dead-lettered now. */
  | { kind: 'failed'; status?: number; error: string; excerpt?: string }
  /** 410 Gone: dead-lettered and the subscription disabled. */
  | { kind: 'gone'; status: number; error: string; excerpt?: string }
  /**
   * Not tried: the destination is on hold (a paused subscription). The row waits `delayMs` and the
   * attempt does not count, so a pause never uses up the retry schedule.
   */
  | { kind: 'deferred'; reason: string; delayMs: number; status?: undefined; excerpt?: undefined };

export type DeliveryHandler = (delivery: ClaimedDelivery, signal: AbortSignal) => Promise<AttemptOutcome>;

/** Standard Webhooks' schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];
