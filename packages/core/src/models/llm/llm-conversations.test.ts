import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { toAgentAction } from '../../agent/agent-action.js';
import type { ChatMessage } from '../../agent/chat-model.js';
import { DEFAULT_FALLBACK_TEXT, runTurn } from '../../agent/run-turn.js';
import { type ConversationState, EMPTY_CONVERSATION_STATE, type TurnOutput } from '../../agent/turn-types.js';
import type { Executor } from '../../http/call/create-executor.js';
import { createModelFetch, type ModelFetch } from '../../http/transport/model-fetch.js';
import { startAnthropicProtocolServer } from '../../test/anthropic-protocol-server.js';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { startOpenAIProtocolServer } from '../../test/openai-protocol-server.js';
import { orderDeskBrain } from '../../test/order-desk-brain.js';
import {
  type ModelProtocol,
  type ProtocolConversation,
  readConversation,
} from '../../test/protocol-conversation.js';
import type { ProtocolServer, ReplyFunction } from '../../test/protocol-server.js';
import { createTestExecutor, TEST_HOST } from '../../test/test-executor.js';
import { createLlmModel } from './create-llm-model.js';
import type { LlmProvider } from './provider-language-model.js';

type BrainServer = ProtocolServer<{ conversation: ProtocolConversation }>;
type BrainReply = ReplyFunction<{ conversation: ProtocolConversation }>;

const API_KEY = 'sk-conversation-test-key-0001';
const NOW = new Date('2026-03-20T10:00:00Z');
const brain: BrainReply = (_body, { conversation }) => orderDeskBrain(conversation);

let receiver: LoopbackHttpsServer;
let executor: Executor;
let transport: ModelFetch;

beforeAll(async () => {
  receiver = await startLoopbackHttpsServer((request, response) => {
    const body = JSON.parse(request.body || '{}') as { parameters?: { order_number?: string } };
    if (request.url === '/cancel')
      return sendJson(response, 200, { message: `Order ${body.parameters?.order_number} is cancelled.` });
    if (body.parameters?.order_number === 'ORD-500')
      return sendJson(response, 503, { error: 'database offline' });
    if (body.parameters?.order_number === 'ORD-999') return; // never answers: the deadline ends it
    sendJson(response, 200, {
      success: true,
      result: { status: 'shipped', estimated_delivery: '2026-03-25' },
    });
  });
  ({ executor } = await createTestExecutor());
  transport = createModelFetch({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
});
afterAll(async () => {
  await transport.close();
  await executor.close();
  await receiver.close();
});

function actions(): ActionDefinition[] {
  const orderNumber = {
    type: 'object' as const,
    properties: {
      order_number: { type: 'string' as const, description: 'Like ORD-12345', pattern: '^ORD-\\d+$' },
    },
    required: ['order_number'],
  };
  return [
    {
      name: 'check_order_status',
      displayName: 'Check order status',
      description: 'Look up the status and delivery date of an order by its order number.',
      url: receiver.url('/orders', TEST_HOST),
      timeoutMs: 1_000,
      parameters: orderNumber,
      conversation: {
        confirmation: 'never',
        messages: { delayed: { afterMs: 200, text: 'Still checking, one moment.' } },
      },
    },
    {
      name: 'cancel_order',
      displayName: 'Cancel an order',
      description: 'Cancel an order that has not shipped yet.',
      url: receiver.url('/cancel', TEST_HOST),
      parameters: orderNumber,
    },
  ];
}

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

    /** A conversation driven turn by turn, keeping history and state like the service does. */
    function conversation(limits: { maxCallsPerConversation?: number } = {}) {
      const definitions = actions();
      const llm = createLlmModel({
        provider,
        model,
        apiKey: API_KEY,
        baseUrl: server.url,
        fetch: transport.fetch,
      });
      const firstRequest = server.requests.length;
      let history: ChatMessage[] = [];
      let state: ConversationState = EMPTY_CONVERSATION_STATE;
      const sent: string[] = [];
      return {
        sent,
        /** What the model endpoint received in this conversation, read protocol-neutrally. */
        modelRequests: () =>
          server.requests.slice(firstRequest).map((request) => readConversation(protocol, request.body)),
        async say(text: string): Promise<TurnOutput> {
          const turn = await runTurn({
            system: 'You help customers of a shop.',
            history,
            userText: text,
            state,
            actions: definitions.map(toAgentAction),
            model: llm,
            limits,
            now: () => NOW.getTime(),
            async callAction(action, args, callId) {
              sent.push(`${action.definition.name}:${JSON.stringify(args)}`);
              return executor.execute({
                action: action.definition,
                parameters: args,
                context: { callId, trigger: 'ai_intent' },
              });
            },
          });
          history = [...history, ...turn.messages];
          state = turn.state;
          return turn;
        },
      };
    }

    it('asks for the order number, calls the endpoint and answers from the result', async () => {
      const chat = conversation();
      expect((await chat.say('Hi, where is my order?')).reply).toBe(
        'What is the order number? (Like ORD-12345)',
      );
      expect(chat.sent).toEqual([]);
      const answer = await chat.say("It's ord-12345");
      expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-12345"}']);
      expect(answer.reply).toBe('Order ORD-12345: status shipped, estimated delivery 2026-03-25.');

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
      expect(answer.events.some((event) => event.type === 'debug')).toBe(true);
    });

    it('takes everything from one message', async () => {
      const chat = conversation();
      const turn = await chat.say('Where is order ORD-42 please?');
      expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-42"}']);
      expect(turn.reply).toContain('status shipped');
    });

    it('answers a failing endpoint politely, then takes a new request', async () => {
      const chat = conversation();
      const turn = await chat.say('where is my order ORD-500');
      expect(turn.reply).toBe("Sorry, I couldn't check order status right now. Please try again later.");
      expect(turn.events.map((event) => event.type)).toContain('action-failed');
      expect((await chat.say('then please cancel order ORD-500')).reply).toBe(
        "Just to confirm: I'll cancel an order with order number: ORD-500. Shall I go ahead?",
      );
      expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-500"}']);
      const asked = chat.modelRequests().length;
      expect((await chat.say('yes')).reply).toBe('Order ORD-500 is cancelled.');
      // The yes is the loop's to handle: the model is not asked.
      expect(chat.modelRequests()).toHaveLength(asked);
    });

    it('sends the delayed message, then reports the timeout', async () => {
      const chat = conversation();
      const turn = await chat.say('where is my order ORD-999');
      const types = turn.events.map((event) => event.type);
      expect(types.indexOf('action-delayed')).toBeGreaterThanOrEqual(0);
      expect(types.indexOf('action-delayed')).toBeLessThan(types.indexOf('action-failed'));
      expect(turn.reply).toMatch(/taking too long/);
    });

    it('confirms before cancelling; a no cancels, a correction is read back again, a yes calls', async () => {
      const chat = conversation();
      expect((await chat.say('Please cancel my order ORD-7')).reply).toBe(
        "Just to confirm: I'll cancel an order with order number: ORD-7. Shall I go ahead?",
      );
      expect((await chat.say("actually it's ORD-8")).reply).toBe(
        "Just to confirm: I'll cancel an order with order number: ORD-8. Shall I go ahead?",
      );
      const yes = await chat.say('yes');
      expect(chat.sent).toEqual(['cancel_order:{"order_number":"ORD-8"}']);
      expect(yes.reply).toBe('Order ORD-8 is cancelled.');

      const other = conversation();
      await other.say('cancel order ORD-9');
      expect((await other.say('no')).reply).toMatch(/^OK, I won't cancel an order\./);
      expect(other.sent).toEqual([]);
      // The declined request is forgotten: the next question is a new one.
      await other.say('where is order ORD-9?');
      expect(other.sent).toEqual(['check_order_status:{"order_number":"ORD-9"}']);
    });

    it('stops at the per-conversation limit', async () => {
      const chat = conversation({ maxCallsPerConversation: 1 });
      await chat.say('where is ORD-1');
      const second = await chat.say('and where is order ORD-2');
      expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-1"}']);
      expect(second.reply).toContain('limit of 1 requests');
      expect(second.events.map((event) => event.type)).toContain('limit-reached');
    });

    it('says what it can help with when the message fits no action', async () => {
      const chat = conversation();
      const turn = await chat.say("what's the weather like tomorrow?");
      expect(turn.reply).toBe(
        "I'm sorry, I can't help with that. What I can do: Look up the status and delivery date of an order by its order number. Cancel an order that has not shipped yet.",
      );
      expect(chat.sent).toEqual([]);
    });

    it('lets the customer give up while it is asking', async () => {
      const chat = conversation();
      await chat.say('where is my order?');
      expect((await chat.say('never mind')).reply).toBe(
        'OK, never mind. Is there anything else I can help with?',
      );
      expect(chat.sent).toEqual([]);
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
