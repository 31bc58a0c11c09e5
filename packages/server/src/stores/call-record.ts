import { type ActionResult, type CallTrigger, type SentRequest, toModelResult } from '@toolgate/core';

/** Request bodies kept in the log: enough to debug, small enough to keep months of calls. */
export const LOGGED_REQUEST_BODY_BYTES = 10 * 1024;
/** Response bodies kept in the log. */
export const LOGGED_RESPONSE_PREVIEW_BYTES = 2 * 1024;

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function cutUtf8(text: string, maxBytes: number): { text: string; cut: boolean } {
  if (Buffer.byteLength(text) <= maxBytes) return { text, cut: false };
  const kept = Buffer.from(text).subarray(0, maxBytes).toString('utf8');
  // A split character decodes as U+FFFD at the end: drop it.
  return { text: kept.endsWith('\uFFFD') ? kept.slice(0, -1) : kept, cut: true };
}

/** One call as the execution log stores it. */
export interface CallRecordInput {
  tenantId: string;
  actionId: string | null;
  trigger: CallTrigger;
  conversationId?: string | undefined;
  contactId?: string | undefined;
  /** Not stored: the `action.succeeded` / `action.failed` event carries it for agent filters. */
  agentId?: string | undefined;
  /** Who called from outside a conversation (`api_key:<id>`): the MCP windows count by it. */
  actor?: string | undefined;
  /** The MCP session of the call: its call limit counts by it. */
  mcpSessionId?: string | undefined;
  result: ActionResult;
  at: Date;
}

/** The row for a call: the request redacted (it already is), bodies cut, the model's view kept. */
export function toCallRow(input: CallRecordInput) {
  const { result } = input;
  const request = result.request === null ? null : loggedRequest(result.request);
  const response =
    result.response === null
      ? null
      : (() => {
          const preview = cutUtf8(result.response.body, LOGGED_RESPONSE_PREVIEW_BYTES);
          return {
            headers: result.response.headers,
            bodyPreview: preview.text,
            truncated: preview.cut || result.response.truncated,
          };
        })();
  return {
    id: result.callId,
    tenant_id: input.tenantId,
    action_id: input.actionId,
    action_name: result.action,
    conversation_id: input.conversationId ?? null,
    contact_id: input.contactId ?? null,
    actor: input.actor ?? null,
    mcp_session_id: input.mcpSessionId ?? null,
    trigger: input.trigger,
    idempotency_key: result.callId,
    request: JSON.stringify(request),
    status: result.status,
    response: JSON.stringify(response),
    result: JSON.stringify(toModelResult(result)),
    outcome: result.ok ? ('ok' as const) : ('failed' as const),
    failure_kind: result.ok ? null : result.failure.kind,
    duration_ms: result.durationMs,
    created_at: input.at,
  };
}

/** One call's row in the `calls` table. */
export type CallRow = ReturnType<typeof toCallRow>;

function loggedRequest(request: SentRequest) {
  if (request.body === undefined) return { ...request };
  const body = cutUtf8(request.body, LOGGED_REQUEST_BODY_BYTES);
  return { ...request, body: body.text, ...(body.cut ? { bodyTruncated: true } : {}) };
}
