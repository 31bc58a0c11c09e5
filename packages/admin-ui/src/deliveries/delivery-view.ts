import { isRecord } from '../actions/json-values';
import { unexpected } from '../subscriptions/subscription-view';

/** The queue's kinds (docs/architecture/deliveries.md). */
export const DELIVERY_KINDS = ['event', 'webhook_trigger', 'channel_reply', 'async_deadline'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_STATUSES = ['dead', 'pending', 'delivered', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One row of the queue as the page shows it (`Delivery`). */
export interface DeliveryRow {
  id: string;
  kind: DeliveryKind | null;
  eventType: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One attempt of a delivery (`DeliveryAttempt`). */
export interface AttemptRow {
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: string;
  status: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const whole = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null;

/** Reads one delivery; undefined when the answer is not one. */
export function toDeliveryRow(value: unknown): DeliveryRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.createdAt !== 'string')
    return undefined;
  const status = oneOf(DELIVERY_STATUSES, value.status);
  if (status === null || typeof value.attempts !== 'number') return undefined;
  return {
    id: value.id,
    kind: oneOf(DELIVERY_KINDS, value.kind),
    eventType: text(value.eventType),
    status,
    attempts: value.attempts,
    nextAttemptAt: text(value.nextAttemptAt),
    lastStatus: whole(value.lastStatus),
    lastError: text(value.lastError),
    createdAt: value.createdAt,
    finishedAt: text(value.finishedAt),
  };
}

/** Reads `{deliveries, nextCursor}`; throws on anything else. */
export function toDeliveryPage(value: unknown): { deliveries: DeliveryRow[]; nextCursor: string | null } {
  if (!isRecord(value) || !Array.isArray(value.deliveries)) throw unexpected('a list of deliveries');
  const deliveries = value.deliveries.map(toDeliveryRow);
  if (deliveries.some((row) => row === undefined)) throw unexpected('a delivery');
  return { deliveries: deliveries as DeliveryRow[], nextCursor: text(value.nextCursor) };
}

/** Reads `{attempts}`; throws on anything else. */
export function toAttemptRows(value: unknown): AttemptRow[] {
  if (!isRecord(value) || !Array.isArray(value.attempts)) throw unexpected('a list of attempts');
  return value.attempts.map((item) => {
    if (!isRecord(item) || typeof item.attempt !== 'number' || typeof item.startedAt !== 'string')
      throw unexpected('an attempt');
    return {
      attempt: item.attempt,
      startedAt: item.startedAt,
      durationMs: whole(item.durationMs) ?? 0,
      outcome: text(item.outcome) ?? 'unknown',
      status: whole(item.status),
      error: text(item.error),
      responseExcerpt: text(item.responseExcerpt),
    };
  });
}

const KIND_LABELS: Record<DeliveryKind, string> = {
  event: 'Subscription event',
  webhook_trigger: "Agent's webhook trigger",
  channel_reply: 'Channel reply',
  async_deadline: 'Async call deadline',
};

/** "Subscription event: lead.captured", "Agent's webhook trigger: lead_captured". */
export function describeDelivery(row: Pick<DeliveryRow, 'kind' | 'eventType'>): string {
  const kind = row.kind === null ? 'Delivery' : KIND_LABELS[row.kind];
  return row.eventType ? `${kind}: ${row.eventType}` : kind;
}

/** What the last attempt came to, in words: "HTTP 400: the receiver answered 400; not retried". */
export function describeLastAttempt(row: Pick<DeliveryRow, 'lastStatus' | 'lastError' | 'attempts'>): string {
  if (row.attempts === 0) return 'not tried yet';
  const status = row.lastStatus === null ? 'no response' : `HTTP ${row.lastStatus}`;
  return row.lastError ? `${status}: ${row.lastError}` : status;
}

/** "12 ms", "1.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/**
 * A `datetime-local` value (the browser's local time, no zone) as an ISO instant, or a sentence
 * saying what is wrong with it.
 */
export function localInputToIso(value: string, field: string): { iso: string } | { problem: string } {
  if (value.trim() === '') return { problem: `${field}: choose a date and time` };
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return { problem: `${field}: "${value}" is not a date and time` };
  return { iso: parsed.toISOString() };
}

/** Checks a replay range: both ends valid, from before to. */
export function replayRangeOf(from: string, to: string): { from: string; to: string } | { problem: string } {
  const start = localInputToIso(from, 'From');
  if ('problem' in start) return start;
  const end = localInputToIso(to, 'To');
  if ('problem' in end) return end;
  if (start.iso >= end.iso) return { problem: 'From must be before To' };
  return { from: start.iso, to: end.iso };
}
