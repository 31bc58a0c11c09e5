/**
 * Request headers as frameworks hand them over: a Web `Headers` (Hono, fetch) or a plain object
 * with keys in any case whose values may be repeated (Node, Express, Fastify).
 *
 * @example
 * const headers: HeadersInput = request.headers; // Express / Fastify / node:http
 * const webHeaders: HeadersInput = c.req.raw.headers; // Hono
 */
export type HeadersInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

function isWebHeaders(headers: HeadersInput): headers is Headers {
  return typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function';
}

/**
 * Every value of one header, looked up case-insensitively, in order; `[]` when absent.
 * A Web `Headers` joins repeats with `', '` and returns one value.
 *
 * @example
 * headerValues({ 'Webhook-Id': 'call_1' }, 'webhook-id'); // ['call_1']
 */
export function headerValues(headers: HeadersInput, name: string): string[] {
  const wanted = name.toLowerCase();
  if (isWebHeaders(headers)) {
    const value = headers.get(wanted);
    return value === null ? [] : [value];
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  return values;
}
