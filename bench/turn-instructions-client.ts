/**
 * The fixed load of `bench/turn-instructions.ts`, in its own (untraced) process: on each `go`
 * from the server, one phase run one request at a time, then `done`. Phases: warm-up, turns
 * (scripted 3-turn conversations), list reads, single reads.
 */
import { Agent, request } from 'undici';

interface Settings {
  base: string;
  key: string;
  readKey: string;
  agentId: string;
  actionId: string;
  conversations: number;
  reads: number;
}
const settings = JSON.parse(process.env.BENCH_INSTRUCTIONS ?? '{}') as Settings;
const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 600_000 });
const SCRIPT = ['Hi, where is my order?', 'It is ORD-12345', 'Thanks, that is all'];

async function send(method: 'GET' | 'POST', path: string, key: string, body?: unknown) {
  const response = await request(`${settings.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    dispatcher,
  });
  const parsed = (await response.body.json()) as Record<string, unknown>;
  if (response.statusCode >= 300)
    throw new Error(`${method} ${path}: ${response.statusCode} ${JSON.stringify(parsed)}`);
  return parsed;
}

async function conversations(count: number): Promise<number> {
  for (let index = 0; index < count; index += 1) {
    const { id } = (await send('POST', '/api/v1/conversations', settings.key, {
      agentId: settings.agentId,
    })) as { id: string };
    for (const text of SCRIPT) {
      const reply = (await send('POST', `/api/v1/conversations/${id}/messages`, settings.key, {
        text,
      })) as { events: Array<{ type: string }> };
      if (text.startsWith('It is') && !reply.events.some((event) => event.type === 'action-completed'))
        throw new Error(`the order turn made no call: ${JSON.stringify(reply)}`);
    }
  }
  return count * SCRIPT.length;
}

async function reads(path: string, count: number): Promise<number> {
  for (let index = 0; index < count; index += 1) await send('GET', path, settings.readKey);
  return count;
}

const phases: Array<() => Promise<number>> = [
  async () =>
    (await conversations(settings.conversations)) + (await reads('/api/v1/actions', settings.reads)),
  () => conversations(settings.conversations),
  () => reads('/api/v1/actions', settings.reads),
  () => reads(`/api/v1/actions/${settings.actionId}`, settings.reads),
];
let next = 0;
process.on('message', (message) => {
  if (message !== 'go') return;
  const phase = phases[next];
  next += 1;
  if (!phase) {
    void dispatcher.close().then(() => process.disconnect());
    return;
  }
  phase().then(
    (count) => process.send?.({ done: count }),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
});
process.send?.('ready');
