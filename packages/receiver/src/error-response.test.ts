import { describe, expect, it } from 'vitest';
import { EnvelopeError } from './envelope-error.js';
import { errorResponse } from './error-response.js';
import { ReceiverError } from './receiver-error.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

describe('errorResponse', () => {
  it('answers 401 to failed signature checks, with the one error shape', () => {
    expect(errorResponse(new WebhookVerificationError('timestamp_too_old', 'signed 900 s ago'))).toEqual({
      status: 401,
      body: { error: { code: 'timestamp_too_old', message: 'signed 900 s ago' } },
    });
  });

  it('answers 400 with details to a bad envelope', () => {
    const details = [{ path: '/action', message: 'must be a non-empty string' }];
    expect(errorResponse(new EnvelopeError('bad', details))).toEqual({
      status: 400,
      body: { error: { code: 'invalid_envelope', message: 'bad', details } },
    });
  });

  it('answers 413 to a large body and 500 to receiver misconfigurations', () => {
    expect(errorResponse(new ReceiverError('body_too_large', 'big')).status).toBe(413);
    expect(errorResponse(new WebhookVerificationError('invalid_secret', 'x')).status).toBe(500);
    expect(errorResponse(new ReceiverError('raw_body_unavailable', 'x')).status).toBe(500);
  });
});
