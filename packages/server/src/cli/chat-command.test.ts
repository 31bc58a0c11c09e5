import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, startConversationFixture } from '../test/conversation-fixture.js';
import { runCli } from './main.js';
import { testIo } from './test-io.js';

let f: ConversationFixture;
let server: ReturnType<typeof serve>;
let url: string;
beforeAll(async () => {
  f = await startConversationFixture();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: f.t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await f.close();
});

describe('toolgate chat', () => {
  it('holds a conversation from standard input, showing action events as they happen', async () => {
    const io = testIo('Where is my order?\n\nORD-12345\n');
    const code = await runCli(
      [
        'chat',
        '--agent',
        'Shop assistant',
        '--url',
        url,
        '--key',
        f.t.tenantA.adminKey,
        '--contact',
        'cli-user',
      ],
      io,
    );
    expect(io.err()).toMatch(/^conversation cnv_\w+ with Shop assistant/);
    expect(code).toBe(0);
    const lines = io.out().trim().split('\n');
    expect(lines[0]).toMatch(/^agent: .*order number/i);
    expect(lines.slice(1)).toEqual([
      '  → check_order_status {"order_number":"ORD-12345"}',
      'agent: Let me look that up.',
      '  ✓ check_order_status',
      expect.stringMatching(/^agent: .*shipped/i),
    ]);
    const conversations = await f.t.services.conversations.list(f.t.tenantA.id, { contactId: 'cli-user' });
    expect(conversations.conversations[0]?.messageCount).toBe(8);
  });

  it('takes the key from TOOLGATE_API_KEY and says what is wrong with a bad agent or key', async () => {
    const unknownAgent = testIo('hello\n');
    expect(
      await runCli(['chat', '--agent', 'Nobody', '--url', url, '--key', f.t.tenantA.adminKey], unknownAgent),
    ).toBe(1);
    expect(unknownAgent.err()).toContain('/agentId is not an agent of this tenant');

    const badKey = testIo('hello\n');
    expect(
      await runCli(['chat', '--agent', 'Shop assistant', '--url', url, '--key', 'tg_wrong'], badKey),
    ).toBe(1);
    expect(badKey.err()).toMatch(/401/);

    const noKey = testIo('hello\n');
    const saved = process.env.TOOLGATE_API_KEY;
    delete process.env.TOOLGATE_API_KEY;
    try {
      expect(await runCli(['chat', '--agent', 'Shop assistant', '--url', url], noKey)).toBe(2);
      process.env.TOOLGATE_API_KEY = f.t.tenantA.adminKey;
      const fromEnv = testIo('hello\n');
      expect(await runCli(['chat', '--agent', 'Shop assistant', '--url', url], fromEnv)).toBe(0);
      expect(fromEnv.out()).toMatch(/^agent: /);
      delete process.env.TOOLGATE_API_KEY;
    } finally {
      if (saved !== undefined) process.env.TOOLGATE_API_KEY = saved;
    }
    expect(noKey.err()).toContain('TOOLGATE_API_KEY');
  });

  it("starts with the agent's greeting", async () => {
    await f.t.services.agents.create(f.t.tenantA.id, { name: 'Greeter', greeting: 'Hello there!' }, 'test');
    const io = testIo('');
    expect(
      await runCli(['chat', '--agent', 'Greeter', '--url', url, '--key', f.t.tenantA.adminKey], io),
    ).toBe(0);
    expect(io.out()).toBe('agent: Hello there!\n');
  });

  it('names the server it cannot reach', async () => {
    const closed = serve({ fetch: f.t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => closed.once('listening', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const io = testIo('hello\n');
    const code = await runCli(
      ['chat', '--agent', 'x', '--url', `http://127.0.0.1:${port}`, '--key', 'tg_x'],
      io,
    );
    expect(code).toBe(1);
    expect(io.err()).toContain(`cannot reach Toolgate at http://127.0.0.1:${port}`);
  });
});

describe('toolgate chat when the connection breaks during a turn', () => {
  it('says the message may not have been answered, does not send it again, and goes on with the next line', async () => {
    const messages: string[] = [];
    const fake = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += String(chunk);
      });
      request.on('end', () => {
        if (request.url === '/api/v1/conversations') {
          response.writeHead(201, { 'content-type': 'application/json' });
          return response.end(JSON.stringify({ id: 'cnv_fake' }));
        }
        messages.push((JSON.parse(body) as { text: string }).text);
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        if (messages.length === 1) {
          // The server goes away mid-turn: one event, then the connection is cut.
          response.write('event: message\ndata: {"text":"Let me look that up.","reason":"start"}\n\n', () =>
            response.socket?.destroy(),
          );
          return;
        }
        response.end('event: done\ndata: {"reply":"Back again."}\n\n');
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    try {
      const io = testIo('first\nsecond\n');
      expect(await runCli(['chat', '--agent', 'x', '--url', base, '--key', 'tg_x'], io)).toBe(0);
      expect(io.err()).toContain(`lost the connection to ${base}`);
      expect(io.err()).toContain('it may not have been answered');
      expect(messages).toEqual(['first', 'second']);
      expect(io.out()).toBe('agent: Let me look that up.\nagent: Back again.\n');
    } finally {
      fake.closeAllConnections();
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});

describe('server-sent event parsing', () => {
  it('reads named events with JSON data, skips comments, joins multi-line data', async () => {
    const { parseEventStream } = await import('./server-sent-events.js');
    expect(
      parseEventStream(': keep-alive\n\nevent: done\ndata: {"reply":\ndata: "Hi"}\n\ndata: [1]\r\n\r\n'),
    ).toEqual([
      { event: 'done', data: { reply: 'Hi' } },
      { event: 'message', data: [1] },
    ]);
  });
});
