/**
 * How fast does the actions API answer reads, next to a bare Hono route on the same server that
 * returns the same JSON from memory?
 *
 * For each engine (embedded PGlite, then PostgreSQL at TOOLGATE_TEST_POSTGRES_URL), one server
 * process (this one) serves both; autocannon runs in a child process with 50 connections, in
 * interleaved rounds. Run: `npm run bench:api`.
 */
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../packages/server/src/http/create-app.js';
import { createLogger } from '../packages/server/src/server/create-logger.js';
import { createServices } from '../packages/server/src/server/create-services.js';
import { openTestDatabase, postgresAvailable } from '../packages/server/src/test/engines.js';
import { orderStatusAction } from '../packages/server/src/test/test-app.js';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

interface Load {
  rps: number;
  p99: number;
}

async function autocannon(url: string, key: string): Promise<Load> {
  const { stdout } = await run(
    'npx',
    [
      'autocannon',
      '-c',
      String(CONNECTIONS),
      '-d',
      String(SECONDS),
      '-j',
      '-H',
      `authorization=Bearer ${key}`,
      url,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function benchEngine(engine: 'pglite' | 'postgres'): Promise<string[]> {
  const database = await openTestDatabase(engine);
  const services = createServices({
    db: database.db,
    secretKeys: [Buffer.alloc(32, 1)],
    resolve: async () => ['93.184.216.34'],
    // Production logs a line per API request: pay for it here too (to /dev/null).
    logger: createLogger({ destination: '/dev/null' }),
  });
  await services.tenants.create({ id: 'bench', name: 'Bench' });
  const { value: key } = await services.apiKeys.create(
    'bench',
    { name: 'bench', scopes: ['webhooks:read'] },
    'bench',
  );
  let firstId = '';
  for (let index = 0; index < 10; index += 1) {
    const { action } = await services.actions.create(
      'bench',
      orderStatusAction({ name: `action_${index}` }),
      'bench',
    );
    firstId ||= action.id;
  }
  // The baseline: the very same JSON, computed once, served by a bare route of the same server.
  // The bare routes come first, in a root app that mounts Toolgate's: added to Toolgate's app after
  // `createApp`, they would be answered by the admin app's catch-all (the page shell, read from disk).
  const listJson = JSON.stringify({ actions: await services.actions.list('bench') });
  const oneJson = JSON.stringify(await services.actions.get('bench', firstId));
  const app = new Hono();
  app.get('/bare/actions', (c) => c.body(listJson, 200, { 'content-type': 'application/json' }));
  app.get('/bare/actions/:id', (c) => c.body(oneJson, 200, { 'content-type': 'application/json' }));
  app.route('/', createApp(services));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const rows: string[] = [];
  for (const [label, api, bare] of [
    ['GET /api/v1/actions', '/api/v1/actions', '/bare/actions'],
    ['GET /api/v1/actions/{id}', `/api/v1/actions/${firstId}`, `/bare/actions/${firstId}`],
  ] as const) {
    // Both must answer the same bytes, or the comparison means nothing.
    const headers = { authorization: `Bearer ${key}` };
    const [apiText, bareText] = await Promise.all(
      [api, bare].map(async (path) => (await fetch(base + path, { headers })).text()),
    );
    if (apiText !== bareText) throw new Error(`${bare} does not answer what ${api} does`);
    await autocannon(base + api, key); // warm-up
    const totals = { api: [] as Load[], bare: [] as Load[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['bare', 'api'] as const) : (['api', 'bare'] as const);
      for (const which of order)
        totals[which].push(await autocannon(base + (which === 'api' ? api : bare), key));
    }
    const mean = (loads: Load[], field: keyof Load) =>
      loads.reduce((sum, load) => sum + load[field], 0) / loads.length;
    const apiRps = mean(totals.api, 'rps');
    const bareRps = mean(totals.bare, 'rps');
    rows.push(
      `| ${engine} | ${label} | ${bareRps.toFixed(0)} | ${apiRps.toFixed(0)} | ${(apiRps / bareRps).toFixed(2)} | ${mean(totals.bare, 'p99').toFixed(1)} | ${mean(totals.api, 'p99').toFixed(1)} |`,
    );
  }
  await new Promise((resolve) => server.close(resolve));
  await services.executor.close();
  await database.close();
  return rows;
}

async function main() {
  const rows = await benchEngine('pglite');
  if (await postgresAvailable()) rows.push(...(await benchEngine('postgres')));
  else rows.push('| postgres | (not reachable: skipped) | | | | | |');
  process.stdout.write(
    [
      `API read benchmark: ${ROUNDS} interleaved rounds of ${SECONDS} s, autocannon -c ${CONNECTIONS} in a child process; node ${process.version}; ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
      '',
      '| engine | endpoint | bare route req/s | API req/s | ratio | bare p99 ms | API p99 ms |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
