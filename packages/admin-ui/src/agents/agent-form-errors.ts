import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import { formErrors } from '../api/field-errors';
import { MODEL_TIMEOUT_RULE } from './agent-rules';

/** Messages by JSON pointer of the agent form's controls. */
export type AgentMessages = Record<string, string[]>;

/** The form's controls by the server's pointer, with what each is called on screen. */
export const AGENT_FIELD_LABELS: Record<string, string> = {
  '/name': 'Name',
  '/systemPrompt': 'System prompt',
  '/model': 'Model',
  '/model/provider': 'Provider',
  '/model/model': 'Model id',
  '/model/baseUrl': 'Base URL',
  '/model/apiKey': 'API key',
  '/model/timeoutMs': 'Timeout (seconds)',
  '/actions': 'Actions',
  '/limits': 'Limits',
  '/limits/maxCallsPerConversation': 'Calls per conversation',
  '/limits/maxStepsPerTurn': 'Steps per turn',
  '/limits/maxResultChars': 'Characters of a result',
  '/fallbackText': 'Fallback text',
  '/greeting': 'Greeting',
  '/language': 'Language',
  '/phoneRegion': 'Phone region',
  '/timezone': 'Time zone',
  '/webhookTrigger': 'Webhook trigger',
  '/webhookTrigger/url': 'Webhook URL',
  '/webhookTrigger/description': 'When to fire it',
};

/** A group's messages are shown at its first control. */
const SHOWN_AT: Record<string, string> = {
  '/model': '/model/provider',
  '/limits': '/limits/maxCallsPerConversation',
  '/webhookTrigger': '/webhookTrigger/url',
};

/** The control a message for `pointer` is shown at. */
export const controlFor = (pointer: string): string => SHOWN_AT[pointer] ?? pointer;

/**
 * A failed save spread over the form: each of the server's issues at its control (the deepest
 * pointer it is at or under), the rest above the form.
 *
 * @example
 * agentFormErrors(new ApiError(422, 'validation_failed', '...', [{ path: '/model/baseUrl', message: 'is required' }]));
 * // { fields: { '/model/baseUrl': ['is required'] }, form: [] }
 */
export function agentFormErrors(error: unknown): { fields: AgentMessages; form: string[] } {
  if (!(error instanceof ApiError) || error.details.length === 0) {
    return { fields: {}, form: [describeError(error)] };
  }
  const placed = formErrors(error, Object.keys(AGENT_FIELD_LABELS));
  const fields: AgentMessages = {};
  for (const [pointer, messages] of Object.entries(placed.fields)) {
    if (messages === undefined) continue;
    const control = controlFor(pointer);
    // The API counts milliseconds; the form shows seconds and says the rule in seconds.
    const texts = pointer === '/model/timeoutMs' ? [MODEL_TIMEOUT_RULE] : messages;
    fields[control] = [...new Set([...(fields[control] ?? []), ...texts])];
  }
  return { fields, form: placed.form };
}

/** Several message sources by control, the first's first, no message twice. */
export function mergeAgentMessages(...sources: readonly AgentMessages[]): AgentMessages {
  const merged: AgentMessages = {};
  for (const source of sources) {
    for (const [control, messages] of Object.entries(source)) {
      const list = merged[control] ?? [];
      for (const message of messages) if (!list.includes(message)) list.push(message);
      merged[control] = list;
    }
  }
  return merged;
}

/** One summary entry per control with messages, in form order. */
export function agentErrorSummary(
  messages: AgentMessages,
): { control: string; label: string; messages: string[] }[] {
  const order = Object.keys(AGENT_FIELD_LABELS);
  return Object.entries(messages)
    .filter(([, list]) => list.length > 0)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([control, list]) => ({ control, label: AGENT_FIELD_LABELS[control] ?? control, messages: list }));
}
