import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { OAuth2ClientCredentialsAuth } from '../../actions/action-definition.js';
import { checkBeforeConnect } from '../policy/check-before-connect.js';
import type { NetworkAllowlist } from '../policy/network-allowlist.js';
import { dispatchCapped } from '../transport/dispatch-capped.js';
import type { ActionFailure, TokenEndpointFailure } from './action-result.js';
import { classifyTransportError } from './classify-transport-error.js';
import type { FetchedToken } from './oauth2-token-cache.js';
import { buildTokenRequest } from './oauth2-token-request.js';
import { readTokenResponse, TOKEN_RESPONSE_CAP_BYTES } from './oauth2-token-response.js';

/** What a token fetch needs from the executor: its pool, policy and identity. */
export interface TokenFetchContext {
  /** The executor's pinned agent: the token request is checked and capped like the call. */
  agent: Dispatcher;
  allowlist: NetworkAllowlist;
  userAgent: string;
  /** `performance.now()` by which the whole call (token included) must be done. */
  deadline: number;
  /** Scrubs the call's secrets (the client secret among them) from what the provider says. */
  scrub: (text: string) => string;
}

const TRANSPORT_REASONS: ReadonlyMap<string, TokenEndpointFailure['reason']> = new Map([
  ['timeout', 'timeout'],
  ['blocked', 'blocked'],
  ['tls', 'tls'],
  ['connect_failed', 'connect_failed'],
  ['invalid_response', 'invalid_response'],
]);

/** The `auth_failed` failure of a call whose token could not be had. */
export function authFailure(detail: TokenEndpointFailure, message: string, where: string): ActionFailure {
  return {
    kind: 'auth_failed',
    message: `no OAuth2 access token from ${where}: ${message}`,
    expected: false,
    tokenEndpoint: detail,
  };
}

/**
 * Asks the token endpoint for an access token (client credentials grant) through the executor's
 * pinned agent: the URL's form and literal addresses are checked first, its name's addresses at
 * connect time, the answer is read up to {@link TOKEN_RESPONSE_CAP_BYTES} within the call's
 * deadline, and a redirect is never followed. Never throws: a failure is an `auth_failed`.
 */
export async function fetchAccessToken(
  auth: OAuth2ClientCredentialsAuth,
  context: TokenFetchContext,
): Promise<FetchedToken<ActionFailure>> {
  const request = buildTokenRequest(auth, context.userAgent);
  const where = `${request.url.origin}${request.url.pathname}`;
  const fail = (detail: TokenEndpointFailure, message: string) => ({
    ok: false as const,
    failure: authFailure(detail, context.scrub(message), context.scrub(where)),
  });
  const check = checkBeforeConnect(request.url, context.allowlist);
  if (!check.allowed) return fail({ reason: 'blocked' }, `the destination is not allowed: ${check.reason}`);
  const timeoutMs = Math.ceil(context.deadline - performance.now());
  if (timeoutMs <= 0) return fail({ reason: 'timeout' }, 'the call ran out of time before the token request');
  try {
    const response = await dispatchCapped(
      context.agent,
      {
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: 'POST',
        headers: request.headers,
        body: request.body,
      },
      { capBytes: TOKEN_RESPONSE_CAP_BYTES, timeoutMs },
    );
    const outcome = readTokenResponse(response, context.scrub);
    if (outcome.ok) return outcome;
    return fail(outcome.failure, outcome.message);
  } catch (error) {
    const failure = classifyTransportError(error, timeoutMs);
    const reason = TRANSPORT_REASONS.get(failure.kind) ?? 'connect_failed';
    return fail({ reason }, failure.message.replace(/\bthe endpoint\b/g, 'the token endpoint'));
  }
}
