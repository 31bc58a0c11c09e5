import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { TargetBlockedError } from '../../http/transport/target-blocked-error.js';
import { describeModelFailure, scrubModelMessage } from './describe-model-failure.js';

const KEY = 'sk-proj-abcdefghijklmnop1234';
const context = { provider: 'openai', timeoutMs: 30_000, timedOut: false, cancelled: false, apiKey: KEY };

function apiError(statusCode: number | undefined, message: string, cause?: unknown): APICallError {
  return new APICallError({
    message,
    url: 'https://api.openai.com/v1/chat/completions',
    requestBodyValues: {},
    ...(statusCode === undefined ? {} : { statusCode }),
    cause,
  });
}

describe('describeModelFailure', () => {
  it('names the provider, the status and the provider message', () => {
    expect(describeModelFailure(apiError(429, 'Rate limit reached for gpt-4o-mini'), context)).toBe(
      'openai: 429 Rate limit reached for gpt-4o-mini',
    );
  });

  it('says a redirect was not followed', () => {
    expect(describeModelFailure(apiError(301, 'Moved Permanently'), context)).toMatch(
      /^openai: 301 redirect not followed; model endpoints must answer directly/,
    );
  });

  it('prefers the timeout and the cancellation over whatever the SDK threw', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(describeModelFailure(abort, { ...context, timedOut: true })).toBe(
      'openai: timed out after 30000 ms',
    );
    expect(describeModelFailure(abort, { ...context, cancelled: true })).toBe(
      'openai: the request was cancelled',
    );
  });

  it('finds a refused destination anywhere in the causes', () => {
    const blocked = new TargetBlockedError({
      allowed: false,
      code: 'address_denied',
      reason: 'models.corp resolves to 10.0.0.5: private network',
    });
    const error = apiError(
      undefined,
      'Cannot connect to API: fetch failed',
      new TypeError('fetch failed', { cause: blocked }),
    );
    expect(describeModelFailure(error, context)).toBe(
      'openai: the model endpoint is not allowed: models.corp resolves to 10.0.0.5: private network',
    );
  });
});

describe('scrubModelMessage', () => {
  it('removes the key, masked keys and key-like tokens', () => {
    expect(scrubModelMessage(`bad key ${KEY}`, KEY)).toBe('bad key [redacted]');
    expect(scrubModelMessage('Incorrect API key provided: sk-proj-********************1234.', KEY)).toBe(
      'Incorrect API key provided: [redacted].',
    );
    expect(scrubModelMessage('key ************wxyz given', undefined)).toBe('key [redacted] given');
    expect(scrubModelMessage('ask-me and desk-top stay', undefined)).toBe('ask-me and desk-top stay');
  });

  it('caps long messages', () => {
    expect(scrubModelMessage('x'.repeat(1_000), undefined)).toHaveLength(400);
  });
});
