import { checkAddresses } from './check-addresses.js';
import { createNetworkAllowlist, type NetworkAllowlistOptions } from './network-allowlist.js';
import { parseTargetUrl } from './parse-target-url.js';
import { type Resolver, systemResolver } from './resolver.js';
import { deny, type TargetCheck } from './target-verdict.js';

/** Options of {@link checkTarget}. */
export interface CheckTargetOptions {
  /** Replaces DNS (tests, bulk checks with known answers). Defaults to the system resolver. */
  resolve?: Resolver;
  /** Development-only exemptions from the deny lists. */
  allow?: NetworkAllowlistOptions;
}

/**
 * Decides whether Toolgate may call a URL: https, no credentials, no local names, and every
 * address the host resolves to public. The same policy runs again at connect time, so a name
 * that later resolves elsewhere (DNS rebinding) is still refused.
 *
 * @example
 * const check = await checkTarget('https://orders.example.com/status', {
 *   resolve: async () => ['10.0.0.5'],
 * });
 * // { allowed: false, code: 'address_denied', reason: 'orders.example.com resolves to 10.0.0.5: ...' }
 */
export async function checkTarget(url: string | URL, options: CheckTargetOptions = {}): Promise<TargetCheck> {
  const allowlist = createNetworkAllowlist(options.allow);
  const parsed = parseTargetUrl(url, allowlist);
  if (!parsed.ok) return parsed.check;
  const { hostname, literalAddress } = parsed.target;
  const port = portOf(url);
  if (literalAddress !== undefined) return checkAddresses(literalAddress, [literalAddress], allowlist, port);
  const resolve = options.resolve ?? systemResolver;
  let addresses: readonly string[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    const detail = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    return deny('unresolvable', `${hostname} could not be resolved${detail}`);
  }
  return checkAddresses(hostname, addresses, allowlist, port);
}

/** The port a URL dials: its own, or its scheme's default. */
export function portOf(url: string | URL): number {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.port !== '') return Number(parsed.port);
  return parsed.protocol === 'http:' ? 80 : 443;
}
