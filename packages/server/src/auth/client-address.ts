import { isIP } from 'node:net';
import type { Context } from 'hono';
import { normalizeAddress, type ProxyTrust } from './trusted-proxies.js';

/** The connection's peer address, normalized; `unknown` without a socket (`app.request()` in tests). */
export function peerAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const remote = incoming?.socket?.remoteAddress;
  return (remote === undefined ? undefined : normalizeAddress(remote)) ?? 'unknown';
}

/**
 * The client's address from the peer and an `X-Forwarded-For` value. Only a trusted peer's header
 * is read, from the right: each proxy appends the address it saw, so the right-most entry that is
 * not a trusted proxy is the client (anything left of it, the client may have written itself). If
 * every entry is a trusted proxy, the left-most is the client; an entry that is not an address
 * stops the walk at the last trusted hop.
 *
 * @example
 * clientAddressFrom('10.0.0.2', '198.51.100.1, 203.0.113.9', trust); // '203.0.113.9' when 10.0.0.0/8 is trusted
 */
export function clientAddressFrom(peer: string, forwardedFor: string | undefined, trust: ProxyTrust): string {
  if (!trust.isTrusted(peer) || forwardedFor === undefined) return peer;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  let client = peer;
  for (const hop of hops.reverse()) {
    const address = normalizeAddress(hop);
    if (address === undefined) return client;
    client = address;
    if (!trust.isTrusted(address)) return address;
  }
  return client;
}

/**
 * Where a request comes from, as far as the configured proxies vouch for it: the client address
 * rate limits key on, and whether the browser used https.
 */
export function createRequestOrigin(trust: ProxyTrust) {
  return {
    /** The client address (see `clientAddressFrom`); the peer itself when no proxy is trusted. */
    clientAddress(c: Context): string {
      return clientAddressFrom(peerAddress(c), c.req.header('x-forwarded-for'), trust);
    },
    /**
     * Whether a trusted proxy says the browser used https: the last `X-Forwarded-Proto` value,
     * the one the proxy that connects to Toolgate set. From anyone else the header is ignored.
     */
    forwardedHttps(c: Context): boolean {
      if (!trust.isTrusted(peerAddress(c))) return false;
      const values = (c.req.header('x-forwarded-proto') ?? '').split(',');
      return values[values.length - 1]?.trim().toLowerCase() === 'https';
    },
  };
}

export type RequestOrigin = ReturnType<typeof createRequestOrigin>;

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 as two groups). */
function ipv6Groups(address: string): number[] {
  const text = address.replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const hexOnly = dotted
    ? `${text.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`
    : text;
  const [head = '', tail] = hexOnly.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const first = parse(head);
  const last = tail === undefined ? [] : parse(tail);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

/**
 * What rate limits count a client address under: an IPv4 address as it is, an IPv6 address by its
 * /64 network. One IPv6 host usually holds a whole /64 and can send from any address in it, so a
 * budget per IPv6 address would be a budget per attempt.
 *
 * @example
 * rateLimitKey('2001:db8:1:2:aaaa::1'); // '2001:db8:1:2::/64'
 * rateLimitKey('203.0.113.9'); // '203.0.113.9'
 */
export function rateLimitKey(address: string): string {
  if (isIP(address.replace(/%.*$/, '')) !== 6) return address;
  const network = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':');
  return `${network}::/64`;
}
