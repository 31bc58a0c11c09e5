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
import { testCertificate } from '../packages/core/src/test/test-certificate.js';
import { type Call, createBenchClients } from './executor-bench-setup.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 3_000);
const WARMUP_MS = 1_500;

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

  const { viaExecutor, plain, close } = createBenchClients(port, cert);

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
  await close();
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
