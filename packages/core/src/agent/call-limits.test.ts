import { describe, expect, it } from 'vitest';
import { type AgentAction, DEFAULT_AGENT_LIMITS } from './agent-action.js';
import { eventCallRefusal, turnCallKey, turnCallRefusal, withCallCounted } from './call-limits.js';
import { EMPTY_CONVERSATION_STATE } from './turn-types.js';

const action: AgentAction = {
  definition: {
    name: 'cancel_order',
    description: 'Cancels an order.',
    url: 'https://shop.example.com/cancel',
  },
  rateLimit: { calls: 1, windowMs: 60_000 },
};

describe('the call limits, one set of rules for the loop and for events', () => {
  it('refuses an event call past the action window, as the loop does', () => {
    const counted = withCallCounted(EMPTY_CONVERSATION_STATE, 'cancel_order', 1_000);
    expect(EMPTY_CONVERSATION_STATE).toEqual({ callsMade: 0, recentCalls: [] });
    expect(counted).toEqual({ callsMade: 1, recentCalls: [{ action: 'cancel_order', at: 1_000 }] });
    const event = eventCallRefusal(action, counted, undefined, 2_000);
    const turn = turnCallRefusal(
      action,
      {},
      {
        madeThisTurn: new Set(),
        state: counted,
        limits: DEFAULT_AGENT_LIMITS,
        now: 2_000,
      },
    );
    expect(event).toMatch(/^I can only cancel order 1 times every 1 minutes/);
    expect(turn).toBe(event);
    expect(eventCallRefusal(action, counted, undefined, 62_000)).toBeUndefined();
  });

  it("applies the agent's own conversation limit over the default", () => {
    const state = { callsMade: 2, recentCalls: [] };
    expect(eventCallRefusal(action, state, { maxCallsPerConversation: 2 }, 0)).toMatch(/limit of 2 requests/);
    expect(eventCallRefusal(action, state, undefined, 0)).toBeUndefined();
  });

  it('refuses the same call twice in one turn, whatever the order of the arguments', () => {
    const madeThisTurn = new Set([turnCallKey('cancel_order', { a: 1, b: 2 })]);
    const turn = { madeThisTurn, state: EMPTY_CONVERSATION_STATE, limits: DEFAULT_AGENT_LIMITS, now: 0 };
    expect(turnCallRefusal(action, { b: 2, a: 1 }, turn)).toMatch(/^I already did that/);
    expect(turnCallRefusal(action, { a: 2, b: 2 }, turn)).toBeUndefined();
  });
});
