import type { ActionDefinition } from '../actions/action-definition.js';
import { createExecutor, type Executor, type ExecutorOptions } from '../http/call/create-executor.js';
import type { LoopbackHttpsServer } from './loopback-https-server.js';
import { createLoopbackOnlyDial, type DialLog } from './loopback-only-dial.js';
import { testCertificate } from './test-certificate.js';

/** The public-looking name tests call; the injected resolver maps it to loopback. */
export const TEST_HOST = 'orders.example.com';

/**
 * An executor wired for loopback tests: `orders.example.com` resolves to 127.0.0.1, loopback is
 * allowlisted (unless `allow` is overridden), the test CA is trusted, and every dial is guarded
 * so nothing outside loopback can be reached.
 */
export async function createTestExecutor(
  overrides: ExecutorOptions = {},
): Promise<{ executor: Executor; dialLog: DialLog; lookups: string[] }> {
  const { cert } = await testCertificate();
  const { dial, log } = createLoopbackOnlyDial(cert);
  const lookups: string[] = [];
  const executor = createExecutor({
    allow: { networks: ['127.0.0.0/8'] },
    resolve: async (hostname) => {
      lookups.push(hostname);
      return hostname === TEST_HOST ? ['127.0.0.1'] : [];
    },
    dial,
    ...overrides,
  });
  return { executor, dialLog: log, lookups };
}

/** An order-status action pointed at a test server. */
export function orderStatusAction(
  server: LoopbackHttpsServer,
  overrides: Partial<ActionDefinition> = {},
): ActionDefinition {
  return {
    name: 'check_order_status',
    displayName: 'Check order status',
    description: 'Look up the status of an order by its order number.',
    url: server.url('/orders', TEST_HOST),
    method: 'POST',
    timeoutMs: 2_000,
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string', description: 'Order number, e.g. ORD-12345' } },
      required: ['order_number'],
    },
    ...overrides,
  };
}
