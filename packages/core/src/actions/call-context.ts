/** What started a call; sent to the endpoint in `context.trigger`. */
export const CALL_TRIGGERS = [
  'ai_intent',
  'button_click',
  'lead_captured',
  'manual',
  'test',
  /** Another agent stack called the action as a tool (`POST /api/v1/tools/call`). */
  'tool_api',
  /** An MCP client called the action as a tool (`/mcp`, `/mcp/agents/{id}`). */
  'mcp',
  /**
   * An agent called a tool of a remote MCP server (the record's name is `<server>__<tool>`).
   * Never sent to an endpoint: these calls do not go through the executor.
   */
  'remote_mcp',
] as const;
export type CallTrigger = (typeof CALL_TRIGGERS)[number];

/** Who and what a call is made for. Ids are opaque strings chosen by the caller. */
export interface CallContext {
  /** Unique per call; also the `webhook-id` and `Idempotency-Key`. */
  callId: string;
  trigger: CallTrigger;
  agentId?: string;
  conversationId?: string;
  contactId?: string;
  /** When the call was made. */
  timestamp: Date;
  /** An async action's one-time URL for the result (`context.callback_url`). */
  callbackUrl?: string;
}

/** The `context` object of the request envelope, as the endpoint receives it. */
export interface EnvelopeContext {
  call_id: string;
  trigger: CallTrigger;
  agent_id?: string;
  conversation_id?: string;
  contact_id?: string;
  timestamp: string;
  /** Async actions only: POST the result here once, before the deadline. */
  callback_url?: string;
}

/** Names usable as `{{context.x}}` in a body template. */
export const CONTEXT_TEMPLATE_KEYS = [
  'call_id',
  'trigger',
  'agent_id',
  'conversation_id',
  'contact_id',
  'timestamp',
  'callback_url',
  'action',
] as const;

/** The context as the endpoint sees it: snake_case, ISO timestamp, absent ids left out. */
export function toEnvelopeContext(context: CallContext): EnvelopeContext {
  return {
    call_id: context.callId,
    trigger: context.trigger,
    ...(context.agentId === undefined ? {} : { agent_id: context.agentId }),
    ...(context.conversationId === undefined ? {} : { conversation_id: context.conversationId }),
    ...(context.contactId === undefined ? {} : { contact_id: context.contactId }),
    timestamp: context.timestamp.toISOString(),
    ...(context.callbackUrl === undefined ? {} : { callback_url: context.callbackUrl }),
  };
}

/** A JSON event a model composes for the agent's built-in webhook trigger. */
export interface WebhookEvent {
  event: string;
  data: Record<string, unknown>;
}
