import type { ActionResult, AgentAction } from '@toolgate/core';

/**
 * What a turn needs of async calls (`async-calls.ts` provides it): a callback URL before an async
 * action's call is sent, and the call settled after its answer. Its own file, so the runtime and
 * the async calls (which runs follow-ups through the runtime) do not import each other.
 */
export interface AsyncCallHooks {
  /** Opens the pending call and its deadline; returns the URL for `context.callback_url`. */
  open(input: {
    tenantId: string;
    conversationId: string;
    action: AgentAction & { id: string };
    arguments: Record<string, unknown>;
    callId: string;
  }): Promise<string>;
  /** After the call: anything but a 202 was a sync answer, so no callback is expected. */
  settleImmediate(tenantId: string, result: ActionResult): Promise<void>;
}
