import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FALLBACK_TEXT } from '../../agent/run-turn.js';
import { createModelFetch, type ModelFetch } from '../../http/transport/model-fetch.js';
import { startAnthropicProtocolServer } from '../../test/anthropic-protocol-server.js';
import { describeChatModelConformance } from '../../test/chat-model-conformance.js';
import { startOpenAIProtocolServer } from '../../test/openai-protocol-server.js';
import { orderDeskBrain } from '../../test/order-desk-brain.js';
import {
  type ModelProtocol,
  type ProtocolConversation,
  readConversation,
} from '../../test/protocol-conversation.js';
import type { ProtocolServer, ReplyFunction } from '../../test/protocol-server.js';
import { createLlmModel } from './create-llm-model.js';
import type { LlmProvider } from './provider-language-model.js';

type BrainServer = ProtocolServer<{ conversation: ProtocolConversation }>;
type BrainReply = ReplyFunction<{ conversation: ProtocolConversation }>;

const API_KEY = 'sk-conversation-test-key-0001';
const brain: BrainReply = (_body, { conversation }) => orderDeskBrain(conversation);

let transport: ModelFetch;
beforeAll(() => {
  transport = createModelFetch({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
});
afterAll(() => transport.close());

const PROTOCOLS: Array<{
  provider: LlmProvider;
  protocol: ModelProtocol;
  model: string;
  start(reply: BrainReply): Promise<BrainServer>;
}> = [
  { provider: 'openai', protocol: 'openai', model: 'gpt-4o-mini', start: startOpenAIProtocolServer },
  {
    provider: 'anthropic',
    protocol: 'anthropic',
    model: 'claude-haiku-4-5',
    start: startAnthropicProtocolServer,
  },
];

describe.each(PROTOCOLS)(
  'the $provider adapter, end to end through runTurn',
  ({ provider, protocol, model, start }) => {
    let server: BrainServer;
    beforeAll(async () => {
      server = await start(brain);
    });
    beforeEach(() => server.setReply(brain));
    afterAll(() => server.close());

    const llm = () =>
      createLlmModel({ provider, model, apiKey: API_KEY, baseUrl: server.url, fetch: transport.fetch });
    const desk = describeChatModelConformance('the conversation scripts every chat model passes', {
      createModel: llm,
      replies: {
        found: 'Order ORD-12345: status shipped, estimated delivery 2026-03-25.',
        foundPart: 'status shipped',
        noFit:
          "I'm sorry, I can't help with that. What I can do: Look up the status and delivery date of an order by its order number. Cancel an order that has not shipped yet.",
      },
    });
    /** A conversation, and what the model endpoint received in it, read protocol-neutrally. */
    function conversation() {
      const firstRequest = server.requests.length;
      return {
        ...desk.conversation(llm()),
        modelRequests: () =>
          server.requests.slice(firstRequest).map((request) => readConversation(protocol, request.body)),
      };
    }

    it('sends the model the system prompt, the tools, the earlier turns and the tool results', async () => {
      const chat = conversation();
      await chat.say('Hi, where is my order?');
      await chat.say("It's ord-12345");
      const requests = chat.modelRequests();
      expect(requests).toHaveLength(3);
      expect(requests[0]?.system).toBe('You help customers of a shop.');
      expect(requests[0]?.tools.map((tool) => tool.name)).toEqual(['check_order_status', 'cancel_order']);
      // The second turn carries the first: the question, and why it was asked.
      expect(requests[1]?.userTexts).toEqual(['Hi, where is my order?', "It's ord-12345"]);
      expect(requests[1]?.toolResults[0]?.content).toMatchObject({
        ok: false,
        error: { kind: 'invalid_arguments' },
      });
      expect(requests[2]?.toolResultsSinceLastUser).toEqual([
        {
          toolCallId: expect.any(String),
          toolName: 'check_order_status',
          content: { ok: true, status: 200, data: { status: 'shipped', estimated_delivery: '2026-03-25' } },
        },
      ]);
    });

    it('does not ask the model about the yes to a confirmation', async () => {
      const chat = conversation();
      await chat.say('then please cancel order ORD-500');
      const asked = chat.modelRequests().length;
      expect((await chat.say('yes')).reply).toBe('Order ORD-500 is cancelled.');
      // The yes is the loop's to handle: the model is not asked.
      expect(chat.modelRequests()).toHaveLength(asked);
    });

    it('falls back politely when the model endpoint fails, and says why in the event', async () => {
      server.setReply(() => ({
        status: 503,
        errorMessage: 'The model is overloaded',
        errorType: 'overloaded_error',
      }));
      const chat = conversation();
      const turn = await chat.say('where is ORD-1');
      expect(turn.reply).toBe(DEFAULT_FALLBACK_TEXT);
      expect(turn.events).toContainEqual({
        type: 'model-error',
        message: `${provider}: 503 The model is overloaded`,
      });
      expect(chat.sent).toEqual([]);
    });
  },
);
