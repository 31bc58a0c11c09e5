/**
 * A URL's host name in the one form every policy check compares: lower-cased, without the
 * brackets of an IPv6 literal and without a trailing dot (`Example.COM.` and `example.com` are
 * the same destination).
 *
 * @example
 * normalizeHostName('[::1]'); // '::1'
 * normalizeHostName('API.Example.com.'); // 'api.example.com'
 */
export function normalizeHostName(hostname: string): string {
  let name = hostname.toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  if (name.endsWith('.')) name = name.slice(0, -1);
  return name;
}
