import { isDeepStrictEqual } from 'node:util';
import { type AgentAction, type ConversationState, needsConfirmation, ToolgateError } from '@toolgate/core';

/** An event as the events route takes it. */
export interface ConversationEvent {
  action: string;
  parameters?: Record<string, unknown>;
  confirmationId?: string;
}

/** What an event may run: these parameters; `confirmed` when it answers the pending confirmation. */
export interface EventCall {
  parameters: Record<string, unknown>;
  confirmed: boolean;
}

/**
 * The rule for events (`POST /conversations/{id}/events`). A widget key is public (it sits in a
 * web page), so an action that asks for confirmation (`confirmation: always`, or `auto` for any
 * method but GET) must not be one request away from it:
 *
 * - With `confirmationId`, the event confirms the call the agent itself proposed in this
 *   conversation (its `approval-requested` event): the id must be the pending one, for this
 *   action, and the call runs with the parameters the agent read back; parameters sent with it
 *   must be exactly those (409 otherwise). Any key may confirm this way.
 * - Without it, through a widget key, such an action is refused (403) unless the operator set
 *   `conversation.allowDirectWidgetEvents` on it. Actions that do not ask for confirmation, and
 *   keys that are not widget keys (a business's own backend), run with the event's parameters.
 *
 * Refusals happen before anything is validated or sent.
 *
 * @example
 * resolveEventCall({ action: 'cancel_order', confirmationId: 'conf_1' }, action, state, true);
 * // { parameters: { order_number: 'ORD-7' }, confirmed: true } when conf_1 is pending for it
 */
export function resolveEventCall(
  event: ConversationEvent,
  action: AgentAction,
  state: ConversationState,
  viaWidget: boolean,
): EventCall {
  const name = action.definition.name;
  if (event.confirmationId !== undefined) {
    const pending = state.pending;
    if (pending?.id !== event.confirmationId || pending.action !== name) {
      throw new ToolgateError(
        'confirmation_mismatch',
        `there is no pending confirmation ${event.confirmationId} for ${name} in this conversation: it was answered, replaced by a later message, or never proposed by the agent`,
        {
          details: [
            { path: '/confirmationId', message: `is not the agent's pending confirmation for ${name}` },
          ],
        },
      );
    }
    if (event.parameters !== undefined && !isDeepStrictEqual(event.parameters, pending.arguments)) {
      throw new ToolgateError(
        'confirmation_mismatch',
        `a confirmation runs ${name} with the parameters the agent read back; leave parameters out or send exactly those`,
        { details: [{ path: '/parameters', message: 'differ from the confirmed call' }] },
      );
    }
    return { parameters: pending.arguments, confirmed: true };
  }
  if (viaWidget && needsConfirmation(action) && action.allowDirectWidgetEvents !== true) {
    throw new ToolgateError(
      'widget_confirmation_required',
      `${name} asks for confirmation, so through a widget key an event can only confirm what the agent proposed in this conversation: send the confirmationId of its approval-requested event, or have the operator allow direct widget events for this action (conversation.allowDirectWidgetEvents)`,
      { details: [{ path: '/confirmationId', message: `is required to run ${name} through a widget key` }] },
    );
  }
  return { parameters: event.parameters ?? {}, confirmed: false };
}
