import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '../app/create-app.js';
import type { ServerConfig } from '../config/parse-config.js';
import { prepareDemo } from '../demo/prepare-demo.js';
import { DEMO_AGENT_NAME, repointDemo, seedDemo } from '../demo/seed-demo.js';
import { bootstrap } from './bootstrap.js';
import { answerClientErrors } from './client-errors.js';
import { createLogger } from './create-logger.js';
import { createServices, type ServiceOptions } from './create-services.js';
import { openConfiguredDatabase, secretKeysFor } from './open-configured.js';

/** The CAs the executor trusts: the tests' (if any) and the demo endpoint's certificate. */
function trusted(ca: ServiceOptions['ca'], demoCert: string): NonNullable<ServiceOptions['ca']> {
  if (ca === undefined) return [demoCert];
  return [...(Array.isArray(ca) ? ca : [ca]), demoCert];
}

/** The execution log and expired sessions are purged this often. */
const PURGE_INTERVAL_MS = 3600_000;
/** In-flight requests get this long to finish on shutdown before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, bootstraps, and serves the app until `close()`. */
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
  const database = await openConfiguredDatabase(config);
  lap('database');
  // After opening: the embedded database creates the data folder the key file lives in.
  const {
    keys: secretKeys,
    created,
    warnings,
  } = await secretKeysFor(config).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
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
  const demo = await prepareDemo(database.db, { dataDir: config.dataDir, enabled: config.demo });
  lap('demo');
  const services = createServices({
    db: database.db,
    secretKeys,
    allowPrivateNetworks: config.allowPrivateNetworks,
    ...overrides,
    ...(demo ? { allowEndpoints: [demo.allowEndpoint], ca: trusted(overrides.ca, demo.cert) } : {}),
    logger,
    defaultMetrics: true,
    publicUrl: config.publicUrl,
    trustedProxies: config.trustedProxies,
    cookieSecure: config.cookieSecure,
    metricsToken: config.metricsToken,
  });
  lap('services');
  const first = await bootstrap(services, { adminKey: config.adminKey });
  lap('bootstrap');
  if (demo?.seed && first.createdTenant) await seedDemo(services, demo.endpoint.url);
  else if (demo) await repointDemo(services, demo.endpoint.url);
  lap('seed');
  const app = createApp(services);

  const purge = async () => {
    try {
      const calls = await services.calls.purgeOlderThan(config.callRetentionDays);
      const sessions = await services.sessions.purgeExpired();
      if (calls + sessions > 0) logger.info({ calls, sessions }, 'purged old calls and expired sessions');
    } catch (error) {
      logger.error({ err: error }, 'purge failed; it runs again in an hour');
    }
  };
  void purge();
  const purgeTimer = setInterval(purge, PURGE_INTERVAL_MS);
  purgeTimer.unref();

  const server: ServerType = await new Promise((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(listening),
    );
    listening.once('error', reject);
    answerClientErrors(listening as Server, logger);
  });
  lap('listen');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info(
    { url, engine: database.engine, readyMs: Math.round(performance.now() - started), stagesMs },
    'Toolgate is ready',
  );
  if (first.adminKey && first.operator) {
    print(
      [
        '',
        'First start: created the default tenant. These are shown ONCE; store them now.',
        `  API key (all scopes):  ${first.adminKey}`,
        `  Operator sign-in:      ${first.operator.email} / ${first.operator.password}`,
        `  Try: curl -H "Authorization: Bearer ${first.adminKey}" ${url}/api/v1/actions`,
        ...(demo?.seed
          ? [
              `  Demo: the agent "${DEMO_AGENT_NAME}" looks orders up at ${demo.endpoint.url}, a demo endpoint`,
              `        this server runs (TOOLGATE_DEMO=off to disable). Chat: TOOLGATE_API_KEY=<key> npx toolgate chat --agent "${DEMO_AGENT_NAME}"`,
            ]
          : []),
        '',
      ].join('\n'),
    );
  }
  print(`Toolgate is listening on ${url} (API: ${url}/api/v1, OpenAPI: ${url}/api/v1/openapi.json)\n`);

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        clearInterval(purgeTimer);
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => {
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }, SHUTDOWN_GRACE_MS);
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
        // Webhook trigger events still on their way are sent before the pools close.
        await services.background.settled();
        await services.executor.close();
        await services.modelTransport.close();
        await demo?.endpoint.close();
        await database.close();
        logger.info('Toolgate stopped');
      })();
      return closing;
    },
  };
}
