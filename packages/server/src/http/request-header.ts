import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** A value as `Headers` keeps it: without leading and trailing HTTP whitespace. */
function normalized(value: string): string {
  if (value === '' || (!isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1))))
    return value;
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

/**
 * One request header (`name` in lower case), as `c.req.header(name)` answers it (repeated
 * headers joined with ", "), but read from the Node request's raw headers when Toolgate runs
 * under the Node server: `c.req.header` makes the adapter build a web `Headers` of every header
 * of the request, which a CPU profile of the read benchmark showed on every request. Elsewhere
 * (`app.request()` in tests) it is `c.req.header`.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const raw = incoming?.rawHeaders;
  if (!Array.isArray(raw)) return c.req.header(name);
  let value: string | undefined;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const key = raw[index] as string;
    if (key.length !== name.length || key.toLowerCase() !== name) continue;
    const found = normalized(raw[index + 1] as string);
    value = value === undefined ? found : `${value}, ${found}`;
  }
  return value;
}
