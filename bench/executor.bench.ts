/**
 * How much does the executor (argument validation, request building, signing, the pinned
 * connector, the response cap and normalization) cost over a bare undici request?
 *
 * Both clients call the same keep-alive HTTPS server on 127.0.0.1 (another process), in
 * interleaved rounds, at concurrency 1 and 64. Run: `npm run bench:executor`.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { createExecutor, generateWebhookSecret } from '../packages/core/dist/index.js';
import { testCertificate } from '../packages/core/src/test/test-certificate.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 3_000);
const WARMUP_MS = 1_500;
const HOST = 'orders.example.com';

type Call = () => Promise<void>;

async function measure(call: Call, concurrency: number, durationMs: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        await call();
        latencies.push(performance.now() - begin);
      }
    }),
  );
  return { count: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  const { key, cert } = await testCertificate();
  const child = fork(fileURLToPath(new URL('./loopback-json-server.ts', import.meta.url)), {
    env: { ...process.env, BENCH_TLS: JSON.stringify({ key, cert }) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  if (!child.stdout) throw new Error('the benchmark server has no stdout');
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const { port } = JSON.parse(line.toString()) as { port: number };

  const executor = createExecutor({
    allow: { networks: ['127.0.0.1/32'] },
    resolve: async () => ['127.0.0.1'],
    ca: cert,
  });
  const action = {
    name: 'check_order_status',
    description: 'Look up an order by its number.',
    url: `https://${HOST}:${port}/orders`,
    auth: { type: 'bearer' as const, token: 'tok_bench' },
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
  const plainAgent = new Agent({ connect: { ca: cert }, keepAliveTimeout: 30_000 });
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

  const report: string[] = [];
  for (const concurrency of [1, 64]) {
    await measure(plain, concurrency, WARMUP_MS);
    await measure(viaExecutor, concurrency, WARMUP_MS);
    const totals = {
      plain: { count: 0, seconds: 0, latencies: [] as number[] },
      executor: { count: 0, seconds: 0, latencies: [] as number[] },
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first so drift (thermal, GC, the other process) hits both alike.
      const order: Array<['plain' | 'executor', Call]> =
        round % 2 === 0
          ? [
              ['plain', plain],
              ['executor', viaExecutor],
            ]
          : [
              ['executor', viaExecutor],
              ['plain', plain],
            ];
      for (const [name, call] of order) {
        const run = await measure(call, concurrency, ROUND_MS);
        totals[name].count += run.count;
        totals[name].seconds += run.seconds;
        totals[name].latencies.push(...run.latencies);
      }
    }
    const summary = Object.fromEntries(
      Object.entries(totals).map(([name, total]) => {
        const sorted = total.latencies.sort((a, b) => a - b);
        return [
          name,
          { rps: total.count / total.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) },
        ];
      }),
    ) as Record<'plain' | 'executor', { rps: number; p50: number; p99: number }>;
    report.push(
      `| ${concurrency} | ${summary.plain.rps.toFixed(0)} | ${summary.executor.rps.toFixed(0)} | ${(summary.executor.rps / summary.plain.rps).toFixed(3)} | ` +
        `${summary.plain.p50.toFixed(3)} / ${summary.plain.p99.toFixed(3)} | ${summary.executor.p50.toFixed(3)} / ${summary.executor.p99.toFixed(3)} | ` +
        `${(summary.executor.p50 - summary.plain.p50).toFixed(3)} / ${(summary.executor.p99 - summary.plain.p99).toFixed(3)} |`,
    );
  }
  await executor.close();
  await plainAgent.close();
  child.disconnect();

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    [
      `executor benchmark: ${ROUNDS} interleaved rounds of ${ROUND_MS} ms per client and concurrency; node ${process.version}; ${cpus().length} x ${cpu}`,
      '',
      '| concurrency | plain undici req/s | executor req/s | ratio b/a | plain p50 / p99 ms | executor p50 / p99 ms | added p50 / p99 ms |',
      '|---|---|---|---|---|---|---|',
      ...report,
      '',
    ].join('\n'),
  );
}

await main();
