import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../actions/action-definition.js';
import type { ChatModel } from '../agent/chat-model.js';
import { type OrderDesk, useOrderDesk } from './order-desk-conversation.js';

/** What differs between chat models in the shared scripts: how they word an answer. */
export interface ChatModelConformance {
  /** A new model for one conversation over these actions. */
  createModel(actions: ActionDefinition[]): ChatModel;
  replies: {
    /** The answer to "where is ORD-12345" from a shipped order's result. */
    found: string;
    /** A part of every such answer, whatever the order number. */
    foundPart: string;
    /** The answer to a message that fits no action. */
    noFit: string;
  };
}

/**
 * The conversation scripts every chat model must pass (the embedded model and each LLM adapter):
 * asking for a missing parameter, one-message requests, a failing and a silent endpoint,
 * confirmation with correction and refusal, the per-conversation limit, no fitting action and
 * giving up. Returns the order desk the scripts use, for a model's own tests in the same scope.
 */
export function describeChatModelConformance(title: string, model: ChatModelConformance): OrderDesk {
  const desk = useOrderDesk();
  const conversation = (limits: { maxCallsPerConversation?: number } = {}) =>
    desk.conversation(model.createModel(desk.actions()), { limits });

  describe(title, () => {
    it('asks for the order number, calls the endpoint and answers from the result', async () => {
      const chat = conversation();
      expect((await chat.say('Hi, where is my order?')).reply).toBe(
        'What is the order number? (Like ORD-12345)',
      );
      expect(chat.sent).toEqual([]);
      const answer = await chat.say("It's ord-12345");
      expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-12345"}']);
      expect(answer.reply).toBe(model.replies.found);
      expect(answer.events.some((event) => event.type === 'debug')).toBe(true);
    });

    it('takes everything from one message', async () => {
      const chat = conversation();
      const turn = await chat.say('Where is order ORD-42 please?');
      expect(chat.sent).toEqual(['check_order_status:{"order_number":"ORD-42"}']);
      expect(turn.reply).toContain(model.replies.foundPart);
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
      expect((await chat.say('yes')).reply).toBe('Order ORD-500 is cancelled.');
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
      expect(turn.reply).toBe(model.replies.noFit);
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
  return desk;
}
