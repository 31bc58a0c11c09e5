import type { ColumnType, Generated } from 'kysely';

/** What a widget key may do: talk to one agent, from pages of these origins only. */
export interface WidgetRestriction {
  agentId: string;
  origins: string[];
}

/** Timestamps are written as Date and read back as Date on both engines. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** JSON columns: written as text (JSON.stringify), read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface TenantTable {
  id: string;
  name: string;
  max_actions: number;
  created_at: Timestamp;
}

export interface OperatorTable {
  id: string;
  tenant_id: string;
  email: string;
  password_hash: string;
  scopes: Json<string[]>;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface ApiKeyTable {
  id: string;
  tenant_id: string;
  name: string;
  /** The first characters of the key, to recognise it in lists; never enough to use it. */
  prefix: string;
  key_hash: string;
  scopes: Json<string[]>;
  /** A widget key: usable only for this agent's conversations, only from these web origins. */
  widget: Json<WidgetRestriction | null> | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface ActionTable {
  id: string;
  tenant_id: string;
  name: string;
  /** The definition without secret values. */
  definition: Json<Record<string, unknown>>;
  /** Sealed secret values by place (`headers/X-Api-Key`, `auth/token`...). */
  secrets: Json<Record<string, string>>;
  signing_secret: string;
  previous_signing_secret: string | null;
  previous_signing_secret_expires_at: Timestamp | null;
  enabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditTable {
  id: Generated<string>;
  tenant_id: string;
  actor: string;
  event: string;
  target_type: string;
  target_id: string;
  fields: Json<string[]>;
  at: Timestamp;
}

export interface CallTable {
  id: string;
  tenant_id: string;
  action_id: string | null;
  action_name: string;
  conversation_id: string | null;
  contact_id: string | null;
  trigger: string;
  idempotency_key: string;
  request: Json<Record<string, unknown> | null>;
  status: number | null;
  response: Json<Record<string, unknown> | null>;
  result: Json<Record<string, unknown>>;
  outcome: 'ok' | 'failed';
  failure_kind: string | null;
  duration_ms: number;
  created_at: Timestamp;
  /** An async call's late answer: `{state: 'answered', result, at}` or `{state: 'expired', at}`. */
  callback?: Json<Record<string, unknown> | null>;
  /** Who made the call from outside a conversation: `api_key:<id>` (tools API, MCP); else null. */
  actor?: string | null;
  /** The MCP session the call was made in; else null. */
  mcp_session_id?: string | null;
}

/** An open MCP session (docs/architecture/mcp.md): any instance of a fleet can serve it. */
export interface McpSessionTable {
  id: string;
  tenant_id: string;
  /** `api_key:<id>`: the session's requests must come with this key. */
  actor: string;
  /** The agent of `/mcp/agents/{id}`, or null for `/mcp`. */
  agent_id: string | null;
  /** The client's initialize request, as it sent it. */
  initialize: Json<Record<string, unknown>>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the session token: a stolen database does not yield usable cookies. */
  id_hash: string;
  tenant_id: string;
  operator_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AgentTable {
  id: string;
  tenant_id: string;
  name: string;
  /** Everything but secrets (see `AgentSettings`). */
  settings: Json<Record<string, unknown>>;
  /** The LLM API key, sealed; null for the embedded model or a keyless local server. */
  model_key: string | null;
  /** Signs the webhook trigger's events, sealed. */
  signing_secret: string;
  /** The secret before the last rotation, sealed; signs too until it expires. */
  previous_signing_secret: string | null;
  previous_signing_secret_expires_at: Timestamp | null;
  /** Raised by every change: caches of built models key on it. */
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConversationTable {
  id: string;
  tenant_id: string;
  agent_id: string;
  contact_id: string | null;
  metadata: Json<Record<string, unknown>>;
  /** The loop's `ConversationState`: pending confirmation, counters, the model's memory. */
  state: Json<Record<string, unknown>>;
  message_count: number;
  /** Set while a turn is being answered: a second message at the same time is refused. */
  busy_until: Timestamp | null;
  /** Which turn holds the lease: only it may write the turn's result or release it. */
  lease_id: string | null;
  /** When the conversation was ended (by a caller, or after the idle timeout); null while open. */
  ended_at: Timestamp | null;
  end_reason: 'ended' | 'idle' | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MessageTable {
  conversation_id: string;
  /** 1, 2, 3... within the conversation. */
  seq: number;
  role: 'user' | 'assistant' | 'tool' | 'event';
  /** The message as the loop keeps it (`ChatMessage`), or an event's record. */
  content: Json<Record<string, unknown>>;
  /** The execution log record of the call this message reports. */
  call_id: string | null;
  created_at: Timestamp;
}

/** Where an inbound channel's messages come from: a Standard Webhooks JSON sender, or Twilio SMS. */
export type ChannelKind = 'generic' | 'twilio_sms';
/** How the agent's reply goes back: in the response, or POSTed to `outbound_url` through the queue. */
export type ChannelReplyMode = 'inline' | 'outbound';

export interface ChannelTable {
  id: string;
  tenant_id: string;
  agent_id: string;
  /** The `{channel}` path segment, unique per agent. */
  name: string;
  kind: ChannelKind;
  /** Verifies inbound requests, sealed: a `whsec_` secret (generic) or the Twilio auth token. */
  secret: string;
  /** The secret before the last rotation, sealed; still accepted until it expires. */
  previous_secret: string | null;
  previous_secret_expires_at: Timestamp | null;
  /** Where replies are POSTed in `outbound` mode (checked by the outbound policy). */
  outbound_url: string | null;
  reply_mode: ChannelReplyMode;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** How Toolgate authenticates to a remote MCP server; the secret part is sealed in `secret`. */
export type RemoteMcpAuth =
  | { type: 'none' }
  | { type: 'header'; name: string }
  | { type: 'oauth2_client_credentials'; tokenUrl: string; clientId: string; scopes?: string[] };

/** An agent's remote MCP server: its tools are offered to the agent beside its actions. */
export interface RemoteMcpServerTable {
  id: string;
  tenant_id: string;
  agent_id: string;
  /** The prefix of its tools' names (`<name>__<tool>`), unique per agent. */
  name: string;
  /** The Streamable HTTP endpoint (checked by the outbound policy). */
  url: string;
  auth: Json<RemoteMcpAuth>;
  /** The header value or the OAuth2 client secret, sealed; null with `none`. */
  secret: string | null;
  enabled: boolean;
  /** The remote tool names offered; null: all of them. */
  tools: Json<string[] | null> | null;
  timeout_ms: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Inbound message ids already received (webhook-id, Twilio MessageSid), kept for the replay window. */
export interface ChannelInboundIdTable {
  channel_id: string;
  message_id: string;
  received_at: Timestamp;
}

/** Which conversation a platform contact of a channel is in. */
export interface ChannelContactTable {
  channel_id: string;
  contact_id: string;
  conversation_id: string;
  created_at: Timestamp;
}

/** One thing that must happen later (docs/architecture/deliveries.md); its id is the `webhook-id`. */
export interface DeliveryTable {
  id: string;
  tenant_id: string;
  kind: string;
  event_type: string | null;
  subscription_id: string | null;
  payload: Json<Record<string, unknown>>;
  status: 'pending' | 'delivered' | 'dead' | 'cancelled';
  /** Attempts started since the row was queued (or last replayed). */
  attempts: number;
  /** Delays before each retry, in ms; null: the worker's default schedule. */
  retry_schedule: Json<number[] | null> | null;
  next_attempt_at: Timestamp;
  /** The worker holding the row, until `claim_expires_at`. */
  claimed_by: string | null;
  claim_expires_at: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** One attempt of a delivery. */
export interface DeliveryAttemptTable {
  id: Generated<string>;
  delivery_id: string;
  tenant_id: string;
  attempt: number;
  started_at: Timestamp;
  duration_ms: number;
  /** delivered, retry, failed, gone, or released (stopped by a shutdown before it ended). */
  outcome: string;
  status: number | null;
  error: string | null;
  /** The start of the response body, at most DELIVERY_EXCERPT_BYTES. */
  response_excerpt: string | null;
}

export type SubscriptionStatus = 'active' | 'paused' | 'disabled';

/** An operator's endpoint for the tenant's events (docs/subscriptions.md). */
export interface SubscriptionTable {
  id: string;
  tenant_id: string;
  url: string;
  description: string | null;
  /** Event types delivered; empty: every type. */
  event_types: Json<string[]>;
  /** Agents whose events are delivered; empty: every agent (and events of no agent). */
  agent_ids: Json<string[]>;
  signing_secret: string;
  previous_signing_secret: string | null;
  previous_signing_secret_expires_at: Timestamp | null;
  /** `disabled`: the receiver answered 410 Gone; resuming re-activates it. */
  status: SubscriptionStatus;
  disabled_reason: string | null;
  /** Delays before each retry, in ms; null: the server's schedule. */
  retry_schedule: Json<number[] | null> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An async action call waiting for its callback (migration 0009). */
export interface AsyncCallTable {
  call_id: string;
  tenant_id: string;
  conversation_id: string;
  action_id: string;
  action_name: string;
  arguments: Json<Record<string, unknown>>;
  /** SHA-256 (hex) of the callback token; the token itself is never stored. */
  token_hash: string;
  /** `cancelled`: the endpoint answered at once (not 202), so no callback is expected. */
  state: 'pending' | 'answered' | 'expired' | 'cancelled';
  deadline: Timestamp;
  created_at: Timestamp;
  settled_at: Timestamp | null;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  tenants: TenantTable;
  operators: OperatorTable;
  api_keys: ApiKeyTable;
  actions: ActionTable;
  audit_log: AuditTable;
  calls: CallTable;
  sessions: SessionTable;
  agents: AgentTable;
  conversations: ConversationTable;
  messages: MessageTable;
  channels: ChannelTable;
  channel_inbound_ids: ChannelInboundIdTable;
  channel_contacts: ChannelContactTable;
  deliveries: DeliveryTable;
  delivery_attempts: DeliveryAttemptTable;
  subscriptions: SubscriptionTable;
  async_calls: AsyncCallTable;
  remote_mcp_servers: RemoteMcpServerTable;
  mcp_sessions: McpSessionTable;
}
