import ipaddr from 'ipaddr.js';
import { ToolgateError } from '../../errors.js';
import { parseAddress } from './address-policy.js';
import { normalizeHostName } from './normalize-host-name.js';

/**
 * Destinations exempted from the deny table. For development and tests only: off by default,
 * and whoever sets it must say so loudly (the server logs it at start).
 */
export interface NetworkAllowlistOptions {
  /** CIDRs (or single addresses) whose addresses may be dialled even if the deny table says no. */
  networks?: readonly string[];
  /** Host names exempted from the name deny list (`localhost`, `*.internal`...). Exact match. */
  hosts?: readonly string[];
  /**
   * Single endpoints, `address:port` (`127.0.0.1:4100`, `[::1]:4100`): that port of that address
   * only, nothing else on the address. For one known local service (the demo endpoint).
   */
  endpoints?: readonly string[];
}

/** A parsed allowlist. */
export interface NetworkAllowlist {
  readonly isEmpty: boolean;
  /** Whether the address is exempt: in an allowlisted network, or, with its port, an allowlisted endpoint. */
  allowsAddress(address: string, port?: number): boolean;
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

const endpointKey = (address: string, port: number) =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;

/** `127.0.0.1:4100` or `[::1]:4100` -> the canonical key; throws `invalid_allowlist` otherwise. */
function parseEndpoint(entry: string): string {
  // IPv6 needs its brackets: `::1:80` is itself an address.
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(entry.trim());
  const address = match ? parseAddress((match[1] ?? match[2]) as string) : undefined;
  const port = match ? Number(match[3]) : 0;
  if (!address || port < 1 || port > 65_535) {
    throw new ToolgateError(
      'invalid_allowlist',
      `"${entry}" is not an endpoint (address:port, e.g. 127.0.0.1:4100)`,
    );
  }
  return endpointKey(address.toString(), port);
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
  const hosts = new Set((options.hosts ?? []).map((host) => normalizeHostName(host.trim())));
  const endpoints = new Set((options.endpoints ?? []).map(parseEndpoint));
  return {
    isEmpty: networks.length === 0 && hosts.size === 0 && endpoints.size === 0,
    allowsAddress(address, port) {
      if (networks.length === 0 && endpoints.size === 0) return false;
      const parsed = parseAddress(address);
      if (!parsed) return false;
      if (port !== undefined && endpoints.has(endpointKey(parsed.toString(), port))) return true;
      return networks.some((range) => range[0].kind() === parsed.kind() && parsed.match(range));
    },
    allowsHost(hostname) {
      return hosts.has(hostname);
    },
    describe() {
      const parts = [
        ...networks.map(([address, bits]) => `${address.toString()}/${bits}`),
        ...hosts,
        ...endpoints,
      ];
      return parts.join(', ');
    },
  };
}

/** The allowlist that exempts nothing: production's default. */
export const EMPTY_ALLOWLIST: NetworkAllowlist = createNetworkAllowlist();
