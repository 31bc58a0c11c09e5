import { describe, expect, it } from 'vitest';
import { scriptedModel } from '../test/scripted-model.js';
import { runTurn } from './run-turn.js';
import { type BuiltinTool, EMPTY_CONVERSATION_STATE, type TurnInput } from './turn-types.js';

/** A webhook-trigger-like tool that records what it was asked to send. */
function recordingTool(
  answer: Awaited<ReturnType<BuiltinTool['run']>> = { ok: true, content: { queued: true } },
) {
  const runs: Array<{ args: Record<string, unknown>; callId: string }> = [];
  const tool: BuiltinTool = {
    definition: {
      name: 'webhook_trigger',
      description: 'Tell the business about an event.',
      parameters: {
        type: 'object',
        properties: { event: { type: 'string' }, data: { type: 'object' } },
        required: ['event'],
        additionalProperties: false,
      },
    },
    async run(args, callId) {
      runs.push({ args, callId });
      return answer;
    },
  };
  return { tool, runs };
}

function turn(overrides: Partial<TurnInput>): TurnInput {
  return {
    system: 'You help.',
    history: [],
    userText: 'I want a quote, my email is ann@example.com',
    state: EMPTY_CONVERSATION_STATE,
    actions: [],
    model: scriptedModel([]),
    async callAction() {
      throw new Error('no action may be called');
    },
    ...overrides,
  };
}

const fire = {
  id: 't1',
  name: 'webhook_trigger',
  arguments: { event: 'lead', data: { email: 'ann@example.com' } },
};

describe('built-in tools', () => {
  it('are offered to the model, run with the arguments as given, and the reply goes on', async () => {
    const { tool, runs } = recordingTool();
    const model = scriptedModel([{ toolCalls: [fire] }, { text: 'Thanks, someone will email you.' }]);
    const output = await runTurn(turn({ model, builtinTools: [tool] }));
    expect(model.requests[0]?.tools.map((t) => t.name)).toEqual(['webhook_trigger']);
    expect(runs).toEqual([{ args: fire.arguments, callId: expect.stringMatching(/^call_/) }]);
    expect(output.reply).toBe('Thanks, someone will email you.');
    const toolMessage = output.messages.find((message) => message.role === 'tool');
    expect(toolMessage).toMatchObject({
      content: { ok: true, data: { queued: true } },
      callId: runs[0]?.callId,
    });
    expect(output.events.map((event) => event.type)).toEqual([
      'action-started',
      'action-completed',
      'message',
    ]);
    expect(output.state.callsMade).toBe(1);
  });

  it('are not repeated with identical arguments in one turn', async () => {
    const { tool, runs } = recordingTool();
    const model = scriptedModel([
      { toolCalls: [fire] },
      { toolCalls: [{ ...fire, id: 't2' }] },
      { text: 'Done.' },
    ]);
    const output = await runTurn(turn({ model, builtinTools: [tool] }));
    expect(runs).toHaveLength(1);
    expect(output.events.some((event) => event.type === 'limit-reached')).toBe(true);
    expect(model.requests[2]?.messages.at(-1)).toMatchObject({
      content: { ok: false, error: { kind: 'limit_reached' } },
    });
  });

  it('count towards the per-conversation limit', async () => {
    const { tool, runs } = recordingTool();
    const model = scriptedModel([{ toolCalls: [fire] }, { text: 'OK.' }]);
    const output = await runTurn(
      turn({ model, builtinTools: [tool], state: { callsMade: 10, recentCalls: [] } }),
    );
    expect(runs).toHaveLength(0);
    expect(output.reply).toBe('OK.');
  });

  it('report a refused payload to the model as a failed call', async () => {
    const { tool } = recordingTool({ ok: false, message: '/data: must be an object' });
    const model = scriptedModel([{ toolCalls: [fire] }, { text: 'Sorry.' }]);
    const output = await runTurn(turn({ model, builtinTools: [tool] }));
    expect(output.events.find((event) => event.type === 'action-failed')).toMatchObject({
      failure: { message: '/data: must be an object' },
    });
    expect(model.requests[1]?.messages.at(-1)).toMatchObject({
      content: { ok: false, error: { message: '/data: must be an object' } },
    });
    // Nothing was sent: not counted, and no call id points at a log record that does not exist.
    expect(output.state.callsMade).toBe(0);
    expect(output.messages.find((message) => message.role === 'tool')).not.toHaveProperty('callId');
  });

  it('count a call that was made and failed (a kind given), with its kind and call id', async () => {
    const { tool, runs } = recordingTool({ ok: false, kind: 'timeout', message: 'no answer within 5000 ms' });
    const model = scriptedModel([{ toolCalls: [fire] }, { text: 'It did not answer.' }]);
    const output = await runTurn(turn({ model, builtinTools: [tool] }));
    expect(output.events.map((event) => event.type)).toEqual(['action-started', 'action-failed', 'message']);
    expect(output.events[1]).toMatchObject({ failure: { kind: 'timeout' }, callId: runs[0]?.callId });
    expect(model.requests[1]?.messages.at(-1)).toMatchObject({
      content: { ok: false, error: { kind: 'timeout', message: 'no answer within 5000 ms' } },
      callId: runs[0]?.callId,
    });
    expect(output.state.callsMade).toBe(1);
  });
});
