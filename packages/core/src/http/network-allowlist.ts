import ipaddr from 'ipaddr.js';
import { ToolgateError } from '../errors.js';
import { parseAddress } from './address-policy.js';

/**
 * Destinations exempted from the deny table. For development and tests only: off by default,
 * and whoever sets it must say so loudly (the server logs it at start).
 */
export interface NetworkAllowlistOptions {
  /** CIDRs (or single addresses) whose addresses may be dialled even if the deny table says no. */
  networks?: readonly string[];
  /** Host names exempted from the name deny list (`localhost`, `*.internal`...). Exact match. */
  hosts?: readonly string[];
}

/** A parsed allowlist. */
export interface NetworkAllowlist {
  readonly isEmpty: boolean;
  allowsAddress(address: string): boolean;
  allowsHost(hostname: string): boolean;
  /** What it exempts, for the startup warning. */
  describe(): string;
}

function parseNetwork(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const text = entry.trim();
  if (text.includes('/')) {
    try {
      return ipaddr.parseCIDR(text);
    } catch {
      throw new ToolgateError(
        'invalid_allowlist',
        `"${entry}" is not a CIDR range (e.g. 127.0.0.0/8 or ::1/128)`,
      );
    }
  }
  const address = parseAddress(text);
  if (!address) {
    throw new ToolgateError('invalid_allowlist', `"${entry}" is not an IP address or CIDR range`);
  }
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/**
 * Builds an allowlist; throws a `ToolgateError` with code `invalid_allowlist` for a bad entry.
 *
 * @example
 * const allowlist = createNetworkAllowlist({ networks: ['127.0.0.0/8'], hosts: ['localhost'] });
 * allowlist.allowsAddress('127.0.0.1'); // true
 */
export function createNetworkAllowlist(options: NetworkAllowlistOptions = {}): NetworkAllowlist {
  const networks = (options.networks ?? []).map(parseNetwork);
  const hosts = new Set((options.hosts ?? []).map((host) => host.trim().toLowerCase().replace(/\.$/, '')));
  return {
    isEmpty: networks.length === 0 && hosts.size === 0,
    allowsAddress(address) {
      if (networks.length === 0) return false;
      const parsed = parseAddress(address);
      if (!parsed) return false;
      return networks.some((range) => range[0].kind() === parsed.kind() && parsed.match(range));
    },
    allowsHost(hostname) {
      return hosts.has(hostname);
    },
    describe() {
      const parts = [...networks.map(([address, bits]) => `${address.toString()}/${bits}`), ...hosts];
      return parts.join(', ');
    },
  };
}

/** The allowlist that exempts nothing: production's default. */
export const EMPTY_ALLOWLIST: NetworkAllowlist = createNetworkAllowlist();
