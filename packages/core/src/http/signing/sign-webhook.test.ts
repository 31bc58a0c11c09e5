import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ToolgateError } from '../../errors.js';
import { hexSignature, signWebhook } from './sign-webhook.js';
import { generateWebhookSecret, webhookSecretKey } from './webhook-secret.js';

describe('signWebhook', () => {
  it('matches the standardwebhooks package byte for byte', () => {
    const secret = generateWebhookSecret();
    const timestamp = 1_767_225_600;
    const body = '{"action":"check_order_status","parameters":{"order_number":"ORD-12345"}}';
    const ours = signWebhook({ id: 'call_abc', timestamp, body, secrets: [secret] });
    const theirs = new Webhook(secret).sign('call_abc', new Date(timestamp * 1000), body);
    expect(ours['webhook-signature']).toBe(theirs);
    expect(ours['webhook-timestamp']).toBe(String(timestamp));
  });

  it('signs bytes the same as the equivalent string', () => {
    const secret = generateWebhookSecret();
    const body = '{"name":"Zoë"}';
    const fromString = signWebhook({ id: 'a', timestamp: 1, body, secrets: [secret] });
    const fromBytes = signWebhook({
      id: 'a',
      timestamp: 1,
      body: new TextEncoder().encode(body),
      secrets: [secret],
    });
    expect(fromBytes).toEqual(fromString);
  });

  it('refuses zero or more than two secrets, and malformed ids', () => {
    const secret = generateWebhookSecret();
    expect(() => signWebhook({ id: 'a', timestamp: 1, body: '', secrets: [] })).toThrow(ToolgateError);
    expect(() => signWebhook({ id: 'a', timestamp: 1, body: '', secrets: [secret, secret, secret] })).toThrow(
      /1 to 2/,
    );
    expect(() => signWebhook({ id: 'a b', timestamp: 1, body: '', secrets: [secret] })).toThrow(
      /webhook ids/,
    );
  });

  it('computes the sha256=<hex> style with the secret string as key', () => {
    // RFC 4231, test case 2.
    expect(hexSignature('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hexSignature('hello', 'whsec_key')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hexSignature('hello', 'whsec_key')).not.toBe(hexSignature('hello!', 'whsec_key'));
  });
});

describe('webhook secrets', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(secret)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it.each(['', 'secret', 'whsec_', 'whsec_!!!!', 'whsec_c2hvcnQ='])('refuses %j', (secret) => {
    expect(() => webhookSecretKey(secret)).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
  });
});
