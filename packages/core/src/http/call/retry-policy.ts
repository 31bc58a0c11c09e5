import type { ResolvedActionDefinition } from '../../actions/action-definition.js';
import { IDEMPOTENT_METHODS } from '../../actions/collect-async-retry-issues.js';
import type { ActionResult } from './action-result.js';

/** Statuses worth another attempt: rate limited, and a gateway or an overloaded upstream. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** First backoff; doubled per attempt, with full jitter. */
export const RETRY_BASE_DELAY_MS = 200;

/** How many attempts a call of this action may make in all (1: no retries). */
export function attemptsAllowed(action: ResolvedActionDefinition): number {
  const retry = action.retry;
  if (retry === undefined || action.async !== undefined) return 1;
  if (!IDEMPOTENT_METHODS.has(action.method) && retry.nonIdempotent !== true) return 1;
  return retry.attempts;
}

/**
 * Whether a failed attempt is worth another, and after how long: network errors, timeouts, 429
 * (after its `Retry-After` when given) and 502/503/504; never a 4xx or a refusal before sending.
 */
export function retryDelayMs(
  result: ActionResult,
  attempt: number,
  random: () => number = Math.random,
): number | undefined {
  if (result.ok) return undefined;
  const { failure } = result;
  const retryable =
    failure.kind === 'connect_failed' ||
    failure.kind === 'timeout' ||
    (result.status !== null && RETRY_STATUSES.has(result.status));
  if (!retryable) return undefined;
  if (failure.retryAfterSeconds !== undefined) return failure.retryAfterSeconds * 1000;
  return Math.round(random() * RETRY_BASE_DELAY_MS * 2 ** (attempt - 1));
}
