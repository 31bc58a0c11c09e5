import { pointer, type ValidationIssue } from '../errors.js';
import { isRecord } from '../is-record.js';

/** When the agent asks before calling: `auto` asks for every method but GET. */
export type ConfirmationPolicy = 'never' | 'always' | 'auto';
export const CONFIRMATION_POLICIES: readonly ConfirmationPolicy[] = ['never', 'always', 'auto'];

/** What the agent says around a call. */
export interface LatencyMessages {
  /** Said before the call starts ("Let me check that for you."). */
  start?: string;
  /** Said if the call is still running after `afterMs`. */
  delayed?: { afterMs: number; text: string };
  /** Said when the call fails; a polite default otherwise. */
  failure?: string;
}

/** Things a message can mention that make an action a likely fit. */
export const TRIGGER_ENTITIES = ['email', 'phone', 'digits', 'date', 'order_id'] as const;
export type TriggerEntity = (typeof TRIGGER_ENTITIES)[number];

/** How a conversation uses an action: confirmations, messages, what the model sees, triggers, limits. */
export interface ConversationSettings {
  confirmation?: ConfirmationPolicy;
  messages?: LatencyMessages;
  /** Only these fields of the result's data reach the model (dot paths, e.g. `order.status`). */
  responseFields?: string[];
  /** Hints for the embedded agent: phrases, mentioned entities, and parameters that must be present. */
  triggers?: { phrases?: string[]; entities?: TriggerEntity[]; requires?: string[] };
  /** At most `calls` calls per conversation within `windowMs`. */
  rateLimit?: { calls: number; windowMs: number };
  /**
   * Lets a widget event (`POST /conversations/{id}/events` with a widget key) call this action
   * directly even though it asks for confirmation. Off by default: through a widget key, such an
   * action runs only as the confirmation of what the agent itself proposed.
   */
  allowDirectWidgetEvents?: boolean;
}

const MAX_TEXT = 500;
const MAX_LIST = 50;
const FIELDS = new Set([
  'confirmation',
  'messages',
  'responseFields',
  'triggers',
  'rateLimit',
  'allowDirectWidgetEvents',
]);

function checkText(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT) {
    issues.push({ path, message: `must be a non-empty text of at most ${MAX_TEXT} characters` });
  }
}

function checkStrings(
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  allowed?: readonly string[],
): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    issues.push({ path, message: `must be a list of at most ${MAX_LIST} texts` });
    return;
  }
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '' || item.length > MAX_TEXT) {
      issues.push({ path: `${path}/${index}`, message: 'must be a non-empty text' });
    } else if (allowed && !allowed.includes(item)) {
      issues.push({ path: `${path}/${index}`, message: `must be one of: ${allowed.join(', ')}` });
    }
  });
}

/** `rateLimit`: each part reported at its own path, in words a form can show beside its field. */
function checkRateLimit(rateLimit: unknown, issues: ValidationIssue[]): void {
  if (!isRecord(rateLimit)) {
    issues.push({
      path: '/conversation/rateLimit',
      message: 'must be an object with calls and windowMs, e.g. { "calls": 3, "windowMs": 600000 }',
    });
    return;
  }
  for (const key of Object.keys(rateLimit)) {
    if (key !== 'calls' && key !== 'windowMs') {
      issues.push({ path: pointer('conversation', 'rateLimit', key), message: 'unknown field' });
    }
  }
  const { calls, windowMs } = rateLimit;
  if (!Number.isInteger(calls) || (calls as number) < 1) {
    issues.push({ path: '/conversation/rateLimit/calls', message: 'must be a whole number, at least 1' });
  }
  if (!Number.isInteger(windowMs) || (windowMs as number) < 1000) {
    issues.push({
      path: '/conversation/rateLimit/windowMs',
      message: 'must be a whole number of milliseconds, at least 1000 (one second)',
    });
  }
}

/**
 * Every problem in an action's conversation settings, located under `/conversation`.
 *
 * @example
 * collectConversationIssues({ confirmation: 'sometimes' }, ['order_number']);
 * // [{ path: '/conversation/confirmation', message: 'must be one of: never, always, auto' }]
 */
export function collectConversationIssues(
  value: unknown,
  parameterNames: readonly string[],
): ValidationIssue[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [{ path: '/conversation', message: 'must be an object' }];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!FIELDS.has(key)) issues.push({ path: pointer('conversation', key), message: 'unknown field' });
  }
  if (
    value.confirmation !== undefined &&
    !CONFIRMATION_POLICIES.includes(value.confirmation as ConfirmationPolicy)
  ) {
    issues.push({
      path: '/conversation/confirmation',
      message: `must be one of: ${CONFIRMATION_POLICIES.join(', ')}`,
    });
  }
  if (value.allowDirectWidgetEvents !== undefined && typeof value.allowDirectWidgetEvents !== 'boolean') {
    issues.push({ path: '/conversation/allowDirectWidgetEvents', message: 'must be true or false' });
  }
  const { messages, triggers, rateLimit } = value;
  if (messages !== undefined) {
    if (!isRecord(messages)) issues.push({ path: '/conversation/messages', message: 'must be an object' });
    else {
      checkText(messages.start, '/conversation/messages/start', issues);
      checkText(messages.failure, '/conversation/messages/failure', issues);
      const { delayed } = messages;
      if (delayed !== undefined) {
        if (!isRecord(delayed))
          issues.push({ path: '/conversation/messages/delayed', message: 'must be { afterMs, text }' });
        else {
          const afterMs = delayed.afterMs;
          if (!Number.isInteger(afterMs) || (afterMs as number) < 100 || (afterMs as number) > 30_000) {
            issues.push({
              path: '/conversation/messages/delayed/afterMs',
              message: 'must be whole milliseconds from 100 to 30000',
            });
          }
          if (delayed.text === undefined)
            issues.push({ path: '/conversation/messages/delayed/text', message: 'is required' });
          checkText(delayed.text, '/conversation/messages/delayed/text', issues);
        }
      }
    }
  }
  checkStrings(value.responseFields, '/conversation/responseFields', issues);
  if (triggers !== undefined) {
    if (!isRecord(triggers)) issues.push({ path: '/conversation/triggers', message: 'must be an object' });
    else {
      checkStrings(triggers.phrases, '/conversation/triggers/phrases', issues);
      checkStrings(triggers.entities, '/conversation/triggers/entities', issues, TRIGGER_ENTITIES);
      checkStrings(triggers.requires, '/conversation/triggers/requires', issues, parameterNames);
    }
  }
  if (rateLimit !== undefined) checkRateLimit(rateLimit, issues);
  return issues;
}
