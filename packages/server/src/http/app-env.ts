import type { Executor, FetchedDocument } from '@toolgate/core';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AgentRuntime } from '../agents/agent-runtime.js';
import type { AsyncCalls } from '../agents/async-calls.js';
import type { BackgroundWork } from '../agents/background-work.js';
import type { ConversationFeed } from '../agents/conversation-feed.js';
import type { ConversationService } from '../agents/conversation-service.js';
import type { ToolCallService } from '../agents/tool-call-service.js';
import type { RequestOrigin } from '../auth/client-address.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { Principal } from '../auth/principal.js';
import type { SessionCookie } from '../auth/session-cookie.js';
import type { CallRunner } from '../calls/call-runner.js';
import type { DeliveryStore } from '../deliveries/delivery-store.js';
import type { DeliveryWorker } from '../deliveries/delivery-worker.js';
import type { EventEmitter } from '../deliveries/emit-event.js';
import type { SubscriptionDeliveries } from '../deliveries/subscription-deliveries.js';
import type { Metrics } from '../metrics/create-metrics.js';
import type { RemoteToolCatalog } from '../remote-mcp/remote-tool-catalog.js';
import type { Database } from '../storage/schema.js';
import type { ActionStore } from '../stores/action-store.js';
import type { AgentStore } from '../stores/agent-store.js';
import type { ApiKeyStore } from '../stores/api-key-store.js';
import type { CallStore } from '../stores/call-store.js';
import type { ChannelStore } from '../stores/channel-store.js';
import type { ConversationEnding } from '../stores/conversation-ending.js';
import type { ConversationStore } from '../stores/conversation-store.js';
import type { OperatorStore } from '../stores/operator-store.js';
import type { RemoteMcpStore } from '../stores/remote-mcp-store.js';
import type { SessionStore } from '../stores/session-store.js';
import type { SubscriptionStore } from '../stores/subscription-store.js';
import type { TenantStore } from '../stores/tenant-store.js';
import type { InboundChannels } from './inbound-channels.js';
import type { McpSessions } from './mcp/mcp-sessions.js';
import type { WidgetGuard } from './widget-keys.js';

/** Everything the HTTP layer uses; built once by `createServices`, replaced piecemeal in tests. */
export interface AppServices {
  db: Kysely<Database>;
  /** The durable queue's rows: lists, attempts, replay. */
  deliveries: DeliveryStore;
  /** Runs due deliveries; started by the server, stopped gracefully on shutdown. */
  deliveryWorker: DeliveryWorker;
  tenants: TenantStore;
  actions: ActionStore;
  apiKeys: ApiKeyStore;
  operators: OperatorStore;
  sessions: SessionStore;
  calls: CallStore;
  runner: CallRunner;
  agents: AgentStore;
  conversations: ConversationStore;
  /** Ends conversations (by a caller, or idle) with `conversation.ended`. */
  conversationEnding: ConversationEnding;
  /** Event subscriptions (docs/subscriptions.md). */
  subscriptions: SubscriptionStore;
  /** The queue's deliveries as the subscription routes read them; absent when no queue runs. */
  subscriptionDeliveries?: SubscriptionDeliveries;
  /** Emits events to subscriptions in the caller's transaction. */
  events: EventEmitter;
  runtime: AgentRuntime;
  /** Open MCP sessions (docs/architecture/mcp.md); told of action changes for `list_changed`. */
  mcp: McpSessions;
  asyncCalls: AsyncCalls;
  conversationFeed: ConversationFeed;
  conversationService: ConversationService;
  /** Calls an action as a tool from outside a conversation: the tools API and MCP share it. */
  toolCalls: ToolCallService;
  /** Agents' inbound channels, and the receiver of their messages. */
  channels: ChannelStore;
  inboundChannels: InboundChannels;
  /** Work that outlives its request and is not a delivery: shutdown waits for it. */
  background: BackgroundWork;
  /** The connection pools of LLM requests and of remote MCP servers (closed together). */
  modelTransport: { close(): Promise<void> };
  /** Agents' remote MCP servers (docs/architecture/mcp.md): stored, and their tool lists. */
  remoteMcpServers: RemoteMcpStore;
  remoteMcpTools: RemoteToolCatalog;
  executor: Executor;
  /** One capped GET of a document through the outbound policy (the OpenAPI import). */
  fetchDocument(url: string): Promise<FetchedDocument>;
  metrics: Metrics;
  /** `TOOLGATE_METRICS_TOKEN`: the bearer token `/metrics` requires; unset, `/metrics` is off. */
  metricsToken: string | undefined;
  logger: Logger;
  loginThrottle: LoginThrottle;
  /** Origin and per-visitor limits of widget keys. */
  widgetGuard: WidgetGuard;
  /** The client address (through trusted proxies only) and whether the browser used https. */
  requestOrigin: RequestOrigin;
  /** The session cookie's attributes, `Secure` per `TOOLGATE_COOKIE_SECURE`. */
  sessionCookie: SessionCookie;
  /** `draining` turns true on shutdown, before the listener closes: `/readyz` then answers 503. */
  lifecycle: { draining: boolean };
}

/** Hono's environment: the request's id (set first) and the authenticated caller (set by the auth middleware). */
export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    /** The handler put `X-Request-Id` on its response itself ({@link withRequestId}). */
    requestIdSent?: boolean;
  };
}
