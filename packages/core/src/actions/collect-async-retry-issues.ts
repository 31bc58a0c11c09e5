import type { ValidationIssue } from '../errors.js';
import { isRecord } from '../is-record.js';
import {
  ACTION_METHODS,
  type ActionMethod,
  MAX_ASYNC_DEADLINE_SECONDS,
  MAX_RETRY_ATTEMPTS,
  MIN_ASYNC_DEADLINE_SECONDS,
} from './action-definition.js';

/** Longest pending message an async action may say on a 202. */
export const MAX_PENDING_MESSAGE_LENGTH = 500;

/** Methods retried without the operator's explicit `nonIdempotent` flag. */
export const IDEMPOTENT_METHODS: ReadonlySet<ActionMethod> = new Set(['GET', 'PUT', 'DELETE']);

function unknownFields(value: Record<string, unknown>, field: string, known: string[]): ValidationIssue[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      path: `/${field}/${key}`,
      message: `unknown field (${field} takes ${known.join(', ')})`,
    }));
}

/**
 * Problems of an action's `async` settings (`{deadlineSeconds?, pendingMessage?}`): the request
 * must carry `context.callback_url`, so a body method, and a body template must place it.
 */
export function collectAsyncIssues(
  value: unknown,
  method: unknown,
  bodyTemplate: unknown,
): ValidationIssue[] {
  if (value === undefined) return [];
  if (!isRecord(value))
    return [{ path: '/async', message: 'must be an object, e.g. {"deadlineSeconds": 300}' }];
  const issues = unknownFields(value, 'async', ['deadlineSeconds', 'pendingMessage']);
  if (method === 'GET' || method === 'DELETE') {
    issues.push({
      path: '/async',
      message: `an async action sends context.callback_url in its body: use POST, PUT or PATCH, not ${method}`,
    });
  }
  if (bodyTemplate !== undefined && !JSON.stringify(bodyTemplate).includes('{{context.callback_url}}')) {
    issues.push({
      path: '/async',
      message: 'the body template must place {{context.callback_url}} so the endpoint knows where to answer',
    });
  }
  const { deadlineSeconds, pendingMessage } = value;
  if (
    deadlineSeconds !== undefined &&
    !(
      Number.isInteger(deadlineSeconds) &&
      (deadlineSeconds as number) >= MIN_ASYNC_DEADLINE_SECONDS &&
      (deadlineSeconds as number) <= MAX_ASYNC_DEADLINE_SECONDS
    )
  ) {
    issues.push({
      path: '/async/deadlineSeconds',
      message: `must be a whole number of seconds from ${MIN_ASYNC_DEADLINE_SECONDS} to ${MAX_ASYNC_DEADLINE_SECONDS}`,
    });
  }
  if (pendingMessage !== undefined) {
    if (typeof pendingMessage !== 'string' || pendingMessage.trim() === '')
      issues.push({ path: '/async/pendingMessage', message: 'must be a non-empty string' });
    else if (pendingMessage.length > MAX_PENDING_MESSAGE_LENGTH)
      issues.push({
        path: '/async/pendingMessage',
        message: `must be at most ${MAX_PENDING_MESSAGE_LENGTH} characters`,
      });
  }
  return issues;
}

/** Problems of an action's `retry` settings (`{attempts, nonIdempotent?}`), given its method. */
export function collectRetryIssues(value: unknown, method: unknown): ValidationIssue[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [{ path: '/retry', message: 'must be an object, e.g. {"attempts": 3}' }];
  const issues = unknownFields(value, 'retry', ['attempts', 'nonIdempotent']);
  const { attempts, nonIdempotent } = value;
  if (
    !(Number.isInteger(attempts) && (attempts as number) >= 2 && (attempts as number) <= MAX_RETRY_ATTEMPTS)
  ) {
    issues.push({
      path: '/retry/attempts',
      message: `is required: a whole number of attempts from 2 to ${MAX_RETRY_ATTEMPTS}, the first included`,
    });
  }
  if (nonIdempotent !== undefined && typeof nonIdempotent !== 'boolean')
    issues.push({ path: '/retry/nonIdempotent', message: 'must be true or false' });
  const effective = (ACTION_METHODS as readonly unknown[]).includes(method ?? 'POST')
    ? ((method ?? 'POST') as ActionMethod)
    : undefined;
  if (effective && !IDEMPOTENT_METHODS.has(effective) && nonIdempotent !== true) {
    issues.push({
      path: '/retry',
      message: `${effective} is not idempotent: set "nonIdempotent": true only if the endpoint drops repeats by their Idempotency-Key`,
    });
  }
  return issues;
}
