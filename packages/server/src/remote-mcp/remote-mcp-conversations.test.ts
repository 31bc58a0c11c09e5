import type { ProtocolConversation, ProtocolReply, ProtocolServer } from '@toolgate/core/test';
import { startOpenAIProtocolServer } from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openConversation } from '../test/conversation-fixture.js';
import { createLoopbackTestApp } from '../test/loopback-test-app.js';
import { type LoopbackMcpServer, startLoopbackMcpServer } from '../test/remote-mcp-server.js';
import type { TestApp } from '../test/test-app.js';

/**
 * A conversation whose agent (a scripted LLM over the OpenAI protocol) calls the tools of a real
 * remote MCP server on 127.0.0.1: the answer reaches the model, a tool error, a timeout and an
 * oversized answer come back as clear tool results, bad arguments are not sent, and every call
 * made is in the execution log with trigger remote_mcp and no secret.
 */
const SECRET = 'mcp-planted-header-secret-77aa';
const MAX_RESULT_CHARS = 500;
let t: TestApp;
let mcp: LoopbackMcpServer;
let model: ProtocolServer<{ conversation: ProtocolConversation }>;
let agentId = '';

/** Calls the tool the message names; says what came back. */
function brain(conversation: ProtocolConversation): ProtocolReply {
  const [result] = conversation.toolResultsSinceLastUser;
  if (result) {
    const content = result.content as {
      ok: boolean;
      data?: { text: string; truncated?: boolean };
      error?: { kind: string; message: string };
    };
    if (!content.ok) return { text: `failed: ${content.error?.kind}: ${content.error?.message}` };
    const data = content.data;
    return {
      text: `got ${data?.text.length} chars${data?.truncated ? ' (cut)' : ''}: ${data?.text.slice(0, 40)}`,
    };
  }
  const text = conversation.lastUserText;
  const call = (name: string, args: Record<string, unknown>): ProtocolReply => ({
    toolCalls: [{ name: `weather__${name}`, arguments: args }],
  });
  if (text.startsWith('weather in ')) return call('get_weather', { city: text.slice('weather in '.length) });
  if (text === 'weather without a city') return call('get_weather', {});
  if (text === 'weather for a number') return call('get_weather', { city: 42 });
  if (text === 'fail') return call('fail', {});
  if (text === 'slow') return { toolCalls: [{ name: 'slowpoke__slow', arguments: {} }] };
  if (text === 'big') return call('big', { size: 20_000 });
  if (text === 'echo the secret') return call('echo', { text: `the key is ${SECRET}` });
  return { text: `tools: ${conversation.tools.map((tool) => tool.name).join(',')}` };
}

beforeAll(async () => {
  mcp = await startLoopbackMcpServer({
    requiredHeader: { name: 'authorization', value: `Bearer ${SECRET}` },
  });
  model = await startOpenAIProtocolServer((_body, { conversation }) => brain(conversation));
  t = await createLoopbackTestApp();
  const { agent } = await t.services.agents.create(
    t.tenantA.id,
    {
      name: 'Weather desk',
      model: { provider: 'openai-compatible', model: 'local-llama', baseUrl: model.url },
      limits: { maxResultChars: MAX_RESULT_CHARS },
    },
    'test',
  );
  agentId = agent.id;
  const created = await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers`, {
    body: {
      name: 'weather',
      url: `https://api.example.com:${mcp.port}/mcp`,
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${SECRET}` },
    },
  });
  expect(created.status).toBe(201);
  // The same server again, with a short timeout, for its slow tool only.
  const slowpoke = await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers`, {
    body: {
      name: 'slowpoke',
      url: `https://api.example.com:${mcp.port}/mcp`,
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${SECRET}` },
      tools: ['slow'],
      timeoutMs: 2_000,
    },
  });
  expect(slowpoke.status).toBe(201);
});
afterAll(async () => {
  await t.close();
  await model.close();
  await mcp.close();
});

const conversation = () => openConversation(t, agentId);

describe('an agent with a remote MCP server', () => {
  it('is offered the remote tools beside its actions', async () => {
    const { say } = await conversation();
    const reply = await say('what can you do?');
    expect(reply.reply).toBe(
      'tools: slowpoke__slow,weather__get_weather,weather__fail,weather__slow,weather__big,weather__echo,weather__whoami,weather__cancel_order,weather__add_note',
    );
  });

  it('calls a remote tool and answers from its result, logged with trigger remote_mcp', async () => {
    const { id, say } = await conversation();
    const reply = await say('weather in Paris');
    expect(reply.reply).toBe('got 14 chars: Sunny in Paris');
    expect(mcp.called.at(-1)).toEqual({ name: 'get_weather', args: { city: 'Paris' } });
    const { calls } = await json(await t.call('GET', `/api/v1/calls?conversation=${id}`));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      actionId: null,
      actionName: 'weather__get_weather',
      trigger: 'remote_mcp',
      outcome: 'ok',
      conversationId: id,
      request: { headers: { Authorization: '[redacted]' } },
      result: { ok: true, data: { server: 'weather', tool: 'get_weather', text: 'Sunny in Paris' } },
    });
    const filtered = await json(await t.call('GET', '/api/v1/calls?trigger=remote_mcp'));
    expect(filtered.calls.length).toBeGreaterThan(0);
  });

  it('reports a tool error to the model as a failed call', async () => {
    const { id, say } = await conversation();
    const reply = await say('fail');
    expect(reply.reply).toBe(
      'failed: endpoint_error: the tool answered with an error: the warehouse is closed',
    );
    const { calls } = await json(await t.call('GET', `/api/v1/calls?conversation=${id}`));
    expect(calls[0]).toMatchObject({ outcome: 'failed', failureKind: 'endpoint_error' });
  });

  it('gives up on a slow server at its timeout, and the turn goes on', async () => {
    const { say } = await conversation();
    const reply = await say('slow');
    expect(reply.reply).toBe('failed: timeout: the MCP server did not answer within 2000 ms');
  });

  it("cuts an oversized result at the agent's maxResultChars", async () => {
    const { say } = await conversation();
    const reply = await say('big');
    expect(reply.reply).toBe(`got ${MAX_RESULT_CHARS} chars (cut): ${'x'.repeat(40)}`);
  });

  it("checks arguments against the tool's inputSchema before calling, asking for a missing one", async () => {
    const { id, say } = await conversation();
    const calledBefore = mcp.called.length;
    // Scalar parameters are an action's: the customer is asked, as for an action's parameter.
    expect((await say('weather without a city')).reply).toBe('What is the city?');
    expect(mcp.called.length).toBe(calledBefore);
    expect((await json(await t.call('GET', `/api/v1/calls?conversation=${id}`))).calls).toEqual([]);
    // A number for a text is taken as its text, as an action's argument is.
    expect((await say('weather for a number')).reply).toBe('got 11 chars: Sunny in 42');
    expect(mcp.called.at(-1)).toEqual({ name: 'get_weather', args: { city: '42' } });
  });

  it('never shows or logs the secret, even when the server echoes it', async () => {
    const { id, say } = await conversation();
    const reply = await say('echo the secret');
    expect(reply.reply).toBe('got 21 chars: the key is [redacted]');
    const record = await (await t.call('GET', `/api/v1/calls?conversation=${id}`)).text();
    expect(record).toContain('[redacted]');
    expect(record).not.toContain(SECRET);
    expect(t.logText()).not.toContain(SECRET);
    // (The model's own tool call holds it: the scripted model wrote it there. Its result does not.)
  });

  it('offers nothing from a disabled server', async () => {
    await t.call('PATCH', `/api/v1/agents/${agentId}/mcp-servers/weather`, { body: { enabled: false } });
    const { say } = await conversation();
    expect((await say('what can you do?')).reply).toBe('tools: slowpoke__slow');
    await t.call('PATCH', `/api/v1/agents/${agentId}/mcp-servers/weather`, { body: { enabled: true } });
  });

  it('leaves an unreachable server out of the turn, which goes on with the others', async () => {
    // A loopback port nobody listens on any more: the connection is refused.
    const closed = await startLoopbackMcpServer();
    const port = closed.port;
    await closed.close();
    const added = await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers`, {
      body: { name: 'gone', url: `https://api.example.com:${port}/mcp` },
    });
    expect(added.status).toBe(201);
    const { say } = await conversation();
    expect((await say('what can you do?')).reply).toBe(
      'tools: slowpoke__slow,weather__get_weather,weather__fail,weather__slow,weather__big,weather__echo,weather__whoami,weather__cancel_order,weather__add_note',
    );
    expect(t.logText()).toContain('remote MCP server left out of the turn');
  });
});
