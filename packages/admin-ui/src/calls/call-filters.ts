import { ApiError } from '../api/api-error';
import { formErrors } from '../api/field-errors';
import { CALL_TRIGGERS, type CallOutcome, type CallTrigger } from './call-record';

/**
 * The execution log's filters. The page's query string uses the API's names
 * (`/calls?action=check_order&outcome=failed&from=2025-03-25T14:00:00.000Z`), so a filtered log
 * can be bookmarked, shared and reloaded; times are ISO instants (UTC) there and local times in
 * the form.
 */
export interface CallFilters {
  /** An action id or name. */
  action?: string;
  outcome?: CallOutcome;
  trigger?: CallTrigger;
  conversation?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
}

/** The filter form as typed: times as `datetime-local` values (local time, no zone). */
export interface FilterDraft {
  action: string;
  outcome: '' | CallOutcome;
  trigger: '' | CallTrigger;
  conversation: string;
  from: string;
  to: string;
}

export type FilterField = keyof FilterDraft;

/** The filter names, in the order the query string lists them. */
const FILTER_NAMES = ['action', 'outcome', 'trigger', 'conversation', 'from', 'to'] as const;

/** Calls per page of the log. */
export const CALL_PAGE_SIZE = 50;

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

function isOutcome(value: string): value is CallOutcome {
  return value === 'ok' || value === 'failed';
}

function isTrigger(value: string): value is CallTrigger {
  return CALL_TRIGGERS.some((trigger) => trigger.value === value);
}

/** The instant of an ISO text, normalized (`...Z`); `undefined` when it is not a date. */
function isoInstant(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * A `datetime-local` value (the browser's local time) as an ISO instant; `undefined` when empty or
 * not such a value.
 *
 * @example
 * localInputToIso('2025-03-25T15:00'); // '2025-03-25T14:00:00.000Z' in Paris (UTC+1)
 */
export function localInputToIso(local: string): string | undefined {
  const match = LOCAL_TIME.exec(local.trim());
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(year, month - 1, day, hour, minute, second);
  // new Date(2025, 1, 30) rolls over to March: such a day does not exist.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return date.toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An ISO instant as a `datetime-local` value in the browser's time zone (seconds only when not
 * zero); `''` when it does not parse.
 */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return `${day}T${time}${date.getSeconds() === 0 ? '' : `:${pad(date.getSeconds())}`}`;
}

/**
 * The filters in a page's query string (`?outcome=failed&trigger=ai_intent`). Unknown names,
 * unknown outcomes or triggers and times that do not parse are dropped, so a hand-edited URL
 * never sends the server something it refuses.
 */
export function filtersFromSearch(search: string): CallFilters {
  const params = new URLSearchParams(search);
  const filters: CallFilters = {};
  const text = (name: string) => params.get(name)?.trim() ?? '';
  if (text('action') !== '') filters.action = text('action');
  if (isOutcome(text('outcome'))) filters.outcome = text('outcome') as CallOutcome;
  if (isTrigger(text('trigger'))) filters.trigger = text('trigger') as CallTrigger;
  if (text('conversation') !== '') filters.conversation = text('conversation');
  const from = isoInstant(text('from'));
  if (from) filters.from = from;
  const to = isoInstant(text('to'));
  if (to) filters.to = to;
  return filters;
}

/** The query string for the filters, `?` included, or `''` with none; always in the same order. */
export function searchFromFilters(filters: CallFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined && value !== '') params.set(name, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Where a conversation's id leads: the log filtered to its calls (the app has no conversation
 * page; when it gets one, this is the one place to point there instead).
 */
export function conversationCallsPath(conversationId: string): string {
  return `/calls${searchFromFilters({ conversation: conversationId })}`;
}

/** True when any filter is set. */
export function hasFilters(filters: CallFilters): boolean {
  return searchFromFilters(filters) !== '';
}

/** The form showing the filters. */
export function draftFromFilters(filters: CallFilters): FilterDraft {
  return {
    action: filters.action ?? '',
    outcome: filters.outcome ?? '',
    trigger: filters.trigger ?? '',
    conversation: filters.conversation ?? '',
    from: filters.from ? isoToLocalInput(filters.from) : '',
    to: filters.to ? isoToLocalInput(filters.to) : '',
  };
}

export type DraftResult =
  | { ok: true; filters: CallFilters }
  | { ok: false; errors: Partial<Record<FilterField, string[]>> };

/**
 * The filters of the form, or what is wrong with it: a time that is not one, or a "from" that is
 * not before "to" (the server refuses both).
 */
export function filtersFromDraft(draft: FilterDraft): DraftResult {
  const errors: Partial<Record<FilterField, string[]>> = {};
  const filters: CallFilters = {};
  if (draft.action.trim() !== '') filters.action = draft.action.trim();
  if (draft.outcome !== '') filters.outcome = draft.outcome;
  if (draft.trigger !== '') filters.trigger = draft.trigger;
  if (draft.conversation.trim() !== '') filters.conversation = draft.conversation.trim();
  for (const name of ['from', 'to'] as const) {
    if (draft[name].trim() === '') continue;
    const iso = localInputToIso(draft[name]);
    if (iso === undefined) errors[name] = ['must be a date and a time'];
    else filters[name] = iso;
  }
  if (filters.from && filters.to && filters.from >= filters.to) errors.from = ['must be before "To"'];
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, filters };
}

/** The query of `GET /calls` for one page. */
export function callListQuery(
  filters: CallFilters,
  cursor?: string,
  limit: number = CALL_PAGE_SIZE,
): Record<string, string | number | undefined> {
  return { ...filters, limit, cursor };
}

/**
 * The server's 422 issues about the filters (`/from`, `/to`, ...), by form field; empty for any
 * other error (shown above the list instead).
 */
export function serverFilterErrors(error: unknown): Partial<Record<FilterField, string[]>> {
  if (!(error instanceof ApiError) || error.status !== 422) return {};
  const placed = formErrors(
    error,
    FILTER_NAMES.map((name) => `/${name}` as const),
  );
  const errors: Partial<Record<FilterField, string[]>> = {};
  for (const name of FILTER_NAMES) {
    const messages = placed.fields[`/${name}`];
    if (messages) errors[name] = messages;
  }
  return errors;
}
