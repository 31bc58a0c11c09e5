import { describe, expect, it } from 'vitest';
import { createSecretScrubber, REDACTED } from './redact.js';
import { MIN_SCRUBBED_VARIANT_LENGTH, secretVariants } from './secret-variants.js';

describe('secretVariants', () => {
  it('spells a secret raw, JSON-escaped, percent-encoded, form-encoded and in base64', () => {
    const secret = 'pa"ss\\wo+rd/=&x y é';
    const variants = secretVariants(secret);
    for (const expected of [
      secret,
      JSON.stringify(secret).slice(1, -1),
      'pa\\"ss\\\\wo+rd\\/=&x y \\u00e9',
      encodeURIComponent(secret),
      encodeURIComponent(secret).replaceAll('%20', '+'),
      new URLSearchParams({ k: secret }).toString().slice(2),
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      Buffer.from(secret).toString('base64'),
      'pa&quot;ss\\wo+rd/=&amp;x y é',
    ]) {
      expect(variants).toContain(expected);
    }
  });

  it('leaves out spellings shorter than the minimum, and nothing else', () => {
    expect(MIN_SCRUBBED_VARIANT_LENGTH).toBe(4);
    const short = secretVariants('a b');
    expect(short).not.toContain('a b');
    expect(short).toContain('a%20b');
    expect(secretVariants('abcd')).toContain('abcd');
  });
});

describe('createSecretScrubber', () => {
  it('replaces the longest spelling first, so a secret containing another leaves nothing behind', () => {
    const scrubber = createSecretScrubber(['token', 'token-with-suffix']);
    expect(scrubber.text('a token-with-suffix and a token')).toBe(`a ${REDACTED} and a ${REDACTED}`);
  });

  it('scrubs a cut text ending in the start of a spelling, but not an ordinary ending', () => {
    const scrubber = createSecretScrubber(['s3cr3t-value']);
    expect(scrubber.text('xx s3cr3t-va', { cut: true })).toBe(`xx ${REDACTED}`);
    expect(scrubber.text('xx s3c', { cut: true })).toBe('xx s3c');
    expect(scrubber.text('xx s3cr3t-va')).toBe('xx s3cr3t-va');
  });

  it('scrubs parsed values in place: keys, nested arrays, __proto__ keys, any depth', () => {
    const scrubber = createSecretScrubber(['s3cr3t-value']);
    const value = JSON.parse('{"__proto__":"s3cr3t-value","s3cr3t-value":[["s3cr3t-value"]],"n":1}');
    scrubber.parsed(value);
    expect(Object.keys(value)).toEqual(['__proto__', REDACTED, 'n']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value[REDACTED]).toEqual([[REDACTED]]);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe(REDACTED);

    const deep = JSON.parse(`${'['.repeat(20_000)}"s3cr3t-value"${']'.repeat(20_000)}`);
    scrubber.parsed(deep);
    let inner: unknown = deep;
    while (Array.isArray(inner)) inner = inner[0];
    expect(inner).toBe(REDACTED);
  });

  it('changes nothing without secrets', () => {
    const scrubber = createSecretScrubber([]);
    expect(scrubber.text('anything at all', { cut: true })).toBe('anything at all');
    expect(scrubber.variants).toEqual([]);
  });
});
