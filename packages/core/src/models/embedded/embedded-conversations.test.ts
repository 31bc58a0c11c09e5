import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { toAgentAction } from '../../agent/agent-action.js';
import type { ChatMessage } from '../../agent/chat-model.js';
import { runTurn } from '../../agent/run-turn.js';
import { type ConversationState, EMPTY_CONVERSATION_STATE, type TurnOutput } from '../../agent/turn-types.js';
import type { Executor } from '../../http/call/create-executor.js';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { createTestExecutor, TEST_HOST } from '../../test/test-executor.js';
import { createEmbeddedModel } from './embedded-model.js';

let server: LoopbackHttpsServer;
let executor: Executor;
const NOW = new Date('2026-03-20T10:00:00Z');

beforeAll(async () => {
  server = await startLoopbackHttpsServer((request, response) => {
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
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

function actions(): ActionDefinition[] {
  return [
    {
      name: 'check_order_status',
      displayName: 'Check order status',
      description: 'Look up the status and delivery date of an order by its order number.',
      url: server.url('/orders', TEST_HOST),
      timeoutMs: 1_000,
      parameters: {
        type: 'object',
        properties: {
          order_number: { type: 'string', description: 'Like ORD-12345', pattern: '^ORD-\\d+$' },
        },
        required: ['order_number'],
      },
      conversation: {
        confirmation: 'never',
        messages: { delayed: { afterMs: 200, text: 'Still checking, one moment.' } },
      },
    },
    {
      name: 'cancel_order',
      displayName: 'Cancel an order',
      description: 'Cancel an order that has not shipped yet.',
      url: server.url('/cancel', TEST_HOST),
      parameters: {
        type: 'object',
        properties: {
          order_number: { type: 'string', description: 'Like ORD-12345', pattern: '^ORD-\\d+$' },
        },
        required: ['order_number'],
      },
    },
  ];
}

/** A second order lookup whose description fits "where is my order?" as well as the first's. */
function shopLookup(): ActionDefinition {
  return {
    name: 'shop_order_status',
    displayName: 'Order status from my shop',
    description: 'Look up the status and delivery date of an order in my shop.',
    url: server.url('/shop-orders', TEST_HOST),
    timeoutMs: 1_000,
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string', description: 'Like ORD-12345', pattern: '^ORD-\\d+$' } },
      required: ['order_number'],
    },
    conversation: { confirmation: 'never' },
  };
}

/** A conversation driven turn by turn, keeping history and state like the service does. */
function conversation(
  limits: { maxCallsPerConversation?: number } = {},
  definitions: ActionDefinition[] = actions(),
) {
  const model = createEmbeddedModel({
    actions: definitions,
    now: () => NOW,
    timezone: 'Europe/London',
    defaultRegion: 'GB',
  });
  let history: ChatMessage[] = [];
  let state: ConversationState = EMPTY_CONVERSATION_STATE;
  const sent: string[] = [];
  return {
    sent,
    async say(text: string): Promise<TurnOutput> {
      const turn = await runTurn({
        system: 'You help customers of a shop.',
        history,
        userText: text,
        state,
        actions: definitions.map(toAgentAction),
        model,
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

describe('the embedded agent, end to end over HTTPS', () => {
  it('asks for the order number, calls the endpoint and answers from the result', async () => {
    const chat = conversation();
    expect((await chat.say('Hi, where is my order?')).reply).toBe(
      'What is the order number? (Like ORD-12345)',
    );
    expect(chat.sent).toEqual([]);
    const answer = await chat.say("It's ord-12345");
    expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-12345"}']);
    expect(answer.reply).toBe("Here's what I found: Status: shipped; Estimated delivery: 2026-03-25");
    expect(answer.events.some((event) => event.type === 'debug')).toBe(true);
  });

  it('takes everything from one message', async () => {
    const chat = conversation();
    const turn = await chat.say('Where is order ORD-42 please?');
    expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-42"}']);
    expect(turn.reply).toContain('Status: shipped');
  });

  it('answers a failing endpoint politely, then takes a new request', async () => {
    const chat = conversation();
    const turn = await chat.say('where is my order ORD-500');
    expect(turn.reply).toBe("Sorry, I couldn't check order status right now. Please try again later.");
    expect(turn.events.map((event) => event.type)).toContain('action-failed');
    await chat.say('then please cancel order ORD-500');
    expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-500"}']);
    expect((await chat.say('yes')).reply).toBe('Order ORD-500 is cancelled.');
  });

  it('sends the delayed message, then reports the timeout', async () => {
    const chat = conversation();
    const turn = await chat.say('where is my order ORD-999');
    const types = turn.events.map((event) => event.type);
    expect(types.indexOf('action-delayed')).toBeLessThan(types.indexOf('action-failed'));
    expect(turn.reply).toMatch(/taking too long/);
  });

  it('confirms before cancelling; a no cancels, a correction is read back again, a yes calls', async () => {
    const chat = conversation();
    const first = await chat.say('Please cancel my order ORD-7');
    expect(first.reply).toBe(
      "Just to confirm: I'll cancel an order with order number: ORD-7. Shall I go ahead?",
    );
    const corrected = await chat.say("actually it's ORD-8");
    expect(corrected.reply).toBe(
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
    expect(chat.sent.length).toBe(1);
    expect(second.reply).toContain('limit of 1 requests');
  });

  it('says what it can help with when the message fits no action', async () => {
    const chat = conversation();
    const turn = await chat.say("what's the weather like tomorrow?");
    expect(turn.reply).toBe(
      "I'm sorry, I didn't quite get that. I can help with: Check order status, Cancel an order.",
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
});

describe('the embedded agent with several actions that fit', () => {
  const twoLookups = () => [...actions(), shopLookup()];
  const question =
    'Which one do you mean: 1) Check order status or 2) Order status from my shop? You can answer with the number or the name.';

  it('asks which one, takes the number, then asks for the order number and calls the chosen one', async () => {
    const chat = conversation({}, twoLookups());
    const ambiguous = await chat.say('where is my order?');
    expect(ambiguous.reply).toBe(question);
    expect(chat.sent).toEqual([]);
    expect((await chat.say('2')).reply).toBe('What is the order number? (Like ORD-12345)');
    const answer = await chat.say('ORD-12345');
    expect(chat.sent).toEqual(['shop_order_status:{"order_number":"ORD-12345"}']);
    expect(answer.reply).toContain('Status: shipped');
  });

  it('takes words of the name, and keeps the order number of the first message', async () => {
    const chat = conversation({}, twoLookups());
    expect((await chat.say('where is ORD-12345?')).reply).toBe(question);
    const answer = await chat.say('the one from my shop');
    expect(chat.sent).toEqual(['shop_order_status:{"order_number":"ORD-12345"}']);
    expect(answer.reply).toContain('Status: shipped');

    const byName = conversation({}, twoLookups());
    await byName.say('where is ORD-7?');
    await byName.say('check order status');
    expect(byName.sent).toEqual(['check_order_status:{"order_number":"ORD-7"}']);
  });

  it('asks again when the answer picks neither, and lets the customer give up', async () => {
    const chat = conversation({}, twoLookups());
    await chat.say('where is my order?');
    expect((await chat.say('hmm, not sure')).reply).toBe(`Sorry, I didn't catch which one. ${question}`);
    expect((await chat.say('never mind')).reply).toBe(
      'OK, never mind. Is there anything else I can help with?',
    );
    expect(chat.sent).toEqual([]);
  });

  it('goes with a new request that clearly fits one action instead of an answer', async () => {
    const chat = conversation({}, twoLookups());
    await chat.say('where is my order?');
    await chat.say('actually, please cancel order ORD-3');
    await chat.say('yes');
    expect(chat.sent).toEqual(['cancel_order:{"order_number":"ORD-3"}']);
  });
});
