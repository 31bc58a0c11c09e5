import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openConversation } from '../test/conversation-fixture.js';
import { createLoopbackTestApp } from '../test/loopback-test-app.js';
import { type LoopbackMcpServer, startLoopbackMcpServer } from '../test/remote-mcp-server.js';
import type { TestApp } from '../test/test-app.js';

/**
 * The embedded agent (no LLM) uses remote MCP tools like actions: a tool is a candidate by its
 * name and description, its scalar parameters are asked for and filled from what the customer
 * writes, and the answer is read from the remote result. The agent has no action at all: only the
 * remote tool can answer.
 */
let t: TestApp;
let mcp: LoopbackMcpServer;
let agentId = '';

beforeAll(async () => {
  mcp = await startLoopbackMcpServer();
  t = await createLoopbackTestApp();
  const { agent } = await t.services.agents.create(t.tenantA.id, { name: 'Offline desk' }, 'test');
  agentId = agent.id;
  const created = await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers`, {
    body: {
      name: 'forecast',
      url: `https://api.example.com:${mcp.port}/mcp`,
      tools: ['get_weather', 'cancel_order'],
    },
  });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await t.close();
  await mcp.close();
});

const conversation = () => openConversation(t, agentId);

describe('the embedded agent with a remote MCP server', () => {
  it('asks for the missing argument, calls the remote tool, and answers from its result', async () => {
    const { id, say } = await conversation();
    const asked = await say("What's the weather like today?");
    expect(asked.reply).toBe('What is the city?');
    expect(asked.events).toContainEqual(
      expect.objectContaining({
        type: 'parameter-requested',
        action: 'forecast__get_weather',
        parameter: 'city',
      }),
    );
    const answered = await say('Lisbon');
    expect(answered.reply).toBe("Here's what I found: Text: Sunny in Lisbon");
    expect(mcp.called.at(-1)).toEqual({ name: 'get_weather', args: { city: 'Lisbon' } });
    const { calls } = await json(await t.call('GET', `/api/v1/calls?conversation=${id}`));
    expect(calls[0]).toMatchObject({
      actionName: 'forecast__get_weather',
      trigger: 'remote_mcp',
      outcome: 'ok',
    });
  });

  it('fills the argument from the request itself, and confirms a destructive tool first', async () => {
    const { say } = await conversation();
    const before = mcp.called.length;
    const asked = await say('Please cancel my order A-4471');
    expect(asked.reply).toBe("Just to confirm: I'll cancel order with order ID: A-4471. Shall I go ahead?");
    expect(mcp.called.length).toBe(before);
    const done = await say('yes');
    expect(done.reply).toBe("Here's what I found: Text: order A-4471 is cancelled");
    expect(mcp.called.at(-1)).toEqual({ name: 'cancel_order', args: { order_id: 'A-4471' } });
  });

  it('greets with the remote tools among what it can do', async () => {
    const { say } = await conversation();
    expect((await say('hello')).reply).toBe(
      'Hello! I can help with: get weather, cancel order. What can I do for you?',
    );
  });
});
