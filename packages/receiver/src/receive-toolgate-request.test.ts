import { describe, expect, it } from 'vitest';
import { EnvelopeError } from './envelope-error.js';
import {
  checkReceiverOptions,
  receiveToolgateRequest,
  safeReceiveToolgateRequest,
} from './receive-toolgate-request.js';
import { signTestWebhook, testEnvelopeBody, testSecret } from './test/sign-test-webhook.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

const secret = testSecret();
const TIMESTAMP = 1_767_225_600;
const now = () => TIMESTAMP * 1000;

describe('receiveToolgateRequest', () => {
  it('verifies and reads a POST envelope', () => {
    const body = testEnvelopeBody();
    const headers = signTestWebhook({ body, secrets: [secret], id: 'call_1', timestamp: TIMESTAMP });
    const call = receiveToolgateRequest<{ order_number: string }>(
      { method: 'post', url: '/orders/status', headers, body: Buffer.from(body) },
      { secret, now },
    );
    expect(call).toMatchObject({
      source: 'envelope',
      id: 'call_1',
      timestamp: TIMESTAMP,
      method: 'POST',
      rawBody: body,
      action: 'check_order_status',
      parameters: { order_number: 'ORD-12345' },
      context: { call_id: 'call_test_1', trigger: 'ai_intent' },
    });
    if (call.source === 'envelope') expect(call.envelope.parameters).toBe(call.parameters);
  });

  it.each(['GET', 'DELETE', 'HEAD'])('reads %s parameters from the query string', (method) => {
    const headers = signTestWebhook({ body: '', secrets: [secret], id: 'call_2', timestamp: TIMESTAMP });
    const call = receiveToolgateRequest(
      { method, url: '/orders/status?order_number=ORD-12345', headers, body: '' },
      { secret, now },
    );
    expect(call).toEqual({
      source: 'query',
      id: 'call_2',
      timestamp: TIMESTAMP,
      method,
      rawBody: '',
      action: undefined,
      parameters: { order_number: 'ORD-12345' },
      context: undefined,
      envelope: undefined,
    });
  });

  it('checks the signature before the envelope', () => {
    const result = safeReceiveToolgateRequest(
      { method: 'POST', url: '/', headers: {}, body: 'not json' },
      { secret, now },
    );
    expect(result.success === false && result.error).toBeInstanceOf(WebhookVerificationError);
  });

  it('refuses a signed body that is not an envelope', () => {
    const body = '{"order_number":"ORD-1"}';
    const headers = signTestWebhook({ body, secrets: [secret], timestamp: TIMESTAMP });
    const result = safeReceiveToolgateRequest({ method: 'PUT', url: '/', headers, body }, { secret, now });
    expect(result.success === false && result.error).toBeInstanceOf(EnvelopeError);
  });

  it('uses the tolerance and clock it is given', () => {
    const body = testEnvelopeBody();
    const headers = signTestWebhook({ body, secrets: [secret], timestamp: TIMESTAMP - 60 });
    const request = { method: 'POST', url: '/', headers, body };
    expect(safeReceiveToolgateRequest(request, { secret, now }).success).toBe(true);
    const strict = safeReceiveToolgateRequest(request, { secret, now, toleranceSeconds: 30 });
    expect(strict.success === false && strict.error.code).toBe('timestamp_too_old');
  });
});

describe('checkReceiverOptions', () => {
  it('fails fast on unusable options', () => {
    expect(() => checkReceiverOptions({ secret })).not.toThrow();
    expect(() => checkReceiverOptions({ secret: '' })).toThrow(
      expect.objectContaining({ code: 'invalid_secret' }),
    );
    expect(() => checkReceiverOptions({ secret: [secret, 'whsec_x'] })).toThrow(WebhookVerificationError);
    expect(() => checkReceiverOptions({ secret, toleranceSeconds: -1 })).toThrow(RangeError);
    expect(() => checkReceiverOptions({ secret, maxBodyBytes: 1.5 })).toThrow(RangeError);
  });
});
