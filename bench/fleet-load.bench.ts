/**
 * How does a fleet carry many conversations at once, and what does one instance give against
 * three on the same machine?
 *
 * For 1 and then 3 instances (real `toolgate start` processes on one new PostgreSQL database,
 * loopback ports): BENCH_CONVERSATIONS (default 1,000) conversations at once with the embedded
 * agent, each BENCH_TURNS turns (default 2: ask for an order, which calls the shop's endpoint
 * answering after 50 ms; then thank), round-robined over the instances. Reported: errors, turns
 * per second, p50/p99 of a turn, p50/p99 of Toolgate's own share (a turn minus the endpoint's
 * time in it), and instance CPU ms per turn (from /proc; PostgreSQL's CPU is not included).
 * Bounded: a run gives up after BENCH_LIMIT_S (default 240) seconds. Loopback only.
 * Run: `npm run bench:fleet` (needs PostgreSQL at TOOLGATE_TEST_POSTGRES_URL).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Agent, request } from 'undici';
import { postgresAvailable } from '../packages/server/src/test/engines.js';
import { type Fleet, shopOrderAction, startFleet } from '../packages/server/src/test/fleet/fleet-harness.js';
import { bundleCliFromSource } from '../packages/server/src/test/spawn-toolgate.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const TURNS = Number(process.env.BENCH_TURNS ?? 2);
const LIMIT_MS = Number(process.env.BENCH_LIMIT_S ?? 240) * 1000;
const ENDPOINT_MS = 50;
/** Linux clock ticks per second (USER_HZ) for /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** User + system CPU of a process so far, ms. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function setUp(fleet: Fleet): Promise<string> {
  const action = await fleet.call(0, 'POST', '/api/v1/actions', { body: shopOrderAction(fleet) });
  if (action.status !== 201) throw new Error(`creating the action: ${action.status}`);
  const agent = await fleet.call(0, 'POST', '/api/v1/agents', {
    body: { name: 'Load assistant', limits: { maxCallsPerConversation: 100 } },
  });
  if (agent.status !== 201) throw new Error(`creating the agent: ${agent.status}`);
  return (agent.body as { agent: { id: string } }).agent.id;
}

async function run(count: number) {
  const cli = await bundleCliFromSource();
  const fleet = await startFleet({ entry: cli.entry, count, shopDelayMs: ENDPOINT_MS });
  const dispatcher = new Agent({ connections: 2_000, keepAliveTimeout: 30_000 });
  try {
    const agentId = await setUp(fleet);
    const post = async (instance: number, path: string, body: unknown) => {
      const response = await request(`${fleet.instances[instance]?.url}${path}`, {
        method: 'POST',
        dispatcher,
        headers: { authorization: `Bearer ${fleet.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.body.text();
      if (response.statusCode >= 300)
        throw new Error(`${path}: ${response.statusCode} ${text.slice(0, 200)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const turns: number[] = [];
    const own: number[] = [];
    const errors: string[] = [];
    const pids = fleet.instances.map((instance) => instance.pid);
    const cpuBefore = pids.map(cpuMsOf);
    const deadline = Date.now() + LIMIT_MS;
    const began = performance.now();
    const shopBefore = fleet.shop.requests.length;
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, index) => {
        try {
          const { id } = (await post(index % count, '/api/v1/conversations', { agentId })) as { id: string };
          for (let turn = 0; turn < TURNS && Date.now() < deadline; turn += 1) {
            const on = (index + turn) % count;
            const calls = turn === 0 ? 1 : 0;
            const text = turn === 0 ? `Where is my order ORD-${1000 + index}?` : 'Thank you!';
            const start = performance.now();
            const answer = await post(on, `/api/v1/conversations/${id}/messages`, { text });
            const ms = performance.now() - start;
            if (turn === 0 && !/shipped/i.test(String(answer.reply)))
              errors.push(`conversation ${index}: the order was not looked up: ${String(answer.reply)}`);
            turns.push(ms);
            own.push(ms - calls * ENDPOINT_MS);
          }
        } catch (error) {
          errors.push((error as Error).message);
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    const cpuMs = pids.map(cpuMsOf).reduce((sum, ms, index) => sum + ms - (cpuBefore[index] ?? 0), 0);
    return {
      instances: count,
      turns: turns.length,
      errors,
      turnsPerSecond: turns.length / seconds,
      seconds,
      turnP50: percentile(turns, 50),
      turnP99: percentile(turns, 99),
      ownP50: percentile(own, 50),
      ownP99: percentile(own, 99),
      cpuMsPerTurn: cpuMs / Math.max(1, turns.length),
      endpointCalls: fleet.shop.requests.length - shopBefore,
    };
  } finally {
    await dispatcher.close();
    await fleet.close();
    await cli.remove();
  }
}

async function main() {
  if (!(await postgresAvailable())) {
    process.stdout.write('PostgreSQL is not reachable: the fleet load benchmark needs it.\n');
    return;
  }
  const rows = [];
  for (const count of [1, 3]) rows.push(await run(count));
  const one = rows[0];
  const three = rows[1];
  process.stdout.write(
    [
      `Fleet load: ${CONVERSATIONS} conversations at once x ${TURNS} turns, embedded agent, endpoint answering after ${ENDPOINT_MS} ms; node ${process.version}; ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
      '',
      '| instances | turns | errors | seconds | turns/s | turn p50 ms | turn p99 ms | own share p50 ms | own share p99 ms | instance CPU ms/turn | endpoint calls |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (row) =>
          `| ${row.instances} | ${row.turns} | ${row.errors.length} | ${row.seconds.toFixed(1)} | ${row.turnsPerSecond.toFixed(0)} | ${row.turnP50.toFixed(0)} | ${row.turnP99.toFixed(0)} | ${row.ownP50.toFixed(0)} | ${row.ownP99.toFixed(0)} | ${row.cpuMsPerTurn.toFixed(2)} | ${row.endpointCalls} |`,
      ),
      '',
      one && three
        ? `Capacity ratio, 3 instances / 1: ${(three.turnsPerSecond / one.turnsPerSecond).toFixed(2)}x`
        : '',
      ...rows.flatMap((row) => row.errors.slice(0, 5).map((error) => `error (${row.instances}): ${error}`)),
      '',
    ].join('\n'),
  );
}

await main();
