/**
 * How much time does Toolgate add to a conversation turn, and how much memory do idle
 * conversations cost?
 *
 * For each engine (embedded PGlite, then PostgreSQL at TOOLGATE_TEST_POSTGRES_URL): this process
 * serves the API with an embedded agent; one child process is the shop's endpoint (HTTPS on
 * 127.0.0.1, answers after 20 ms), another runs 200 concurrent scripted 3-turn conversations
 * (ask, give the order number: the call, thank) with a think time between turns, then the same
 * with no think time (capacity), then the baseline: the endpoint called directly at the same pace.
 * Memory: heap after a GC, before and after 1000 conversations left idle after one turn each.
 * Run: `npm run bench:chat` (`BENCH_ENGINES=postgres` for one engine).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { testCertificate } from '../packages/core/src/test/test-certificate.js';
import { createApp } from '../packages/server/src/http/create-app.js';
import { createLogger } from '../packages/server/src/server/create-logger.js';
import { createServices } from '../packages/server/src/server/create-services.js';
import { openTestDatabase, postgresAvailable } from '../packages/server/src/test/engines.js';
import { orderStatusAction } from '../packages/server/src/test/test-app.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 500);
const ENDPOINT_MS = 20;
const IDLE_CONVERSATIONS = 1000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function child(file: string, env: Record<string, string>) {
  const process_ = fork(fileURLToPath(new URL(file, import.meta.url)), {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  if (!process_.stdout) throw new Error(`${file} has no stdout`);
  return { process: process_, stdout: process_.stdout };
}

/** `BENCH_PROFILE=/tmp/chat`: a CPU profile of this process during the paced phase only. */
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
  return {
    start: () => void post('Profiler.start'),
    stop: (file: string) =>
      void post('Profiler.stop').then((result) => {
        writeFileSync(file, JSON.stringify((result as { profile: unknown }).profile));
        process.stderr.write(`CPU profile of the paced phase: ${file}\n`);
      }),
  };
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}

async function benchEngine(engine: 'pglite' | 'postgres', tls: { key: string; cert: string }) {
  const endpoint = child('./loopback-json-server.ts', {
    BENCH_TLS: JSON.stringify(tls),
    BENCH_DELAY_MS: String(ENDPOINT_MS),
  });
  const { port } = JSON.parse(await firstLine(endpoint.stdout)) as { port: number };

  const database = await openTestDatabase(engine);
  const services = createServices({
    db: database.db,
    secretKeys: [Buffer.alloc(32, 1)],
    allowPrivateNetworks: ['127.0.0.1/32'],
    resolve: async () => ['127.0.0.1'],
    ca: tls.cert,
    logger: createLogger({ destination: '/dev/null' }),
  });
  await services.tenants.create({ id: 'bench', name: 'Bench' });
  const { value: key } = await services.apiKeys.create('bench', { name: 'bench', scopes: ['chat'] }, 'bench');
  await services.actions.create(
    'bench',
    orderStatusAction({ url: `https://orders.example.com:${port}/orders`, method: 'GET' }),
    'bench',
  );
  const { agent } = await services.agents.create('bench', { name: 'Shop' }, 'bench');
  const server = serve({ fetch: createApp(services).fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const client = child('./chat-client.ts', {
    BENCH_CHAT: JSON.stringify({
      base,
      key,
      agentId: agent.id,
      endpoint: `https://127.0.0.1:${port}/orders`,
      ca: tls.cert,
      conversations: CONVERSATIONS,
      thinkMs: THINK_MS,
    }),
  });
  // Toolgate's own CPU during the paced phase: what a turn costs this process, queueing aside.
  let cpuAtStart = process.cpuUsage();
  let pacedCpuMs = 0;
  const profiler = process.env.BENCH_PROFILE ? await startProfiler() : undefined;
  client.process.on('message', (message) => {
    if (message === 'paced-start') {
      cpuAtStart = process.cpuUsage();
      profiler?.start();
    }
    if (message === 'paced-end') {
      profiler?.stop(`${process.env.BENCH_PROFILE}-${engine}.cpuprofile`);
      const used = process.cpuUsage(cpuAtStart);
      pacedCpuMs = (used.user + used.system) / 1000;
      process.stderr.write(
        `paced phase: user ${(used.user / 1000).toFixed(0)} ms, system ${(used.system / 1000).toFixed(0)} ms\n`,
      );
    }
  });
  const result = JSON.parse(await firstLine(client.stdout)) as {
    paced: Array<{ ms: number; called: boolean }>;
    burst: Array<{ ms: number; called: boolean }>;
    burstSeconds: number;
    baseline: number[];
  };
  await once(client.process, 'exit');

  // Memory: conversations left idle after one turn each must live in the database, not here.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const idle: string[] = [];
  for (let index = 0; index < IDLE_CONVERSATIONS; index += 1) {
    const conversation = await services.conversationService.start('bench', { agentId: agent.id });
    await services.conversationService.reply('bench', conversation.id, 'Hi, where is my order?');
    idle.push(conversation.id);
  }
  gc();
  const heapAfter = process.memoryUsage().heapUsed;

  const share = result.paced.map((turn) => turn.ms - (turn.called ? ENDPOINT_MS : 0));
  const calling = result.paced.filter((turn) => turn.called).map((turn) => turn.ms);
  const row = [
    engine,
    (result.burst.length / result.burstSeconds).toFixed(0),
    percentile(share, 50).toFixed(2),
    percentile(share, 99).toFixed(2),
    percentile(calling, 50).toFixed(2),
    percentile(result.baseline, 50).toFixed(2),
    (pacedCpuMs / result.paced.length).toFixed(2),
    ((heapAfter - heapBefore) / 1024 / 1024 / (idle.length / 1000)).toFixed(2),
  ];
  await new Promise((resolve) => server.close(resolve));
  await services.background.settled();
  await services.executor.close();
  await services.modelTransport.close();
  await database.close();
  endpoint.process.disconnect();
  return `| ${row.join(' | ')} |`;
}

async function main() {
  if (!(globalThis as { gc?: unknown }).gc)
    throw new Error('run with node --expose-gc (npm run bench:chat does)');
  const tls = await testCertificate();
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const rows: string[] = [];
  if (engines.includes('pglite')) rows.push(await benchEngine('pglite', tls));
  if (!engines.includes('postgres')) {
    // Left out on request.
  } else if (await postgresAvailable()) rows.push(await benchEngine('postgres', tls));
  else rows.push('| postgres | (not reachable: skipped) | | | | | | |');
  process.stdout.write(
    [
      `Chat benchmark: ${CONVERSATIONS} concurrent 3-turn conversations with the embedded agent, think time ${THINK_MS} ms ±50%, endpoint ${ENDPOINT_MS} ms; client and endpoint in child processes; node ${process.version}; ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
      '',
      '| engine | capacity turns/s (no think time) | own share p50 ms | own share p99 ms | calling turn p50 ms | endpoint alone p50 ms | Toolgate CPU ms per turn | heap MB per 1000 idle conversations |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
