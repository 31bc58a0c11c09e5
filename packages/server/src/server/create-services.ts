import {
  type CheckTargetOptions,
  checkTarget,
  createExecutor,
  createModelFetch,
  createNetworkAllowlist,
  type ExecutorOptions,
} from '@toolgate/core';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createAgentRuntime } from '../agents/agent-runtime.js';
import { type AsyncCalls, createAsyncCalls } from '../agents/async-calls.js';
import { createBackgroundWork } from '../agents/background-work.js';
import { createConversationFeed } from '../agents/conversation-feed.js';
import { createConversationService } from '../agents/conversation-service.js';
import { createModelFactory } from '../agents/model-for-agent.js';
import { createRequestOrigin } from '../auth/client-address.js';
import { createLoginThrottle } from '../auth/login-throttle.js';
import { type CookieSecureSetting, createSessionCookie } from '../auth/session-cookie.js';
import { createProxyTrust } from '../auth/trusted-proxies.js';
import { createCallRunner } from '../calls/call-runner.js';
import { DEFAULT_PORT } from '../config/parse-config.js';
import type { AppServices } from '../http/app-env.js';
import { createWidgetGuard } from '../http/widget-keys.js';
import { createMetrics } from '../metrics/create-metrics.js';
import { createSecretBox } from '../secrets/secret-box.js';
import type { Database } from '../storage/schema.js';
import { createActionStore } from '../stores/action-store.js';
import { createAgentStore } from '../stores/agent-store.js';
import { createApiKeyStore } from '../stores/api-key-store.js';
import { createAsyncCallStore } from '../stores/async-call-store.js';
import { createCallStore } from '../stores/call-store.js';
import { createConversationStore } from '../stores/conversation-store.js';
import { createOperatorStore } from '../stores/operator-store.js';
import { createSessionStore } from '../stores/session-store.js';
import { createTenantStore } from '../stores/tenant-store.js';
import { createLogger } from './create-logger.js';

export interface ServiceOptions {
  db: Kysely<Database>;
  /** Secret keys, current first. */
  secretKeys: readonly Buffer[];
  /** Development and tests only: networks exempted from the outbound policy. */
  allowPrivateNetworks?: readonly string[];
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
  /** Where async actions' endpoints POST their results (default: `publicUrl`, else localhost). */
  callbackBaseUrl?: string;
  now?: () => Date;
}

/** Wires the stores, the executor and the call runner over one database. */
export function createServices(options: ServiceOptions): AppServices {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger();
  const allow = {
    networks: [...(options.allowPrivateNetworks ?? [])],
    endpoints: [...(options.allowEndpoints ?? [])],
  };
  const box = createSecretBox(options.secretKeys);
  const executor = createExecutor({
    allow,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.dial ? { dial: options.dial } : {}),
    now: () => now().getTime(),
  });
  const checkUrl = (url: string) =>
    checkTarget(url, { allow, ...(options.resolve ? { resolve: options.resolve } : {}) });
  const requestOrigin = createRequestOrigin(createProxyTrust(options.trustedProxies ?? []));
  const metrics = createMetrics({ defaultMetrics: options.defaultMetrics ?? false });
  const actions = createActionStore({
    db: options.db,
    box,
    now,
    checkUrl,
  });
  const calls = createCallStore(options.db, now);
  const runner = createCallRunner({ executor, actions, calls, metrics, logger, now });
  const agents = createAgentStore({
    db: options.db,
    box,
    actions,
    checkUrl,
    allowlist: createNetworkAllowlist(allow),
    now,
  });
  const conversations = createConversationStore(options.db, now);
  const modelTransport = createModelFetch({
    allow,
    allowInsecureHttp: allow.networks.length > 0,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.dial ? { dial: options.dial } : {}),
  });
  const background = createBackgroundWork();
  const conversationFeed = createConversationFeed();
  let asyncCalls: AsyncCalls | undefined;
  const runtime = createAgentRuntime({
    actions,
    runner,
    logger,
    background,
    createModel: createModelFactory({ fetch: modelTransport.fetch }),
    asyncCalls: () => asyncCalls as AsyncCalls,
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
    writer: options.db,
    now,
  });
  return {
    db: options.db,
    tenants: createTenantStore(options.db, now),
    actions,
    apiKeys: createApiKeyStore(options.db, now),
    operators: createOperatorStore(options.db, now),
    sessions: createSessionStore(options.db, now),
    calls,
    runner,
    agents,
    conversations,
    runtime,
    asyncCalls,
    conversationFeed,
    conversationService: createConversationService({ agents, conversations, runtime, runner, logger }),
    background,
    modelTransport,
    executor,
    metrics,
    metricsToken: options.metricsToken,
    logger,
    loginThrottle: createLoginThrottle(),
    widgetGuard: createWidgetGuard({ clientAddress: requestOrigin.clientAddress }),
    requestOrigin,
    sessionCookie: createSessionCookie({
      setting: options.cookieSecure ?? 'auto',
      publicUrl: options.publicUrl,
      origin: requestOrigin,
    }),
  };
}
