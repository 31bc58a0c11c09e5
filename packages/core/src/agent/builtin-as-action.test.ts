import { describe, expect, it } from 'vitest';
import { scriptedModel } from '../test/scripted-model.js';
import type { AgentAction } from './agent-action.js';
import { runTurn } from './run-turn.js';
import { type BuiltinTool, EMPTY_CONVERSATION_STATE, type TurnInput } from './turn-types.js';

/** A remote-MCP-like tool seen as an action: its parameters are asked for, its call confirmed. */
function toolAsAction(asAction: AgentAction) {
  const runs: Array<Record<string, unknown>> = [];
  const tool: BuiltinTool = {
    definition: { name: 'shop__cancel_order', description: 'Cancel an order.' } as BuiltinTool['definition'],
    asAction,
    async run(args) {
      runs.push(args);
      return { ok: true, content: { text: `order ${String(args.order_id)} is cancelled` } };
    },
  };
  return { tool, runs };
}

const cancel = (confirmation: 'always' | 'never', parameters = true): AgentAction => ({
  definition: {
    name: 'shop__cancel_order',
    displayName: 'cancel order',
    description: 'Cancel an order.',
    url: 'https://mcp.example.com/mcp',
    ...(parameters
      ? {
          parameters: {
            type: 'object' as const,
            properties: { order_id: { type: 'string' as const } },
            required: ['order_id'],
          },
        }
      : {}),
  },
  confirmation,
});

function turn(overrides: Partial<TurnInput>): TurnInput {
  return {
    system: 'You help.',
    history: [],
    userText: 'cancel my order',
    state: EMPTY_CONVERSATION_STATE,
    actions: [],
    model: scriptedModel([]),
    async callAction() {
      throw new Error('no action may be called');
    },
    ...overrides,
  };
}

const call = (args: Record<string, unknown>) => ({ id: 't1', name: 'shop__cancel_order', arguments: args });

describe('a built-in tool seen as an action', () => {
  it('asks for a missing parameter and does not run', async () => {
    const { tool, runs } = toolAsAction(cancel('never'));
    const output = await runTurn(
      turn({ model: scriptedModel([{ toolCalls: [call({})] }]), builtinTools: [tool] }),
    );
    expect(output.reply).toBe('What is the order ID?');
    expect(output.events).toContainEqual(
      expect.objectContaining({
        type: 'parameter-requested',
        action: 'shop__cancel_order',
        parameter: 'order_id',
      }),
    );
    expect(runs).toEqual([]);
  });

  it('is read back, runs on a yes, and not on a no', async () => {
    const { tool, runs } = toolAsAction(cancel('always'));
    const asked = await runTurn(
      turn({ model: scriptedModel([{ toolCalls: [call({ order_id: 'A-1' })] }]), builtinTools: [tool] }),
    );
    expect(asked.reply).toBe("Just to confirm: I'll cancel order with order ID: A-1. Shall I go ahead?");
    expect(asked.state.pending).toMatchObject({
      action: 'shop__cancel_order',
      arguments: { order_id: 'A-1' },
    });
    expect(runs).toEqual([]);
    const yes = await runTurn(
      turn({
        userText: 'yes',
        state: asked.state,
        model: scriptedModel([{ text: 'Cancelled.' }]),
        builtinTools: [tool],
      }),
    );
    expect(runs).toEqual([{ order_id: 'A-1' }]);
    expect(yes.reply).toBe('Cancelled.');
    const no = await runTurn(turn({ userText: 'no', state: asked.state, builtinTools: [tool] }));
    expect(no.reply).toBe("OK, I won't cancel order. Is there anything else I can help with?");
    expect(runs).toHaveLength(1);
  });

  it('without parameters, runs with the arguments as the model gave them', async () => {
    const { tool, runs } = toolAsAction(cancel('never', false));
    const model = scriptedModel([
      { toolCalls: [call({ order_id: 'B-2', extra: { deep: true } })] },
      { text: 'ok' },
    ]);
    await runTurn(turn({ model, builtinTools: [tool] }));
    expect(runs).toEqual([{ order_id: 'B-2', extra: { deep: true } }]);
  });
});
