import type { ServerType } from '@hono/node-server';
import { createLoopbackOnlyDial, type LoopbackHttpsServer, testCertificate } from '@toolgate/core/test';
import { pino } from 'pino';
import type { AppServices } from '../../http/app-env.js';
import { createApp } from '../../http/create-app.js';
import { createServices } from '../../server/create-services.js';
import { listen } from '../../server/listen.js';
import { openSharedState, type SharedState } from '../../shared/shared-state.js';
import { type OpenDatabase, openDatabase } from '../../storage/open-database.js';
import { startShop } from '../conversation-fixture.js';
import { createScratchDatabase } from '../deliveries/scratch-database.js';
import { TEST_SECRET_KEY } from '../test-app.js';

/** One Toolgate of the fleet: its own database pool, cache bus (LISTEN/NOTIFY) and listener. */
export interface InProcessInstance {
  services: AppServices;
  url: string;
}

/**
 * Toolgate instances in this process on one fresh PostgreSQL database, as `toolgate start` wires
 * them (each its own pool and `LISTEN` connection, so notices cross between them as between
 * machines), with tenant `tenant_a` and its admin key, and a loopback HTTPS shop their actions
 * call (the conversation fixture's: `/status`, `/cancel`).
 */
export interface InProcessFleet {
  instances: InProcessInstance[];
  tenantId: string;
  adminKey: string;
  shop: LoopbackHttpsServer;
  /** The shop's base URL under the public-looking name the instances resolve to 127.0.0.1. */
  shopUrl: string;
  close(): Promise<void>;
}

export async function startInProcessFleet(count: number): Promise<InProcessFleet> {
  const cleanup: Array<() => Promise<unknown>> = [];
  const run = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };
  try {
    const shop = await startShop();
    cleanup.push(() => shop.close());
    const { cert } = await testCertificate();
    const scratch = await createScratchDatabase();
    cleanup.push(() => scratch.drop());
    const logger = pino({ level: 'silent' });
    const instances: InProcessInstance[] = [];
    for (let index = 0; index < count; index += 1) {
      const database: OpenDatabase = await openDatabase({ engine: 'postgres', url: scratch.url });
      cleanup.push(() => database.close());
      const shared: SharedState = await openSharedState({ pool: database.pool, logger });
      cleanup.push(() => shared.close());
      const services = createServices({
        db: database.db,
        engine: 'postgres',
        secretKeys: [TEST_SECRET_KEY],
        logger,
        limits: shared.limits,
        cacheBus: shared.cacheBus,
        allowPrivateNetworks: ['127.0.0.0/8'],
        resolve: async () => ['127.0.0.1'],
        ca: cert,
        dial: createLoopbackOnlyDial(cert).dial,
      });
      cleanup.push(async () => {
        await services.executor.close();
        await services.modelTransport.close();
      });
      const served = await listen(createApp(services).fetch, { port: 0, host: '127.0.0.1' });
      const server: ServerType = served.server;
      cleanup.push(async () => {
        await services.mcp.closeAll();
        await new Promise((resolve) => server.close(resolve));
      });
      instances.push({ services, url: served.url });
    }
    const first = instances[0] as InProcessInstance;
    const tenantId = 'tenant_a';
    await first.services.tenants.create({ id: tenantId, name: 'Tenant A' });
    const { value } = await first.services.apiKeys.create(
      tenantId,
      { name: 'admin', scopes: ['admin'] },
      'test',
    );
    return {
      instances,
      tenantId,
      adminKey: value,
      shop,
      shopUrl: `https://orders.example.com:${shop.port}`,
      close: run,
    };
  } catch (error) {
    await run();
    throw error;
  }
}
