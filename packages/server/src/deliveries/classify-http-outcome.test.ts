import type { ActionResult, TokenEndpointFailure } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import { outcomeOfActionResult } from './classify-http-outcome.js';

function authFailed(reason: TokenEndpointFailure['reason']): ActionResult {
  return {
    ok: false,
    callId: 'call_1',
    action: 'deliver',
    status: null,
    failure: {
      kind: 'auth_failed',
      message: 'no OAuth2 access token',
      expected: false,
      tokenEndpoint: { reason },
    },
    durationMs: 1,
    request: null,
    response: null,
    redirects: [],
    truncated: false,
  };
}

describe('outcomeOfActionResult for an OAuth2 token failure', () => {
  it('retries when the token endpoint could not be reached, gives up when it refused', () => {
    for (const reason of ['timeout', 'connect_failed', 'tls'] as const) {
      expect(outcomeOfActionResult(authFailed(reason)).kind, reason).toBe('retry');
    }
    for (const reason of ['refused', 'redirect', 'too_large', 'invalid_response', 'blocked'] as const) {
      expect(outcomeOfActionResult(authFailed(reason)).kind, reason).toBe('failed');
    }
    expect(outcomeOfActionResult(authFailed('refused'))).toEqual({
      kind: 'failed',
      error: 'auth_failed: no OAuth2 access token',
    });
  });
});
