import { createHash } from 'node:crypto';
import {
  type ArgumentOptions,
  type CallTrigger,
  ConflictError,
  DEFAULT_AGENT_LIMITS,
  labelOf,
  type ModelResult,
  needsConfirmation,
  readBack,
  shapeModelView,
  validateArguments,
} from '@toolgate/core';
import type { CallOrigin, CallRunner } from '../calls/call-runner.js';
import type { AgentStore, LoadedAgent } from '../stores/agent-store.js';
import type { CallStore } from '../stores/call-store.js';
import type { AgentRuntime, UsableAction } from './agent-runtime.js';
import { type CallCounting, createToolCallLimits } from './tool-call-limits.js';
import { argumentRefusal, type ParameterQuestion } from './tool-call-questions.js';

export type { ParameterQuestion } from './tool-call-questions.js';

/** The longest idempotency key taken. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * The call id an idempotency key stands for: stable per tenant and key, shaped like every call
 * id. Derived rather than used as it is because call ids are unique across tenants (one tenant's
 * key must never meet another's call) and end up in headers (`webhook-id`, `Idempotency-Key`).
 *
 * @example
 * idempotentCallId('tenant_a', 'order-7-retry'); // 'call_3f1c...' (32 hex digits)
 */
export function idempotentCallId(tenantId: string, key: string): string {
  const digest = createHash('sha256').update(`${tenantId}\u0000${key}`).digest('hex');
  return `call_${digest.slice(0, 32)}`;
}

/**
 * What the user said to a confirmation: `accept` makes the call; `unasked` means nobody could ask
 * (the tools API without `confirmed: true`, an MCP client without elicitation).
 */
export type ConfirmationAnswer = 'accept' | 'decline' | 'cancel' | 'unasked';

/** A call of an action by its tool name from outside Toolgate's own conversations. */
export interface ToolCallInput {
  tenantId: string;
  /** The action's name (its tool name). */
  name: string;
  /** As the caller sent them: validated and normalized by core before anything else. */
  arguments: unknown;
  /** Call as this agent: only its usable actions, its limits and argument options. */
  agentId?: string;
  trigger: CallTrigger;
  /** Who calls (`api_key:<id>`): logged, and what MCP's windows count by. */
  actor?: string;
  /** The caller's conversation (tools API): logged and counted against the conversation limit. */
  conversationId?: string;
  /** The MCP session (MCP): logged and counted against the conversation limit. */
  mcpSessionId?: string;
  /** Whose calls an action's window counts: the conversation (or session) the call is in, or the actor's. */
  windowsPer: 'conversation' | 'actor';
  /** Same key, same call: a retry answers the first call's result and sends nothing. */
  idempotencyKey?: string;
  /** Asks the user to confirm `question` (the agent's read-back of the call). */
  confirm: (question: string, args: Record<string, unknown>) => Promise<ConfirmationAnswer>;
}

/** A result as a model reads it: core's model view, cut to the response fields and the length. */
export type ShapedResult = ReturnType<typeof shapeModelView>;

/** Every outcome of an attempt; each way in turns it into its own wire format. */
export type ToolCallOutcome =
  | { kind: 'called'; result: ShapedResult; callId: string; replayed: boolean }
  | { kind: 'unknown_tool'; available: string[] }
  | {
      kind: 'invalid_arguments';
      message: string;
      missing: ParameterQuestion[];
      invalid: Array<ParameterQuestion & { message: string }>;
    }
  | { kind: 'limit_reached'; message: string }
  | {
      kind: 'not_confirmed';
      answer: Exclude<ConfirmationAnswer, 'accept'>;
      question: string;
      arguments: Record<string, unknown>;
    }
  /** Valid arguments the executor still would not send (a request over its size cap). */
  | { kind: 'not_sendable'; message: string };

/**
 * Calls an action as a tool for callers outside Toolgate's conversations (the tools API and the
 * MCP server), the way a conversation's call goes: an idempotency key already used answers its
 * first call; the tool must be one of the usable actions; core validates and normalizes the
 * arguments (what to ask when they are not right); the conversation limits, counted from the log
 * (fleet-wide); the confirmation the action needs, through the caller's `confirm`; the limits
 * again after a confirmation (the user may have taken a while); then the call runner (signing,
 * caps, the execution log) and the result as the model would read it.
 */
export function createToolCallService(deps: {
  agents: AgentStore;
  runtime: AgentRuntime;
  runner: CallRunner;
  calls: CallStore;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const limits = createToolCallLimits({ calls: deps.calls, now });
  /** Calls under way by call id: a retry sent before the first answered waits for it. */
  const inFlight = new Map<string, Promise<unknown>>();

  async function scope(
    tenantId: string,
    agentId: string | undefined,
  ): Promise<{ agent?: LoadedAgent; actions: UsableAction[] }> {
    if (agentId === undefined) return { actions: await deps.runtime.enabledActions(tenantId) };
    const agent = await deps.agents.loadForTurn(tenantId, agentId);
    return { agent, actions: await deps.runtime.usableActions(tenantId, agent) };
  }

  function shaped(view: ModelResult, action: UsableAction | undefined, agent: LoadedAgent | undefined) {
    return shapeModelView(view, {
      responseFields: action?.responseFields,
      maxChars: agent?.settings.limits?.maxResultChars ?? DEFAULT_AGENT_LIMITS.maxResultChars,
    });
  }

  async function attempt(input: ToolCallInput, callId: string | undefined): Promise<ToolCallOutcome> {
    const { tenantId } = input;
    const { agent, actions } = await scope(tenantId, input.agentId);
    const action = actions.find((candidate) => candidate.definition.name === input.name);
    if (callId !== undefined) {
      const first = await deps.calls.find(tenantId, callId);
      if (first) {
        if (first.actionName !== input.name) {
          throw new ConflictError(
            `the idempotency key was first used to call ${first.actionName}, not ${input.name}: use a new key for a new call`,
            [{ path: '/idempotencyKey', message: `belongs to a call of ${first.actionName}` }],
          );
        }
        return {
          kind: 'called',
          result: shaped(first.result as ModelResult, action, agent),
          callId,
          replayed: true,
        };
      }
    }
    // Unknown, disabled, or not one of the agent's: the same answer.
    if (!action) return { kind: 'unknown_tool', available: actions.map((one) => one.definition.name) };

    const argumentOptions: ArgumentOptions = agent ? deps.runtime.argumentOptionsOf(agent) : {};
    const checked = validateArguments(action.definition, input.arguments ?? {}, argumentOptions);
    if (!checked.valid) return argumentRefusal(checked);

    const counting: CallCounting = countingOf(input);
    const agentLimits = agent?.settings.limits;
    const refusal = await limits.refusal(tenantId, action, agentLimits, counting);
    if (refusal) return { kind: 'limit_reached', message: refusal };

    if (needsConfirmation(action)) {
      const question = readBack(labelOf(action), checked.value, action.definition.parameters?.properties);
      const answer = await input.confirm(question, checked.value);
      if (answer !== 'accept') return { kind: 'not_confirmed', answer, question, arguments: checked.value };
      const late = await limits.refusal(tenantId, action, agentLimits, counting);
      if (late) return { kind: 'limit_reached', message: late };
    }

    const origin: CallOrigin = {
      trigger: input.trigger,
      ...(agent ? { agentId: agent.id } : {}),
      ...(input.conversationId === undefined ? {} : { conversationId: input.conversationId }),
      ...(input.actor === undefined ? {} : { actor: input.actor }),
      ...(input.mcpSessionId === undefined ? {} : { mcpSessionId: input.mcpSessionId }),
      ...(callId === undefined ? {} : { callId }),
    };
    const release = limits.hold(tenantId, action, counting);
    try {
      const prepared = await deps.runner.prepare(tenantId, action.id, checked.value, origin, argumentOptions);
      // Validated above, so only what the executor checks beyond the arguments (a request too large).
      if (!prepared.ok) return { kind: 'not_sendable', message: prepared.error.message };
      const { record } = await deps.runner.send(prepared);
      return {
        kind: 'called',
        result: shaped(record.result as ModelResult, action, agent),
        callId: record.id,
        replayed: false,
      };
    } finally {
      release();
    }
  }

  return {
    /**
     * The tools an agent (its usable actions) or the tenant (every enabled action) offers, read
     * anew (the action store caches briefly). An unknown agent, or another tenant's, is a
     * `NotFoundError`.
     */
    async tools(tenantId: string, agentId?: string): Promise<UsableAction[]> {
      return (await scope(tenantId, agentId)).actions;
    },

    /**
     * Calls an action by name and answers every outcome of the attempt; throws `NotFoundError`
     * for an unknown agent and `ConflictError` for an idempotency key first used for another
     * action. With an idempotency key the call id is derived from it: a call already recorded
     * under it is answered from the log (`replayed`), and one still under way in this process is
     * waited for.
     */
    async call(input: ToolCallInput): Promise<ToolCallOutcome> {
      if (input.idempotencyKey === undefined) return attempt(input, undefined);
      const callId = idempotentCallId(input.tenantId, input.idempotencyKey);
      const running = inFlight.get(callId);
      if (running) {
        await running.catch(() => undefined);
        return attempt(input, callId);
      }
      const first = attempt(input, callId);
      inFlight.set(callId, first);
      try {
        return await first;
      } finally {
        inFlight.delete(callId);
      }
    },
  };
}

/** Where the input's call counts: its conversation or session, and the windows by that or the actor. */
function countingOf(input: ToolCallInput): CallCounting {
  const within =
    input.mcpSessionId !== undefined
      ? { mcpSessionId: input.mcpSessionId }
      : input.conversationId !== undefined
        ? { conversationId: input.conversationId }
        : undefined;
  const windowBy =
    input.windowsPer === 'actor' && input.actor !== undefined ? { actor: input.actor } : within;
  return { ...(within ? { within } : {}), ...(windowBy ? { windowBy } : {}) };
}

export type ToolCallService = ReturnType<typeof createToolCallService>;
