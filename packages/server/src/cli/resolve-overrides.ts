import { isIP } from 'node:net';
import type { Resolver } from '@toolgate/core';
import { UsageError } from './cli-io.js';

/**
 * Parses repeated `--resolve HOST=IP[,IP...]` flags into a map from lower-cased host to addresses.
 * An empty address list (`HOST=`) means the name does not resolve.
 */
export function parseResolveFlags(flags: readonly string[]): Map<string, string[]> {
  const overrides = new Map<string, string[]>();
  for (const flag of flags) {
    const equals = flag.indexOf('=');
    if (equals <= 0) throw new UsageError(`--resolve expects HOST=IP[,IP...], got "${flag}"`);
    const host = flag.slice(0, equals).trim().toLowerCase().replace(/\.$/, '');
    const addresses = flag
      .slice(equals + 1)
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== '');
    for (const address of addresses) {
      if (isIP(address) === 0) throw new UsageError(`--resolve ${host}: "${address}" is not an IP address`);
    }
    overrides.set(host, addresses);
  }
  return overrides;
}

/** A resolver that answers overridden names from the map and the rest with `fallback`. */
export function resolverWithOverrides(
  overrides: ReadonlyMap<string, readonly string[]>,
  fallback: Resolver,
): Resolver {
  return async (hostname) => overrides.get(hostname) ?? fallback(hostname);
}
