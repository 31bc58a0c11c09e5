/**
 * The load of `bench:chat`, in its own process so that Toolgate's process does only Toolgate's
 * work: scripted 3-turn conversations over HTTP, and the baseline (the same endpoint called
 * directly). Prints one JSON line of latencies.
 */
import { Agent, request } from 'undici';

interface Settings {
  base: string;
  key: string;
  agentId: string;
  endpoint: string;
  ca: string;
  conversations: number;
  thinkMs: number;
}
const settings = JSON.parse(process.env.BENCH_CHAT ?? '{}') as Settings;
const toolgate = new Agent({ connections: settings.conversations, keepAliveTimeout: 60_000 });
const direct = new Agent({ connect: { ca: settings.ca }, keepAliveTimeout: 60_000 });
const headers = { authorization: `Bearer ${settings.key}`, 'content-type': 'application/json' };

/** The dialogue: ask, give the order number (the call), thank. */
const SCRIPT = ['Hi, where is my order?', 'It is ORD-12345', 'Thanks, that is all'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await request(`${settings.base}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    dispatcher: toolgate,
  });
  const parsed = (await response.body.json()) as Record<string, unknown>;
  if (response.statusCode >= 300)
    throw new Error(`${path}: ${response.statusCode} ${JSON.stringify(parsed)}`);
  return parsed;
}

/** One conversation; returns each turn's latency in ms and whether it called the endpoint. */
async function converse(thinkMs: number): Promise<Array<{ ms: number; called: boolean }>> {
  const { id } = (await post('/api/v1/conversations', { agentId: settings.agentId })) as { id: string };
  const turns: Array<{ ms: number; called: boolean }> = [];
  for (const text of SCRIPT) {
    if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
    const started = performance.now();
    const reply = (await post(`/api/v1/conversations/${id}/messages`, { text })) as {
      events: Array<{ type: string }>;
    };
    const ms = performance.now() - started;
    const called = reply.events.some((event) => event.type === 'action-completed');
    if (text.startsWith('It is') && !called)
      throw new Error(`the order turn made no call: ${JSON.stringify(reply)}`);
    turns.push({ ms, called });
  }
  return turns;
}

async function baselineCall(): Promise<number> {
  const started = performance.now();
  const response = await request(settings.endpoint, { method: 'GET', dispatcher: direct });
  await response.body.text();
  return performance.now() - started;
}

async function main() {
  const n = settings.conversations;
  // Warm-up: one full round without think time, so the JIT has settled before anything is measured.
  await Promise.all(Array.from({ length: n }, () => converse(0)));
  process.send?.('paced-start');
  const clientCpu = process.cpuUsage();
  const pacedStarted = performance.now();
  const paced = (await Promise.all(Array.from({ length: n }, () => converse(settings.thinkMs)))).flat();
  const used = process.cpuUsage(clientCpu);
  const pacedSeconds = (performance.now() - pacedStarted) / 1000;
  process.send?.('paced-end');
  process.stderr.write(
    `paced phase: ${pacedSeconds.toFixed(1)} s, ${(paced.length / pacedSeconds).toFixed(0)} turns/s offered; client CPU ${((used.user + used.system) / 1000).toFixed(0)} ms\n`,
  );
  const started = performance.now();
  const burst = (await Promise.all(Array.from({ length: n }, () => converse(0)))).flat();
  const burstSeconds = (performance.now() - started) / 1000;
  const baseline: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let turn = 0; turn < 3; turn += 1) {
        await sleep(settings.thinkMs * (0.5 + Math.random()));
        baseline.push(await baselineCall());
      }
    }),
  );
  process.stdout.write(`${JSON.stringify({ paced, burst, burstSeconds, baseline })}\n`);
  await toolgate.close();
  await direct.close();
}

await main();
