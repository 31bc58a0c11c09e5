import type { ToolCallRequest } from '../../agent/chat-model.js';

/** A tool call as `generateText` returns it (valid, or `invalid` with the raw input). */
export interface SdkToolCall {
  toolCallId: string;
  toolName: string;
  input: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A call's arguments as an object. Unparseable or non-object input becomes `{}`: the loop's
 * validation then asks the customer for what is missing instead of calling. A JSON object sent
 * as a string (double-encoded, as some local models do) is decoded.
 */
export function toArguments(input: unknown): Record<string, unknown> {
  if (isPlainObject(input)) return input;
  if (typeof input === 'string') {
    try {
      const parsed: unknown = JSON.parse(input);
      return isPlainObject(parsed) ? parsed : {};
    } catch {
      return {};
    }
  }
  return {};
}

/**
 * The SDK's tool calls as the loop's requests. Calls to tools that do not exist are kept: the
 * loop tells the model there is no such action.
 *
 * @example
 * toToolCallRequests([{ toolCallId: 'call_1', toolName: 'check_order_status', input: '{"order_number":"ORD-1"}' }]);
 * // [{ id: 'call_1', name: 'check_order_status', arguments: { order_number: 'ORD-1' } }]
 */
export function toToolCallRequests(calls: readonly SdkToolCall[]): ToolCallRequest[] {
  return calls.map((call) => ({
    id: call.toolCallId,
    name: call.toolName,
    arguments: toArguments(call.input),
  }));
}
