import { DEFAULT_AGENT_LIMITS } from './agent-action.js';
import type { ChatMessage, ToolCallRequest } from './chat-model.js';
import { runModelSteps } from './model-steps.js';
import { copyState } from './run-turn.js';
import type { ToolContent } from './tool-content.js';
import type { TurnEvent, TurnInput, TurnOutput } from './turn-types.js';

/** What a follow-up needs: a turn's input without a customer message, plus the late result. */
export interface FollowUpInput extends Omit<TurnInput, 'userText'> {
  /** The call the result answers: its action, arguments and the call id of the log. */
  call: { callId: string; action: string; arguments: Record<string, unknown> };
  /** The late result, as the model reads it. */
  content: ToolContent;
  /** Said without asking the model (a deadline passed): the model is not called. */
  fixedReply?: string;
}

/**
 * The agent's follow-up to an async call answered later (or never): the result is given to the
 * model as the result of a fresh tool call of the same action, so every model API sees a
 * well-formed call/result pair, and the model's answer is the follow-up message. Limits,
 * confirmations and further calls work as in a turn.
 *
 * @example
 * const followUp = await runFollowUp({ ...setup, history, state, call, content: { ok: true, status: 200, data } });
 * followUp.reply; // 'Good news: the warehouse has 3 in stock.'
 */
export async function runFollowUp(input: FollowUpInput): Promise<TurnOutput> {
  const limits = { ...DEFAULT_AGENT_LIMITS, ...input.limits };
  const state = copyState(input.state);
  const events: TurnEvent[] = [];
  const emit = (event: TurnEvent) => {
    events.push(event);
    input.onEvent?.(event);
  };
  const now = input.now ?? Date.now;
  const toolCall: ToolCallRequest = {
    id: `callback_${input.call.callId}`,
    name: input.call.action,
    arguments: input.call.arguments,
  };
  const messages: ChatMessage[] = [
    { role: 'assistant', content: '', toolCalls: [toolCall] },
    {
      role: 'tool',
      toolCallId: toolCall.id,
      toolName: toolCall.name,
      content: input.content,
      callId: input.call.callId,
    },
  ];
  const context = { input, limits, state, emit, now, madeThisTurn: new Set<string>() };
  const reply = input.fixedReply ?? (await runModelSteps(context, messages));
  messages.push({ role: 'assistant', content: reply });
  emit({ type: 'message', text: reply, reason: 'reply' });
  return { reply, messages, state, events };
}
