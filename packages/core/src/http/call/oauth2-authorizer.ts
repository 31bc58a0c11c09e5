import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { OAuth2ClientCredentialsAuth } from '../../actions/action-definition.js';
import type { NetworkAllowlist } from '../policy/network-allowlist.js';
import type { ActionFailure, ActionResult, FailedActionResult } from './action-result.js';
import { fetchAccessToken } from './oauth2-fetch-token.js';
import { createAccessTokenCache, type TokenGrant } from './oauth2-token-cache.js';
import type { PreparedCall } from './prepare-call.js';
import { redactRequest, type SecretScrubber } from './redact.js';

/** Gets the access tokens of OAuth2 actions for the executor, cached and shared. */
export interface OAuth2Authorizer {
  /**
   * Sends a call of an `oauth2_client_credentials` action: with a cached or freshly fetched token
   * (one fetch for concurrent calls), and when the endpoint answers 401, once more with a new one.
   * `sendWith` sends the call as given (its retries included) within its deadline.
   */
  send(
    call: PreparedCall,
    started: number,
    sendWith: (call: PreparedCall) => Promise<ActionResult>,
  ): Promise<ActionResult>;
  /** The call's scrubber, with the access token its credentials have now (if one is cached). */
  scrubberOf(call: PreparedCall): SecretScrubber;
}

/** The call with `Authorization: Bearer` and a scrubber that knows the token. */
export function withAccessToken(call: PreparedCall, accessToken: string): PreparedCall {
  const headers = Object.assign({}, call.headers, { authorization: `Bearer ${accessToken}` });
  const scrubber = call.scrubber.including([accessToken]);
  return {
    ...call,
    headers,
    scrubber,
    request: redactRequest(call.prepared, call.prepared.url, headers, scrubber),
  };
}

function failedBeforeSending(
  call: PreparedCall,
  failure: ActionFailure,
  started: number,
): FailedActionResult {
  failure.message = call.scrubber.text(failure.message);
  return {
    ok: false,
    callId: call.callId,
    action: call.action.name,
    status: null,
    failure,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    request: call.request,
    response: null,
    redirects: [],
    truncated: false,
  };
}

/**
 * Creates the executor's token source: one cache of tokens per executor, every token request
 * through the executor's pinned agent and policy, within the deadline of the call that needs it.
 */
export function createOAuth2Authorizer(options: {
  agent: Dispatcher;
  allowlist: NetworkAllowlist;
  userAgent: string;
  now: () => number;
}): OAuth2Authorizer {
  const tokens = createAccessTokenCache<ActionFailure>({ now: options.now });

  function grant(call: PreparedCall, auth: OAuth2ClientCredentialsAuth, key: string, deadline: number) {
    return tokens.get(key, () =>
      fetchAccessToken(auth, {
        agent: options.agent,
        allowlist: options.allowlist,
        userAgent: options.userAgent,
        deadline,
        scrub: (text) => call.scrubber.text(text),
      }),
    );
  }

  return {
    scrubberOf(call) {
      if (call.action.auth.type !== 'oauth2_client_credentials') return call.scrubber;
      const token = tokens.peek(tokens.keyOf(call.credentialScope, call.action.auth));
      return token === undefined ? call.scrubber : call.scrubber.including([token]);
    },
    async send(call, started, sendWith) {
      const auth = call.action.auth as OAuth2ClientCredentialsAuth;
      const key = tokens.keyOf(call.credentialScope, auth);
      const deadline = started + call.action.timeoutMs;
      const first: TokenGrant<ActionFailure> = await grant(call, auth, key, deadline);
      // A copy: a failure shared by concurrent calls is scrubbed and shown by each of them.
      if (!first.ok) return failedBeforeSending(call, { ...first.failure }, started);
      const result = await sendWith(withAccessToken(call, first.accessToken));
      if (result.ok || result.status !== 401) return result;
      // The endpoint refused the token (revoked, rotated, expired early): forget it, try once more.
      tokens.invalidate(key, first.accessToken);
      const second = await grant(call, auth, key, deadline);
      if (!second.ok) return failedBeforeSending(call, { ...second.failure }, started);
      const retried = await sendWith(withAccessToken(call, second.accessToken));
      retried.attempts = (result.attempts ?? 1) + (retried.attempts ?? 1);
      return retried;
    },
  };
}
