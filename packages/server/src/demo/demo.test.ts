import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.js';
import { startServer } from '../server/start-server.js';
import { httpJson } from '../test/http-client.js';
import { DEMO_FILE, readDemoFiles } from './demo-files.js';
import { DEMO_AGENT_NAME } from './seed-demo.js';

const logger = pino({ name: 'demo-test' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-demo-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** A real start, as `npm start` does it: no allowlist, no test CA, the system resolver. */
async function start(env: Record<string, string> = {}, dir = dataDir) {
  const printed: string[] = [];
  const config = { ...parseConfig(env, { data: dir }), port: 0 };
  const server = await startServer(config, (text) => printed.push(text), { logger });
  return { server, printed: printed.join('') };
}

async function chat(base: string, key: string, texts: string[]) {
  const headers = { authorization: `Bearer ${key}` };
  const agents = (await httpJson(`${base}/api/v1/agents`, { headers })).body as {
    agents: Array<{ id: string; name: string }>;
  };
  const agent = agents.agents.find((candidate) => candidate.name === DEMO_AGENT_NAME);
  const started = await httpJson(`${base}/api/v1/conversations`, {
    method: 'POST',
    headers,
    body: { agentId: agent?.id },
  });
  const conversation = started.body as { id: string; greeting?: string };
  const replies: string[] = [];
  for (const text of texts) {
    const turn = await httpJson(`${base}/api/v1/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers,
      body: { text },
    });
    replies.push((turn.body as { reply: string }).reply);
  }
  return { greeting: conversation.greeting, replies };
}

describe('the demo', () => {
  it('a fresh start seeds an agent whose order lookups work with no setup and no exemption but its own', async () => {
    const { server, printed } = await start();
    try {
      expect(printed).toContain(`Demo: the agent "${DEMO_AGENT_NAME}"`);
      const key = /API key \(all scopes\):\s+(tg_\S+)/.exec(printed)?.[1] as string;
      const { greeting, replies } = await chat(server.url, key, ['Where is my order?', 'ORD-12345']);
      expect(greeting).toMatch(/demo shop assistant/i);
      expect(replies[0]).toMatch(/order number/i);
      expect(replies[1]).toMatch(/shipped/i);
      expect((await stat(join(dataDir, DEMO_FILE))).mode & 0o777).toBe(0o600);
      // The exemption is the demo endpoint's port only: the server's own port stays refused.
      const ownPort = new URL(server.url).port;
      const probe = await httpJson(`${server.url}/api/v1/actions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: {
          name: 'probe',
          description: 'Probe the server itself.',
          url: `https://127.0.0.1:${ownPort}/api/v1/actions`,
        },
      });
      expect(probe.status).toBe(422);
      expect(JSON.stringify(probe.body)).toMatch(/loopback/);
    } finally {
      await server.close();
    }
  });

  it('keeps working on the next start, moving to another port if its own is taken', async () => {
    const files = await readDemoFiles(dataDir);
    const blocker = createServer().listen(files?.port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { server, printed } = await start({ TOOLGATE_ADMIN_KEY: 'tg_demo_test_admin_key_0123456789' });
    try {
      expect(printed).not.toContain('Demo:');
      expect((await readDemoFiles(dataDir))?.port).not.toBe(files?.port);
      const { replies } = await chat(server.url, 'tg_demo_test_admin_key_0123456789', [
        'Where is order ORD-10001?',
      ]);
      expect(replies[0]).toMatch(/processing/i);
    } finally {
      await server.close();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('TOOLGATE_DEMO=off seeds nothing', async () => {
    const other = await mkdtemp(join(tmpdir(), 'toolgate-nodemo-'));
    try {
      const { server, printed } = await start({ TOOLGATE_DEMO: 'off' }, other);
      await server.close();
      expect(printed).not.toContain('Demo:');
      expect(await readDemoFiles(other)).toBeUndefined();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
