import type { ActionDefinition } from '../actions/action-definition.js';
import { type ToolDefinition, toToolDefinition } from '../actions/to-tool-definition.js';
import { DEFAULT_AGENT_LIMITS, labelOf } from './agent-action.js';
import { type ChatMessage, ModelError, type ToolCallRequest } from './chat-model.js';
import { classifyReply } from './classify-reply.js';
import { handleToolCall, type ToolCallOutcome } from './handle-tool-call.js';
import { refusedContent } from './tool-content.js';
import type { ConversationState, TurnEvent, TurnInput, TurnOutput } from './turn-types.js';

/** Said when the model fails and the agent has no fallback text of its own. */
export const DEFAULT_FALLBACK_TEXT =
  "Sorry, I'm having trouble answering right now. Please try again in a moment.";

function copyState(state: ConversationState): ConversationState {
  return {
    ...state,
    recentCalls: [...state.recentCalls],
    ...(state.pending ? { pending: { ...state.pending, arguments: { ...state.pending.arguments } } } : {}),
  };
}

/** Tool definitions by definition object: a service that keeps its actions gets each built once. */
const builtTools = new WeakMap<ActionDefinition, ToolDefinition>();
function toolOf(definition: ActionDefinition): ToolDefinition {
  let tool = builtTools.get(definition);
  if (!tool) {
    tool = toToolDefinition(definition);
    builtTools.set(definition, tool);
  }
  return tool;
}

function toolMessage(call: ToolCallRequest, outcome: ToolCallOutcome): ChatMessage {
  return {
    role: 'tool',
    toolCallId: call.id,
    toolName: call.name,
    content: outcome.toolContent,
    ...(outcome.kind === 'result' && outcome.callId ? { callId: outcome.callId } : {}),
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
export async function runTurn(input: TurnInput): Promise<TurnOutput> {
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
    if (answer.yes && !answer.no) {
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
      const action = input.actions.find((candidate) => candidate.definition.name === pending.action);
      // The model's half-finished request is abandoned with the call.
      delete state.modelState;
      return finish(
        `OK, I won't ${action ? labelOf(action).toLowerCase() : 'do that'}. Is there anything else I can help with?`,
      );
    }
  }

  const tools = [
    ...input.actions.map((action) => toolOf(action.definition)),
    ...(input.builtinTools ?? []).map((tool) => tool.definition),
  ];
  for (let step = 0; step < limits.maxStepsPerTurn; step += 1) {
    let response: Awaited<ReturnType<TurnInput['model']['respond']>>;
    try {
      input.signal?.throwIfAborted();
      response = await input.model.respond({
        system: input.system,
        messages: [...input.history, ...messages],
        tools,
        state: state.modelState,
        ...(input.signal ? { signal: input.signal } : {}),
      });
    } catch (error) {
      const message =
        error instanceof ModelError
          ? error.message
          : input.signal?.aborted
            ? 'the turn ran out of time'
            : `the model failed: ${(error as Error).message}`;
      emit({ type: 'model-error', message });
      return finish(input.fallbackText ?? DEFAULT_FALLBACK_TEXT);
    }
    if (response.state !== undefined) state.modelState = response.state;
    if (response.debug) emit({ type: 'debug', step, data: response.debug });
    if (response.toolCalls.length === 0)
      return finish(response.text.trim() || (input.fallbackText ?? DEFAULT_FALLBACK_TEXT));
    messages.push({ role: 'assistant', content: response.text, toolCalls: response.toolCalls });
    let say: string | undefined;
    for (const call of response.toolCalls) {
      if (say !== undefined) {
        // The turn already ends with a question or a final text: later calls are not made.
        messages.push({
          role: 'tool',
          toolCallId: call.id,
          toolName: call.name,
          content: refusedContent('skipped', 'not made'),
        });
        continue;
      }
      const outcome = await handleToolCall(call, context);
      messages.push(toolMessage(call, outcome));
      if (outcome.say !== undefined) {
        say = outcome.say;
        // A final answer (result, failure, limit) ends the request the model was building; a
        // question keeps it, so the next answer fills it in.
        if (outcome.kind === 'result') delete state.modelState;
      }
    }
    if (say !== undefined) return finish(say);
  }
  return finish("I'm sorry, I couldn't finish that. Could you put it another way?");
}
