import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  type AgentLimits,
  type ArgumentOptions,
  askAgain,
  askFor,
  callLimitRefusal,
  labelOf,
  needsConfirmation,
  readBack,
  shapeModelResult,
  validateArguments,
} from '@toolgate/core';
import type { UsableAction } from '../../agents/agent-runtime.js';
import type { CallRunner } from '../../calls/call-runner.js';

/** What the client's user answered to a confirmation: MCP elicitation's three actions. */
export type ConfirmationAnswer = 'accept' | 'decline' | 'cancel';

/** The tools one MCP endpoint offers and the rules their calls follow. */
export interface ToolScope {
  tenantId: string;
  /** The agent of `/mcp/agents/{id}`; absent for the tenant's `/mcp`. */
  agentId?: string;
  actions: UsableAction[];
  limits: AgentLimits;
  argumentOptions: ArgumentOptions;
}

/**
 * The calls counted against the limits: `callsMade` of this MCP session (its "conversation"),
 * `recentCalls` of the API key (per-action windows), both changed in place when a call is made.
 */
export interface ToolCallCounts {
  callsMade: number;
  recentCalls: Array<{ action: string; at: number }>;
}

/** Says that a confirmation is needed but the client cannot ask its user for one. */
export const NO_ELICITATION_REFUSAL =
  'Not called: this action needs the user to confirm it first, and this MCP client did not declare the elicitation capability, so Toolgate cannot ask. Use a client that supports elicitation (form mode), or ask the operator to set the action\'s confirmation to "never".';

function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

/** Names the tools there are, for a call to one that is not (any more) among them. */
function unknownTool(name: string, scope: ToolScope): CallToolResult {
  const names = scope.actions.map((action) => action.definition.name);
  return toolError(
    `There is no tool named "${name}" here (it may have been disabled or removed). List the tools again; available: ${names.length > 0 ? names.join(', ') : 'none'}.`,
  );
}

/**
 * Calls an action as an MCP tool, the way a conversation calls it: the arguments checked with
 * core's validator (a missing or invalid value comes back as a tool error with the question to ask
 * the user), the session's and the action's call limits, the confirmation the action needs (asked
 * through `confirm`, MCP elicitation; refused without one), then the call runner (signing, the
 * call log with trigger `mcp`). The result is what a model would read of the call.
 *
 * @example
 * await callActionTool({ runner, scope, name: 'check_order_status', args: { order_number: 'ORD-1' }, counts, now });
 * // { isError: false, content: [{ type: 'text', text: '{"ok":true,"status":200,"data":{...}}' }] }
 */
export async function callActionTool(input: {
  runner: CallRunner;
  scope: ToolScope;
  name: string;
  args: unknown;
  counts: ToolCallCounts;
  /** Asks the client's user; absent when the client cannot (no elicitation capability). */
  confirm?: (question: string) => Promise<ConfirmationAnswer>;
  now: () => Date;
}): Promise<CallToolResult> {
  const { scope, counts } = input;
  const action = scope.actions.find((candidate) => candidate.definition.name === input.name);
  if (!action) return unknownTool(input.name, scope);

  const checked = validateArguments(action.definition, input.args ?? {}, scope.argumentOptions);
  if (!checked.valid) {
    const questions = [...checked.missing.map(askFor), ...checked.invalid.map(askAgain)];
    return toolError(
      `Not called: some arguments are missing or invalid. Ask the user:\n${questions.join('\n')}`,
    );
  }

  const refusal = callLimitRefusal(action, { ...counts }, scope.limits, input.now().getTime());
  if (refusal) return toolError(`Not called: a call limit was reached. ${refusal}`);

  if (needsConfirmation(action)) {
    if (!input.confirm) return toolError(NO_ELICITATION_REFUSAL);
    const question = readBack(labelOf(action), checked.value, action.definition.parameters?.properties);
    const answer = await input.confirm(question);
    if (answer !== 'accept')
      return toolError(
        `Not called: the user ${answer === 'decline' ? 'declined' : 'cancelled'} the confirmation.`,
      );
    // The limits again: other calls of this key may have been made while the user answered.
    const late = callLimitRefusal(action, { ...counts }, scope.limits, input.now().getTime());
    if (late) return toolError(`Not called: a call limit was reached. ${late}`);
  }

  counts.callsMade += 1;
  counts.recentCalls.push({ action: action.definition.name, at: input.now().getTime() });
  const { result } = await input.runner.run(
    scope.tenantId,
    action.id,
    checked.value,
    { trigger: 'mcp', ...(scope.agentId ? { agentId: scope.agentId } : {}) },
    scope.argumentOptions,
  );
  const shaped = shapeModelResult(result, {
    responseFields: action.responseFields,
    maxChars: scope.limits.maxResultChars,
  });
  return { isError: !result.ok, content: [{ type: 'text', text: JSON.stringify(shaped) }] };
}
