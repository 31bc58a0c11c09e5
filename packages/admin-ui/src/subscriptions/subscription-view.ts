import { isRecord } from '../actions/json-values';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';

/** The event types a subscription can choose (the server's catalogue, docs/subscriptions.md). */
export const EVENT_TYPES = [
  'conversation.started',
  'conversation.ended',
  'message.created',
  'action.succeeded',
  'action.failed',
  'lead.captured',
  'approval.requested',
  'delivery.dead_lettered',
] as const;

export type SubscriptionStatus = 'active' | 'paused' | 'disabled';

/** What the page shows of one subscription (`Subscription`; never its secret). */
export interface SubscriptionRow {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  agentIds: string[];
  status: SubscriptionStatus;
  disabledReason: string | null;
  retryScheduleMs: number[] | null;
  createdAt: string;
}

/** A subscription just created, or a secret just rotated: the secret is shown this once. */
export interface ShownSecret {
  subscription: SubscriptionRow;
  signingSecret: string;
  /** After a rotation: until when the previous secret still signs. */
  previousValidUntil?: string;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const STATUSES: readonly string[] = ['active', 'paused', 'disabled'];

export function unexpected(what: string): ApiError {
  return new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    `the server answered with ${what} this app does not understand`,
  );
}

/** One `Subscription`, or `undefined` when it lacks an id, a URL or a known status. */
export function toSubscriptionRow(value: unknown): SubscriptionRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.url !== 'string') return undefined;
  if (typeof value.status !== 'string' || !STATUSES.includes(value.status)) return undefined;
  const schedule = Array.isArray(value.retryScheduleMs)
    ? value.retryScheduleMs.filter((item): item is number => typeof item === 'number')
    : null;
  return {
    id: value.id,
    url: value.url,
    description: typeof value.description === 'string' ? value.description : null,
    eventTypes: strings(value.eventTypes),
    agentIds: strings(value.agentIds),
    status: value.status as SubscriptionStatus,
    disabledReason: typeof value.disabledReason === 'string' ? value.disabledReason : null,
    retryScheduleMs: schedule,
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
  };
}

/** `{subscriptions: [...]}`; rows the app cannot read are left out. */
export function toSubscriptionRows(value: unknown): SubscriptionRow[] {
  if (!isRecord(value) || !Array.isArray(value.subscriptions)) throw unexpected('a list');
  return value.subscriptions.flatMap((item) => toSubscriptionRow(item) ?? []);
}

/** What the status column says: paused, or disabled with the reason. */
export function describeStatus(row: SubscriptionRow): string {
  if (row.status === 'active') return 'Active';
  if (row.status === 'paused') return 'Paused';
  return `Disabled${row.disabledReason ? `: ${row.disabledReason}` : ''}`;
}

/** What the events column says: every event, or the chosen ones. */
export function describeFilters(row: SubscriptionRow, agentNames: ReadonlyMap<string, string>): string {
  const types = row.eventTypes.length === 0 ? 'All events' : row.eventTypes.join(', ');
  if (row.agentIds.length === 0) return types;
  return `${types}; agents: ${row.agentIds.map((id) => agentNames.get(id) ?? id).join(', ')}`;
}
