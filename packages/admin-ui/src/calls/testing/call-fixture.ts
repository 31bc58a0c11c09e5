import type { CallRecord } from '../call-record';

/** A call of the log as `GET /calls/{id}` answers it, for tests; `overrides` replace fields. */
export function callJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'call_1',
    actionId: 'act_0123456789abcdef0123456789abcdef',
    actionName: 'check_order_status',
    conversationId: 'cnv_1',
    contactId: null,
    trigger: 'ai_intent',
    idempotencyKey: 'call_1',
    request: {
      method: 'POST',
      url: 'https://orders.example.com/status',
      headers: { 'content-type': 'application/json', authorization: '[redacted]' },
      body: JSON.stringify({
        action: 'check_order_status',
        parameters: { order_number: 'ORD-1', express: true },
        context: { callId: 'call_1' },
      }),
    },
    status: 200,
    response: {
      headers: { 'content-type': 'application/json' },
      bodyPreview: '{"status":"shipped"}',
      truncated: false,
    },
    result: { ok: true, data: { status: 'shipped' } },
    outcome: 'ok',
    failureKind: null,
    durationMs: 120,
    createdAt: '2025-03-25T14:00:00.000Z',
    ...overrides,
  };
}

/** The same call, as the app reads it. */
export function callRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'call_1',
    actionId: 'act_0123456789abcdef0123456789abcdef',
    actionName: 'check_order_status',
    conversationId: 'cnv_1',
    contactId: null,
    trigger: 'ai_intent',
    request: {
      method: 'POST',
      url: 'https://orders.example.com/status',
      headers: { 'content-type': 'application/json', authorization: '[redacted]' },
      body: JSON.stringify({
        action: 'check_order_status',
        parameters: { order_number: 'ORD-1', express: true },
        context: { callId: 'call_1' },
      }),
    },
    status: 200,
    response: {
      headers: { 'content-type': 'application/json' },
      bodyPreview: '{"status":"shipped"}',
      truncated: false,
    },
    result: { ok: true, data: { status: 'shipped' } },
    outcome: 'ok',
    failureKind: null,
    durationMs: 120,
    createdAt: '2025-03-25T14:00:00.000Z',
    ...overrides,
  };
}
