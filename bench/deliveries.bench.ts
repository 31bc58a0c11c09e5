/**
 * How many deliveries a second does one instance's durable queue sustain, and how late do they
 * arrive (delivery lag: enqueue to arrival at the receiver, p50/p99)?
 *
 * For each engine (embedded PGlite, then PostgreSQL at TOOLGATE_TEST_POSTGRES_URL): this process
 * runs the product's services and one delivery worker with its default settings; a child process
 * is the receiver (HTTPS on 127.0.0.1, answers 200 at once). Sustained: `webhook_trigger` rows
 * are enqueued one transaction each at BENCH_RATE a second (default 600) for BENCH_SECONDS
 * (default 10), open loop: a queue that falls behind shows as lag. Capacity: BENCH_BACKLOG rows
 * (default 3000) queued with the worker stopped, then drained. Goal on PostgreSQL: >= 500 events/s
 * with p99 lag < 1 s (issue 14).
 * Run: `npm run bench:deliveries` (`BENCH_ENGINES=postgres` for one engine,
 * `BENCH_PROFILE=/tmp/deliveries` for a CPU profile of the sustained phase).
 */
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { testCertificate } from '../packages/core/src/test/test-certificate.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
} from '../packages/server/src/deliveries/delivery-worker.js';
import { enqueue } from '../packages/server/src/deliveries/enqueue.js';
import { createLogger } from '../packages/server/src/server/create-logger.js';
import { createServices } from '../packages/server/src/server/create-services.js';
import { openTestDatabase, postgresAvailable } from '../packages/server/src/test/engines.js';
import { benchHandlers, webhookTriggerRow } from './delivery-bench-handlers.js';

const RATE = Number(process.env.BENCH_RATE ?? 600);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 3000);
const WARMUP = 300;
/** Whatever is not delivered by then is reported as missing, so a run always ends. */
const DRAIN_LIMIT_MS = 60_000;
const TICK_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** `BENCH_PROFILE=/tmp/x`: a CPU profile of this process during the sustained phase. */
async function startProfiler() {
  const { Session } = await import('node:inspector');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return async (file: string) => {
    const result = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(result.profile));
    process.stderr.write(`CPU profile of the sustained phase: ${file}\n`);
  };
}

function startReceiver(tls: { key: string; cert: string }) {
  const child = fork(fileURLToPath(new URL('./delivery-receiver.ts', import.meta.url)), {
    env: { ...process.env, BENCH_TLS: JSON.stringify(tls) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const arrived = new Map<string, number>();
  const port = new Promise<number>((resolve) => {
    child.stdout?.once('data', (chunk) => resolve((JSON.parse(String(chunk)) as { port: number }).port));
  });
  child.on('message', (message) => {
    for (const [id, at] of (message as { arrivals: Array<[string, number]> }).arrivals) arrived.set(id, at);
  });
  return {
    port,
    arrived,
    /** Polls the child until every id arrived or the limit passed; returns the ids still missing. */
    async waitFor(ids: Iterable<string>, limitMs: number): Promise<string[]> {
      const wanted = [...ids];
      const end = Date.now() + limitMs;
      for (;;) {
        child.send('arrivals?');
        await sleep(100);
        const missing = wanted.filter((id) => !arrived.has(id));
        if (missing.length === 0 || Date.now() > end) return missing;
      }
    },
    close: () => child.disconnect(),
  };
}

async function benchEngine(engine: 'pglite' | 'postgres', tls: { key: string; cert: string }) {
  const receiver = startReceiver(tls);
  const url = `https://127.0.0.1:${await receiver.port}/hook`;
  const database = await openTestDatabase(engine);
  const logger = createLogger({ destination: '/dev/null' });
  const services = createServices({
    db: database.db,
    secretKeys: [Buffer.alloc(32, 1)],
    allowPrivateNetworks: ['127.0.0.1/32'],
    resolve: async () => ['127.0.0.1'],
    ca: tls.cert,
    logger,
  });
  await services.tenants.create({ id: 'bench', name: 'Bench' });
  const { agent } = await services.agents.create(
    'bench',
    { name: 'Bench agent', webhookTrigger: { url } },
    'bench',
  );
  const handlers = benchHandlers(services);
  const worker = (): DeliveryWorker => createDeliveryWorker({ db: database.db, engine, handlers, logger });
  let sequence = 0;
  const enqueuedAt = new Map<string, number>();
  const enqueueOne = async () => {
    sequence += 1;
    const at = Date.now();
    const number = sequence;
    const id = await enqueue(
      database.db,
      webhookTriggerRow({ tenantId: 'bench', agentId: agent.id, sequence: number }),
    );
    enqueuedAt.set(id, at);
    return id;
  };

  let running = worker();
  running.start();
  const warm = await Promise.all(Array.from({ length: WARMUP }, enqueueOne));
  await receiver.waitFor(warm, DRAIN_LIMIT_MS);

  // Sustained: open loop at RATE, one insert per event, as turns would write them; inserts are
  // not awaited tick by tick, so a slow insert delays no later one.
  const stopProfile = process.env.BENCH_PROFILE ? await startProfiler() : undefined;
  const inserts: Array<Promise<string>> = [];
  const began = Date.now();
  const cpuBefore = process.cpuUsage();
  let late = 0;
  for (let tick = 0; tick < (SECONDS * 1000) / TICK_MS; tick += 1) {
    const due = Math.round(((tick + 1) * TICK_MS * RATE) / 1000) - inserts.length;
    for (let index = 0; index < due; index += 1) inserts.push(enqueueOne());
    const wait = began + (tick + 1) * TICK_MS - Date.now();
    if (wait > 0) await sleep(wait);
    else late += 1;
  }
  const sustained = await Promise.all(inserts);
  const offeredFor = (Date.now() - began) / 1000;
  const missing = await receiver.waitFor(sustained, DRAIN_LIMIT_MS);
  const cpu = process.cpuUsage(cpuBefore);
  await stopProfile?.(`${process.env.BENCH_PROFILE}-${engine}.cpuprofile`);
  const lags = sustained
    .filter((id) => receiver.arrived.has(id))
    .map((id) => (receiver.arrived.get(id) as number) - (enqueuedAt.get(id) as number))
    .sort((a, b) => a - b);
  const last = Math.max(...sustained.map((id) => receiver.arrived.get(id) ?? 0));
  const sustainedRate = (sustained.length - missing.length) / ((last - began) / 1000);

  // Capacity: a backlog queued with the worker stopped, then drained by a fresh worker.
  await running.stop();
  const backlog: string[] = [];
  for (let index = 0; index < BACKLOG; index += 50)
    backlog.push(...(await Promise.all(Array.from({ length: Math.min(50, BACKLOG - index) }, enqueueOne))));
  const drainStart = Date.now();
  running = worker();
  running.start();
  const backlogMissing = await receiver.waitFor(backlog, DRAIN_LIMIT_MS);
  const drainLast = Math.max(...backlog.map((id) => receiver.arrived.get(id) ?? 0));
  const capacity = (backlog.length - backlogMissing.length) / ((drainLast - drainStart) / 1000);

  await running.stop();
  await services.background.settled();
  await services.executor.close();
  await services.modelTransport.close();
  await database.close();
  receiver.close();
  const row = [
    engine,
    `${RATE} for ${offeredFor.toFixed(1)} s${late > 0 ? ` (${late} ticks late)` : ''}`,
    sustainedRate.toFixed(0),
    percentile(lags, 50).toFixed(0),
    percentile(lags, 99).toFixed(0),
    (lags.at(-1) ?? Number.NaN).toFixed(0),
    String(missing.length),
    capacity.toFixed(0),
    ((cpu.user + cpu.system) / 1000 / sustained.length).toFixed(2),
  ];
  return `| ${row.join(' | ')} |`;
}

async function main() {
  const tls = await testCertificate();
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const rows: string[] = [];
  if (engines.includes('pglite')) rows.push(await benchEngine('pglite', tls));
  if (!engines.includes('postgres')) {
    // Left out on request.
  } else if (await postgresAvailable()) rows.push(await benchEngine('postgres', tls));
  else rows.push('| postgres | (not reachable: skipped) | | | | | | | |');
  process.stdout.write(
    [
      `Deliveries benchmark: one worker (default settings) in this process, receiver in a child process answering 200 at once; node ${process.version}; ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
      '',
      '| engine | offered events/s | delivered events/s | lag p50 ms | lag p99 ms | lag max ms | not delivered | backlog drain events/s | this process CPU ms per event |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
