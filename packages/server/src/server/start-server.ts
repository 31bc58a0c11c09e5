import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '../app/create-app.js';
import type { ServerConfig } from '../config/parse-config.js';
import { type OpenDatabase, openDatabase } from '../storage/open-database.js';
import { bootstrap } from './bootstrap.js';
import { createLogger } from './create-logger.js';
import { createServices, type ServiceOptions } from './create-services.js';
import { loadOrCreateSecretKeys } from './secret-key-file.js';

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
  const logger = overrides.logger ?? createLogger();
  const started = performance.now();
  let secretKeys: Buffer[];
  let database: OpenDatabase;
  if (config.databaseUrl !== undefined) {
    if (!config.secretKey) throw new Error('TOOLGATE_SECRET_KEY is required with DATABASE_URL');
    secretKeys = [config.secretKey, ...config.previousSecretKeys];
    database = await openDatabase({ engine: 'postgres', url: config.databaseUrl });
  } else {
    database = await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
    if (config.secretKey) {
      secretKeys = [config.secretKey, ...config.previousSecretKeys];
    } else {
      const loaded = await loadOrCreateSecretKeys(config.dataDir);
      for (const warning of loaded.warnings) logger.warn(warning);
      if (loaded.created)
        logger.info(
          { dataDir: config.dataDir },
          'generated secret.key in the data folder (mode 0600); back it up with the data',
        );
      secretKeys = [...loaded.keys, ...config.previousSecretKeys];
    }
  }
  if (config.allowPrivateNetworks.length > 0) {
    logger.warn(
      { networks: config.allowPrivateNetworks },
      'TOOLGATE_ALLOW_PRIVATE_NETWORKS is set: actions may call these private networks. Development and tests only.',
    );
  }
  const services = createServices({
    db: database.db,
    secretKeys,
    allowPrivateNetworks: config.allowPrivateNetworks,
    ...overrides,
    logger,
    defaultMetrics: true,
  });
  const first = await bootstrap(services, { adminKey: config.adminKey });
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
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info(
    { url, engine: database.engine, readyMs: Math.round(performance.now() - started) },
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
        await services.executor.close();
        await database.close();
        logger.info('Toolgate stopped');
      })();
      return closing;
    },
  };
}
