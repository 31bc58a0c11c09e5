import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { type ArgumentOptions, validateArguments } from '../actions/validate-arguments.js';
import { createCallId } from '../http/call/prepare-call.js';
import { inSpan } from '../telemetry.js';
import { type AgentAction, type AgentLimits, labelOf, needsConfirmation } from './agent-action.js';
import { callLimitRefusal, countCall, turnCallKey, turnCallRefusal } from './call-limits.js';
import type { ToolCallRequest } from './chat-model.js';
import { askAgain, askFor, politeFailure, readBack } from './phrasing.js';
import { shapeModelResult } from './shape-model-result.js';
import { type PendingToolContent, refusedContent, type ToolContent } from './tool-content.js';
import type { BuiltinTool, ConversationState, TurnEvent, TurnInput } from './turn-types.js';

/** Said when an async action answers 202 with no message and the action has no pending message. */
export const DEFAULT_PENDING_MESSAGE =
  "I'm looking into that now; I'll write back here as soon as I have the answer.";

/** What became of one proposed call. */
export type ToolCallOutcome =
  /** Give `toolContent` to the model; `say` ends the turn with that text (verbatim message, failure). */
  | { kind: 'result'; toolContent: ToolContent; say?: string; callId?: string }
  /** End the turn with a question (missing/invalid argument, confirmation). */
  | { kind: 'ask'; toolContent: ToolContent; say: string };

interface Context {
  input: Omit<TurnInput, 'userText'>;
  limits: AgentLimits;
  state: ConversationState;
  emit(event: TurnEvent): void;
  now(): number;
  /** Calls made in this turn, by action and arguments: an identical one is not repeated. */
  madeThisTurn: Set<string>;
}

/**
 * Applies the conversation's policy to one call the model proposed: validate the arguments (ask
 * when one is missing or invalid, never call), the limits, the confirmation, and only then call,
 * with the latency messages around it.
 */
export function handleToolCall(
  call: ToolCallRequest,
  context: Context,
  options: { confirmed?: boolean } = {},
): Promise<ToolCallOutcome> {
  return inSpan(
    `execute_tool ${call.name}`,
    {
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': call.name,
        'gen_ai.tool.call.id': call.id,
      },
    },
    async (span) => {
      const outcome = await handleToolCallUntraced(call, context, options);
      span.setAttribute('toolgate.outcome', outcome.kind);
      return outcome;
    },
  );
}

async function handleToolCallUntraced(
  call: ToolCallRequest,
  context: Context,
  options: { confirmed?: boolean },
): Promise<ToolCallOutcome> {
  const { input, state } = context;
  const action = input.actions.find((candidate) => candidate.definition.name === call.name);
  const builtin = action ? undefined : input.builtinTools?.find((tool) => tool.definition.name === call.name);
  if (builtin) return runBuiltin(builtin, call, context);
  if (!action) {
    return {
      kind: 'result',
      toolContent: refusedContent('unknown_action', `there is no action named ${call.name}`),
    };
  }
  const label = labelOf(action);
  const checked = validateArguments(action.definition, call.arguments, argumentOptionsOf(context));
  trace.getActiveSpan()?.addEvent('arguments validated', {
    'toolgate.valid': checked.valid,
    ...(checked.valid ? {} : { 'toolgate.issues': checked.issues.map((issue) => issue.path).join(' ') }),
  });
  if (!checked.valid) {
    const [missing] = checked.missing;
    const [invalid] = checked.invalid;
    const say = missing
      ? askFor(missing)
      : invalid
        ? askAgain(invalid)
        : 'Could you give me those details again?';
    const asked = missing ?? (invalid && invalid.name !== '' ? invalid : undefined);
    if (asked) {
      const schema = action.definition.parameters?.properties[asked.name];
      context.emit({
        type: 'parameter-requested',
        action: call.name,
        parameter: asked.name,
        reason: missing ? 'missing' : 'invalid',
        question: say,
        ...(schema?.enum ? { options: [...schema.enum] } : {}),
        ...(schema?.format ? { format: schema.format } : {}),
        ...(schema?.type ? { valueType: schema.type } : {}),
      });
    }
    return {
      kind: 'ask',
      say,
      toolContent: refusedContent(
        'invalid_arguments',
        checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      ),
    };
  }
  const args = checked.value;
  const refusal = turnCallRefusal(action, args, { ...context, now: context.now() });
  if (refusal) {
    context.emit({ type: 'limit-reached', action: call.name, message: refusal });
    return {
      kind: 'result',
      toolContent: refusedContent('limit_reached', refusal),
      say: refusal,
    };
  }
  if (!options.confirmed && needsConfirmation(action)) {
    const say = readBack(label, args, action.definition.parameters?.properties);
    const confirmationId = `conf_${randomUUID()}`;
    state.pending = { id: confirmationId, action: call.name, arguments: args };
    context.emit({
      type: 'approval-requested',
      action: call.name,
      arguments: args,
      text: say,
      confirmationId,
    });
    return { kind: 'ask', say, toolContent: { ok: false, awaitingConfirmation: true } };
  }
  return callWithMessages(action, args, context);
}

async function callWithMessages(
  action: AgentAction,
  args: Record<string, unknown>,
  context: Context,
): Promise<ToolCallOutcome> {
  const { state, limits } = context;
  const name = action.definition.name;
  const callId = createCallId();
  context.madeThisTurn.add(turnCallKey(name, args));
  countCall(state, { action: name, at: context.now() });
  context.emit({ type: 'action-started', action: name, callId, arguments: args });
  if (action.messages?.start) context.emit({ type: 'message', text: action.messages.start, reason: 'start' });
  const delayed = action.messages?.delayed;
  const timer =
    delayed === undefined
      ? undefined
      : setTimeout(() => {
          context.emit({ type: 'action-delayed', action: name, callId, text: delayed.text });
          context.emit({ type: 'message', text: delayed.text, reason: 'delayed' });
        }, delayed.afterMs);
  let result: Awaited<ReturnType<TurnInput['callAction']>>;
  try {
    result = await context.input.callAction(action, args, callId);
  } finally {
    if (timer) clearTimeout(timer);
  }
  const toolContent = shapeModelResult(result, {
    responseFields: action.responseFields,
    maxChars: limits.maxResultChars,
  });
  if (!result.ok) {
    const failure = {
      kind: result.failure.kind,
      message: result.failure.message,
      ...(result.status === null ? {} : { status: result.status }),
    };
    context.emit({ type: 'action-failed', action: name, callId, failure });
    const say = action.messages?.failure ?? politeFailure(labelOf(action), result.failure);
    context.emit({ type: 'message', text: say, reason: 'failure' });
    return { kind: 'result', toolContent, say };
  }
  const pending = action.definition.async !== undefined && result.status === 202;
  if (pending) {
    const say = result.message ?? action.definition.async?.pendingMessage ?? DEFAULT_PENDING_MESSAGE;
    context.emit({ type: 'action-pending', action: name, callId, text: say });
    const content: PendingToolContent = { ok: true, status: 202, pending: true, message: say };
    return { kind: 'result', toolContent: content, say, callId };
  }
  context.emit({ type: 'action-completed', action: name, callId, result: toolContent });
  return result.message !== undefined
    ? { kind: 'result', toolContent, say: result.message, callId }
    : { kind: 'result', toolContent, callId };
}

/**
 * A built-in tool: limited and counted like a call once it runs, answered at once, never said to
 * the customer. A payload it refuses is not counted and has no call id.
 */
async function runBuiltin(
  tool: BuiltinTool,
  call: ToolCallRequest,
  context: Context,
): Promise<ToolCallOutcome> {
  const name = tool.definition.name;
  const key = turnCallKey(name, call.arguments);
  const refusal = context.madeThisTurn.has(key)
    ? 'already done just now with the same details; not repeated'
    : callLimitRefusal(undefined, context.state, context.limits, context.now());
  if (refusal) {
    context.emit({ type: 'limit-reached', action: name, message: refusal });
    return { kind: 'result', toolContent: refusedContent('limit_reached', refusal) };
  }
  const callId = createCallId();
  const result = await tool.run(call.arguments, callId);
  if (!result.ok) {
    const failure = { kind: result.kind ?? ('invalid_arguments' as const), message: result.message };
    if (result.kind !== undefined) {
      // The call was made and failed: it counts, as an action's failed call does.
      context.madeThisTurn.add(key);
      countCall(context.state);
      context.emit({ type: 'action-started', action: name, callId, arguments: call.arguments });
    }
    context.emit({ type: 'action-failed', action: name, callId, failure });
    const toolContent = refusedContent(failure.kind, failure.message);
    return result.kind === undefined
      ? { kind: 'result', toolContent }
      : { kind: 'result', toolContent, callId };
  }
  context.madeThisTurn.add(key);
  countCall(context.state);
  context.emit({ type: 'action-started', action: name, callId, arguments: call.arguments });
  context.emit({ type: 'action-completed', action: name, callId, result: result.content });
  return { kind: 'result', toolContent: { ok: true, data: result.content }, callId };
}

/** The agent's argument options, on the conversation's clock when it has one. */
function argumentOptionsOf({ input, state }: Context): ArgumentOptions | undefined {
  if (!state.referenceTime || input.argumentOptions?.referenceDate) return input.argumentOptions;
  return { ...input.argumentOptions, referenceDate: new Date(state.referenceTime) };
}
