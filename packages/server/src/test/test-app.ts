import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AppServices } from '../http/app-env.js';
import { createApp } from '../http/create-app.js';
import { createServices, type ServiceOptions } from '../server/create-services.js';
import type { OpenDatabase } from '../storage/open-database.js';
import { openTestDatabase } from './engines.js';

/** A fixed key for tests: sealed values are still random (fresh nonces). */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7);

export interface TestTenant {
  id: string;
  /** An API key with every scope. */
  adminKey: string;
}

/** A Toolgate app on a fresh database with two tenants, and a log captured as text. */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: AppServices;
  database: OpenDatabase;
  tenantA: TestTenant;
  tenantB: TestTenant;
  /** Every log line written so far. */
  logText(): string;
  /** `app.request` with JSON in and a bearer key. */
  call(
    method: string,
    path: string,
    options?: {
      key?: string;
      body?: unknown;
      headers?: Record<string, string>;
      /** The connection's peer address (what a socket would report); none by default. */
      peer?: string;
    },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: Partial<Omit<ServiceOptions, 'db' | 'secretKeys' | 'logger'>> & {
    engine?: 'pglite' | 'postgres';
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(options.engine ?? 'pglite');
  const lines: string[] = [];
  const logger = pino(
    { name: 'toolgate-test', redact: ['req.headers.authorization', 'req.headers.cookie'] },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const services = createServices({
    ...options,
    db: database.db,
    engine: database.engine,
    secretKeys: [TEST_SECRET_KEY],
    logger,
  });
  services.deliveryWorker.start();
  const app = createApp(services);
  const tenant = async (id: string): Promise<TestTenant> => {
    await services.tenants.create({ id, name: `Tenant ${id}` });
    const { value } = await services.apiKeys.create(id, { name: 'test admin', scopes: ['admin'] }, 'test');
    return { id, adminKey: value };
  };
  const tenantA = await tenant('tenant_a');
  const tenantB = await tenant('tenant_b');
  return {
    app,
    services,
    database,
    tenantA,
    tenantB,
    logText: () => lines.join(''),
    call(method, path, { key = tenantA.adminKey, body, headers = {}, peer } = {}) {
      // A peer address is given the way the Node server gives it: as the request's socket (already
      // read, so the body still comes from the web request).
      const env =
        peer === undefined
          ? undefined
          : { incoming: { socket: { remoteAddress: peer }, readableEnded: true } };
      return Promise.resolve(
        app.request(
          path,
          {
            method,
            headers: {
              ...(key ? { authorization: `Bearer ${key}` } : {}),
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...headers,
            },
            ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          },
          env,
        ),
      );
    },
    async close() {
      await services.mcp.closeAll();
      await services.deliveryWorker.stop({ graceful: true });
      await services.background.settled();
      await services.executor.close();
      await services.modelTransport.close();
      await database.close();
    },
  };
}

/** A valid action body for tests, pointed at a public-looking name the test resolver controls. */
export function orderStatusAction(overrides: Record<string, unknown> = {}) {
  return {
    name: 'check_order_status',
    displayName: 'Check order status',
    description: 'Look up the status of an order by its number when the customer asks where it is.',
    url: 'https://orders.example.com/status',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: {
        order_number: {
          type: 'string',
          description: 'The order number, like ORD-12345',
          pattern: '^ORD-\\d+$',
        },
      },
      required: ['order_number'],
    },
    headers: { 'X-Api-Key': 'planted-header-secret-5f2a9c' },
    auth: { type: 'bearer', token: 'planted-bearer-secret-81be4d' },
    ...overrides,
  };
}
