/** RFC 9110 token characters: what a header name may contain. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Header values longer than this are refused: no credential needs more, and servers reject them. */
export const MAX_HEADER_VALUE_LENGTH = 4096;

/** More custom headers than this is a misconfiguration, not an integration. */
export const MAX_HEADERS = 20;

/** Headers Toolgate sets itself, or that would change how the request is framed or routed. */
const RESERVED_HEADERS = new Set([
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

/** Why a header name cannot be configured, or `undefined` when it can. */
export function headerNameProblem(name: string): string | undefined {
  if (!HEADER_NAME_PATTERN.test(name)) return 'is not a valid header name';
  const lower = name.toLowerCase();
  if (RESERVED_HEADERS.has(lower) || lower.startsWith('proxy-'))
    return `"${name}" is set by Toolgate and cannot be configured`;
  return undefined;
}

/** Why a header value cannot be sent, or `undefined` when it can. */
export function headerValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > MAX_HEADER_VALUE_LENGTH) return `must be at most ${MAX_HEADER_VALUE_LENGTH} characters`;
  if (/[\r\n\0]/.test(value)) return 'must not contain line breaks or NUL characters';
  return undefined;
}
