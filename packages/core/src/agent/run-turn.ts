import { inSpan } from '../telemetry.js';
import { DEFAULT_AGENT_LIMITS, labelOf } from './agent-action.js';
import type { ChatMessage, ToolCallRequest } from './chat-model.js';
import { classifyReply } from './classify-reply.js';
import { handleToolCall } from './handle-tool-call.js';
import { DEFAULT_FALLBACK_TEXT, runModelSteps, toolMessage } from './model-steps.js';
import { taskOf } from './phrasing.js';
import type { ConversationState, TurnEvent, TurnInput, TurnOutput } from './turn-types.js';

export { DEFAULT_FALLBACK_TEXT };

/** A copy the loop may change: the caller's state stays as it was. */
export function copyState(state: ConversationState): ConversationState {
  return {
    ...state,
    recentCalls: [...state.recentCalls],
    ...(state.pending ? { pending: { ...state.pending, arguments: { ...state.pending.arguments } } } : {}),
  };
}

/**
 * One turn of a conversation: the customer's message in, the agent's reply out. The model
 * proposes; this loop decides. A proposed call with a missing or invalid argument becomes a
 * question, never a request; risky calls wait for an explicit yes; limits are enforced here; a
 * `message` result is said verbatim and a failure politely. At most `maxStepsPerTurn` model steps.
 *
 * @example
 * const turn = await runTurn({ system, history, userText: 'Where is ORD-12345?', state, actions, model, callAction });
 * turn.reply; // 'Your order ORD-12345 has shipped.'
 */
export function runTurn(input: TurnInput): Promise<TurnOutput> {
  return inSpan(
    'invoke_agent',
    { attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.provider.name': input.model.kind } },
    async (span) => {
      const output = await runTurnUntraced(input);
      span.setAttribute(
        'toolgate.calls',
        output.events.filter((event) => event.type === 'action-started').length,
      );
      return output;
    },
  );
}

async function runTurnUntraced(input: TurnInput): Promise<TurnOutput> {
  const limits = { ...DEFAULT_AGENT_LIMITS, ...input.limits };
  const state = copyState(input.state);
  const events: TurnEvent[] = [];
  const emit = (event: TurnEvent) => {
    events.push(event);
    input.onEvent?.(event);
  };
  const now = input.now ?? Date.now;
  const messages: ChatMessage[] = [{ role: 'user', content: input.userText }];
  const context = { input, limits, state, emit, now, madeThisTurn: new Set<string>() };
  const finish = (reply: string): TurnOutput => {
    messages.push({ role: 'assistant', content: reply });
    emit({ type: 'message', text: reply, reason: 'reply' });
    return { reply, messages, state, events };
  };

  // A call waiting for a yes: this message answers it, or moves on.
  if (state.pending) {
    const pending = state.pending;
    delete state.pending;
    const answer = classifyReply(input.userText);
    if (answer.unsure && !answer.yes && !answer.no && !answer.cancel && answer.otherWords <= 3) {
      // "hmm, let me think": the call keeps waiting, under the same id.
      state.pending = pending;
      return finish(
        "No problem, take your time. Just say yes when you'd like me to go ahead, or no to leave it.",
      );
    }
    // "yes, but make it 6 people" changes the call first: it is read back again, not made.
    if (answer.yes && !answer.no && !answer.correction) {
      const call: ToolCallRequest = {
        id: `confirmed_${now()}`,
        name: pending.action,
        arguments: pending.arguments,
      };
      messages.push({ role: 'assistant', content: '', toolCalls: [call] });
      const outcome = await handleToolCall(call, context, { confirmed: true });
      messages.push(toolMessage(call, outcome));
      if (outcome.kind === 'result') delete state.modelState;
      if (outcome.say !== undefined) return finish(outcome.say);
    } else if ((answer.no || answer.cancel) && !answer.correction) {
      const action =
        input.actions.find((candidate) => candidate.definition.name === pending.action) ??
        input.builtinTools?.find((tool) => tool.definition.name === pending.action)?.asAction;
      // The model's half-finished request is abandoned with the call.
      delete state.modelState;
      return finish(
        `OK, I won't ${action ? taskOf(labelOf(action)) : 'do that'}. Is there anything else I can help with?`,
      );
    }
  }

  return finish(await runModelSteps(context, messages));
}
