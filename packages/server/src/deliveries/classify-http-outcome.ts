import type { ActionResult } from '@toolgate/core';
import type { AttemptOutcome } from './delivery-types.js';
import { MAX_RETRY_AFTER_MS } from './retry-schedule.js';

/** Response text kept per attempt: enough to see what the receiver said, small enough for every attempt. */
export const DELIVERY_EXCERPT_BYTES = 1024;

/**
 * `Retry-After` in ms from now: whole seconds or an HTTP date, capped at MAX_RETRY_AFTER_MS;
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = date - nowMs;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** Cuts text to DELIVERY_EXCERPT_BYTES of UTF-8 without splitting a character. */
export function excerptOf(text: string | undefined | null): string | undefined {
  if (text === undefined || text === null || text === '') return undefined;
  if (Buffer.byteLength(text) <= DELIVERY_EXCERPT_BYTES) return text;
  const kept = Buffer.from(text).subarray(0, DELIVERY_EXCERPT_BYTES).toString('utf8');
  return kept.endsWith('\uFFFD') ? kept.slice(0, -1) : kept;
}

function header(headers: Record<string, string | undefined> | Headers, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** What one attempt received: a response, or an error before one (network, timeout). */
export type HttpAttempt =
  | { status: number; headers?: Record<string, string | undefined> | Headers; body?: string }
  | { error: string };

/**
 * Maps an attempt to its outcome: 2xx delivered; 408, 429 (after `Retry-After`) and 5xx retried;
 * 410 gone; any other status (3xx, 4xx) failed; an error before a response (network, timeout)
 * retried.
 *
 * @example
 * classifyHttpOutcome({ status: 429, headers: { 'retry-after': '30' } }); // retry, retryAfterMs 30000
 */
export function classifyHttpOutcome(attempt: HttpAttempt, nowMs: number = Date.now()): AttemptOutcome {
  if ('error' in attempt) return { kind: 'retry', error: attempt.error };
  const { status } = attempt;
  const excerpt = excerptOf(attempt.body);
  const extra = excerpt === undefined ? {} : { excerpt };
  if (status >= 200 && status < 300) return { kind: 'delivered', status, ...extra };
  if (status === 410) return { kind: 'gone', status, error: 'the receiver answered 410 Gone', ...extra };
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs =
      status === 429 || status === 503
        ? parseRetryAfter(header(attempt.headers ?? {}, 'retry-after'), nowMs)
        : undefined;
    return {
      kind: 'retry',
      status,
      error: `the receiver answered ${status}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...extra,
    };
  }
  return { kind: 'failed', status, error: `the receiver answered ${status}; not retried`, ...extra };
}

/**
 * The outcome of an attempt made through the executor: a response is classified by its status
 * (a 2xx is delivered whatever its body says); a call that never got one is retried when the
 * cause may pass (timeout, connection, TLS) and failed when it cannot (blocked by the outbound
 * policy, a body over the cap, invalid arguments).
 */
export function outcomeOfActionResult(result: ActionResult, nowMs: number = Date.now()): AttemptOutcome {
  if (result.response !== null) {
    return classifyHttpOutcome(
      { status: result.response.status, headers: result.response.headers, body: result.response.body },
      nowMs,
    );
  }
  if (result.ok) return { kind: 'delivered', status: result.status };
  const { kind, message } = result.failure;
  switch (kind) {
    case 'timeout':
    case 'connect_failed':
    case 'tls':
      return { kind: 'retry', error: `${kind}: ${message}` };
    case 'rate_limited':
      return {
        kind: 'retry',
        error: `${kind}: ${message}`,
        ...(result.failure.retryAfterSeconds === undefined
          ? {}
          : { retryAfterMs: Math.min(result.failure.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS) }),
      };
    case 'auth_failed': {
      // No OAuth2 token: a token endpoint that could not be reached may be back later; a refusal
      // (invalid_client) or an unusable answer stays until an operator fixes the credentials.
      const reason = result.failure.tokenEndpoint?.reason;
      const transient = reason === 'timeout' || reason === 'connect_failed' || reason === 'tls';
      return { kind: transient ? 'retry' : 'failed', error: `${kind}: ${message}` };
    }
    case 'blocked':
    case 'too_large':
    case 'invalid_arguments':
    case 'http_error':
    case 'endpoint_error':
    case 'invalid_response':
    case 'code_error':
      return { kind: 'failed', error: `${kind}: ${message}` };
  }
}
