/**
 * What started a call, sent in `context.trigger`.
 *
 * @example
 * CALL_TRIGGERS.includes(envelope.context.trigger); // true
 */
export const CALL_TRIGGERS = [
  'ai_intent',
  'button_click',
  'lead_captured',
  'manual',
  'test',
  'tool_api',
  'mcp',
] as const;

/**
 * One of {@link CALL_TRIGGERS}: `ai_intent` (the agent decided), `button_click`, `lead_captured`,
 * `manual` (an operator ran it), `test` (the test button: safe to answer without side effects),
 * `tool_api` (another agent stack called it through Toolgate's tools API),
 * `mcp` (an MCP client called the action as a tool).
 *
 * @example
 * const trigger: CallTrigger = 'ai_intent';
 */
export type CallTrigger = (typeof CALL_TRIGGERS)[number];

/**
 * Who and what a call is made for. Ids are opaque strings; absent ids are left out.
 *
 * @example
 * const context: EnvelopeContext = { call_id: 'call_1', trigger: 'test', timestamp: '2026-01-01T00:00:00.000Z' };
 */
export interface EnvelopeContext {
  /** Unique per call, the same on a retry; equals the `webhook-id` header. */
  call_id: string;
  trigger: CallTrigger;
  agent_id?: string;
  conversation_id?: string;
  contact_id?: string;
  /** When the call was made, ISO 8601. */
  timestamp: string;
  /** Async actions only: POST the result here once, before the action's deadline (see `answerLater`). */
  callback_url?: string;
}

/**
 * The JSON body Toolgate sends to POST/PUT/PATCH actions. `P` is your parameters' shape: it is
 * checked to be an object, not against `P` (validate the fields you use).
 *
 * @example
 * const envelope: ToolgateEnvelope<{ order_number: string }> = parseEnvelope(rawBody);
 * envelope.parameters.order_number; // 'ORD-12345'
 */
export interface ToolgateEnvelope<P = Record<string, unknown>> {
  /** The action's name, e.g. `check_order_status`. */
  action: string;
  parameters: P;
  context: EnvelopeContext;
}
