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
