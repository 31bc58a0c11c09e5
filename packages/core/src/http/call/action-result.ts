import type { InnerRequest } from '../../code/send-inner-request.js';
import type { ValidationIssue } from '../../errors.js';
import type { SentRequest } from './redact.js';

/**
 * Why a call failed. Every kind is an outcome the agent can explain, never an exception:
 * - `invalid_arguments`: the arguments failed the action's schema; nothing was sent.
 * - `blocked`: the destination failed the outbound policy (before connecting, or at connect time).
 * - `timeout`: the total deadline passed (connect, headers and body together).
 * - `connect_failed`: no connection (refused, reset, unreachable, DNS answered nothing usable).
 * - `tls`: the TLS handshake or certificate check failed.
 * - `too_large`: the request body is over the request cap; nothing was sent.
 * - `http_error`: the endpoint answered 3xx (not followed), 4xx or 5xx.
 * - `endpoint_error`: the endpoint answered 2xx but said it failed (`{success:false}`, `{error}`).
 * - `invalid_response`: a body that claims to be JSON and is not, or cannot be decoded.
 * - `rate_limited`: the endpoint answered 429.
 * - `code_error`: a code action's code failed: it does not compile, threw, or passed a limit of
 *   its sandbox (memory, CPU time, requests).
 * - `auth_failed`: no OAuth2 access token could be had (the token endpoint refused the client,
 *   answered something unusable, or could not be reached); nothing was sent to the endpoint.
 */
export const FAILURE_KINDS = [
  'invalid_arguments',
  'blocked',
  'timeout',
  'connect_failed',
  'tls',
  'too_large',
  'http_error',
  'endpoint_error',
  'invalid_response',
  'rate_limited',
  'code_error',
  'auth_failed',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** A failed call: what went wrong, in words a model can relay. */
export interface ActionFailure {
  kind: FailureKind;
  message: string;
  /** True for failures the endpoint meant (4xx, `{success:false}`), false for breakage (5xx, timeouts). */
  expected: boolean;
  /** For `invalid_arguments`: every problem, located by JSON pointer. */
  issues?: ValidationIssue[];
  /** For `rate_limited`: the endpoint's `Retry-After`, in seconds, when it gave one. */
  retryAfterSeconds?: number;
  /** For `auth_failed`: what happened at the OAuth2 token endpoint. */
  tokenEndpoint?: TokenEndpointFailure;
}

/**
 * Why the OAuth2 token endpoint gave no usable token: `refused` (an error answer, with the
 * provider's `error` code and `error_description` when it sent them), `redirect` (never
 * followed), `too_large` (over the token response cap), `invalid_response` (not a bearer token
 * in JSON), or what the transport says (`blocked`, `timeout`, `connect_failed`, `tls`).
 * Never the client secret nor a token.
 */
export interface TokenEndpointFailure {
  reason:
    | 'refused'
    | 'redirect'
    | 'too_large'
    | 'invalid_response'
    | 'blocked'
    | 'timeout'
    | 'connect_failed'
    | 'tls';
  /** The token endpoint's HTTP status, when it answered. */
  status?: number;
  /** The provider's `error` code (RFC 6749 section 5.2), e.g. `invalid_client`. */
  error?: string;
  /** The provider's `error_description`, scrubbed of the call's secrets and cut at 300 characters. */
  errorDescription?: string;
}

/** The response as received, secrets scrubbed, body cut at the cap. */
export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  /** The body text (UTF-8), at most the response cap. */
  body: string;
  /** Bytes kept (after decompression). */
  bodyBytes: number;
  truncated: boolean;
}

interface ActionResultCommon {
  callId: string;
  action: string;
  /** Milliseconds from the start of the call to the end of the body. */
  durationMs: number;
  /** The request as sent (secrets redacted), or `null` when nothing was built. */
  request: SentRequest | null;
  /** The final response, or `null` when none arrived. */
  response: ReceivedResponse | null;
  /** Redirect locations followed, in order (only for actions that opt in). */
  redirects: string[];
  /** The response body was longer than the cap and was cut. */
  truncated: boolean;
  /** Attempts made, when the action's retries made more than one (same `Idempotency-Key`). */
  attempts?: number;
  /** A code action's requests, as its code wrote them (credentials as placeholders), and its log lines. */
  code?: { requests: InnerRequest[]; logs: string[] };
}

/** The endpoint answered and what it said is usable. Exactly one of `data` or `message` is set. */
export interface SucceededActionResult extends ActionResultCommon {
  ok: true;
  status: number;
  /** Structured data for the model to phrase. */
  data?: unknown;
  /** Text to say verbatim (the endpoint answered `{message}`). */
  message?: string;
}

/** The call failed; `failure.kind` says how. */
export interface FailedActionResult extends ActionResultCommon {
  ok: false;
  /** The HTTP status when a response arrived. */
  status: number | null;
  failure: ActionFailure;
}

/** The outcome of one action call. Data, never an exception. */
export type ActionResult = SucceededActionResult | FailedActionResult;
