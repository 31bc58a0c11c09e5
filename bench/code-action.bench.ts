/**
 * What does running a code action in a sandbox worker cost per run, next to running QuickJS on
 * the main thread (how code actions ran before the worker)?
 *
 * Three ways, the same sandbox code and the same policy fetch to a keep-alive HTTPS server on
 * 127.0.0.1 (another process): (a) in-thread: a fresh engine on this thread, no worker (the old
 * way, which cannot stop a long built-in call); (b) pooled: `runCodeAction` with a pool of 2 idle
 * workers; (c) cold: a pool with no idle worker, so each run starts its own. Two actions: a
 * trivial one, and one making one inner request. Runs are one at a time, either spaced (100 ms
 * apart, the pool refilled in between, as under light traffic) or back to back (the pool cannot
 * keep up: a run waits for a worker start). Build first: `npx tsc -b packages/core`; run:
 * `npm run bench:code` (BENCH_RUNS, BENCH_ROUNDS).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CODE_LIMITS } from '../packages/core/dist/code/code-limits.js';
import { createCodeWorkerPool } from '../packages/core/dist/code/code-worker-pool.js';
import { loadQuickJs } from '../packages/core/dist/code/quickjs.js';
import { runCodeAction } from '../packages/core/dist/code/run-code-action.js';
import { runSandbox } from '../packages/core/dist/code/run-sandbox.js';
import { type InnerRequest, sendInnerRequest } from '../packages/core/dist/code/send-inner-request.js';
import { codeFetchOver } from '../packages/core/dist/http/call/run-code-call.js';
import { createModelFetch } from '../packages/core/dist/http/transport/model-fetch.js';
import { testCertificate } from '../packages/core/src/test/test-certificate.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SPACING_MS = 100;
const HOST = 'api.example.com';

type Run = () => Promise<void>;

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
  const policy = createModelFetch({
    allow: { networks: ['127.0.0.1/32'] },
    resolve: async () => ['127.0.0.1'],
    ca: cert,
  });
  const fetch = codeFetchOver(policy.fetch);
  const sources = {
    trivial: 'async function handler({ parameters }) { return { doubled: parameters.n * 2 } }',
    request: `async function handler() {
      const response = await fetch('https://${HOST}:${port}/orders', { headers: { 'X-Key': secret('key') } });
      return { status: response.status, order: (await response.json()).result.status };
    }`,
  };
  const input = { parameters: { n: 21 }, context: { call_id: 'bench' } };
  const credentials = { key: 'bench_key_8c1f' };
  const limits = DEFAULT_CODE_LIMITS;

  const inThread =
    (source: string): Run =>
    async () => {
      const requests: InnerRequest[] = [];
      const signal = new AbortController().signal;
      const engine = await loadQuickJs(limits.memoryBytes);
      const outcome = await runSandbox(
        engine,
        { source, inputJson: JSON.stringify(input), limits },
        {
          request: (json) => sendInnerRequest(json, { credentials, fetch, limits, requests, signal }),
          entered: () => {},
          left: () => {},
          log: () => {},
        },
      );
      if (!outcome.ok) throw new Error(`in-thread run failed: ${outcome.error.message}`);
    };
  const pooled = createCodeWorkerPool({ idle: 2 });
  const cold = createCodeWorkerPool({ idle: 0 });
  const inWorker =
    (pool: typeof pooled, source: string): Run =>
    async () => {
      const result = await runCodeAction({
        pool,
        source,
        input,
        credentials,
        fetch,
        limits,
        timeoutMs: 10_000,
      });
      if (!result.ok) throw new Error(`worker run failed: ${result.error.message}`);
    };

  const report: string[] = [];
  for (const [action, source] of Object.entries(sources)) {
    const ways: Array<[string, Run]> = [
      ['in-thread (before)', inThread(source)],
      ['pooled worker', inWorker(pooled, source)],
      ['cold worker', inWorker(cold, source)],
    ];
    for (const spaced of [true, false]) {
      const latencies = new Map<string, number[]>(ways.map(([name]) => [name, []]));
      for (const [, run] of ways) await run(); // warm-up
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [name, run] of round % 2 === 0 ? ways : [...ways].reverse()) {
          if (!spaced && name === 'cold worker') continue; // back to back changes nothing for it
          for (let i = 0; i < RUNS; i += 1) {
            if (spaced) await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
            const begin = performance.now();
            await run();
            latencies.get(name)?.push(performance.now() - begin);
          }
        }
      }
      for (const [name, values] of latencies) {
        if (values.length === 0) continue;
        const sorted = values.sort((a, b) => a - b);
        report.push(
          `| ${action} | ${spaced ? `spaced ${SPACING_MS} ms` : 'back to back'} | ${name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 99).toFixed(2)} |`,
        );
      }
    }
  }
  await Promise.all([pooled.close(), cold.close(), policy.close()]);
  child.disconnect();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    [
      `code action benchmark: ${ROUNDS} interleaved rounds of ${RUNS} runs per way; node ${process.version}; ${cpus().length} x ${cpu}`,
      '',
      '| action | runs | way | n | p50 ms | p99 ms |',
      '|---|---|---|---|---|---|',
      ...report,
      '',
    ].join('\n'),
  );
}

await main();
