import ipaddr from 'ipaddr.js';

/** A CIDR range with the reason it is denied, shown to operators when a call is blocked. */
interface DeniedRange {
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  label: string;
}

function denied(cidr: string, label: string): DeniedRange {
  return { range: ipaddr.parseCIDR(cidr), label };
}

/** IPv4 destinations that are never public unicast (RFC 6890 and friends). */
const DENIED_IPV4: readonly DeniedRange[] = [
  denied('0.0.0.0/8', 'the "this network" range'),
  denied('10.0.0.0/8', 'a private network (10/8)'),
  denied('100.64.0.0/10', 'carrier-grade NAT space'),
  denied('127.0.0.0/8', 'loopback'),
  denied('169.254.0.0/16', 'link-local (cloud metadata lives here)'),
  denied('172.16.0.0/12', 'a private network (172.16/12)'),
  denied('192.0.0.0/24', 'IETF protocol assignments'),
  denied('192.0.2.0/24', 'documentation (TEST-NET-1)'),
  denied('192.88.99.0/24', '6to4 relay anycast'),
  denied('192.168.0.0/16', 'a private network (192.168/16)'),
  denied('198.18.0.0/15', 'benchmarking'),
  denied('198.51.100.0/24', 'documentation (TEST-NET-2)'),
  denied('203.0.113.0/24', 'documentation (TEST-NET-3)'),
  denied('224.0.0.0/4', 'multicast'),
  denied('240.0.0.0/4', 'reserved (240/4)'),
  denied('255.255.255.255/32', 'broadcast'),
];

/** The only IPv6 space that holds public unicast addresses. Everything outside it is denied. */
const GLOBAL_UNICAST_IPV6 = ipaddr.parseCIDR('2000::/3');

/** Reserved blocks inside 2000::/3. (5f00::/16, SRv6, lies outside 2000::/3 and is denied with it.) */
const DENIED_IPV6_INSIDE_GLOBAL: readonly DeniedRange[] = [
  denied('2001::/23', 'IETF protocol assignments (Teredo, benchmarking, ORCHID)'),
  denied('2001:db8::/32', 'documentation'),
  denied('2002::/16', '6to4 (embeds an IPv4 address)'),
  denied('3fff::/20', 'documentation'),
];

/** Why an address outside 2000::/3 is denied, for the common cases; a generic label otherwise. */
const NAMED_IPV6_OUTSIDE_GLOBAL: readonly DeniedRange[] = [
  denied('::1/128', 'loopback'),
  denied('::/128', 'the unspecified address'),
  denied('::ffff:0:0/96', 'an IPv4-mapped address'),
  denied('::/96', 'an IPv4-compatible address'),
  denied('64:ff9b::/96', 'NAT64 (embeds an IPv4 address)'),
  denied('64:ff9b:1::/48', 'local NAT64'),
  denied('100::/64', 'discard-only'),
  denied('fc00::/7', 'unique local (private) IPv6'),
  denied('fe80::/10', 'link-local IPv6'),
  denied('fec0::/10', 'site-local IPv6'),
  denied('ff00::/8', 'multicast'),
];

/** The verdict on one IP address. */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/** Parses an address in any form ipaddr.js understands; `undefined` when it is not an IP. */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return undefined;
  const parsed = ipaddr.parse(bare);
  // A zone id (fe80::1%eth0) only makes sense for link-local addresses; refuse it everywhere.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).zoneId) return undefined;
  return parsed;
}

function firstMatch(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly DeniedRange[]) {
  return ranges.find(({ range }) => range[0].kind() === address.kind() && address.match(range));
}

/**
 * Decides whether an address is a public unicast destination under Toolgate's deny table.
 * IPv4-mapped, -compatible and -translated IPv6 forms are denied even when they embed a public
 * IPv4 address: the policy allows only 2000::/3 for IPv6.
 *
 * @example
 * classifyAddress('127.0.0.1'); // { allowed: false, reason: '127.0.0.1 is loopback' }
 * classifyAddress('2606:4700::1'); // { allowed: true }
 */
export function classifyAddress(address: string): AddressVerdict {
  const parsed = parseAddress(address);
  if (!parsed) return { allowed: false, reason: `"${address}" is not an IP address` };
  const shown = parsed.toString();
  if (parsed.kind() === 'ipv4') {
    const match = firstMatch(parsed, DENIED_IPV4);
    return match ? { allowed: false, reason: `${shown} is ${match.label}` } : { allowed: true };
  }
  if (!parsed.match(GLOBAL_UNICAST_IPV6)) {
    const match = firstMatch(parsed, NAMED_IPV6_OUTSIDE_GLOBAL);
    const label = match ? match.label : 'outside global unicast IPv6 space (2000::/3)';
    return { allowed: false, reason: `${shown} is ${label}` };
  }
  const match = firstMatch(parsed, DENIED_IPV6_INSIDE_GLOBAL);
  return match ? { allowed: false, reason: `${shown} is ${match.label}` } : { allowed: true };
}
