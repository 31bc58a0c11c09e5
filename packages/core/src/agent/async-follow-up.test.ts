import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../http/call/action-result.js';
import { scriptedModel } from '../test/scripted-model.js';
import type { AgentAction } from './agent-action.js';
import { DEFAULT_PENDING_MESSAGE } from './handle-tool-call.js';
import { runFollowUp } from './run-follow-up.js';
import { runTurn } from './run-turn.js';
import { EMPTY_CONVERSATION_STATE, type TurnInput } from './turn-types.js';

const stockCheck: AgentAction = {
  definition: {
    name: 'check_stock',
    description: 'Ask the warehouse whether an item is in stock.',
    url: 'https://warehouse.example.com/stock',
    method: 'GET',
    async: { deadlineSeconds: 60 },
    parameters: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
  },
};

function answered(status: number, body: { data?: unknown; message?: string }): ActionResult {
  return {
    ok: true,
    status,
    callId: 'call_1',
    action: 'check_stock',
    durationMs: 3,
    request: null,
    response: null,
    redirects: [],
    truncated: false,
    ...body,
  };
}

function turn(result: ActionResult, action = stockCheck): TurnInput {
  return {
    system: 'You help customers.',
    history: [],
    userText: 'Is SKU-1 in stock?',
    state: EMPTY_CONVERSATION_STATE,
    actions: [action],
    model: scriptedModel([{ toolCalls: [{ id: 'tc_1', name: 'check_stock', arguments: { sku: 'SKU-1' } }] }]),
    callAction: async () => result,
  };
}

describe('async actions in a turn', () => {
  it('says the endpoint message on a 202 and tells the model the answer is pending', async () => {
    const output = await runTurn(turn(answered(202, { message: "I'm checking with the warehouse" })));
    expect(output.reply).toBe("I'm checking with the warehouse");
    const tool = output.messages.find((message) => message.role === 'tool');
    expect(tool?.role === 'tool' ? tool.content : null).toEqual({
      ok: true,
      status: 202,
      pending: true,
      message: "I'm checking with the warehouse",
    });
    expect(output.events.some((event) => event.type === 'action-pending')).toBe(true);
  });

  it('uses the pending message of the action, or the default, on a bare 202', async () => {
    const withMessage = {
      ...stockCheck,
      definition: { ...stockCheck.definition, async: { pendingMessage: 'One moment.' } },
    };
    expect((await runTurn(turn(answered(202, { data: null }), withMessage))).reply).toBe('One moment.');
    expect((await runTurn(turn(answered(202, { data: null })))).reply).toBe(DEFAULT_PENDING_MESSAGE);
  });

  it('handles a 200 of an async action as a normal answer', async () => {
    const input = turn(answered(200, { data: { inStock: true } }));
    input.model = scriptedModel([
      { toolCalls: [{ id: 'tc_1', name: 'check_stock', arguments: { sku: 'SKU-1' } }] },
      { text: 'Yes, it is in stock.' },
    ]);
    const output = await runTurn(input);
    expect(output.reply).toBe('Yes, it is in stock.');
    expect(output.events.some((event) => event.type === 'action-pending')).toBe(false);
  });
});

describe('runFollowUp', () => {
  it('gives the late result to the model as a fresh call of the action and returns its answer', async () => {
    const model = scriptedModel([{ text: 'Good news: SKU-1 is in stock.' }]);
    const { callAction: _unused, userText: _text, ...rest } = turn(answered(200, {}));
    const output = await runFollowUp({
      ...rest,
      model,
      callAction: async () => answered(200, {}),
      call: { callId: 'call_1', action: 'check_stock', arguments: { sku: 'SKU-1' } },
      content: { ok: true, status: 200, data: { inStock: true } },
    });
    expect(output.reply).toBe('Good news: SKU-1 is in stock.');
    const seen = model.requests[0]?.messages ?? [];
    expect(seen.at(-2)).toMatchObject({
      role: 'assistant',
      toolCalls: [{ id: 'callback_call_1', name: 'check_stock' }],
    });
    expect(seen.at(-1)).toMatchObject({
      role: 'tool',
      toolCallId: 'callback_call_1',
      content: { data: { inStock: true } },
    });
    expect(output.messages.at(-1)).toEqual({ role: 'assistant', content: 'Good news: SKU-1 is in stock.' });
  });

  it('says a fixed reply without asking the model', async () => {
    const model = scriptedModel([]);
    const { userText: _text, ...rest } = turn(answered(200, {}));
    const output = await runFollowUp({
      ...rest,
      model,
      call: { callId: 'call_1', action: 'check_stock', arguments: {} },
      content: { ok: false, error: { kind: 'timeout', message: 'no answer in time' } },
      fixedReply: 'I could not get an answer.',
    });
    expect(output.reply).toBe('I could not get an answer.');
    expect(model.requests).toHaveLength(0);
  });
});
