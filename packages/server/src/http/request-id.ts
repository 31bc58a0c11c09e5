import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/** The header a request id arrives in and is echoed in. */
export const REQUEST_ID_HEADER = 'X-Request-Id';
/** Longer incoming ids are cut to this many characters. */
export const MAX_REQUEST_ID_LENGTH = 128;

/**
 * The id a request is known by in its log line, its error body and the `X-Request-Id` response
 * header: the caller's `X-Request-Id` (a proxy's or a client's), kept to letters, digits and
 * `. _ : / + = @ -` and cut at `MAX_REQUEST_ID_LENGTH` so it can neither forge log lines nor
 * bloat them; without one (or with nothing left of it), a new UUID.
 *
 * @example
 * requestIdFrom('abc-123'); // 'abc-123'
 * requestIdFrom('bad id\r\nX-Evil: 1'); // 'badidX-Evil:1'
 * requestIdFrom(undefined); // '8f0c4c6e-...'
 */
export function requestIdFrom(incoming: string | undefined): string {
  const kept = (incoming ?? '').replace(/[^A-Za-z0-9._:/+=@-]/g, '').slice(0, MAX_REQUEST_ID_LENGTH);
  return kept === '' ? randomUUID() : kept;
}

/**
 * A frequent route's response headers with `X-Request-Id` in them, so the request middleware need
 * not add it afterwards: setting a header on a finished response makes the Node adapter build a
 * full web `Response` and stream its body, where a response made whole by the handler is written
 * at once (docs/benchmarks.md, API reads).
 *
 * @example
 * return c.body(text, 200, withRequestId(c, { 'content-type': 'application/json' }));
 */
export function withRequestId(c: Context<AppEnv>, headers: Record<string, string>): Record<string, string> {
  c.set('requestIdSent', true);
  headers[REQUEST_ID_HEADER] = c.get('requestId');
  return headers;
}
