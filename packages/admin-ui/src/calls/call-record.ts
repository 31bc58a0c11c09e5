import { isRecord } from '../actions/json-values';
import { type SentRequest, sentRequest, stringRecord } from '../actions/test-console/test-result';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';

/** Why a call was made (the server's `CALL_TRIGGERS`), with the words the log shows. */
export const CALL_TRIGGERS = [
  { value: 'ai_intent', label: 'Agent (AI intent)' },
  { value: 'button_click', label: 'Button click' },
  { value: 'lead_captured', label: 'Lead captured' },
  { value: 'manual', label: 'Manual' },
  { value: 'test', label: 'Test console' },
  { value: 'tool_api', label: 'Tools API' },
  { value: 'mcp', label: 'MCP client' },
  { value: 'remote_mcp', label: 'Remote MCP tool' },
] as const;

export type CallTrigger = (typeof CALL_TRIGGERS)[number]['value'];
export type CallOutcome = 'ok' | 'failed';

/** The response as the log keeps it: headers and the first 2 KB of the body. */
export interface CallResponse {
  headers: Record<string, string>;
  bodyPreview: string;
  /** The body was longer than the preview (or than the executor's cap). */
  truncated: boolean;
}

/** One call of the execution log (`GET /calls/{id}`, and each item of `GET /calls`). */
export interface CallRecord {
  id: string;
  /** `null` for the agent's webhook trigger, or an action deleted since. */
  actionId: string | null;
  actionName: string;
  conversationId: string | null;
  contactId: string | null;
  /** One of `CALL_TRIGGERS`; kept as the server said when it is a newer one. */
  trigger: string;
  /** The request as sent, secrets `[redacted]`; `null` when none was built (invalid arguments). */
  request: SentRequest | null;
  status: number | null;
  response: CallResponse | null;
  /** The normalized result, as the model sees it. */
  result: Record<string, unknown>;
  outcome: CallOutcome;
  failureKind: string | null;
  durationMs: number;
  createdAt: string;
}

/** One page of `GET /calls`, newest first. */
export interface CallPage {
  calls: CallRecord[];
  /** Pass as `cursor` for the next page; `null` on the last one. */
  nextCursor: string | null;
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function callResponse(value: unknown): CallResponse | null {
  if (!isRecord(value)) return null;
  return {
    headers: stringRecord(value.headers),
    bodyPreview: typeof value.bodyPreview === 'string' ? value.bodyPreview : '',
    truncated: value.truncated === true,
  };
}

function unexpected(what: string): ApiError {
  return new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    `the server answered with ${what} this app does not understand`,
  );
}

/**
 * Checks the shape of one call record; fields the log may lack are `null`.
 *
 * @example
 * toCallRecord({ id: 'call_1', actionName: 'check_order', outcome: 'ok', ... }).outcome; // 'ok'
 */
export function toCallRecord(value: unknown): CallRecord {
  if (
    !isRecord(value) ||
    typeof value.id !== 'string' ||
    typeof value.actionName !== 'string' ||
    (value.outcome !== 'ok' && value.outcome !== 'failed')
  ) {
    throw unexpected('a call');
  }
  return {
    id: value.id,
    actionId: stringOrNull(value.actionId),
    actionName: value.actionName,
    conversationId: stringOrNull(value.conversationId),
    contactId: stringOrNull(value.contactId),
    trigger: typeof value.trigger === 'string' ? value.trigger : 'manual',
    request: sentRequest(value.request),
    status: typeof value.status === 'number' ? value.status : null,
    response: callResponse(value.response),
    result: isRecord(value.result) ? value.result : {},
    outcome: value.outcome,
    failureKind: stringOrNull(value.failureKind),
    durationMs: typeof value.durationMs === 'number' ? value.durationMs : 0,
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
  };
}

/** Checks the shape of `GET /calls`: `{ calls, nextCursor }`. */
export function toCallPage(value: unknown): CallPage {
  if (!isRecord(value) || !Array.isArray(value.calls)) throw unexpected('a call list');
  return {
    calls: value.calls.map(toCallRecord),
    nextCursor: typeof value.nextCursor === 'string' && value.nextCursor !== '' ? value.nextCursor : null,
  };
}

/** "Agent (AI intent)" for `ai_intent`; an unknown trigger as it came. */
export function triggerLabel(trigger: string): string {
  return CALL_TRIGGERS.find((known) => known.value === trigger)?.label ?? trigger;
}

/** What the outcome column says: "OK", or "Failed: http_error". */
export function outcomeLabel(call: Pick<CallRecord, 'outcome' | 'failureKind'>): string {
  if (call.outcome === 'ok') return 'OK';
  return call.failureKind ? `Failed: ${call.failureKind}` : 'Failed';
}
