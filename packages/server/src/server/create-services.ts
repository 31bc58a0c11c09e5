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
import { createBackgroundWork } from '../agents/background-work.js';
import { createConversationService } from '../agents/conversation-service.js';
import { createModelFactory } from '../agents/model-for-agent.js';
import { createRequestOrigin } from '../auth/client-address.js';
import { createLoginThrottle } from '../auth/login-throttle.js';
import { type CookieSecureSetting, createSessionCookie } from '../auth/session-cookie.js';
import { createProxyTrust } from '../auth/trusted-proxies.js';
import { createCallRunner } from '../calls/call-runner.js';
import type { AppServices } from '../http/app-env.js';
import { createWidgetGuard } from '../http/widget-keys.js';
import { createMetrics } from '../metrics/create-metrics.js';
import { createSecretBox } from '../secrets/secret-box.js';
import type { CacheBus } from '../shared/cache-bus.js';
import { createLimiterStore, type LimiterStore } from '../shared/limiter-store.js';
import type { Database } from '../storage/schema.js';
import { createActionStore } from '../stores/action-store.js';
import { createAgentStore } from '../stores/agent-store.js';
import { createApiKeyStore } from '../stores/api-key-store.js';
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
  now?: () => Date;
  /** Where limits count (openSharedState); default: this process's memory. */
  limits?: LimiterStore;
  /** Carries cache deletes to the other instances (openSharedState); default: none. */
  cacheBus?: CacheBus;
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
  const limits = options.limits ?? createLimiterStore({});
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
    ...(options.cacheBus ? { cacheBus: options.cacheBus } : {}),
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
    ...(options.cacheBus ? { cacheBus: options.cacheBus } : {}),
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
  const runtime = createAgentRuntime({
    actions,
    runner,
    logger,
    background,
    createModel: createModelFactory({ fetch: modelTransport.fetch }),
    now,
  });
  return {
    db: options.db,
    tenants: createTenantStore(options.db, now),
    actions,
    apiKeys: createApiKeyStore(options.db, now, options.cacheBus),
    operators: createOperatorStore(options.db, now),
    sessions: createSessionStore(options.db, now),
    calls,
    runner,
    agents,
    conversations,
    runtime,
    conversationService: createConversationService({ agents, conversations, runtime, runner, logger }),
    background,
    modelTransport,
    executor,
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
