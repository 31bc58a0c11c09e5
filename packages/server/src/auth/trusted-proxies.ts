import { BlockList, isIP } from 'node:net';

/** The proxies whose `X-Forwarded-*` headers are believed; nobody's by default. */
export interface ProxyTrust {
  /** Whether a (normalized) address is one of the trusted proxies. */
  isTrusted(address: string): boolean;
}

/**
 * `::ffff:203.0.113.9` -> `203.0.113.9`; `203.0.113.9:4711` and `[2001:db8::1]:443` lose the
 * port; anything that is not an IP address is `undefined`.
 */
export function normalizeAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (/^::ffff:[\d.]+$/i.test(address)) address = address.slice('::ffff:'.length);
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/**
 * Reads one `TOOLGATE_TRUSTED_PROXIES` entry: an address (`10.0.0.5`, `::1`) or a CIDR range
 * (`10.0.0.0/8`, `fd00::/8`). Throws an error that says what is wrong.
 */
export function parseProxyEntry(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [addressText = '', prefixText, extra] = entry.trim().split('/');
  const version = isIP(addressText);
  if (version === 0 || extra !== undefined) {
    throw new Error(`"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8)`);
  }
  const bits = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefixText !== undefined && (!/^\d{1,3}$/.test(prefixText) || prefix > bits)) {
    throw new Error(`"${entry}": the prefix length must be a whole number from 0 to ${bits}`);
  }
  return { address: addressText, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * The trusted proxies as a matcher. IPv4 ranges also match IPv4-mapped IPv6 addresses.
 *
 * @example
 * const trust = createProxyTrust(['10.0.0.0/8', '::1']);
 * trust.isTrusted('10.1.2.3'); // true
 */
export function createProxyTrust(entries: readonly string[]): ProxyTrust {
  const list = new BlockList();
  for (const entry of entries) {
    const { address, prefix, family } = parseProxyEntry(entry);
    list.addSubnet(address, prefix, family);
  }
  return {
    isTrusted(address) {
      const version = isIP(address);
      return entries.length > 0 && version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
