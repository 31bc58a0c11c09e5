import type { ActionDefinition } from '../actions/action-definition.js';
import type { ConfirmationPolicy, LatencyMessages } from '../actions/conversation-settings.js';

/** An action as an agent uses it: the definition plus how the conversation treats it. */
export interface AgentAction {
  /** The stored action's id, when the action comes from a store (the service's calls need it). */
  id?: string;
  definition: ActionDefinition;
  confirmation?: ConfirmationPolicy;
  messages?: LatencyMessages;
  /** Only these fields of the result's data reach the model (dot paths, e.g. `order.status`). */
  responseFields?: string[];
  /** At most `calls` calls of this action per conversation within `windowMs`. */
  rateLimit?: { calls: number; windowMs: number };
  /** A widget event may call it directly although it asks for confirmation (operator's opt-in). */
  allowDirectWidgetEvents?: true;
}

/** Limits of one conversation. */
export interface AgentLimits {
  /** Action calls per conversation. */
  maxCallsPerConversation: number;
  /** Model steps per customer message. */
  maxStepsPerTurn: number;
  /** Characters of a result the model may read. */
  maxResultChars: number;
}

export const DEFAULT_AGENT_LIMITS: AgentLimits = {
  maxCallsPerConversation: 10,
  maxStepsPerTurn: 5,
  maxResultChars: 4_000,
};

/** Whether the agent must ask before calling this action. */
export function needsConfirmation(action: AgentAction): boolean {
  const policy = action.confirmation ?? 'auto';
  if (policy === 'never') return false;
  if (policy === 'always') return true;
  return (action.definition.method ?? 'POST') !== 'GET';
}

/** The name people see: the display name, or the name with underscores as spaces. */
export function labelOf(action: AgentAction): string {
  return action.definition.displayName ?? action.definition.name.replaceAll('_', ' ');
}

/**
 * The agent's view of a stored action: its conversation settings lifted out of the definition.
 *
 * @example
 * toAgentAction({ ...definition, conversation: { confirmation: 'always' } }).confirmation; // 'always'
 */
export function toAgentAction(definition: ActionDefinition): AgentAction {
  const settings = definition.conversation ?? {};
  return {
    definition,
    ...(settings.confirmation ? { confirmation: settings.confirmation } : {}),
    ...(settings.messages ? { messages: settings.messages } : {}),
    ...(settings.responseFields ? { responseFields: settings.responseFields } : {}),
    ...(settings.rateLimit ? { rateLimit: settings.rateLimit } : {}),
    ...(settings.allowDirectWidgetEvents === true ? { allowDirectWidgetEvents: true as const } : {}),
  };
}
