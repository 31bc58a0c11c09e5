import { createHash } from 'node:crypto';
import {
  type ArgumentOptions,
  askAgain,
  askFor,
  type CallTrigger,
  ConflictError,
  DEFAULT_AGENT_LIMITS,
  eventCallRefusal,
  labelOf,
  type ModelResult,
  NotFoundError,
  needsConfirmation,
  readBack,
  shapeModelView,
  validateArguments,
} from '@toolgate/core';
import type { CallRunner } from '../calls/call-runner.js';
import {
  type AnthropicTool,
  type OpenAITool,
  type ToolFormat,
  toExternalTool,
} from '../calls/tool-formats.js';
import type { AgentStore, LoadedAgent } from '../stores/agent-store.js';
import type { CallStore } from '../stores/call-store.js';
import type { AgentRuntime, UsableAction } from './agent-runtime.js';

/** A call of an action by name from outside Toolgate's own conversations (the tools API, MCP). */
export interface ToolCallRequest {
  /** The action's name (its tool name). */
  name: string;
  arguments: Record<string, unknown>;
  /** Call as this agent: only its usable actions, its limits and argument options. */
  agentId?: string;
  /** The caller's conversation: the call limits count per conversation id (see the docs). */
  conversationId?: string;
  /** Same key, same call: a retry returns the first call's result and sends nothing. */
  idempotencyKey?: string;
  /** The user agreed to this call: required for an action that asks for confirmation. */
  confirmed?: boolean;
  /** The call log's trigger; `tool_api` unless said. */
  trigger?: CallTrigger;
}

/** A question for the user about one parameter. */
export interface ParameterQuestion {
  parameter: string;
  question: string;
}

/**
 * What the caller (and its model) may see of a tool call: a result shaped like core's
 * `toModelResult` (never the request, headers or secrets) with the call's id, or why no call was
 * made, saying what to ask.
 */
export type ToolCallOutcome =
  | (ModelResult & { callId: string; replayed?: true })
  | {
      ok: true;
      status: number;
      dataPreview: string;
      truncated: true;
      callId: string;
      replayed?: true;
    }
  | {
      ok: false;
      status: null;
      callId: null;
      error: {
        kind: 'invalid_arguments' | 'limit_reached' | 'confirmation_required';
        message: string;
      };
      /** invalid_arguments: the first question to ask. */
      ask?: string;
      missing?: ParameterQuestion[];
      invalid?: Array<ParameterQuestion & { message: string }>;
      /** confirmation_required: what to read back, and the arguments as they would be sent. */
      confirmation?: { question: string; arguments: Record<string, unknown> };
    };

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
 * Lists a tenant's actions as tools and calls them by name for callers outside Toolgate's
 * conversations, through the path a conversation's call takes: core's argument validation and
 * normalization, the conversation call limits, the confirmation rule, then the call runner
 * (signing, caps, the execution log). The tools API uses it; an MCP server can too.
 */
export function createToolCalls(deps: {
  agents: AgentStore;
  runtime: AgentRuntime;
  runner: CallRunner;
  calls: CallStore;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
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

  async function limitRefusal(
    tenantId: string,
    action: UsableAction,
    agent: LoadedAgent | undefined,
    conversationId: string | undefined,
  ): Promise<string | undefined> {
    if (conversationId === undefined) return undefined;
    const at = now().getTime();
    const window = action.rateLimit;
    const counted = await deps.calls.conversationCalls(
      tenantId,
      conversationId,
      window ? { id: action.id, since: new Date(at - window.windowMs) } : undefined,
    );
    const state = {
      callsMade: counted.total,
      recentCalls: counted.recentOfAction.map((date) => ({
        action: action.definition.name,
        at: date.getTime(),
      })),
    };
    return eventCallRefusal(action, state, agent?.settings.limits, at);
  }

  function shaped(view: ModelResult, action: UsableAction | undefined, agent: LoadedAgent | undefined) {
    return shapeModelView(view, {
      responseFields: action?.responseFields,
      maxChars: agent?.settings.limits?.maxResultChars ?? DEFAULT_AGENT_LIMITS.maxResultChars,
    });
  }

  async function call(tenantId: string, request: ToolCallRequest): Promise<ToolCallOutcome> {
    const { agent, actions } = await scope(tenantId, request.agentId);
    const action = actions.find((candidate) => candidate.definition.name === request.name);
    const callId =
      request.idempotencyKey === undefined ? undefined : idempotentCallId(tenantId, request.idempotencyKey);
    if (callId !== undefined) {
      const first = await deps.calls.find(tenantId, callId);
      if (first) {
        if (first.actionName !== request.name) {
          throw new ConflictError(
            `the idempotency key was first used to call ${first.actionName}, not ${request.name}: use a new key for a new call`,
            [{ path: '/idempotencyKey', message: `belongs to a call of ${first.actionName}` }],
          );
        }
        return { ...shaped(first.result as ModelResult, action, agent), callId, replayed: true };
      }
    }
    if (!action) {
      // Unknown, disabled, or not one of the agent's: the same answer.
      throw new NotFoundError(`enabled tool ${request.name}`);
    }
    const argumentOptions: ArgumentOptions = agent ? deps.runtime.argumentOptionsOf(agent) : {};
    const checked = validateArguments(action.definition, request.arguments, argumentOptions);
    if (!checked.valid) {
      const missing = checked.missing.map((entry) => ({ parameter: entry.name, question: askFor(entry) }));
      const invalid = checked.invalid.map((entry) => ({
        parameter: entry.name,
        message: entry.message,
        question: askAgain(entry),
      }));
      return {
        ok: false,
        status: null,
        callId: null,
        error: {
          kind: 'invalid_arguments',
          message: checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
        },
        ask: missing[0]?.question ?? invalid[0]?.question ?? 'Could you give me those details again?',
        missing,
        invalid,
      };
    }
    const refusal = await limitRefusal(tenantId, action, agent, request.conversationId);
    if (refusal) {
      return { ok: false, status: null, callId: null, error: { kind: 'limit_reached', message: refusal } };
    }
    if (request.confirmed !== true && needsConfirmation(action)) {
      const question = readBack(labelOf(action), checked.value, action.definition.parameters?.properties);
      return {
        ok: false,
        status: null,
        callId: null,
        error: {
          kind: 'confirmation_required',
          message: `${request.name} asks for the user's confirmation before it runs: ask them the confirmation question and, once they agree, send the same call again with confirmed: true`,
        },
        confirmation: { question, arguments: checked.value },
      };
    }
    const origin = {
      trigger: request.trigger ?? ('tool_api' as const),
      ...(agent ? { agentId: agent.id } : {}),
      ...(request.conversationId === undefined ? {} : { conversationId: request.conversationId }),
      ...(callId === undefined ? {} : { callId }),
    };
    const prepared = await deps.runner.prepare(tenantId, action.id, checked.value, origin, argumentOptions);
    if (!prepared.ok) {
      // Validated above, so only what the executor checks beyond the arguments (a request too large).
      return {
        ok: false,
        status: null,
        callId: null,
        error: { kind: 'invalid_arguments', message: prepared.error.message },
      };
    }
    const { record } = await deps.runner.send(prepared);
    return { ...shaped(record.result as ModelResult, action, agent), callId: record.id };
  }

  return {
    /**
     * The tools an agent (its usable actions) or the tenant (every enabled action) offers, in
     * another stack's format. An unknown agent, or another tenant's, is a `NotFoundError`.
     */
    async list(
      tenantId: string,
      options: { agentId?: string; format: ToolFormat; strict?: boolean },
    ): Promise<Array<OpenAITool | AnthropicTool>> {
      const { actions } = await scope(tenantId, options.agentId);
      return actions.map((action) =>
        toExternalTool(action.definition, options.format, options.strict ? { strict: true } : {}),
      );
    },

    /**
     * Calls an action by name. Answers a tool result for every outcome of the attempt (called,
     * refused for its arguments, a limit or a missing confirmation); throws `NotFoundError` for an
     * unknown or disabled action (or agent) and `ConflictError` for an idempotency key first used
     * for another action. With an idempotency key the call id is derived from it: a call already
     * recorded under it is answered from the log (`replayed`), and one still under way in this
     * process is waited for.
     */
    async call(tenantId: string, request: ToolCallRequest): Promise<ToolCallOutcome> {
      if (request.idempotencyKey === undefined) return call(tenantId, request);
      const key = idempotentCallId(tenantId, request.idempotencyKey);
      const running = inFlight.get(key);
      if (running) {
        await running.catch(() => undefined);
        return call(tenantId, request);
      }
      const attempt = call(tenantId, request);
      inFlight.set(key, attempt);
      try {
        return await attempt;
      } finally {
        inFlight.delete(key);
      }
    },
  };
}

export type ToolCalls = ReturnType<typeof createToolCalls>;
