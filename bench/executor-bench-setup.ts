/**
 * The two clients the executor benchmarks compare, against one JSON endpoint on 127.0.0.1:
 * `executor.execute()` of a POST action (bearer auth, a pattern-checked parameter, Standard
 * Webhooks signing), and plain undici `Agent.request` sending the very same bytes (headers and
 * signature computed once, ahead of time). Used by executor.bench.ts (wall clock) and
 * executor-instructions.ts (instruction counts), so both measure the same thing.
 */
import { Agent, buildConnector } from 'undici';
import type * as Core from '../packages/core/dist/index.js';

// BENCH_CORE_DIST names another build of core (e.g. of an earlier commit) to measure instead.
const { createExecutor, generateWebhookSecret } = (await import(
  process.env.BENCH_CORE_DIST ?? '../packages/core/dist/index.js'
)) as typeof Core;

/** The host name the action's URL names; the executor's resolver answers 127.0.0.1 for it. */
export const BENCH_HOST = 'orders.example.com';

export type Call = () => Promise<void>;

/** What the endpoint answers: a small JSON body in the `{success, result}` shape. */
export const BENCH_ANSWER = JSON.stringify({
  success: true,
  result: { status: 'shipped', tracking_number: '1Z999AA10123456784', estimated_delivery: '2026-03-25' },
});

export interface BenchClients {
  viaExecutor: Call;
  plain: Call;
  /** The baseline's pool (its `disconnect` events say why a connection closed). */
  plainAgent: Agent;
  close(): Promise<void>;
}

/**
 * Both clients, for an HTTPS endpoint on 127.0.0.1:`port` whose certificate is `cert`. Under
 * valgrind everything is ~50 times slower: `slow` gives the connect timeout (instead of undici's
 * 10 s; the executor then dials with the connector it builds by default, given that timeout) and
 * the action's `timeoutMs` (instead of 10 s).
 */
export function createBenchClients(
  port: number,
  cert: string,
  slow?: { connectTimeoutMs: number; timeoutMs: number },
): BenchClients {
  const connectTimeoutMs = slow?.connectTimeoutMs;
  const executor = createExecutor({
    allow: { networks: ['127.0.0.1/32'] },
    resolve: async () => ['127.0.0.1'],
    ca: cert,
    ...(connectTimeoutMs === undefined
      ? {}
      : { dial: buildConnector({ ca: cert, timeout: connectTimeoutMs }) }),
  });
  const action = {
    name: 'check_order_status',
    description: 'Look up an order by its number.',
    url: `https://${BENCH_HOST}:${port}/orders`,
    auth: { type: 'bearer' as const, token: 'tok_bench' },
    ...(slow ? { timeoutMs: slow.timeoutMs } : {}),
    parameters: {
      type: 'object' as const,
      properties: { order_number: { type: 'string' as const, pattern: '^ORD-\\d+$' } },
      required: ['order_number'],
    },
  };
  const secrets = [generateWebhookSecret()];
  const call = { action, parameters: { order_number: 'ORD-12345' }, signingSecrets: secrets };
  const viaExecutor: Call = async () => {
    const result = await executor.execute(call);
    if (!result.ok) throw new Error(`executor call failed: ${result.failure.message}`);
  };

  // The baseline sends the very same bytes (body and headers, signature included), computed once:
  // what is measured is the cost of computing them per call, checking, capping and normalizing.
  const sample = executor.prepare(call);
  if (!sample.ok) throw new Error(`cannot prepare the sample call: ${sample.failure.message}`);
  const { headers } = sample.call;
  const body = sample.call.prepared.body;
  const plainAgent = new Agent({
    connect: { ca: cert, ...(connectTimeoutMs === undefined ? {} : { timeout: connectTimeoutMs }) },
    keepAliveTimeout: 30_000,
  });
  const plain: Call = async () => {
    const response = await plainAgent.request({
      origin: `https://127.0.0.1:${port}`,
      path: '/orders',
      method: 'POST',
      headers,
      body,
    });
    await response.body.text();
    if (response.statusCode !== 200) throw new Error(`plain call answered ${response.statusCode}`);
  };
  return {
    viaExecutor,
    plain,
    plainAgent,
    close: async () => {
      await Promise.all([executor.close(), plainAgent.close()]);
    },
  };
}
