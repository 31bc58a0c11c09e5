/** RFC 9110 (formerly RFC 7230) `token` characters (`tchar`): what a header name may contain. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Header values longer than this are refused: no credential needs more, and servers reject them. */
export const MAX_HEADER_VALUE_LENGTH = 4096;

/** More custom headers than this is a misconfiguration, not an integration. */
export const MAX_HEADERS = 20;

/**
 * Headers Toolgate sets itself, or that change how the request is framed or routed. An operator
 * who could set them could break the signature, smuggle a second request or bypass the pinned
 * host. `proxy-*` is refused by prefix.
 */
const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'idempotency-key',
  'x-toolgate-signature',
  'user-agent',
]);

/** CR, LF and NUL end a header line: a value holding them could inject a header. */
const LINE_BREAK_OR_NUL = /[\r\n\0]/;
/**
 * What undici accepts in a header value (HTAB, visible ASCII, space, Latin-1): anything else
 * would fail at call time, so it is refused when the action is saved.
 */
const INVALID_VALUE_CHARACTER = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * True when Toolgate sets this header itself or it controls framing or routing (compared
 * case-insensitively).
 *
 * @example
 * isReservedHeaderName('Content-Type'); // true
 * isReservedHeaderName('X-Api-Key'); // false
 */
export function isReservedHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_HEADERS.has(lower) || lower.startsWith('proxy-');
}

/**
 * Why a header name cannot be configured, or `undefined` when it can.
 *
 * @example
 * headerNameProblem('X-Api-Key'); // undefined
 * headerNameProblem('Host'); // '"Host" is reserved: Toolgate sets it or it controls the connection'
 */
export function headerNameProblem(name: string): string | undefined {
  if (!HEADER_NAME_PATTERN.test(name)) {
    return "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only, no spaces)";
  }
  if (isReservedHeaderName(name))
    return `"${name}" is reserved: Toolgate sets it or it controls the connection`;
  return undefined;
}

/**
 * Why a header value cannot be sent, or `undefined` when it can.
 *
 * @example
 * headerValueProblem('secret'); // undefined
 * headerValueProblem('a\r\nHost: evil'); // 'must not contain line breaks or NUL characters'
 */
export function headerValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > MAX_HEADER_VALUE_LENGTH) return `must be at most ${MAX_HEADER_VALUE_LENGTH} characters`;
  if (LINE_BREAK_OR_NUL.test(value)) return 'must not contain line breaks or NUL characters';
  if (INVALID_VALUE_CHARACTER.test(value)) {
    return 'must contain only printable ASCII or Latin-1 characters (no control characters or emoji)';
  }
  return undefined;
}
