/**
 * Spellings shorter than this are not scrubbed: a 1-3 character string is part of ordinary words
 * and numbers, and scrubbing it would mangle every response while hiding nothing worth hiding.
 * It applies to each spelling, so a 3-character secret is still scrubbed where it appears
 * percent-encoded or base64-encoded (those spellings are longer).
 */
export const MIN_SCRUBBED_VARIANT_LENGTH = 4;

/** ASCII characters each percent-encoding style leaves as they are (letters and digits always). */
const KEPT_BY_STYLE = {
  /** `encodeURIComponent`, RFC 3986 components in JavaScript. */
  component: "-_.!~*'()",
  /** RFC 3986 unreserved only (Python's `quote(s, safe='')`). */
  strict: '-_.~',
  /** `application/x-www-form-urlencoded` (WHATWG `URLSearchParams`: what the query was sent as). */
  form: '*-_.',
  /** `encodeURI`: a whole URL, reserved characters kept. */
  uri: "-_.!~*'();/?:@&=+$,#",
} as const;

/** Characters every percent-encoding style and JSON leave as they are. */
const ALWAYS_KEPT = /^[A-Za-z0-9_.-]*$/;

/** For each style, space spelling and hex case: the spelling of every byte (built once). */
const PERCENT_TABLES: readonly (readonly string[])[] = Object.values(KEPT_BY_STYLE).flatMap((kept) =>
  [false, true].flatMap((spaceAsPlus) =>
    [false, true].map((lowerHex) =>
      Array.from({ length: 256 }, (_, byte) => {
        const char = String.fromCharCode(byte);
        if (byte === 0x20 && spaceAsPlus) return '+';
        if (byte < 0x80 && (/[A-Za-z0-9]/.test(char) || kept.includes(char))) return char;
        const digits = byte.toString(16).padStart(2, '0');
        return `%${lowerHex ? digits : digits.toUpperCase()}`;
      }),
    ),
  ),
);

/** Latin-1 bytes, when every character fits in one (how undici sends a header value). */
function latin1Bytes(text: string): Buffer | undefined {
  return /[\u0100-\uffff]/.test(text) ? undefined : Buffer.from(text, 'latin1');
}

/** Percent-encodings in every common style, of the UTF-8 and (for headers) Latin-1 bytes. */
function percentEncodings(secret: string): string[] {
  if (ALWAYS_KEPT.test(secret)) return [];
  const byteForms: Buffer[] = [Buffer.from(secret, 'utf8')];
  const latin1 = /[\x80-\xff]/.test(secret) ? latin1Bytes(secret) : undefined;
  if (latin1) byteForms.push(latin1);
  const forms: string[] = [];
  for (const bytes of byteForms) {
    for (const table of PERCENT_TABLES) {
      let encoded = '';
      // An index loop: a Buffer's iterator costs ~10x as much here.
      for (let index = 0; index < bytes.length; index += 1) encoded += table[bytes[index] as number];
      forms.push(encoded);
    }
  }
  return forms;
}

/**
 * The secret as the WHATWG URL parser writes it into a path, a query and a fragment (how a
 * followed `Location` carrying it is shown): each has its own percent-encode set, and a path turns
 * `\\` into `/`.
 */
function urlParserSpellings(secret: string): string[] {
  if (ALWAYS_KEPT.test(secret)) return [];
  const forms: string[] = [];
  const parse = (text: string) => {
    try {
      return new URL(text);
    } catch {
      return undefined;
    }
  };
  if (!/[?#]/.test(secret)) forms.push(parse(`https://h.invalid/${secret}`)?.pathname.slice(1) ?? '');
  if (!secret.includes('#')) forms.push(parse(`https://h.invalid/?${secret}`)?.search.slice(1) ?? '');
  forms.push(parse(`https://h.invalid/#${secret}`)?.hash.slice(1) ?? '');
  return forms;
}

/** Base64 of the UTF-8 bytes: standard, unpadded and URL-safe (basic auth's `user:password`). */
function base64Encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const standard = bytes.toString('base64');
  const urlSafe = bytes.toString('base64url');
  return [
    standard,
    standard.replace(/=+$/, ''),
    urlSafe,
    `${urlSafe}${'='.repeat((4 - (urlSafe.length % 4)) % 4)}`,
  ];
}

/**
 * The secret upper- and lower-cased (an endpoint that normalizes case, a header name, which HTTP
 * lower-cases) and its UTF-8 bytes in hex, either case (a debug dump, a fingerprint).
 */
function caseAndHexSpellings(secret: string): string[] {
  const hex = Buffer.from(secret, 'utf8').toString('hex');
  return [secret.toUpperCase(), secret.toLowerCase(), hex, hex.toUpperCase()];
}

/** Offset spellings shorter than this are left out: they would match by chance in long base64. */
const MIN_BASE64_CORE_LENGTH = 8;

/**
 * The part of the base64 of any longer text containing the secret that depends on the secret
 * alone, for each of the three byte offsets it may start at (a header blob, a JWT payload, a body
 * echoed as base64): the characters that mix in neighbouring bytes are dropped. Standard and
 * URL-safe alphabets.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const mixedAtStart = [0, 2, 3][offset] as number;
    const mixedAtEnd = (offset + bytes.length) % 3 === 0 ? 0 : 1;
    const core = encoded.slice(mixedAtStart, encoded.length - mixedAtEnd);
    if (core.length >= MIN_BASE64_CORE_LENGTH) {
      cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  return cores;
}

/** The same characters read back with the wrong charset (a Latin-1 header echoed into UTF-8). */
function misdecodings(secret: string): string[] {
  if (!/[\u0080-\uffff]/.test(secret)) return [];
  const forms = [Buffer.from(secret, 'utf8').toString('latin1')];
  const latin1 = latin1Bytes(secret);
  if (latin1) forms.push(latin1.toString('utf8'));
  return forms;
}

function htmlEscaped(text: string): string[] {
  if (!/[&<>"']/.test(text)) return [];
  const named = text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
  return [named.replaceAll("'", '&#39;'), named.replaceAll("'", '&#x27;')];
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** JSON escaping as ASCII-only serializers write it (Python's default): `é` is `\u00e9`. */
function asciiJsonEscapings(text: string): string[] {
  const lower = jsonEscaped(text).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [lower, lower.replace(/\\u[0-9a-f]{4}/g, (unit) => `\\u${unit.slice(2).toUpperCase()}`)];
}

/**
 * Every way JSON may spell a string's content: standard, ASCII-only (Python), and either with `/`
 * escaped (PHP's default escapes both).
 */
function jsonEscapings(text: string): string[] {
  if (!/[^\x20-\x7e]|["\\/]/.test(text)) return [];
  // ASCII-only escaping differs from the standard only for control and non-ASCII characters.
  const forms = /[^\x20-\x7e]/.test(text)
    ? [jsonEscaped(text), ...asciiJsonEscapings(text)]
    : [jsonEscaped(text)];
  return text.includes('/') ? [...forms, ...forms.map((form) => form.replaceAll('/', '\\/'))] : forms;
}

/**
 * Every spelling of a secret an endpoint may send back, in no particular order, duplicates
 * removed and spellings shorter than {@link MIN_SCRUBBED_VARIANT_LENGTH} left out: the raw text;
 * upper- and lower-cased; hex of the UTF-8 bytes (either case); percent-encoded
 * (encodeURIComponent style, RFC 3986 strict, form style with `+` for space, encodeURI style;
 * upper- and lower-case hex; of the UTF-8 and the Latin-1 bytes); as the URL parser writes it into
 * a path, query or fragment; base64 (standard, unpadded, URL-safe, and inside the base64 of a
 * longer text at any offset); HTML-escaped; read back in the wrong charset; and each of these
 * JSON-escaped (standard, ASCII-only, `/` escaped), and that again with standard escaping (a JSON
 * string inside a JSON string).
 *
 * @example
 * secretVariants('a"b c/d').includes('a\\"b c/d'); // true (JSON-escaped)
 * secretVariants('a"b c/d').includes('a%22b+c%2Fd'); // true (form-encoded)
 */
export function secretVariants(secret: string): string[] {
  const plain = [
    secret,
    ...htmlEscaped(secret),
    ...caseAndHexSpellings(secret),
    ...misdecodings(secret),
    ...percentEncodings(secret),
    ...urlParserSpellings(secret),
    ...base64Encodings(secret),
    ...base64Cores(secret),
  ];
  const unique = new Set<string>(plain);
  const variants = new Set<string>(unique);
  for (const text of unique) {
    for (const once of jsonEscapings(text)) {
      variants.add(once);
      variants.add(jsonEscaped(once));
    }
  }
  return [...variants].filter((variant) => variant.length >= MIN_SCRUBBED_VARIANT_LENGTH);
}

/** JSON's two-character escapes (a backslash's is handled with runs of them). */
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * A pattern for the secret as any JSON serializer may write it: each character literal, as its
 * short escape (`\"`) or as `\uXXXX` in either hex case, mixed freely. Serializers differ in
 * what they escape (Go writes `&` as `\u0026`, .NET writes `"` and `+` as `\u0022` and `\u002B`),
 * so no fixed list of spellings covers them all. `undefined` for a secret shorter than
 * {@link MIN_SCRUBBED_VARIANT_LENGTH}.
 *
 * @example
 * jsonSpellingPattern('a&b"c').test('a\\u0026b\\u0022c'); // true
 */
export function jsonSpellingPattern(secret: string): RegExp | undefined {
  if (secret.length < MIN_SCRUBBED_VARIANT_LENGTH) return undefined;
  let source = '';
  for (let index = 0; index < secret.length; ) {
    if (secret.charAt(index) !== '\\') {
      source += unitPattern(secret.charAt(index));
      index += 1;
      continue;
    }
    // A run of backslashes is one choice (all literal, all `\\`, all `\u005c`): one choice per
    // backslash would let a text of many backslashes backtrack exponentially.
    let run = 0;
    while (secret.charAt(index + run) === '\\') run += 1;
    source += `(?:(?:\\\\u005[cC]){${run}}|\\\\{${2 * run}}|\\\\{${run}})`;
    index += run;
  }
  return new RegExp(source, 'g');
}

/** Patterns of single UTF-16 units (never of secrets), kept: building them is most of the cost. */
const UNIT_PATTERNS = new Map<string, string>();
const MAX_CACHED_UNITS = 4096;

function unitPattern(unit: string): string {
  const cached = UNIT_PATTERNS.get(unit);
  if (cached !== undefined) return cached;
  const hex = unit.charCodeAt(0).toString(16).padStart(4, '0');
  const anyCase = hex.replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
  // Longer spellings first, so a backslash of an escape is not taken for a literal one.
  const spellings = [`\\\\u${anyCase}`];
  const short = SHORT_ESCAPES[unit];
  if (short !== undefined) spellings.push(escapeRegExp(short));
  spellings.push(escapeRegExp(unit));
  const pattern = `(?:${spellings.join('|')})`;
  if (UNIT_PATTERNS.size < MAX_CACHED_UNITS) UNIT_PATTERNS.set(unit, pattern);
  return pattern;
}
