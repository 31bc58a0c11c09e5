import { EnvelopeError } from './envelope-error.js';
import type { ReceiverIssue } from './receiver-error.js';
import type { SafeResult } from './safe-result.js';
import { CALL_TRIGGERS, type ToolgateEnvelope } from './toolgate-envelope.js';

/** ISO 8601 date-time with seconds and a zone, as `Date.prototype.toISOString()` writes it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const OPTIONAL_CONTEXT_IDS = ['agent_id', 'conversation_id', 'contact_id', 'callback_url'] as const;
const TRIGGERS: ReadonlySet<string> = new Set(CALL_TRIGGERS);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function toJson(body: unknown): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new EnvelopeError('the body is not valid JSON', [{ path: '', message: 'must be valid JSON' }]);
  }
}

function contextIssues(context: unknown): ReceiverIssue[] {
  if (!isRecord(context))
    return [{ path: '/context', message: `must be an object, got ${describe(context)}` }];
  const issues: ReceiverIssue[] = [];
  if (typeof context.call_id !== 'string' || context.call_id === '') {
    issues.push({ path: '/context/call_id', message: 'must be a non-empty string' });
  }
  // Unknown triggers are refused so a `switch` over CallTrigger stays exhaustive; a new trigger
  // would arrive with a new version of this package.
  if (typeof context.trigger !== 'string' || !TRIGGERS.has(context.trigger)) {
    issues.push({ path: '/context/trigger', message: `must be one of ${CALL_TRIGGERS.join(', ')}` });
  }
  if (
    typeof context.timestamp !== 'string' ||
    !ISO_DATE_TIME.test(context.timestamp) ||
    Number.isNaN(Date.parse(context.timestamp))
  ) {
    issues.push({ path: '/context/timestamp', message: 'must be an ISO 8601 date-time string' });
  }
  for (const name of OPTIONAL_CONTEXT_IDS) {
    if (context[name] !== undefined && typeof context[name] !== 'string') {
      issues.push({ path: `/context/${name}`, message: 'must be a string when present' });
    }
  }
  return issues;
}

/**
 * Checks that a body is a Toolgate request envelope and returns it typed. Accepts the raw body
 * (string or bytes, parsed as JSON) or an already-parsed value. Throws `EnvelopeError`
 * (`invalid_envelope`) listing every problem by JSON pointer. Unknown extra fields are allowed.
 *
 * The parameters are checked to be an object, not against `P`: validate the fields you use.
 *
 * @example
 * const { action, parameters, context } = parseEnvelope<{ order_number: string }>(rawBody);
 * if (context.trigger === 'test') return success({ status: 'shipped' });
 */
export function parseEnvelope<P = Record<string, unknown>>(body: unknown): ToolgateEnvelope<P> {
  const value = toJson(body);
  if (!isRecord(value)) {
    throw new EnvelopeError('the body is not a Toolgate envelope', [
      { path: '', message: `must be an object, got ${describe(value)}` },
    ]);
  }
  const issues: ReceiverIssue[] = [];
  if (typeof value.action !== 'string' || value.action === '') {
    issues.push({ path: '/action', message: 'must be a non-empty string' });
  }
  if (!isRecord(value.parameters)) {
    issues.push({ path: '/parameters', message: `must be an object, got ${describe(value.parameters)}` });
  }
  issues.push(...contextIssues(value.context));
  if (issues.length > 0) {
    const first = issues[0] as ReceiverIssue;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new EnvelopeError(
      `the body is not a Toolgate envelope: ${first.path} ${first.message}${more}`,
      issues,
    );
  }
  return value as unknown as ToolgateEnvelope<P>;
}

/**
 * {@link parseEnvelope} without throwing on a bad body.
 *
 * @example
 * const result = safeParseEnvelope(rawBody);
 * if (!result.success) return response.status(400).json({ error: result.error.details });
 */
export function safeParseEnvelope<P = Record<string, unknown>>(
  body: unknown,
): SafeResult<ToolgateEnvelope<P>, EnvelopeError> {
  try {
    return { success: true, value: parseEnvelope<P>(body) };
  } catch (error) {
    if (error instanceof EnvelopeError) return { success: false, error };
    throw error;
  }
}
