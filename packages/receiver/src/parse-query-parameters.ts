/** The query part of a query string, a path with a query (`/orders?a=1`) or a full URL. */
function queryPart(text: string): string {
  const withoutFragment = text.split('#', 1)[0] as string;
  const question = withoutFragment.indexOf('?');
  if (question !== -1) return withoutFragment.slice(question + 1);
  return withoutFragment.startsWith('/') || withoutFragment.includes('://') ? '' : withoutFragment;
}

/**
 * The parameters of a GET/DELETE call, read from its query string into the shape an envelope's
 * `parameters` has. Takes a query string, a path with a query, a full URL, or `URLSearchParams`. A name given once maps to its string; a repeated name to an array of strings.
 *
 * Values arrive as text: Toolgate sends strings as they are and other values JSON-encoded
 * (`5`, `true`, `{"a":1}`), so turn into numbers or objects the parameters you know are such.
 *
 * @example
 * parseQueryParameters('?order_number=ORD-12345&tag=a&tag=b');
 * // { order_number: 'ORD-12345', tag: ['a', 'b'] }
 * parseQueryParameters(request.url); // '/orders/status?order_number=ORD-12345' works too
 */
export function parseQueryParameters(query: string | URLSearchParams): Record<string, string | string[]> {
  const search = typeof query === 'string' ? new URLSearchParams(queryPart(query)) : query;
  const collected = new Map<string, string[]>();
  for (const [name, value] of search) {
    const values = collected.get(name);
    if (values) values.push(value);
    else collected.set(name, [value]);
  }
  // Object.fromEntries defines own properties, so a `__proto__` parameter stays a plain key.
  return Object.fromEntries(
    [...collected].map(([name, values]) => [name, values.length === 1 ? (values[0] as string) : values]),
  );
}
