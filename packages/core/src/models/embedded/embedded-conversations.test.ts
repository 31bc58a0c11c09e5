import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { describeChatModelConformance } from '../../test/chat-model-conformance.js';
import { ORDER_DESK_NOW } from '../../test/order-desk-conversation.js';
import { createEmbeddedModel } from './embedded-model.js';

const embeddedModel = (actions: ActionDefinition[]) =>
  createEmbeddedModel({ actions, now: () => ORDER_DESK_NOW, timezone: 'Europe/London', defaultRegion: 'GB' });

const desk = describeChatModelConformance('the embedded agent, end to end over HTTPS', {
  createModel: embeddedModel,
  replies: {
    found: "Here's what I found: Status: shipped; Estimated delivery: 2026-03-25",
    foundPart: 'Status: shipped',
    noFit: "I'm sorry, I didn't quite get that. I can help with: Check order status, Cancel an order.",
  },
});

/** A second order lookup whose description fits "where is my order?" as well as the first's. */
function shopLookup(): ActionDefinition {
  return {
    name: 'shop_order_status',
    displayName: 'Order status from my shop',
    description: 'Look up the status and delivery date of an order in my shop.',
    url: desk.url('/shop-orders'),
    timeoutMs: 1_000,
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string', description: 'Like ORD-12345', pattern: '^ORD-\\d+$' } },
      required: ['order_number'],
    },
    conversation: { confirmation: 'never' },
  };
}

/** A conversation with the embedded model over these actions. */
const conversation = (definitions: ActionDefinition[]) =>
  desk.conversation(embeddedModel(definitions), { definitions });

describe('the embedded agent with several actions that fit', () => {
  const twoLookups = () => [...desk.actions(), shopLookup()];
  const question =
    'Which one do you mean: 1) Check order status or 2) Order status from my shop? You can answer with the number or the name.';

  it('asks which one, takes the number, then asks for the order number and calls the chosen one', async () => {
    const chat = conversation(twoLookups());
    const ambiguous = await chat.say('where is my order?');
    expect(ambiguous.reply).toBe(question);
    expect(chat.sent).toEqual([]);
    expect((await chat.say('2')).reply).toBe('What is the order number? (Like ORD-12345)');
    const answer = await chat.say('ORD-12345');
    expect(chat.sent).toEqual(['shop_order_status:{"order_number":"ORD-12345"}']);
    expect(answer.reply).toContain('Status: shipped');
  });

  it('takes words of the name, and keeps the order number of the first message', async () => {
    const chat = conversation(twoLookups());
    expect((await chat.say('where is ORD-12345?')).reply).toBe(question);
    const answer = await chat.say('the one from my shop');
    expect(chat.sent).toEqual(['shop_order_status:{"order_number":"ORD-12345"}']);
    expect(answer.reply).toContain('Status: shipped');

    const byName = conversation(twoLookups());
    await byName.say('where is ORD-7?');
    await byName.say('check order status');
    expect(byName.sent).toEqual(['check_order_status:{"order_number":"ORD-7"}']);
  });

  it('asks again when the answer picks neither, and lets the customer give up', async () => {
    const chat = conversation(twoLookups());
    await chat.say('where is my order?');
    expect((await chat.say('hmm, not sure')).reply).toBe(`Sorry, I didn't catch which one. ${question}`);
    expect((await chat.say('never mind')).reply).toBe(
      'OK, never mind. Is there anything else I can help with?',
    );
    expect(chat.sent).toEqual([]);
  });

  it('goes with a new request that clearly fits one action instead of an answer', async () => {
    const chat = conversation(twoLookups());
    await chat.say('where is my order?');
    await chat.say('actually, please cancel order ORD-3');
    await chat.say('yes');
    expect(chat.sent).toEqual(['cancel_order:{"order_number":"ORD-3"}']);
  });
});

describe('the embedded agent after a failure, and when greeted', () => {
  it('tries a failed call once more when asked, then says it still does not work', async () => {
    const chat = conversation(desk.actions());
    await chat.say('where is my order ORD-500');
    const again = await chat.say('Can you try again?');
    expect(chat.sent).toEqual([
      'check_order_status:{"order_number":"ORD-500"}',
      'check_order_status:{"order_number":"ORD-500"}',
    ]);
    expect(again.reply).toMatch(/^Sorry, I couldn't check order status/);
    expect((await chat.say('try again please')).reply).toMatch(/still not working/);
    expect(chat.sent).toHaveLength(2);
  });

  it('answers a greeting with a greeting and what it can do', async () => {
    const chat = conversation(desk.actions());
    expect((await chat.say('hi there!')).reply).toBe(
      'Hello! I can help with: Check order status, Cancel an order. What can I do for you?',
    );
  });
});
