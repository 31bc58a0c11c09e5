/**
 * The traced process of `bench/turn-instructions.ts`: Toolgate serving the API (embedded agent,
 * one GET action on a loopback HTTPS endpoint in a child process) to the fixed load of
 * `turn-instructions-client.ts`. Under callgrind (`BENCH_CALLGRIND_OUT` set) each phase is dumped
 * (which zeroes the counters) with callgrind_control before and after and its instruction count read from the dump; otherwise the
 * phase's CPU time is reported. Prints one JSON line: per phase, its count and cost. The driver
 * runs it as one esbuild bundle under plain node: through tsx's loader thread, loading the server
 * alone took callgrind over five minutes.
 */
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { testCertificate } from '../packages/core/src/test/test-certificate.js';
import { createApp } from '../packages/server/src/http/create-app.js';
import { createLogger } from '../packages/server/src/server/create-logger.js';
import { createServices } from '../packages/server/src/server/create-services.js';
import { openTestDatabase } from '../packages/server/src/test/engines.js';
import { orderStatusAction } from '../packages/server/src/test/test-app.js';

const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const callgrindOut = process.env.BENCH_CALLGRIND_OUT;
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 30);
const READS = Number(process.env.BENCH_READS ?? 300);
const STARTED_AT = Date.now();
const PHASES = ['warm-up', 'turns', 'list reads', 'single reads'] as const;

/** This script's folder: the driver runs a bundle of it from elsewhere, so it says where. */
const BENCH_DIR = process.env.BENCH_DIR ?? fileURLToPath(new URL('.', import.meta.url));

function child(file: string, env: Record<string, string>) {
  return fork(join(BENCH_DIR, file), {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
}

const pause = new Int32Array(new SharedArrayBuffer(4));
let dumps = 0;
/**
 * Has callgrind dump (and so zero) its counters now and returns the instructions since the last
 * dump. Waits blocked, 1 ms at a time, for the dump file: valgrind takes the command when this
 * thread wakes, and the waiting costs next to nothing (a busy wait cost up to 10^9 instructions).
 */
function dumpInstructions(name: string): number {
  dumps += 1;
  const file = `${callgrindOut}.${dumps}`;
  spawn('callgrind_control', [`--dump=${name}`, String(process.pid)], { stdio: 'ignore' });
  while (!existsSync(file)) Atomics.wait(pause, 0, 0, 1);
  const summary = /^summary: (\d+)/m.exec(readFileSync(file, 'utf8'));
  if (!summary) throw new Error(`${file} has no summary line`);
  return Number(summary[1]);
}

async function main() {
  // From the driver when it runs this: generating it under callgrind took minutes.
  const tls = process.env.BENCH_TLS
    ? (JSON.parse(process.env.BENCH_TLS) as { key: string; cert: string })
    : await testCertificate();
  const endpoint = child('loopback-json-server.ts', { BENCH_TLS: JSON.stringify(tls) });
  if (!endpoint.stdout) throw new Error('the endpoint has no stdout');
  const [line] = (await once(endpoint.stdout, 'data')) as [Buffer];
  const { port } = JSON.parse(String(line).split('\n')[0] ?? '') as { port: number };

  const database = await openTestDatabase(engine);
  const services = createServices({
    db: database.db,
    secretKeys: [Buffer.alloc(32, 1)],
    allowPrivateNetworks: ['127.0.0.1/32'],
    resolve: async () => ['127.0.0.1'],
    ca: tls.cert,
    logger: createLogger({ destination: '/dev/null' }),
    // Under callgrind everything runs ~50 times slower: a clock that moved would expire the 2 s
    // read caches every few dozen requests instead of every few thousand, and the count would
    // depend on the machine's speed. Stopped, the caches stay warm as on a busy server.
    ...(callgrindOut ? { now: () => new Date(STARTED_AT) } : {}),
  });
  await services.tenants.create({ id: 'bench', name: 'Bench' });
  const chatKey = await services.apiKeys.create('bench', { name: 'chat', scopes: ['chat'] }, 'bench');
  const readKey = await services.apiKeys.create(
    'bench',
    { name: 'read', scopes: ['webhooks:read'] },
    'bench',
  );
  const { action } = await services.actions.create(
    'bench',
    orderStatusAction({ url: `https://orders.example.com:${port}/orders`, method: 'GET' }),
    'bench',
  );
  for (let index = 1; index < 10; index += 1)
    await services.actions.create(
      'bench',
      orderStatusAction({ name: `action_${index}`, enabled: false }),
      'bench',
    );
  const { agent } = await services.agents.create('bench', { name: 'Shop' }, 'bench');
  const server = serve({ fetch: createApp(services).fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const client = child('turn-instructions-client.ts', {
    BENCH_INSTRUCTIONS: JSON.stringify({
      base,
      key: chatKey.value,
      readKey: readKey.value,
      agentId: agent.id,
      actionId: action.id,
      conversations: CONVERSATIONS,
      reads: READS,
    }),
  });
  const messages: unknown[] = [];
  let waiting: ((message: unknown) => void) | undefined;
  client.on('message', (message) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(message);
    } else messages.push(message);
  });
  const nextMessage = () =>
    messages.length > 0
      ? Promise.resolve(messages.shift())
      : new Promise<unknown>((resolve) => {
          waiting = resolve;
        });
  if ((await nextMessage()) !== 'ready') throw new Error('the client did not start');

  const results: Record<string, { count: number; instructions?: number; cpuMicros?: number }> = {};
  // The cost of dumping alone (an empty phase), subtracted from each phase.
  let overhead = 0;
  if (callgrindOut) {
    dumpInstructions('setup');
    overhead = dumpInstructions('empty');
  }
  for (const phase of PHASES) {
    if (callgrindOut) dumpInstructions(`before-${phase.replace(' ', '-')}`);
    const cpu = process.cpuUsage();
    client.send('go');
    const { done } = (await nextMessage()) as { done: number };
    const used = process.cpuUsage(cpu);
    results[phase] = callgrindOut
      ? { count: done, instructions: dumpInstructions(phase.replace(' ', '-')) - overhead }
      : { count: done, cpuMicros: used.user + used.system };
  }
  client.send('go');
  await once(client, 'exit');
  process.stdout.write(`${JSON.stringify({ engine, overhead, results })}\n`);
  await new Promise((resolve) => server.close(resolve));
  await services.background.settled();
  await services.executor.close();
  await services.modelTransport.close();
  await database.close();
  endpoint.disconnect();
}

await main();
