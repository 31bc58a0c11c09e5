import type { ProtocolConversation, ProtocolReply, ProtocolServer } from '@toolgate/core/test';
import { startOpenAIProtocolServer } from '@toolgate/core/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openConversation } from '../test/conversation-fixture.js';
import { createLoopbackTestApp } from '../test/loopback-test-app.js';
import { type LoopbackMcpServer, startLoopbackMcpServer } from '../test/remote-mcp-server.js';
import type { TestApp } from '../test/test-app.js';

/**
 * Remote tools confirmed by the customer like actions (a scripted LLM over the OpenAI protocol,
 * a real MCP server on 127.0.0.1): under `auto` a tool without hints (destructive by the MCP
 * spec's defaults) is read back and called only on a yes, a `destructiveHint: false` or read-only
 * tool is called at once; `always` and `never` override the hints.
 */
let t: TestApp;
let mcp: LoopbackMcpServer;
let model: ProtocolServer<{ conversation: ProtocolConversation }>;
let agentId = '';

function brain(conversation: ProtocolConversation): ProtocolReply {
  const [result] = conversation.toolResultsSinceLastUser;
  if (result) {
    const content = result.content as { ok: boolean; data?: { text: string }; error?: { message: string } };
    return { text: content.ok ? `done: ${content.data?.text}` : `failed: ${content.error?.message}` };
  }
  const text = conversation.lastUserText;
  if (text.startsWith('cancel '))
    return { toolCalls: [{ name: 'shop__cancel_order', arguments: { order_id: text.slice(7) } }] };
  if (text.startsWith('note '))
    return { toolCalls: [{ name: 'shop__add_note', arguments: { text: text.slice(5) } }] };
  if (text === 'weather') return { toolCalls: [{ name: 'shop__get_weather', arguments: { city: 'Oslo' } }] };
  return { text: 'ok' };
}

beforeAll(async () => {
  mcp = await startLoopbackMcpServer();
  model = await startOpenAIProtocolServer((_body, { conversation }) => brain(conversation));
  t = await createLoopbackTestApp();
  const { agent } = await t.services.agents.create(
    t.tenantA.id,
    { name: 'Shop desk', model: { provider: 'openai-compatible', model: 'local-llama', baseUrl: model.url } },
    'test',
  );
  agentId = agent.id;
  const created = await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers`, {
    body: { name: 'shop', url: `https://api.example.com:${mcp.port}/mcp` },
  });
  expect(created.status).toBe(201);
  expect((await json(created)).confirmation).toBe('auto');
});
afterAll(async () => {
  await t.close();
  await model.close();
  await mcp.close();
});

const conversation = () => openConversation(t, agentId);

async function setConfirmation(confirmation: string) {
  const patched = await t.call('PATCH', `/api/v1/agents/${agentId}/mcp-servers/shop`, {
    body: { confirmation },
  });
  expect(patched.status).toBe(200);
  expect((await json(patched)).confirmation).toBe(confirmation);
}

const calledTools = () => mcp.called.map((call) => call.name);

describe('confirmation of remote MCP tools', () => {
  it('reads a destructive tool back and calls it only on a yes (auto, no hints)', async () => {
    const { id, say } = await conversation();
    const before = mcp.called.length;
    const asked = await say('cancel A-17');
    expect(asked.reply).toBe("Just to confirm: I'll cancel order with order ID: A-17. Shall I go ahead?");
    expect(asked.events).toContainEqual(
      expect.objectContaining({ type: 'approval-requested', action: 'shop__cancel_order' }),
    );
    expect(mcp.called.length).toBe(before);
    expect((await json(await t.call('GET', `/api/v1/calls?conversation=${id}`))).calls).toEqual([]);
    const done = await say('yes');
    expect(done.reply).toBe('done: order A-17 is cancelled');
    expect(mcp.called.at(-1)).toEqual({ name: 'cancel_order', args: { order_id: 'A-17' } });
    const { calls } = await json(await t.call('GET', `/api/v1/calls?conversation=${id}`));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      actionName: 'shop__cancel_order',
      trigger: 'remote_mcp',
      outcome: 'ok',
    });
  });

  it('makes no call when the customer says no', async () => {
    const { say } = await conversation();
    const before = mcp.called.length;
    await say('cancel B-2');
    expect((await say('no')).reply).toBe("OK, I won't cancel order. Is there anything else I can help with?");
    expect(mcp.called.length).toBe(before);
  });

  it('calls a tool marked destructiveHint: false, or read-only, without asking (auto)', async () => {
    const { say } = await conversation();
    expect((await say('note leave at the door')).reply).toBe('done: noted: leave at the door');
    expect((await say('weather')).reply).toBe('done: Sunny in Oslo');
    expect(calledTools().slice(-2)).toEqual(['add_note', 'get_weather']);
  });

  it('`always` asks for every tool, `never` for none', async () => {
    await setConfirmation('always');
    const first = await conversation();
    expect((await first.say('weather')).reply).toBe(
      "Just to confirm: I'll get weather with city: Oslo. Shall I go ahead?",
    );
    await setConfirmation('never');
    const second = await conversation();
    expect((await second.say('cancel C-3')).reply).toBe('done: order C-3 is cancelled');
    expect(mcp.called.at(-1)).toEqual({ name: 'cancel_order', args: { order_id: 'C-3' } });
    await setConfirmation('auto');
  });

  it('shows the setting applied to each tool when the server is refreshed', async () => {
    const answer = await json(await t.call('POST', `/api/v1/agents/${agentId}/mcp-servers/shop/refresh`));
    const confirm = Object.fromEntries(
      answer.tools.map((tool: { remoteName: string; confirm: boolean }) => [tool.remoteName, tool.confirm]),
    );
    expect(confirm).toMatchObject({ get_weather: false, add_note: false, cancel_order: true });
  });

  it('refuses a confirmation setting it does not know, saying where', async () => {
    const answer = await t.call('PATCH', `/api/v1/agents/${agentId}/mcp-servers/shop`, {
      body: { confirmation: 'sometimes' },
    });
    expect(answer.status).toBe(422);
    expect(await answer.text()).toContain('/confirmation');
  });
});
