import { describe, expect, it } from 'vitest';
import { testSecret } from './test/sign-test-webhook.js';
import { secretList, webhookSecretKey } from './webhook-secret-key.js';

describe('webhookSecretKey', () => {
  it('decodes the base64 after whsec_', () => {
    const key = Buffer.alloc(32, 7);
    expect(webhookSecretKey(`whsec_${key.toString('base64')}`)).toEqual(key);
    expect(webhookSecretKey(testSecret())).toHaveLength(32);
  });

  it.each(['', 'secret', 'whsec_', 'whsec_!!!!', 'whsec_c2hvcnQ=', ` ${testSecret()}`])(
    'refuses %j',
    (secret) => {
      expect(() => webhookSecretKey(secret)).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
    },
  );
});

describe('secretList', () => {
  it('takes one secret or several, never none', () => {
    expect(secretList('a')).toEqual(['a']);
    expect(secretList(['a', 'b'])).toEqual(['a', 'b']);
    expect(() => secretList([])).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
  });
});
