/**
 * Hostile inputs for the attack test of every route (app/hostile-input.test.ts): strings that break
 * storage or parsers, values of the wrong type, and whole bodies that are not what a route reads.
 */

/** A string case; `refused` marks text the API must refuse with 400 `invalid_text`. */
export interface HostileString {
  label: string;
  value: string;
  refused?: boolean;
}

/** Nested `depth` levels deep: `{"a":{"a":...}}`. */
export function nestedObject(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

export const HOSTILE_STRINGS: readonly HostileString[] = [
  { label: 'NUL byte', value: 'before\u0000after', refused: true },
  { label: 'only a NUL byte', value: '\u0000', refused: true },
  { label: 'lone high surrogate', value: 'text \uD83D alone', refused: true },
  { label: 'lone low surrogate', value: '\uDE00 first', refused: true },
  { label: 'swapped surrogates', value: '\uDE00\uD83D', refused: true },
  { label: '100k characters', value: 'x'.repeat(100_000) },
  { label: 'path traversal', value: '../../../etc/passwd' },
  { label: 'percent-encoded NUL as text', value: '%00' },
  { label: 'RTL override', value: '\u202Egnp.exe' },
  { label: 'emoji', value: '😀👍🏽👨‍👩‍👧' },
  { label: 'SQL metacharacters', value: "' OR 1=1; DROP TABLE actions; --" },
  { label: 'JSON metacharacters', value: '{"a": [1, "\\u0000"]}\\' },
  { label: 'empty string', value: '' },
  { label: 'whitespace only', value: ' \t\n ' },
  { label: 'control characters', value: '\u0001\u0007\u001b[31m\u007f' },
  { label: 'byte order mark', value: '\uFEFFtext' },
];

/** Values of the wrong type for any field. */
export const HOSTILE_VALUES: ReadonlyArray<{ label: string; value: unknown }> = [
  { label: 'number', value: 12345 },
  { label: 'negative number', value: -1 },
  { label: 'fraction', value: 0.5 },
  { label: 'huge number', value: 1e308 },
  { label: 'true', value: true },
  { label: 'null', value: null },
  { label: 'empty array', value: [] },
  { label: 'array of a string', value: ['a'] },
  { label: 'empty object', value: {} },
  { label: 'object', value: { nested: 'x' } },
  { label: 'deeply nested object', value: nestedObject(300) },
];

/** Whole bodies, as raw text with the content type they are sent with. */
export const HOSTILE_BODIES: ReadonlyArray<{ label: string; text: string; type?: string }> = [
  { label: 'empty body', text: '' },
  { label: 'malformed JSON', text: '{"name": "x",' },
  { label: 'trailing garbage', text: '{} {}' },
  { label: 'JSON null', text: 'null' },
  { label: 'JSON array', text: '[]' },
  { label: 'JSON string', text: '"text"' },
  { label: 'JSON number', text: '42' },
  { label: 'NUL escape in a key', text: '{"na\\u0000me": "x"}' },
  { label: 'lone surrogate escape in a key', text: '{"\\ud800": "x"}' },
  { label: 'raw NUL byte in the text', text: '{"name": "a\u0000b"}' },
  { label: 'prototype key', text: '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}' },
  { label: 'deeply nested arrays', text: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { label: 'deeply nested objects', text: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}` },
  { label: 'invalid UTF-8', text: '{"name": "\uFFFD\uFFFD"}' },
  { label: 'form body', text: 'name=x&scopes=admin', type: 'application/x-www-form-urlencoded' },
  { label: 'text body', text: '{"name": "x"}', type: 'text/plain' },
];

/**
 * Path and query values, already URL-encoded: hostile strings are encoded as clients send them,
 * plus raw escapes no client library produces (half a multi-byte sequence, an encoded surrogate).
 */
export const HOSTILE_URL_PARTS: ReadonlyArray<{ label: string; encoded: string; refused?: boolean }> = [
  ...HOSTILE_STRINGS.filter((entry) => !/surrogate/.test(entry.label)).map((entry) => ({
    label: entry.label,
    encoded: encodeURIComponent(entry.value),
    ...(entry.refused ? { refused: true } : {}),
  })),
  { label: 'encoded surrogate (CESU-8)', encoded: '%ED%A0%80' },
  { label: 'invalid UTF-8 byte', encoded: '%FF%FE' },
  { label: 'lone percent sign', encoded: '%' },
  { label: 'truncated escape', encoded: 'a%0' },
  { label: 'encoded slash and dots', encoded: '..%2F..%2Fetc' },
];

/** `body.metadata.note`, `body.scopes[0]`, `query.status`: how an invalid_text error names a field. */
export function fieldName(location: 'body' | 'query' | 'path', segments: ReadonlyArray<string | number>) {
  return segments.reduce<string>(
    (name, segment) =>
      typeof segment === 'number'
        ? `${name}[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(segment)
          ? `${name}.${segment}`
          : `${name}[${JSON.stringify(segment)}]`,
    location,
  );
}
