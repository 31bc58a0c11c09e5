import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signTestWebhook, testEnvelopeBody, testSecret } from './test/sign-test-webhook.js';
import { safeVerifyWebhook, verifyWebhook } from './verify-webhook.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

const TIMESTAMP = 1_767_225_600; // 2026-01-01T00:00:00Z
const NOW = TIMESTAMP * 1000 + 1_500;
const secret = testSecret();
const otherSecret = testSecret();
const body = testEnvelopeBody();

function signed(overrides: { body?: string; secrets?: string[]; id?: string; timestamp?: number } = {}) {
  return signTestWebhook({
    body: overrides.body ?? body,
    secrets: overrides.secrets ?? [secret],
    id: overrides.id ?? 'call_abc',
    timestamp: overrides.timestamp ?? TIMESTAMP,
  });
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).code;
  }
  throw new Error('expected a WebhookVerificationError');
}

describe('verifyWebhook: round trips with the standardwebhooks package', () => {
  it('verifies what standardwebhooks signs', () => {
    const signature = new Webhook(secret).sign('msg_2Lq1', new Date(TIMESTAMP * 1000), body);
    const headers = {
      'webhook-id': 'msg_2Lq1',
      'webhook-timestamp': String(TIMESTAMP),
      'webhook-signature': signature,
    };
    expect(verifyWebhook({ payload: body, headers, secret, now: NOW })).toEqual({
      id: 'msg_2Lq1',
      timestamp: TIMESTAMP,
    });
  });

  it('verifies non-ASCII bodies signed by standardwebhooks, as a string or as bytes', () => {
    const text = JSON.stringify({ action: 'book', parameters: { name: 'Zoë 🌍' } });
    const signature = new Webhook(secret).sign('msg_1', new Date(TIMESTAMP * 1000), text);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(TIMESTAMP),
      'webhook-signature': signature,
    };
    expect(verifyWebhook({ payload: text, headers, secret, now: NOW }).id).toBe('msg_1');
    expect(verifyWebhook({ payload: Buffer.from(text), headers, secret, now: NOW }).id).toBe('msg_1');
    expect(verifyWebhook({ payload: new TextEncoder().encode(text), headers, secret, now: NOW }).id).toBe(
      'msg_1',
    );
  });

  it('signs (test helper) what standardwebhooks verifies, rotation included', () => {
    const headers = signTestWebhook({ body, secrets: [otherSecret, secret] });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(otherSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(testSecret()).verify(body, headers)).toThrow();
    expect(verifyWebhook({ payload: body, headers, secret }).id).toBe(headers['webhook-id']);
  });

  it('verifies an empty body (GET/DELETE) both ways', () => {
    const ours = signed({ body: '' });
    expect(verifyWebhook({ payload: '', headers: ours, secret, now: NOW }).id).toBe('call_abc');
    const theirs = new Webhook(secret).sign('call_abc', new Date(TIMESTAMP * 1000), '');
    expect(ours['webhook-signature']).toBe(theirs);
  });
});

describe('verifyWebhook: headers', () => {
  it('reads header names in any case, from a plain object or a Web Headers', () => {
    const upper = Object.fromEntries(
      Object.entries(signed()).map(([name, value]) => [name.toUpperCase(), value]),
    );
    expect(verifyWebhook({ payload: body, headers: upper, secret, now: NOW }).id).toBe('call_abc');
    expect(verifyWebhook({ payload: body, headers: new Headers(signed()), secret, now: NOW }).id).toBe(
      'call_abc',
    );
  });

  it('accepts a now given as a Date', () => {
    expect(verifyWebhook({ payload: body, headers: signed(), secret, now: new Date(NOW) }).timestamp).toBe(
      TIMESTAMP,
    );
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
    'refuses a request without %s',
    (name) => {
      const headers: Record<string, string | undefined> = { ...signed(), [name]: undefined };
      expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe(
        'missing_headers',
      );
      expect(
        codeOf(() =>
          verifyWebhook({ payload: body, headers: { ...headers, [name]: '  ' }, secret, now: NOW }),
        ),
      ).toBe('missing_headers');
    },
  );

  it('refuses a repeated id or timestamp with different values, accepts identical repeats', () => {
    const headers = signed();
    const repeatedId = { ...headers, 'webhook-id': ['call_abc', 'call_other'] };
    expect(codeOf(() => verifyWebhook({ payload: body, headers: repeatedId, secret, now: NOW }))).toBe(
      'invalid_headers',
    );
    const sameTwice = { ...headers, 'webhook-id': ['call_abc', 'call_abc'] };
    expect(verifyWebhook({ payload: body, headers: sameTwice, secret, now: NOW }).id).toBe('call_abc');
  });

  it('refuses ids with spaces or control characters, and overlong ids', () => {
    for (const id of ['call abc', 'call\u0000', 'x'.repeat(257)]) {
      const headers = { ...signed(), 'webhook-id': id };
      expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe(
        'invalid_headers',
      );
    }
  });

  it('accepts signatures split over repeated headers or joined with ", "', () => {
    const [first, second] = signed({ secrets: [otherSecret, secret] })['webhook-signature'].split(' ');
    const base = signed();
    const asArray = { ...base, 'webhook-signature': [first as string, second as string] };
    expect(verifyWebhook({ payload: body, headers: asArray, secret, now: NOW }).id).toBe('call_abc');
    const commaJoined = new Headers(base);
    commaJoined.set('webhook-signature', first as string);
    commaJoined.append('webhook-signature', second as string);
    expect(commaJoined.get('webhook-signature')).toContain(', ');
    expect(verifyWebhook({ payload: body, headers: commaJoined, secret, now: NOW }).id).toBe('call_abc');
  });
});

describe('verifyWebhook: attacks', () => {
  it('refuses a tampered body, even by one byte or one space', () => {
    const headers = signed();
    for (const payload of [
      body.replace('12345', '12346'),
      `${body} `,
      JSON.stringify(JSON.parse(body), null, 2),
      '',
    ]) {
      expect(codeOf(() => verifyWebhook({ payload, headers, secret, now: NOW }))).toBe('no_valid_signature');
    }
  });

  it('refuses a tampered id', () => {
    const headers = { ...signed(), 'webhook-id': 'call_abd' };
    expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe(
      'no_valid_signature',
    );
  });

  it('refuses a tampered timestamp inside the window', () => {
    const headers = { ...signed(), 'webhook-timestamp': String(TIMESTAMP + 1) };
    expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe(
      'no_valid_signature',
    );
  });

  it('refuses content moved between id, timestamp and body', () => {
    // "call.1767225600.{...}" re-split as id "call" + a different timestamp/body cannot match.
    const headers = signed({ id: 'call' });
    const shifted = { ...headers, 'webhook-id': 'call.1767225600' };
    expect(codeOf(() => verifyWebhook({ payload: body, headers: shifted, secret, now: NOW }))).toBe(
      'no_valid_signature',
    );
  });

  it('refuses the wrong secret', () => {
    expect(
      codeOf(() => verifyWebhook({ payload: body, headers: signed(), secret: otherSecret, now: NOW })),
    ).toBe('no_valid_signature');
  });

  it('rotation: two signatures, two secrets, accepted when any pair matches', () => {
    const rotated = signed({ secrets: [otherSecret, secret] });
    expect(rotated['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook({ payload: body, headers: rotated, secret, now: NOW }).id).toBe('call_abc');
    expect(verifyWebhook({ payload: body, headers: rotated, secret: otherSecret, now: NOW }).id).toBe(
      'call_abc',
    );
    const third = testSecret();
    expect(verifyWebhook({ payload: body, headers: signed(), secret: [third, secret], now: NOW }).id).toBe(
      'call_abc',
    );
    expect(
      verifyWebhook({ payload: body, headers: rotated, secret: [third, otherSecret], now: NOW }).id,
    ).toBe('call_abc');
    expect(codeOf(() => verifyWebhook({ payload: body, headers: rotated, secret: [third], now: NOW }))).toBe(
      'no_valid_signature',
    );
  });

  it('refuses expired requests and accepts the edge of the window', () => {
    const old = signed({ timestamp: TIMESTAMP - 301 });
    expect(codeOf(() => verifyWebhook({ payload: body, headers: old, secret, now: TIMESTAMP * 1000 }))).toBe(
      'timestamp_too_old',
    );
    const edge = signed({ timestamp: TIMESTAMP - 300 });
    expect(verifyWebhook({ payload: body, headers: edge, secret, now: TIMESTAMP * 1000 }).id).toBe(
      'call_abc',
    );
    expect(
      codeOf(() =>
        verifyWebhook({ payload: body, headers: edge, secret, now: TIMESTAMP * 1000, toleranceSeconds: 60 }),
      ),
    ).toBe('timestamp_too_old');
  });

  it('refuses requests dated too far in the future', () => {
    const future = signed({ timestamp: TIMESTAMP + 301 });
    expect(
      codeOf(() => verifyWebhook({ payload: body, headers: future, secret, now: TIMESTAMP * 1000 })),
    ).toBe('timestamp_in_future');
    const edge = signed({ timestamp: TIMESTAMP + 300 });
    expect(verifyWebhook({ payload: body, headers: edge, secret, now: TIMESTAMP * 1000 }).id).toBe(
      'call_abc',
    );
  });

  it('checks the clock before the signature: an expired request with a valid signature is refused', () => {
    const headers = signed();
    const later = NOW + 3_600_000;
    expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: later }))).toBe(
      'timestamp_too_old',
    );
  });

  it.each(['abc', '1767225600.5', '-1767225600', '1767225600abc', '0x6955b900', '1e9', '1'.repeat(13)])(
    'refuses the timestamp %j',
    (timestamp) => {
      const headers = { ...signed(), 'webhook-timestamp': timestamp };
      expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe(
        'invalid_timestamp',
      );
    },
  );

  it.each([
    ['no comma', 'v1'],
    ['empty value', 'v1,'],
    ['empty version', ',abc='],
    ['bare base64', 'K5oZfzN95Z9lYxHnQn8vP0hYlXGbE2b3xX0Q2nUe8Jk='],
  ])('refuses a malformed signature header (%s)', (_label, value) => {
    const headers = { ...signed(), 'webhook-signature': value };
    expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe(
      'malformed_signature',
    );
  });

  it('refuses an empty signature list', () => {
    const headers = { ...signed(), 'webhook-signature': [] };
    expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe('missing_headers');
    const commas = { ...signed(), 'webhook-signature': ', ,' };
    expect(codeOf(() => verifyWebhook({ payload: body, headers: commas, secret, now: NOW }))).toBe(
      'malformed_signature',
    );
  });

  it('ignores versions other than v1, even when their value is the valid v1 digest', () => {
    const valid = (signed()['webhook-signature'].split(',')[1] as string).trim();
    const onlyOthers = { ...signed(), 'webhook-signature': `v1a,${valid} v2,${valid}` };
    const error = (() => {
      try {
        verifyWebhook({ payload: body, headers: onlyOthers, secret, now: NOW });
      } catch (caught) {
        return caught as WebhookVerificationError;
      }
      throw new Error('expected a rejection');
    })();
    expect(error.code).toBe('no_valid_signature');
    expect(error.message).toContain('v1a, v2');
    const mixed = { ...signed(), 'webhook-signature': `v1a,${valid} v1,${valid}` };
    expect(verifyWebhook({ payload: body, headers: mixed, secret, now: NOW }).id).toBe('call_abc');
  });

  it('refuses a valid signature in a different base64 spelling or with a different length', () => {
    const valid = signed()['webhook-signature'].slice(3);
    for (const variant of [valid.replace(/=$/, ''), `${valid}=`, valid.toLowerCase(), `${valid}AA`]) {
      const headers = { ...signed(), 'webhook-signature': `v1,${variant}` };
      expect(codeOf(() => verifyWebhook({ payload: body, headers, secret, now: NOW }))).toBe(
        'no_valid_signature',
      );
    }
  });

  it('refuses a garbage entry next to no valid one, and accepts a valid one next to garbage', () => {
    const valid = signed()['webhook-signature'];
    const headers = { ...signed(), 'webhook-signature': `garbage v1,AAAA ${valid}` };
    expect(verifyWebhook({ payload: body, headers, secret, now: NOW }).id).toBe('call_abc');
  });
});

describe('verifyWebhook: secrets and options', () => {
  it.each([
    ['no prefix', 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0'],
    ['not base64', 'whsec_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!'],
    ['too short', 'whsec_c2hvcnQ='],
    ['a trailing line break', `${testSecret()}\n`],
    ['empty', ''],
  ])('refuses a secret with %s as invalid_secret', (_label, bad) => {
    expect(codeOf(() => verifyWebhook({ payload: body, headers: signed(), secret: bad, now: NOW }))).toBe(
      'invalid_secret',
    );
  });

  it('refuses an empty list of secrets, and a bad secret anywhere in the list', () => {
    expect(codeOf(() => verifyWebhook({ payload: body, headers: signed(), secret: [], now: NOW }))).toBe(
      'invalid_secret',
    );
    expect(
      codeOf(() => verifyWebhook({ payload: body, headers: signed(), secret: [secret, 'x'], now: NOW })),
    ).toBe('invalid_secret');
  });

  it('refuses a negative or infinite tolerance', () => {
    expect(() => verifyWebhook({ payload: body, headers: signed(), secret, toleranceSeconds: -1 })).toThrow(
      RangeError,
    );
    expect(() =>
      verifyWebhook({ payload: body, headers: signed(), secret, toleranceSeconds: Number.NaN }),
    ).toThrow(RangeError);
  });
});

describe('safeVerifyWebhook', () => {
  it('returns the verified id and timestamp, or the error', () => {
    expect(safeVerifyWebhook({ payload: body, headers: signed(), secret, now: NOW })).toEqual({
      success: true,
      value: { id: 'call_abc', timestamp: TIMESTAMP },
    });
    const failed = safeVerifyWebhook({ payload: 'x', headers: signed(), secret, now: NOW });
    expect(failed.success).toBe(false);
    if (!failed.success) {
      expect(failed.error).toBeInstanceOf(WebhookVerificationError);
      expect(failed.error.code).toBe('no_valid_signature');
    }
  });

  it('still throws bugs (a RangeError) rather than returning them', () => {
    expect(() =>
      safeVerifyWebhook({ payload: body, headers: signed(), secret, toleranceSeconds: -5 }),
    ).toThrow(RangeError);
  });
});
