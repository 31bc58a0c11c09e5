/**
 * The events a subscription can receive (docs/subscriptions.md lists each payload). Every event
 * is POSTed as `{ type, timestamp, data }`, signed like an action call; `data` has the shape below.
 */
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
export type EventType = (typeof EVENT_TYPES)[number];

/** Sent by "send a test event"; matches every subscription whatever its filters. */
export const TEST_EVENT_TYPE = 'subscription.test';

/** `conversation.started`: a conversation was opened with an agent. */
export interface ConversationStartedData {
  conversationId: string;
  agentId: string;
  contactId: string | null;
  metadata: Record<string, unknown>;
}

/** `conversation.ended`: closed by a caller, or after the idle timeout. */
export interface ConversationEndedData {
  conversationId: string;
  agentId: string;
  contactId: string | null;
  reason: 'ended' | 'idle';
  messageCount: number;
}

/** `message.created`: a customer's message or the agent's reply was stored. */
export interface MessageCreatedData {
  conversationId: string;
  agentId: string;
  seq: number;
  role: 'user' | 'assistant';
  text: string;
}

/** `action.succeeded` / `action.failed`: an action call was recorded in the execution log. */
export interface ActionCallData {
  callId: string;
  actionId: string | null;
  actionName: string;
  conversationId: string | null;
  trigger: string;
  status: number | null;
  durationMs: number;
  /** `action.failed` only: the failure's kind (`timeout`, `http_error`...). */
  failureKind?: string | null;
}

/** `lead.captured`: the agent's webhook trigger fired (the DGbot-style lead trigger). */
export interface LeadCapturedData {
  conversationId: string | null;
  agentId: string;
  contactId: string | null;
  /** The event name the model gave (`lead_captured`...). */
  event: string;
  data: Record<string, unknown>;
}

/** `approval.requested`: the agent asked the customer to confirm a call before making it. */
export interface ApprovalRequestedData {
  conversationId: string;
  agentId: string;
  confirmationId: string;
  action: string;
  parameters: Record<string, unknown>;
}

/** `delivery.dead_lettered`: a delivery used its last attempt; replay it by hand. */
export interface DeliveryDeadLetteredData {
  deliveryId: string;
  kind: string;
  eventType: string | null;
  subscriptionId: string | null;
  attempts: number;
  reason: string;
}

/** Each event type's `data`. */
export interface EventData {
  'conversation.started': ConversationStartedData;
  'conversation.ended': ConversationEndedData;
  'message.created': MessageCreatedData;
  'action.succeeded': ActionCallData;
  'action.failed': ActionCallData;
  'lead.captured': LeadCapturedData;
  'approval.requested': ApprovalRequestedData;
  'delivery.dead_lettered': DeliveryDeadLetteredData;
}

/** One event, before it is matched to subscriptions. */
export interface EmittedEvent<T extends EventType = EventType> {
  tenantId: string;
  type: T;
  /** The agent the event belongs to: subscriptions filtered by agent match on it. */
  agentId?: string | null;
  data: EventData[T];
}

/** The body POSTed to a subscription (Standard Webhooks style). */
export interface EventEnvelope {
  type: string;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: Record<string, unknown>;
}

/** What an `event` delivery row carries: the envelope to send (no secrets; the handler loads them). */
export interface EventDeliveryPayload {
  envelope: EventEnvelope;
}
