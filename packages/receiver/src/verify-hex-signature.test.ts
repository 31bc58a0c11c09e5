import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEnvelopeBody, testHexSignature, testSecret } from './test/sign-test-webhook.js';
import { safeVerifyHexSignature, verifyHexSignature } from './verify-hex-signature.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

const secret = testSecret();
const body = testEnvelopeBody();

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).code;
  }
  throw new Error('expected a WebhookVerificationError');
}

describe('verifyHexSignature', () => {
  it('matches RFC 4231 test case 2 (key "Jefe")', () => {
    const signature = 'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(() =>
      verifyHexSignature({ payload: 'what do ya want for nothing?', signature, secret: 'Jefe' }),
    ).not.toThrow();
  });

  it('accepts the signature keyed with the whole secret string, for strings and bytes', () => {
    const signature = testHexSignature(body, secret);
    expect(() => verifyHexSignature({ payload: body, signature, secret })).not.toThrow();
    expect(() => verifyHexSignature({ payload: Buffer.from(body), signature, secret })).not.toThrow();
    expect(() => verifyHexSignature({ payload: body, signature: [signature], secret })).not.toThrow();
  });

  it('does not accept a signature keyed with the decoded whsec_ bytes (that is the other style)', () => {
    const key = Buffer.from(secret.slice(6), 'base64');
    const signature = `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
    expect(codeOf(() => verifyHexSignature({ payload: body, signature, secret }))).toBe('no_valid_signature');
  });

  it('accepts upper-case hex digits (the same digest)', () => {
    const signature = testHexSignature(body, secret);
    const upper = `sha256=${signature.slice(7).toUpperCase()}`;
    expect(() => verifyHexSignature({ payload: body, signature: upper, secret })).not.toThrow();
  });

  it('refuses a tampered body and a wrong secret', () => {
    const signature = testHexSignature(body, secret);
    expect(codeOf(() => verifyHexSignature({ payload: `${body} `, signature, secret }))).toBe(
      'no_valid_signature',
    );
    expect(codeOf(() => verifyHexSignature({ payload: body, signature, secret: testSecret() }))).toBe(
      'no_valid_signature',
    );
  });

  it('accepts any of several secrets (rotation on the receiver side)', () => {
    const signature = testHexSignature(body, secret);
    expect(() =>
      verifyHexSignature({ payload: body, signature, secret: [testSecret(), secret] }),
    ).not.toThrow();
  });

  it.each([
    ['a missing prefix', (hex: string) => hex],
    ['an upper-case prefix', (hex: string) => `SHA256=${hex}`],
    ['another algorithm', (hex: string) => `sha1=${hex}`],
    ['a short digest', (hex: string) => `sha256=${hex.slice(2)}`],
    ['a long digest', (hex: string) => `sha256=${hex}00`],
    ['non-hex digits', (hex: string) => `sha256=${hex.slice(1)}g`],
    ['spaces inside', (hex: string) => `sha256= ${hex}`],
  ])('refuses %s as malformed', (_label, spell) => {
    const hex = testHexSignature(body, secret).slice(7);
    expect(codeOf(() => verifyHexSignature({ payload: body, signature: spell(hex), secret }))).toBe(
      'malformed_signature',
    );
  });

  it('refuses a missing header and different repeated values', () => {
    for (const signature of [undefined, null, '', '  ', []]) {
      expect(codeOf(() => verifyHexSignature({ payload: body, signature, secret }))).toBe('missing_headers');
    }
    const signature = testHexSignature(body, secret);
    expect(
      codeOf(() =>
        verifyHexSignature({ payload: body, signature: [signature, testHexSignature('x', secret)], secret }),
      ),
    ).toBe('invalid_headers');
  });

  it('refuses an empty secret or none', () => {
    const signature = testHexSignature(body, '');
    expect(codeOf(() => verifyHexSignature({ payload: body, signature, secret: '' }))).toBe('invalid_secret');
    expect(codeOf(() => verifyHexSignature({ payload: body, signature, secret: [] }))).toBe('invalid_secret');
  });
});

describe('safeVerifyHexSignature', () => {
  it('returns success or the error', () => {
    const signature = testHexSignature(body, secret);
    expect(safeVerifyHexSignature({ payload: body, signature, secret })).toEqual({
      success: true,
      value: undefined,
    });
    const failed = safeVerifyHexSignature({ payload: body, signature: 'sha256=00', secret });
    expect(failed.success === false && failed.error.code).toBe('malformed_signature');
  });
});
