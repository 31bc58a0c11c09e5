import type { ActionDefinition } from '../actions/action-definition.js';
import { type ToolDefinition, toToolDefinition } from '../actions/to-tool-definition.js';
import { inSpan, SpanKind } from '../telemetry.js';
import type { AgentLimits } from './agent-action.js';
import { type ChatMessage, ModelError, type ToolCallRequest } from './chat-model.js';
import { handleToolCall, type ToolCallOutcome } from './handle-tool-call.js';
import { refusedContent } from './tool-content.js';
import type { ConversationState, TurnEvent, TurnInput } from './turn-types.js';

/** Said when the model fails and the agent has no fallback text of its own. */
export const DEFAULT_FALLBACK_TEXT =
  "Sorry, I'm having trouble answering right now. Please try again in a moment.";

/** What the model steps of a turn or a follow-up share. */
export interface StepContext {
  input: Omit<TurnInput, 'userText'>;
  limits: AgentLimits;
  state: ConversationState;
  emit(event: TurnEvent): void;
  now(): number;
  madeThisTurn: Set<string>;
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

/** The tool message that gives the model a call's outcome. */
export function toolMessage(call: ToolCallRequest, outcome: ToolCallOutcome): ChatMessage {
  return {
    role: 'tool',
    toolCallId: call.id,
    toolName: call.name,
    content: outcome.toolContent,
    ...(outcome.kind === 'result' && outcome.callId ? { callId: outcome.callId } : {}),
  };
}

/**
 * Model steps until the model answers in text or a call ends the turn, at most
 * `maxStepsPerTurn`; appends every step's messages to `messages` and returns the text to say.
 */
export async function runModelSteps(context: StepContext, messages: ChatMessage[]): Promise<string> {
  const { input, limits, state, emit } = context;
  const tools = [
    ...input.actions.map((action) => toolOf(action.definition)),
    ...(input.builtinTools ?? []).map((tool) => tool.definition),
  ];
  for (let step = 0; step < limits.maxStepsPerTurn; step += 1) {
    let response: Awaited<ReturnType<TurnInput['model']['respond']>>;
    try {
      input.signal?.throwIfAborted();
      const request = {
        system: input.system,
        messages: [...input.history, ...messages],
        tools,
        state: state.modelState,
        now: state.referenceTime ? new Date(state.referenceTime) : new Date(context.now()),
        ...(input.signal ? { signal: input.signal } : {}),
      };
      response = await inSpan(
        `chat ${input.model.kind}`,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': input.model.kind },
        },
        async (span) => {
          const answered = await input.model.respond(request);
          const usage = answered.debug as { inputTokens?: unknown; outputTokens?: unknown } | undefined;
          if (typeof answered.debug?.model === 'string')
            span.setAttribute('gen_ai.request.model', answered.debug.model);
          if (typeof usage?.inputTokens === 'number')
            span.setAttribute('gen_ai.usage.input_tokens', usage.inputTokens);
          if (typeof usage?.outputTokens === 'number')
            span.setAttribute('gen_ai.usage.output_tokens', usage.outputTokens);
          span.setAttribute('toolgate.tool_calls', answered.toolCalls.length);
          return answered;
        },
      );
    } catch (error) {
      const message =
        error instanceof ModelError
          ? error.message
          : input.signal?.aborted
            ? 'the turn ran out of time'
            : `the model failed: ${(error as Error).message}`;
      emit({ type: 'model-error', message });
      return input.fallbackText ?? DEFAULT_FALLBACK_TEXT;
    }
    if (response.state !== undefined) state.modelState = response.state;
    if (response.debug) emit({ type: 'debug', step, data: response.debug });
    if (response.toolCalls.length === 0)
      return response.text.trim() || (input.fallbackText ?? DEFAULT_FALLBACK_TEXT);
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
    if (say !== undefined) return say;
  }
  return "I'm sorry, I couldn't finish that. Could you put it another way?";
}
