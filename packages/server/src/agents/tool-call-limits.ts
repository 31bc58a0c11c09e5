import { type AgentLimits, eventCallRefusal } from '@toolgate/core';
import type { CallCountScope, CallStore } from '../stores/call-store.js';
import type { UsableAction } from './agent-runtime.js';

/**
 * Where a call from outside a conversation is counted: `within` against the conversation limit
 * (a caller's conversation id, or an MCP session; none: no conversation limit), and whose calls
 * an action's window counts (`windowBy`; none: no window).
 */
export interface CallCounting {
  within?: CallCountScope;
  windowBy?: CallCountScope | { actor: string };
}

const keyOf = (tenantId: string, scope: CallCountScope | { actor: string }): string =>
  `${tenantId}\u0000${JSON.stringify(scope)}`;

/**
 * The conversation limits of tool calls made from outside Toolgate's conversations (the tools
 * API, MCP), counted from the execution log, so every instance of a fleet gives the same answer.
 * A call counts from the moment it is admitted: until its log row is written (after the endpoint
 * answered), it is held in this process, so calls running side by side here are counted too.
 * Two instances admitting at the same moment can both pass (the count is read, not reserved).
 */
export function createToolCallLimits(deps: { calls: CallStore; now: () => Date }) {
  /** Calls admitted in this process and not yet in the log, by counting key. */
  const running = new Map<string, number>();
  const runningOf = (key: string | undefined) => (key === undefined ? 0 : (running.get(key) ?? 0));

  function keys(tenantId: string, action: UsableAction, counting: CallCounting) {
    return {
      within: counting.within ? keyOf(tenantId, counting.within) : undefined,
      window:
        counting.windowBy && action.rateLimit
          ? `${keyOf(tenantId, counting.windowBy)}\u0000${action.id}`
          : undefined,
    };
  }

  return {
    /** Why the call may not be made now (the words the agent would say), or `undefined`. */
    async refusal(
      tenantId: string,
      action: UsableAction,
      limits: Partial<AgentLimits> | undefined,
      counting: CallCounting,
    ): Promise<string | undefined> {
      if (!counting.within && !(counting.windowBy && action.rateLimit)) return undefined;
      const at = deps.now().getTime();
      const window = action.rateLimit;
      const counted = await deps.calls.countCalls(tenantId, {
        ...(counting.within ? { within: counting.within } : {}),
        ...(window && counting.windowBy
          ? {
              window: {
                actionId: action.id,
                since: new Date(at - window.windowMs),
                most: window.calls,
                by: counting.windowBy,
              },
            }
          : {}),
      });
      const held = keys(tenantId, action, counting);
      const recent = counted.recentOfAction.map((date) => ({
        action: action.definition.name,
        at: date.getTime(),
      }));
      for (let index = 0; index < runningOf(held.window); index += 1)
        recent.push({ action: action.definition.name, at });
      const state = { callsMade: counted.total + runningOf(held.within), recentCalls: recent };
      // Without a conversation to count in, the conversation limit cannot be reached.
      return eventCallRefusal(
        action,
        state,
        counting.within ? limits : { ...limits, maxCallsPerConversation: Number.POSITIVE_INFINITY },
        at,
      );
    },

    /** Counts an admitted call until its log row is written; returns the function that stops. */
    hold(tenantId: string, action: UsableAction, counting: CallCounting): () => void {
      const held = Object.values(keys(tenantId, action, counting)).filter((key) => key !== undefined);
      for (const key of held) running.set(key, runningOf(key) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const key of held) {
          const left = runningOf(key) - 1;
          if (left > 0) running.set(key, left);
          else running.delete(key);
        }
      };
    },
  };
}

export type ToolCallLimits = ReturnType<typeof createToolCallLimits>;
