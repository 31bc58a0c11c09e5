import {
  type CheckTargetOptions,
  checkTarget,
  createExecutor,
  createModelFetch,
  createNetworkAllowlist,
  type ExecutorOptions,
  fetchDocument,
} from '@toolgate/core';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createAgentRuntime } from '../agents/agent-runtime.js';
import { type AsyncCalls, createAsyncCalls } from '../agents/async-calls.js';
import { createBackgroundWork } from '../agents/background-work.js';
import { createConversationFeed } from '../agents/conversation-feed.js';
import { createConversationService } from '../agents/conversation-service.js';
import { createModelFactory } from '../agents/model-for-agent.js';
import { createToolCallService } from '../agents/tool-call-service.js';
import { createWebhookTriggerHandler } from '../agents/webhook-trigger-delivery.js';
import { createRequestOrigin } from '../auth/client-address.js';
import { createLoginThrottle } from '../auth/login-throttle.js';
import { type CookieSecureSetting, createSessionCookie } from '../auth/session-cookie.js';
import { createProxyTrust } from '../auth/trusted-proxies.js';
import { createCallRunner } from '../calls/call-runner.js';
import { createChannelReplyHandler } from '../channels/channel-reply-handler.js';
import { createChannelTurns } from '../channels/channel-turns.js';
import { DEFAULT_PORT } from '../config/parse-config.js';
import { outcomeOfActionResult } from '../deliveries/classify-http-outcome.js';
import { createDeliveryStore } from '../deliveries/delivery-store.js';
import { createDeliveryWorker } from '../deliveries/delivery-worker.js';
import { createEventEmitter, type Enqueue } from '../deliveries/emit-event.js';
import { enqueue as enqueueDelivery, wakeDeliveryWorkers } from '../deliveries/enqueue.js';
import { createEventDeadLetterHook } from '../deliveries/event-dead-letters.js';
import { createEventHandler } from '../deliveries/event-delivery.js';
import { createSubscriptionCache } from '../deliveries/subscription-cache.js';
import type { SubscriptionDeliveries } from '../deliveries/subscription-deliveries.js';
import { API_VERSION } from '../http/api-version.js';
import type { AppServices } from '../http/app-env.js';
import { createInboundChannels } from '../http/inbound-channels.js';
import { createMcpSessions } from '../http/mcp/mcp-sessions.js';
import { createWidgetGuard } from '../http/widget-keys.js';
import { createMetrics } from '../metrics/create-metrics.js';
import { createRemoteMcpTokens } from '../remote-mcp/oauth2-token.js';
import type { RemoteConnectionDeps } from '../remote-mcp/remote-connection.js';
import { createRemoteToolCatalog } from '../remote-mcp/remote-tool-catalog.js';
import { createRemoteTurnTools } from '../remote-mcp/remote-turn-tools.js';
import { createSecretBox } from '../secrets/secret-box.js';
import type { CacheBus } from '../shared/cache-bus.js';
import { createLimiterStore, type LimiterStore } from '../shared/limiter-store.js';
import type { Database } from '../storage/schema.js';
import { createActionStore } from '../stores/action-store.js';
import { createAgentStore } from '../stores/agent-store.js';
import { createApiKeyStore } from '../stores/api-key-store.js';
import { createAsyncCallStore } from '../stores/async-call-store.js';
import { createCallStore } from '../stores/call-store.js';
import { createChannelInboundStore } from '../stores/channel-inbound-store.js';
import { createChannelStore } from '../stores/channel-store.js';
import { createConversationEnding } from '../stores/conversation-ending.js';
import { createConversationStore } from '../stores/conversation-store.js';
import { createMcpSessionStore } from '../stores/mcp-session-store.js';
import { createOperatorStore } from '../stores/operator-store.js';
import { createRemoteMcpStore } from '../stores/remote-mcp-store.js';
import { createSessionStore } from '../stores/session-store.js';
import { createSubscriptionStore } from '../stores/subscription-store.js';
import { createTenantStore } from '../stores/tenant-store.js';
import { createLogger } from './create-logger.js';

export interface ServiceOptions {
  db: Kysely<Database>;
  /** Secret keys, current first. */
  secretKeys: readonly Buffer[];
  /** Development and tests only: networks exempted from the outbound policy. */
  allowPrivateNetworks?: readonly string[];
  /** `TOOLGATE_CODE_ACTIONS`: actions may run code (docs/architecture/code-actions.md). On by default. */
  codeActions?: boolean;
  /** Single `address:port` endpoints exempted (the demo endpoint). */
  allowEndpoints?: readonly string[];
  /** Replaces DNS for the outbound policy and executor (tests). */
  resolve?: CheckTargetOptions['resolve'];
  /** Extra trusted CAs for outbound calls (tests, private PKI). */
  ca?: ExecutorOptions['ca'];
  dial?: ExecutorOptions['dial'];
  logger?: Logger;
  /** The address browsers use (`TOOLGATE_PUBLIC_URL`); https makes session cookies `Secure`. */
  publicUrl?: string;
  /** Proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed (addresses or CIDRs). */
  trustedProxies?: readonly string[];
  /** `TOOLGATE_COOKIE_SECURE` (default `auto`). */
  cookieSecure?: CookieSecureSetting;
  defaultMetrics?: boolean;
  /** The bearer token `/metrics` requires; without one `/metrics` answers 403. */
  metricsToken?: string;
  /** The engine under `db` (default: pglite). */
  engine?: 'pglite' | 'postgres';
  /** `TOOLGATE_DELIVERY_RETRY_SCHEDULE`: retry delays of rows queued without a schedule. */
  deliveryRetryScheduleMs?: readonly number[];
  /** `TOOLGATE_DELIVERY_LEASE_MS` / `TOOLGATE_DELIVERY_POLL_MS`: the worker's claim length and poll interval. */
  deliveryLeaseMs?: number;
  deliveryPollMs?: number;
  /** The delivery worker's name in claims (default: hostname, pid and random). */
  instanceId?: string;
  /** Where async actions' endpoints POST their results (default: `publicUrl`, else localhost). */
  callbackBaseUrl?: string;
  now?: () => Date;
  /** Where limits count (openSharedState); default: this process's memory. */
  limits?: LimiterStore;
  /** Carries cache deletes to the other instances (openSharedState); default: none. */
  cacheBus?: CacheBus;
  /** Replaces the durable queue's `enqueue` for event deliveries (tests record what is emitted). */
  enqueue?: Enqueue;
  /** Replaces the queue's deliveries the subscription routes read (tests). */
  subscriptionDeliveries?: SubscriptionDeliveries;
}

/** A remote MCP server's answer (one HTTP response or stream) larger than this fails the call. */
const REMOTE_MCP_RESPONSE_CAP_BYTES = 1024 * 1024;

/** Wires the stores, the executor and the call runner over one database. */
export function createServices(options: ServiceOptions): AppServices {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger();
  const allow = {
    networks: [...(options.allowPrivateNetworks ?? [])],
    endpoints: [...(options.allowEndpoints ?? [])],
  };
  const box = createSecretBox(options.secretKeys);
  const limits = options.limits ?? createLimiterStore({});
  const executor = createExecutor({
    allow,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.dial ? { dial: options.dial } : {}),
    now: () => now().getTime(),
    codeActions: options.codeActions !== false,
  });
  const checkUrl = (url: string) =>
    checkTarget(url, { allow, ...(options.resolve ? { resolve: options.resolve } : {}) });
  const requestOrigin = createRequestOrigin(createProxyTrust(options.trustedProxies ?? []));
  const deliveries = createDeliveryStore(options.db, now);
  const metrics = createMetrics({
    defaultMetrics: options.defaultMetrics ?? false,
    deliveryStats: () => deliveries.stats(),
  });
  const actions = createActionStore({
    db: options.db,
    box,
    now,
    checkUrl,
    codeActions: options.codeActions !== false,
    ...(options.cacheBus ? { cacheBus: options.cacheBus } : {}),
  });
  // Events are queued inside the transaction of their change; the worker is woken once it has committed.
  const enqueueEvent: Enqueue = async (writer, delivery, at) => {
    const id = await enqueueDelivery(writer, delivery, at);
    setImmediate(wakeDeliveryWorkers);
    return id;
  };
  const subscriptionCache = createSubscriptionCache({ cacheBus: options.cacheBus });
  const events = createEventEmitter({
    enqueue: options.enqueue ?? enqueueEvent,
    now,
    subscriptions: subscriptionCache,
  });
  const subscriptions = createSubscriptionStore({
    db: options.db,
    box,
    checkUrl,
    now,
    changed: (tenantId) => subscriptionCache.forget(tenantId),
  });
  const calls = createCallStore(options.db, now, events);
  const runner = createCallRunner({ executor, actions, calls, metrics, logger, now });
  const agents = createAgentStore({
    db: options.db,
    box,
    actions,
    checkUrl,
    allowlist: createNetworkAllowlist(allow),
    now,
    ...(options.cacheBus ? { cacheBus: options.cacheBus } : {}),
  });
  const conversations = createConversationStore(options.db, now, events);
  const modelTransport = createModelFetch({
    allow,
    allowInsecureHttp: allow.networks.length > 0,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.dial ? { dial: options.dial } : {}),
  });
  // Remote MCP servers: the same policy as actions (https, no private addresses unless allowlisted,
  // no redirects followed), each response capped.
  const remoteMcpTransport = createModelFetch({
    allow,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.dial ? { dial: options.dial } : {}),
    maxResponseBytes: REMOTE_MCP_RESPONSE_CAP_BYTES,
    destination: 'MCP server',
  });
  const remoteMcpConnection: RemoteConnectionDeps = {
    fetch: remoteMcpTransport.fetch,
    checkUrl,
    tokens: createRemoteMcpTokens({ fetch: remoteMcpTransport.fetch }),
    version: API_VERSION,
  };
  const remoteMcpServers = createRemoteMcpStore({
    db: options.db,
    box,
    checkUrl,
    now,
    ...(options.cacheBus ? { cacheBus: options.cacheBus } : {}),
  });
  const remoteMcpTools = createRemoteToolCatalog(remoteMcpConnection);
  const background = createBackgroundWork();
  const conversationFeed = createConversationFeed({
    ...(options.cacheBus ? { bus: options.cacheBus } : {}),
    logger,
  });
  let asyncCalls: AsyncCalls | undefined;
  const runtime = createAgentRuntime({
    actions,
    runner,
    logger,
    createModel: createModelFactory({ fetch: modelTransport.fetch }),
    asyncCalls: () => asyncCalls as AsyncCalls,
    remoteTools: createRemoteTurnTools({
      servers: remoteMcpServers,
      catalog: remoteMcpTools,
      connection: remoteMcpConnection,
      calls,
      logger,
      now,
    }),
    now,
  });
  asyncCalls = createAsyncCalls({
    asyncCalls: createAsyncCallStore(options.db, now),
    actions,
    agents,
    calls,
    conversations,
    runtime: () => runtime,
    executor,
    feed: conversationFeed,
    logger,
    callbackBaseUrl: options.callbackBaseUrl ?? options.publicUrl ?? `http://localhost:${DEFAULT_PORT}`,
    // The deadline is a queued row written with the pending call: it fires on any instance, once.
    enqueue: options.enqueue ?? enqueueEvent,
    writer: options.db,
    now,
  });
  const conversationService = createConversationService({ agents, conversations, runtime, runner, logger });
  const toolCalls = createToolCallService({ agents, runtime, runner, calls, now });
  const channels = createChannelStore({ db: options.db, box, checkUrl, now });
  const channelInbound = createChannelInboundStore(options.db, now);
  const inboundChannels = createInboundChannels({
    db: options.db,
    channels,
    inbound: channelInbound,
    turns: createChannelTurns({ inbound: channelInbound, conversations: conversationService }),
    background,
    logger,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    enqueue: options.enqueue ?? enqueueEvent,
    now,
  });
  const deliveryWorker = createDeliveryWorker({
    db: options.db,
    engine: options.engine ?? 'pglite',
    handlers: {
      webhook_trigger: createWebhookTriggerHandler({ agents, runner }),
      event: createEventHandler({ executor, subscriptions, outcomeOf: outcomeOfActionResult, logger }),
      channel_reply: createChannelReplyHandler({ channels, executor }),
      async_deadline: asyncCalls.deadlineHandler(),
    },
    onDeadLettered: createEventDeadLetterHook({ db: options.db, subscriptions, events }),
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.deliveryRetryScheduleMs ? { retryScheduleMs: options.deliveryRetryScheduleMs } : {}),
    ...(options.deliveryLeaseMs ? { leaseMs: options.deliveryLeaseMs } : {}),
    ...(options.deliveryPollMs ? { pollMs: options.deliveryPollMs } : {}),
    now,
    logger,
    metrics,
  });
  const mcp = createMcpSessions({
    store: createMcpSessionStore(options.db),
    bus: options.cacheBus,
    logger,
  });
  actions.onChange((tenantId) => mcp.notifyToolsChanged(tenantId));
  return {
    db: options.db,
    deliveries,
    deliveryWorker,
    tenants: createTenantStore(options.db, now),
    actions,
    apiKeys: createApiKeyStore(options.db, now, options.cacheBus),
    operators: createOperatorStore(options.db, now),
    sessions: createSessionStore(options.db, now),
    calls,
    runner,
    agents,
    conversations,
    conversationEnding: createConversationEnding(options.db, now, events),
    subscriptions,
    events,
    subscriptionDeliveries: options.subscriptionDeliveries ?? deliveries,
    runtime,
    mcp,
    conversationService,
    toolCalls,
    channels,
    inboundChannels,
    asyncCalls,
    conversationFeed,
    background,
    modelTransport: {
      close: async () => {
        await Promise.all([modelTransport.close(), remoteMcpTransport.close()]);
      },
    },
    remoteMcpServers,
    remoteMcpTools,
    executor,
    fetchDocument: (url: string) =>
      fetchDocument(url, {
        allow,
        ...(options.resolve ? { resolve: options.resolve } : {}),
        ...(options.ca ? { ca: options.ca } : {}),
        ...(options.dial ? { dial: options.dial } : {}),
      }),
    metrics,
    metricsToken: options.metricsToken,
    logger,
    loginThrottle: createLoginThrottle(limits),
    widgetGuard: createWidgetGuard({ clientAddress: requestOrigin.clientAddress, limits }),
    lifecycle: { draining: false },
    requestOrigin,
    sessionCookie: createSessionCookie({
      setting: options.cookieSecure ?? 'auto',
      publicUrl: options.publicUrl,
      origin: requestOrigin,
    }),
  };
}
