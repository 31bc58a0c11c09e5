import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
  testCertificate,
} from '@toolgate/core/test';
import { generateSecretKey } from '../../secrets/secret-box.js';
import { createScratchDatabase } from '../deliveries/scratch-database.js';
import { type ToolgateInstance, toolgateInstance } from '../deliveries/toolgate-instance.js';
import { httpJson } from '../http-client.js';
import { freeLoopbackPort } from '../spawned-server.js';
import { orderStatusAction } from '../test-app.js';

/** Several real `toolgate start` processes on one PostgreSQL database, and a shop they call. */
export interface Fleet {
  instances: ToolgateInstance[];
  /** The first start's admin key, printed by exactly one instance. */
  adminKey: string;
  /** How many instances printed first-start credentials (one, or bootstrap raced). */
  bannersPrinted: number;
  /** The scratch database's URL, for the test's own look at the tables. */
  databaseUrl: string;
  /** The shop's base URL (`/status?order_number=`). */
  shopUrl: string;
  shop: LoopbackHttpsServer;
  /** The shop's answers wait for `until`; replace it to hold a call in flight. */
  hold: { until: Promise<void> };
  /** `method` + `path` on instance `index` with the admin key (or `key`). */
  call(
    index: number,
    method: string,
    path: string,
    options?: { key?: string; body?: unknown; headers?: Record<string, string> },
  ): ReturnType<typeof httpJson>;
  close(): Promise<void>;
}

const BANNER_KEY = /API key \(all scopes\):\s+(\S+)/;

/**
 * Starts `count` instances at once on a new, empty PostgreSQL database (so their first starts
 * race for the default tenant), with `REDIS_URL` when given; each has its own loopback port and
 * data folder. The shop is an HTTPS server on 127.0.0.1 with the test certificate.
 */
export async function startFleet(options: {
  entry: string;
  count: number;
  redisUrl?: string;
  env?: Record<string, string>;
  /** The shop answers after this many ms (a load test's realistic endpoint); default at once. */
  shopDelayMs?: number;
}): Promise<Fleet> {
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    const hold = { until: Promise.resolve() };
    const shop = await startLoopbackHttpsServer(async (request, response) => {
      const url = new URL(request.url, 'https://shop.test');
      await hold.until;
      if (options.shopDelayMs) await new Promise((resolve) => setTimeout(resolve, options.shopDelayMs));
      const order = url.searchParams.get('order_number') ?? 'unknown';
      sendJson(response, 200, { success: true, result: { order, status: 'shipped' } });
    });
    cleanup.push(() => shop.close());
    const scratch = await mkdtemp(join(tmpdir(), 'toolgate-fleet-'));
    cleanup.push(() => rm(scratch, { recursive: true, force: true }));
    const caFile = join(scratch, 'test-ca.pem');
    await writeFile(caFile, (await testCertificate()).cert);
    const database = await createScratchDatabase();
    cleanup.push(() => database.drop());
    const env = {
      TOOLGATE_SECRET_KEY: generateSecretKey(),
      TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8',
      NODE_EXTRA_CA_CERTS: caFile,
      LOG_LEVEL: 'warn',
      TOOLGATE_DRAIN_MS: '0',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    };
    const instances: ToolgateInstance[] = [];
    for (let index = 0; index < options.count; index += 1) {
      const instance = toolgateInstance({
        name: `instance ${String.fromCharCode(65 + index)}`,
        entry: options.entry,
        port: await freeLoopbackPort(),
        storage: { engine: 'postgres', url: database.url, dataDir: join(scratch, `instance-${index}`) },
        env,
      });
      cleanup.push(() => instance.kill9());
      instances.push(instance);
    }
    // All at once, on the empty database: bootstrap must create one tenant and one set of credentials.
    await Promise.all(instances.map((instance) => instance.start()));
    const keys = instances.map((instance) => BANNER_KEY.exec(instance.output())?.[1]).filter(Boolean);
    const adminKey = keys[0];
    if (adminKey === undefined)
      throw new Error(
        `no instance printed the first start's key:\n${instances.map((i) => i.output()).join('\n')}`,
      );
    const fleet: Fleet = {
      instances,
      adminKey,
      bannersPrinted: keys.length,
      databaseUrl: database.url,
      shopUrl: `https://127.0.0.1:${shop.port}`,
      shop,
      hold,
      call(index, method, path, callOptions = {}) {
        const instance = instances[index];
        if (!instance) throw new Error(`no instance ${index}`);
        return httpJson(`${instance.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${callOptions.key ?? adminKey}`, ...callOptions.headers },
          ...(callOptions.body === undefined ? {} : { body: callOptions.body }),
        });
      },
      async close() {
        for (const step of cleanup.reverse()) await step().catch(() => undefined);
      },
    };
    return fleet;
  } catch (error) {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    throw error;
  }
}

/** The order lookup every fleet flow uses: the shop's `/status`, by GET. */
export function shopOrderAction(fleet: Pick<Fleet, 'shopUrl'>) {
  return orderStatusAction({ url: `${fleet.shopUrl}/status`, method: 'GET' });
}
