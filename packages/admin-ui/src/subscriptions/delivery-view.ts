import { isRecord } from '../actions/json-values';
import { unexpected } from './subscription-view';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';
const STATUSES: readonly string[] = ['pending', 'delivered', 'dead', 'cancelled'];

/** One `Delivery` of a subscription, as the dead-letter list shows it. */
export interface DeliveryRow {
  id: string;
  eventType: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One `DeliveryAttempt`: its duration and the start of the response. */
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
const integer = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** One `Delivery`, or `undefined` when it lacks an id or a known status. */
export function toDeliveryRow(value: unknown): DeliveryRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  if (typeof value.status !== 'string' || !STATUSES.includes(value.status)) return undefined;
  return {
    id: value.id,
    eventType: text(value.eventType),
    status: value.status as DeliveryStatus,
    attempts: integer(value.attempts) ?? 0,
    lastStatus: integer(value.lastStatus),
    lastError: text(value.lastError),
    createdAt: text(value.createdAt) ?? '',
    finishedAt: text(value.finishedAt),
  };
}

/** `{deliveries: [...], nextCursor}`; rows the app cannot read are left out. */
export function toDeliveryPage(value: unknown): { deliveries: DeliveryRow[]; nextCursor: string | null } {
  if (!isRecord(value) || !Array.isArray(value.deliveries)) throw unexpected('a list of deliveries');
  return {
    deliveries: value.deliveries.flatMap((item) => toDeliveryRow(item) ?? []),
    nextCursor: text(value.nextCursor),
  };
}

/** `{attempts: [...]}`; attempts without a number are left out. */
export function toAttemptRows(value: unknown): AttemptRow[] {
  if (!isRecord(value) || !Array.isArray(value.attempts)) throw unexpected('a list of attempts');
  return value.attempts.flatMap((item) => {
    if (!isRecord(item) || typeof item.attempt !== 'number') return [];
    return [
      {
        attempt: item.attempt,
        startedAt: text(item.startedAt) ?? '',
        durationMs: integer(item.durationMs) ?? 0,
        outcome: text(item.outcome) ?? '',
        status: integer(item.status),
        error: text(item.error),
        responseExcerpt: text(item.responseExcerpt),
      },
    ];
  });
}

/** The last-response column: the HTTP status, or the error when there was no response. */
export function describeLastResponse(row: DeliveryRow): string {
  if (row.lastStatus !== null) return `HTTP ${row.lastStatus}`;
  return row.lastError ?? '—';
}
