import type { ProtocolConversation, ProtocolReply, ProtocolServer } from '@toolgate/core/test';
import { startAnthropicProtocolServer, startOpenAIProtocolServer } from '@toolgate/core/test';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationFixture, json, startConversationFixture } from '../../test/conversation-fixture.js';

const MODEL_KEY = 'sk-planted-llm-key-3c9e1a';

/** A scripted LLM: looks orders up, files quote requests through the webhook trigger. */
function brain(conversation: ProtocolConversation): ProtocolReply {
  const [result] = conversation.toolResultsSinceLastUser;
  if (result) {
    if (result.toolName === 'webhook_trigger') return { text: 'Thanks! A colleague will email you a quote.' };
    const data = (result.content as { data?: { status?: string } }).data;
    return { text: data?.status ? `Your order has ${data.status}.` : 'I could not find that order.' };
  }
  const text = conversation.lastUserText;
  if (/model down/.test(text)) return { status: 500, errorMessage: 'upstream overloaded' };
  if (/quote/i.test(text)) {
    return {
      toolCalls: [
        {
          name: 'webhook_trigger',
          arguments: {
            event: 'quote_requested',
            data: { email: 'ann@example.com', product: 'garden chairs' },
          },
        },
      ],
    };
  }
  const order = /ORD-\d+/.exec(text)?.[0];
  if (/order/i.test(text) || order) {
    return { toolCalls: [{ name: 'check_order_status', arguments: order ? { order_number: order } : {} }] };
  }
  return { text: 'I can check orders and prepare quotes.' };
}

let f: ConversationFixture;
const servers: Array<ProtocolServer<{ conversation: ProtocolConversation }>> = [];
const agents: Record<string, { id: string; signingSecret: string }> = {};

beforeAll(async () => {
  f = await startConversationFixture();
  const openai = await startOpenAIProtocolServer((_body, { conversation }) => brain(conversation));
  const anthropic = await startAnthropicProtocolServer((_body, { conversation }) => brain(conversation));
  servers.push(openai, anthropic);
  const hook = {
    url: `https://orders.example.com:${f.shop.port}/hook`,
    description: 'Use it when a customer asks for a quote.',
  };
  for (const [name, model] of [
    [
      'openai-compatible',
      { provider: 'openai-compatible', model: 'local-llama', baseUrl: openai.url, apiKey: MODEL_KEY },
    ],
    ['anthropic', { provider: 'anthropic', model: 'claude-test', baseUrl: anthropic.url, apiKey: MODEL_KEY }],
  ] as const) {
    const created = await f.t.services.agents.create(
      f.t.tenantA.id,
      {
        name,
        model,
        systemPrompt: 'You are the assistant of Garden Shop.',
        fallbackText: 'Sorry, please try again soon.',
        webhookTrigger: hook,
      },
      'test',
    );
    agents[name] = { id: created.agent.id, signingSecret: created.signingSecret };
  }
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await f.close();
});

async function conversation(agent: string) {
  const response = await f.t.call('POST', '/api/v1/conversations', { body: { agentId: agents[agent]?.id } });
  const id = (await json(response)).id as string;
  return async (text: string, query = '') =>
    json(await f.t.call('POST', `/api/v1/conversations/${id}/messages${query}`, { body: { text } }));
}

describe.each(['openai-compatible', 'anthropic'])('an agent on %s', (agent) => {
  it('asks for a missing argument instead of calling, then answers from the result', async () => {
    const say = await conversation(agent);
    const before = f.shop.requests.length;
    const asked = await say('Where is my order?');
    expect(asked.reply).toMatch(/order number/i);
    expect(f.shop.requests.length).toBe(before);
    const answered = await say('It is ORD-12345');
    expect(answered.reply).toBe('Your order has shipped.');
    expect(f.shop.requests.at(-1)?.url).toContain('order_number=ORD-12345');
    const server = servers[agent === 'anthropic' ? 1 : 0];
    const last = server?.requests.at(-1);
    expect(JSON.stringify(last?.body)).toContain('You are the assistant of Garden Shop.');
    expect(JSON.stringify(last?.body)).toContain('check_order_status');
    expect(JSON.stringify(last?.body)).not.toContain('planted-bearer-secret');
  });

  it('queues the webhook trigger and delivers it, signed with the agent secret, and logs it', async () => {
    const say = await conversation(agent);
    const reply = await say('Could I get a quote for garden chairs? ann@example.com');
    expect(reply.reply).toBe('Thanks! A colleague will email you a quote.');
    await f.t.services.deliveryWorker.drain();
    const hook = f.shop.requests.filter((request) => request.url === '/hook').at(-1);
    expect(hook).toBeDefined();
    const payload = new Webhook(agents[agent]?.signingSecret as string).verify(
      hook?.body as string,
      hook?.headers as Record<string, string>,
    ) as { event: string; data: unknown; context: Record<string, unknown> };
    expect(payload).toMatchObject({
      event: 'quote_requested',
      data: { email: 'ann@example.com', product: 'garden chairs' },
      context: { trigger: 'ai_intent', agent_id: agents[agent]?.id },
    });
    const calls = await json(
      await f.t.call('GET', `/api/v1/calls?conversation=${payload.context.conversation_id}`),
    );
    expect(calls.calls[0]).toMatchObject({ actionName: 'webhook_trigger', actionId: null, outcome: 'ok' });
  });

  it('gives the fallback text when the model fails, and tells the operator in the log', async () => {
    const say = await conversation(agent);
    const reply = await say('model down');
    expect(reply.reply).toBe('Sorry, please try again soon.');
    // The customer's client is not told the provider's reason; the operator's log and debug are.
    expect(reply.events.find((event: { type: string }) => event.type === 'model-error').message).toBe(
      'the model could not answer',
    );
    const debugged = await say('model down', '?debug=true');
    expect(debugged.events.find((event: { type: string }) => event.type === 'model-error').message).toMatch(
      /500/,
    );
    expect(f.t.logText()).toContain('the model failed');
    expect(f.t.logText()).not.toContain(MODEL_KEY);
  });
});
