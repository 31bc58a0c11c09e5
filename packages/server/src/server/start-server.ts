import type { Server } from 'node:http';
import type { ServerType } from '@hono/node-server';
import type { ServerConfig } from '../config/parse-config.js';
import { prepareDemo } from '../demo/prepare-demo.js';
import { repointDemo, seedDemo } from '../demo/seed-demo.js';
import { createApp } from '../http/create-app.js';
import { openSharedState } from '../shared/shared-state.js';
import { startBackgroundTimers } from './background-timers.js';
import { bootstrap } from './bootstrap.js';
import { answerClientErrors } from './client-errors.js';
import { createLogger } from './create-logger.js';
import { createServices, type ServiceOptions } from './create-services.js';
import { firstStartBanner } from './first-start-banner.js';
import { type FetchHandler, listen } from './listen.js';
import { lockDataFolder, openConfiguredDatabase, secretKeysFor } from './open-configured.js';
import { startTracing } from './tracing.js';

/** The CAs the executor trusts: the tests' (if any) and the demo endpoint's certificate. */
function trusted(ca: ServiceOptions['ca'], demoCert: string): NonNullable<ServiceOptions['ca']> {
  if (ca === undefined) return [demoCert];
  return [...(Array.isArray(ca) ? ca : [ca]), demoCert];
}

/** In-flight requests get this long to finish on shutdown before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Stops accepting connections, lets in-flight requests finish, cuts what is left after the grace. */
function closeGracefully(server: ServerType, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    }, graceMs);
    force.unref();
    // Keep-alive connections turn idle as their last response ends: close them as they do.
    const sweep = setInterval(
      () => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.(),
      50,
    );
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  });
}

/** What a request that arrived during a start that then failed gets. */
const startFailed = () =>
  new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Toolgate failed to start' } }), {
    status: 503,
    headers: { 'content-type': 'application/json' },
  });

/**
 * Takes the data folder's lock (embedded mode), binds the port, then opens the database, applies
 * migrations, bootstraps, and serves the app until `close()`. Binding comes before anything is
 * created, so a taken port fails the start with nothing to lose; requests that arrive meanwhile
 * wait for the app. Any failure releases what was taken and rejects, naming the cause.
 */
export async function startServer(
  config: ServerConfig,
  print: (text: string) => void,
  /** Tests only: trust a test CA, dial through a guard, log elsewhere. */
  overrides: Pick<ServiceOptions, 'ca' | 'dial' | 'resolve' | 'logger'> = {},
): Promise<RunningServer> {
  const logger = overrides.logger ?? createLogger({ level: config.log.level, format: config.log.format });
  const started = performance.now();
  const stagesMs: Record<string, number> = {};
  let lapStarted = started;
  const lap = (stage: string) => {
    const now = performance.now();
    stagesMs[stage] = Math.round(now - lapStarted);
    lapStarted = now;
  };
  const lock = await lockDataFolder(config, 'toolgate start', (message) => logger.warn(message));
  lap('lock');
  /** Undoes what the start took so far, newest first, when a later step fails. */
  const undo: Array<() => Promise<void> | void> = [];
  if (lock) undo.push(() => lock.release());

  let app: ReturnType<typeof createApp> | undefined;
  let appReady!: { resolve: (value: ReturnType<typeof createApp>) => void; reject: (error: unknown) => void };
  const waitForApp = new Promise<ReturnType<typeof createApp>>((resolve, reject) => {
    appReady = { resolve, reject };
  });
  waitForApp.catch(() => {}); // a failed start with no request waiting is not an unhandled rejection
  const handle: FetchHandler = (request, env) =>
    app ? app.fetch(request, env) : waitForApp.then((ready) => ready.fetch(request, env), startFailed);
  let unprinted: string | undefined;

  try {
    const { server, url } = await listen(handle, { port: config.port, host: config.host });
    answerClientErrors(server as Server, logger);
    undo.push(() => closeGracefully(server, 0));
    lap('listen');
    const tracing = config.otelEndpoint ? startTracing(config.otelEndpoint) : undefined;
    if (tracing) {
      undo.push(() => tracing.shutdown());
      logger.info({ endpoint: config.otelEndpoint }, 'exporting traces (OTLP/HTTP)');
    }
    const database = await openConfiguredDatabase(config);
    undo.push(() => database.close());
    lap('database');
    // After opening: the embedded database creates the data folder the key file lives in.
    const { keys: secretKeys, created, warnings } = await secretKeysFor(config);
    lap('secretKey');
    for (const warning of warnings) logger.warn(warning);
    if (created) {
      logger.info(
        { dataDir: config.dataDir },
        'generated secret.key in the data folder (mode 0600); back it up with the data',
      );
    }
    if (config.allowPrivateNetworks.length > 0) {
      logger.warn(
        { networks: config.allowPrivateNetworks },
        'TOOLGATE_ALLOW_PRIVATE_NETWORKS is set: actions may call these private networks. Development and tests only.',
      );
    }
    if (!config.codeActions) {
      logger.info('TOOLGATE_CODE_ACTIONS=off: actions with code are refused at save and not run');
    }
    const demo = await prepareDemo(database.db, { dataDir: config.dataDir, enabled: config.demo });
    if (demo) undo.push(() => demo.endpoint.close());
    lap('demo');
    // Limits and cache notices: memory and none in embedded mode (one process), else the
    // PostgreSQL database (or Redis with REDIS_URL), so every instance counts and forgets together.
    const shared = await openSharedState({ pool: database.pool, redisUrl: config.redisUrl, logger });
    undo.push(() => shared.close());
    lap('sharedState');
    const services = createServices({
      db: database.db,
      secretKeys,
      allowPrivateNetworks: config.allowPrivateNetworks,
      ...overrides,
      ...(demo ? { allowEndpoints: [demo.allowEndpoint], ca: trusted(overrides.ca, demo.cert) } : {}),
      logger,
      defaultMetrics: true,
      publicUrl: config.publicUrl,
      callbackBaseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      trustedProxies: config.trustedProxies,
      cookieSecure: config.cookieSecure,
      metricsToken: config.metricsToken,
      engine: database.engine,
      limits: shared.limits,
      cacheBus: shared.cacheBus,
      codeActions: config.codeActions,
      ...(config.deliveryRetryScheduleMs ? { deliveryRetryScheduleMs: config.deliveryRetryScheduleMs } : {}),
      ...(config.deliveryLeaseMs ? { deliveryLeaseMs: config.deliveryLeaseMs } : {}),
      ...(config.deliveryPollMs ? { deliveryPollMs: config.deliveryPollMs } : {}),
    });
    undo.push(async () => {
      await services.deliveryWorker.stop({ graceful: false });
      await services.executor.close();
      await services.modelTransport.close();
    });
    lap('services');
    const first = await bootstrap(services, { adminKey: config.adminKey, engine: database.engine });
    if (first.adminKey && first.operator) {
      // Printed below once the start is complete, or by the failure path if a later step fails.
      unprinted = firstStartBanner({
        adminKey: first.adminKey,
        operator: first.operator,
        url,
        demoEndpointUrl: undefined,
      });
    }
    lap('bootstrap');
    if (demo?.seed && first.createdTenant) await seedDemo(services, demo.endpoint.url);
    else if (demo) await repointDemo(services, demo.endpoint.url);
    lap('seed');
    app = createApp(services);
    appReady.resolve(app);
    services.deliveryWorker.start();
    lock?.setUrl(url);

    const timers = startBackgroundTimers(services, {
      engine: database.engine,
      retentionDays: config.callRetentionDays,
    });

    logger.info(
      { url, engine: database.engine, readyMs: Math.round(performance.now() - started), stagesMs },
      'Toolgate is ready',
    );
    if (first.adminKey && first.operator) {
      print(
        firstStartBanner({
          adminKey: first.adminKey,
          operator: first.operator,
          url,
          demoEndpointUrl: demo?.seed ? demo.endpoint.url : undefined,
        }),
      );
      unprinted = undefined;
    }
    print(`Toolgate is listening on ${url} (API: ${url}/api/v1, OpenAPI: ${url}/api/v1/openapi.json)\n`);

    let closing: Promise<void> | undefined;
    return {
      url,
      close() {
        closing ??= (async () => {
          // Draining: /readyz answers 503 so the load balancer stops sending here, while requests
          // still get served; after TOOLGATE_DRAIN_MS the listener closes.
          services.lifecycle.draining = true;
          logger.info({ drainMs: config.drainMs }, 'draining: /readyz answers 503');
          if (config.drainMs > 0) await new Promise((resolve) => setTimeout(resolve, config.drainMs));
          timers.stop();
          // MCP session copies hold streams open: closed first, so the listener need not wait for
          // them (the sessions stay stored; their next requests go to another instance).
          await services.mcp.closeAll();
          await closeGracefully(server, SHUTDOWN_GRACE_MS);
          // Attempts under way finish (or go back to the queue) before the pools close.
          await services.deliveryWorker.stop({ graceful: true });
          await services.background.settled();
          await services.executor.close();
          await services.modelTransport.close();
          await demo?.endpoint.close();
          await shared.close();
          await database.close();
          await tracing?.shutdown();
          lock?.release();
          logger.info('Toolgate stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    appReady.reject(error);
    // Credentials a failed start created are shown anyway: they are not stored anywhere readable.
    if (unprinted !== undefined) print(unprinted);
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (cleanupError) {
        logger.warn({ err: cleanupError }, 'cleaning up after a failed start');
      }
    }
    throw error;
  }
}
