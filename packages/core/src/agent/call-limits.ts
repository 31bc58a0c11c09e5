import { type AgentAction, type AgentLimits, DEFAULT_AGENT_LIMITS, labelOf } from './agent-action.js';
import type { ConversationState } from './turn-types.js';

/*
 * The call limits of a conversation, in one place: the loop's (a call the model proposes) and the
 * service's for calls triggered by events (a button, a captured lead). Both count against the
 * same conversation state.
 */

/**
 * Why a call may not be made now, in words for the customer, or `undefined`: the conversation's
 * call limit, then the action's own window (`rateLimit`). Built-in tools pass no action.
 *
 * @example
 * callLimitRefusal(action, { callsMade: 10, recentCalls: [] }, DEFAULT_AGENT_LIMITS, Date.now());
 * // "I've reached the limit of 10 requests for this conversation, ..."
 */
export function callLimitRefusal(
  action: AgentAction | undefined,
  state: ConversationState,
  limits: AgentLimits,
  now: number,
): string | undefined {
  if (state.callsMade >= limits.maxCallsPerConversation) {
    return `I've reached the limit of ${limits.maxCallsPerConversation} requests for this conversation, so I can't do that here. A colleague can help you further.`;
  }
  const window = action?.rateLimit;
  if (!action || !window) return undefined;
  const name = action.definition.name;
  const since = now - window.windowMs;
  const recent = state.recentCalls.filter((entry) => entry.action === name && entry.at > since).length;
  if (recent >= window.calls) {
    const minutes = Math.ceil(window.windowMs / 60_000);
    return `I can only ${labelOf(action).toLowerCase()} ${window.calls} times every ${minutes} minutes. Please try again a bit later.`;
  }
  return undefined;
}

/** The key of one call within a turn: an identical one (same action and arguments) is not repeated. */
export function turnCallKey(action: string, args: Record<string, unknown>): string {
  return `${action}\u0000${JSON.stringify(Object.entries(args).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/** Said when the model proposes, in one turn, a call it has just made. */
export const REPEATED_CALL_REFUSAL = `I already did that just now with the same details, so I won't repeat it.`;

/**
 * Why the loop may not make a call the model proposed: the same call again in this turn, then the
 * conversation's limits ({@link callLimitRefusal}).
 */
export function turnCallRefusal(
  action: AgentAction,
  args: Record<string, unknown>,
  turn: { madeThisTurn: ReadonlySet<string>; state: ConversationState; limits: AgentLimits; now: number },
): string | undefined {
  if (turn.madeThisTurn.has(turnCallKey(action.definition.name, args))) return REPEATED_CALL_REFUSAL;
  return callLimitRefusal(action, turn.state, turn.limits, turn.now);
}

/**
 * Why an event may not call an action now: the same rules as the loop's, with the agent's limits
 * over the defaults. There is no turn, so no repeat rule.
 *
 * @example
 * eventCallRefusal(action, state, agent.settings.limits, Date.now()); // undefined: the call may go
 */
export function eventCallRefusal(
  action: AgentAction,
  state: ConversationState,
  limits: Partial<AgentLimits> | undefined,
  now: number,
): string | undefined {
  return callLimitRefusal(action, state, { ...DEFAULT_AGENT_LIMITS, ...limits }, now);
}

/**
 * Counts a call made: towards the conversation's limit and, for an action (`entry`), its window.
 * Changes `state` (the turn's own copy).
 */
export function countCall(state: ConversationState, entry?: { action: string; at: number }): void {
  state.callsMade += 1;
  if (entry) state.recentCalls.push(entry);
}

/** The state after one call an event made, as a new value: `state` is left as it was. */
export function withCallCounted(state: ConversationState, action: string, at: number): ConversationState {
  const next = { ...state, recentCalls: [...state.recentCalls] };
  countCall(next, { action, at });
  return next;
}
