import { describe, expect, it } from 'vitest';
import { createSecretScrubber, REDACTED } from './redact.js';
import { jsonSpellingPattern, MIN_SCRUBBED_VARIANT_LENGTH, secretVariants } from './secret-variants.js';

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

describe('jsonSpellingPattern', () => {
  const secret = 'a&b"c\\d/é+';
  const spelled = (text: string) => {
    const pattern = jsonSpellingPattern(secret);
    return pattern !== undefined && text.replace(pattern, REDACTED) === REDACTED;
  };

  it('finds the secret however a serializer escaped it, mixed freely', () => {
    expect(spelled('a\\u0026b\\"c\\\\d/\\u00e9+')).toBe(true); // Go
    expect(spelled('a\\u0026b\\u0022c\\\\d/\\u00E9\\u002B')).toBe(true); // .NET
    expect(
      spelled([...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')),
    ).toBe(true);
    expect(spelled('a&b"c\\d\\/é+')).toBe(true); // PHP's \/
    expect(spelled('a&b"cd/é+')).toBe(false);
  });

  it('is left out for secrets under the minimum', () => {
    expect(jsonSpellingPattern('a"b')).toBeUndefined();
  });
});

describe('createSecretScrubber', () => {
  it('scrubs the spellings a URL parser gives a secret in a path, query or fragment', () => {
    const secret = 'k\\e"y z/é';
    const scrubber = createSecretScrubber([secret]);
    const url = new URL(`https://shop.example/${secret}?${secret}#${secret}`).href;
    expect(scrubber.text(url)).toBe(`https://shop.example/${REDACTED}?${REDACTED}#${REDACTED}`);
  });

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

describe('createSecretScrubber with regular-expression characters in a secret', () => {
  it('finds the secret literally, never as a pattern', () => {
    const secret = 'a.b*c(d)[e]{f}|g^h$+?\\/-';
    const scrubber = createSecretScrubber([secret]);
    expect(scrubber.text(`x ${secret} y`)).toBe(`x ${REDACTED} y`);
    expect(scrubber.text('aXbbbc(d)[e]{f}|g^h$+?\\/-')).toBe('aXbbbc(d)[e]{f}|g^h$+?\\/-');
    expect(scrubber.text('g^h')).toBe('g^h');
  });
});
