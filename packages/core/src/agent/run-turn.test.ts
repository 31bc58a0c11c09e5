import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../http/call/action-result.js';
import { scriptedModel } from '../test/scripted-model.js';
import type { AgentAction } from './agent-action.js';
import { ModelError } from './chat-model.js';
import { runTurn } from './run-turn.js';
import { EMPTY_CONVERSATION_STATE, type TurnInput } from './turn-types.js';

const orderStatus: AgentAction = {
  definition: {
    name: 'check_order_status',
    displayName: 'Check order status',
    description: 'Look up an order by its number.',
    url: 'https://orders.example.com/status',
    method: 'GET',
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string', description: 'Like ORD-12345', pattern: '^ORD-\\d+$' } },
      required: ['order_number'],
    },
  },
  messages: { start: 'Let me look that up.' },
};

const cancelOrder: AgentAction = {
  definition: {
    name: 'cancel_order',
    displayName: 'Cancel the order',
    description: 'Cancel an order that has not shipped.',
    url: 'https://orders.example.com/cancel',
    method: 'POST',
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string' } },
      required: ['order_number'],
    },
  },
};

function ok(action: string, body: { data?: unknown; message?: string }): ActionResult {
  return {
    ok: true,
    status: 200,
    callId: 'call_x',
    action,
    durationMs: 5,
    request: null,
    response: null,
    redirects: [],
    truncated: false,
    ...body,
  };
}

function input(
  overrides: Partial<TurnInput>,
): TurnInput & { calls: Array<{ action: string; args: Record<string, unknown> }> } {
  const calls: Array<{ action: string; args: Record<string, unknown> }> = [];
  return {
    system: 'You help customers of a shop.',
    history: [],
    userText: 'Where is my order?',
    state: EMPTY_CONVERSATION_STATE,
    actions: [orderStatus, cancelOrder],
    model: scriptedModel([]),
    calls,
    async callAction(action, args) {
      calls.push({ action: action.definition.name, args });
      return ok(action.definition.name, { data: { status: 'shipped', internal_note: 'vip' } });
    },
    ...overrides,
  };
}

const callOf = (name: string, args: Record<string, unknown>, id = 'tc_1') => ({
  toolCalls: [{ id, name, arguments: args }],
});

describe('runTurn', () => {
  it('asks for a missing required parameter instead of calling', async () => {
    const turn = input({ model: scriptedModel([callOf('check_order_status', {})]) });
    const out = await runTurn(turn);
    expect(out.reply).toBe('What is the order number? (Like ORD-12345)');
    expect(turn.calls).toEqual([]);
    expect(out.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('asks again for an invalid value, saying why, and calls nothing', async () => {
    const turn = input({ model: scriptedModel([callOf('check_order_status', { order_number: '12345' })]) });
    const out = await runTurn(turn);
    expect(out.reply).toMatch(/^The order number "12345" doesn't look right: it .+\. Could you check it\?$/);
    expect(turn.calls).toEqual([]);
  });

  it('calls, shows the model only the allowed fields, and lets it answer', async () => {
    const model = scriptedModel([
      callOf('check_order_status', { order_number: 'ORD-12345' }),
      { text: 'It has shipped.' },
    ]);
    const turn = input({ model, actions: [{ ...orderStatus, responseFields: ['status'] }] });
    const out = await runTurn(turn);
    expect(out.reply).toBe('It has shipped.');
    expect(turn.calls).toEqual([{ action: 'check_order_status', args: { order_number: 'ORD-12345' } }]);
    const toolMessage = model.requests[1]?.messages.find((message) => message.role === 'tool');
    expect(toolMessage).toMatchObject({ content: { ok: true, data: { status: 'shipped' } } });
    expect(JSON.stringify(model.requests[1])).not.toContain('vip');
    expect(out.events.map((event) => event.type)).toEqual([
      'action-started',
      'message',
      'action-completed',
      'message',
    ]);
    expect(out.state.callsMade).toBe(1);
  });

  it('says a message result verbatim without asking the model again', async () => {
    const model = scriptedModel([callOf('check_order_status', { order_number: 'ORD-1' })]);
    const out = await runTurn(
      input({
        model,
        callAction: async (action) =>
          ok(action.definition.name, { message: 'Your order ORD-1 arrives Friday.' }),
      }),
    );
    expect(out.reply).toBe('Your order ORD-1 arrives Friday.');
    expect(model.requests.length).toBe(1);
  });

  it('asks before a POST, calls on yes, cancels on no', async () => {
    const first = await runTurn(
      input({
        userText: 'cancel ORD-7',
        model: scriptedModel([callOf('cancel_order', { order_number: 'ORD-7' })]),
      }),
    );
    expect(first.reply).toBe(
      "Just to confirm: I'll cancel the order with order number: ORD-7. Shall I go ahead?",
    );
    expect(first.state.pending).toEqual({
      id: expect.stringMatching(/^conf_[0-9a-f-]{36}$/),
      action: 'cancel_order',
      arguments: { order_number: 'ORD-7' },
    });
    // The client sees the same id, to confirm exactly this call from a button.
    expect(first.events.find((event) => event.type === 'approval-requested')).toMatchObject({
      confirmationId: first.state.pending?.id,
      arguments: { order_number: 'ORD-7' },
    });

    const declined = input({ userText: 'no, leave it', state: first.state, model: scriptedModel([]) });
    const no = await runTurn(declined);
    expect(no.reply).toMatch(/^OK, I won't cancel the order\./);
    expect(declined.calls).toEqual([]);
    expect(no.state.pending).toBeUndefined();

    const accepted = input({
      userText: 'yes please',
      state: first.state,
      model: scriptedModel([{ text: 'Done: it is cancelled.' }]),
    });
    const yes = await runTurn(accepted);
    expect(accepted.calls).toEqual([{ action: 'cancel_order', args: { order_number: 'ORD-7' } }]);
    expect(yes.reply).toBe('Done: it is cancelled.');
  });

  it('keeps the call waiting through a pause ("hmm, let me think"), then calls on yes', async () => {
    const first = await runTurn(
      input({
        userText: 'cancel ORD-7',
        model: scriptedModel([callOf('cancel_order', { order_number: 'ORD-7' })]),
      }),
    );
    const paused = input({ userText: 'hmm, let me think', state: first.state, model: scriptedModel([]) });
    const pause = await runTurn(paused);
    expect(pause.reply).toMatch(/take your time/i);
    expect(pause.state.pending).toEqual(first.state.pending);
    expect(paused.calls).toEqual([]);

    const accepted = input({
      userText: 'ok yes',
      state: pause.state,
      model: scriptedModel([{ text: 'Cancelled.' }]),
    });
    await runTurn(accepted);
    expect(accepted.calls).toEqual([{ action: 'cancel_order', args: { order_number: 'ORD-7' } }]);
  });

  it('a new question while a call waits drops the call and is answered', async () => {
    const first = await runTurn(
      input({
        userText: 'cancel ORD-7',
        model: scriptedModel([callOf('cancel_order', { order_number: 'ORD-7' })]),
      }),
    );
    const asked = input({
      userText: 'not sure, what time do you close today?',
      state: first.state,
      model: scriptedModel([{ text: 'We close at 9pm.' }]),
    });
    const out = await runTurn(asked);
    expect(out.reply).toBe('We close at 9pm.');
    expect(out.state.pending).toBeUndefined();
    expect(asked.calls).toEqual([]);
  });

  it('says which parameter it asks for in a parameter-requested event', async () => {
    const out = await runTurn(input({ model: scriptedModel([callOf('check_order_status', {})]) }));
    expect(out.events).toContainEqual({
      type: 'parameter-requested',
      action: 'check_order_status',
      parameter: 'order_number',
      reason: 'missing',
      question: out.reply,
      valueType: 'string',
    });
  });

  it('stops at the per-conversation limit with a clear message', async () => {
    const turn = input({
      state: { callsMade: 10, recentCalls: [] },
      model: scriptedModel([callOf('check_order_status', { order_number: 'ORD-1' })]),
    });
    const out = await runTurn(turn);
    expect(turn.calls).toEqual([]);
    expect(out.reply).toContain('limit of 10 requests');
    expect(out.events.map((event) => event.type)).toContain('limit-reached');
  });

  it('enforces a per-action window', async () => {
    const now = 1_000_000;
    const turn = input({
      now: () => now,
      actions: [{ ...orderStatus, rateLimit: { calls: 3, windowMs: 600_000 } }],
      state: {
        callsMade: 3,
        recentCalls: [1, 2, 3].map((minute) => ({ action: 'check_order_status', at: now - minute * 60_000 })),
      },
      model: scriptedModel([callOf('check_order_status', { order_number: 'ORD-1' })]),
    });
    const out = await runTurn(turn);
    expect(turn.calls).toEqual([]);
    expect(out.reply).toContain('3 times every 10 minutes');
  });

  it('does not repeat an identical call within a turn', async () => {
    const again = callOf('check_order_status', { order_number: 'ORD-1' }, 'tc_2');
    const turn = input({
      model: scriptedModel([callOf('check_order_status', { order_number: 'ORD-1' }), again]),
    });
    const out = await runTurn(turn);
    expect(turn.calls.length).toBe(1);
    expect(out.reply).toContain("won't repeat it");
  });

  it('stops after the step limit', async () => {
    const steps = [1, 2, 3, 4, 5].map((n) =>
      callOf('check_order_status', { order_number: `ORD-${n}` }, `tc_${n}`),
    );
    const turn = input({ model: scriptedModel(steps), limits: { maxStepsPerTurn: 5 } });
    const out = await runTurn(turn);
    expect(turn.calls.length).toBe(5);
    expect(out.reply).toMatch(/couldn't finish/);
  });

  it('answers a failure politely (or with the operator’s text) and a model failure with the fallback', async () => {
    const failing = input({
      model: scriptedModel([callOf('check_order_status', { order_number: 'ORD-1' })]),
      callAction: async (action) => ({
        ok: false,
        status: 503,
        callId: 'c',
        action: action.definition.name,
        durationMs: 3,
        request: null,
        response: null,
        redirects: [],
        truncated: false,
        failure: { kind: 'http_error', message: 'the endpoint answered 503', expected: false },
      }),
    });
    expect((await runTurn(failing)).reply).toBe(
      "Sorry, I couldn't check order status right now. Please try again later.",
    );
    const down = await runTurn(
      input({
        model: scriptedModel([new ModelError('model endpoint answered 500')]),
        fallbackText: 'One moment, a person will reply.',
      }),
    );
    expect(down.reply).toBe('One moment, a person will reply.');
    expect(down.events[0]).toEqual({ type: 'model-error', message: 'model endpoint answered 500' });
  });

  it('sends the delayed message while a slow call runs', async () => {
    const slow = {
      ...orderStatus,
      messages: { delayed: { afterMs: 20, text: 'Still checking, one moment.' } },
    };
    // The call answers only once the delayed message has gone out: no race with a timer.
    let delayedSent: () => void = () => undefined;
    const delayed = new Promise<void>((resolve) => {
      delayedSent = resolve;
    });
    const turn = input({
      actions: [slow],
      model: scriptedModel([callOf('check_order_status', { order_number: 'ORD-1' }), { text: 'Shipped.' }]),
      callAction: async (action) => {
        await delayed;
        return ok(action.definition.name, { data: { status: 'shipped' } });
      },
    });
    const out = await runTurn({
      ...turn,
      onEvent: (event) => {
        if (event.type === 'message' && event.reason === 'delayed') delayedSent();
      },
    });
    expect(out.events.map((event) => event.type)).toEqual([
      'action-started',
      'action-delayed',
      'message',
      'action-completed',
      'message',
    ]);
  });
});
