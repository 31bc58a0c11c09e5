import { classifyAddress } from './address-policy.js';
import type { NetworkAllowlist } from './network-allowlist.js';
import { deny, type TargetCheck } from './target-verdict.js';

/**
 * Checks every address a name resolved to: one address outside public unicast denies the whole
 * name, since a resolver may hand out a different one on the next look-up.
 */
export function checkAddresses(
  hostname: string,
  addresses: readonly string[],
  allowlist: NetworkAllowlist,
  /** The port to be dialled: allowlisted endpoints exempt one port of an address. */
  port?: number,
): TargetCheck {
  if (addresses.length === 0) return deny('unresolvable', `${hostname} does not resolve to any address`);
  for (const address of addresses) {
    if (allowlist.allowsAddress(address, port)) continue;
    const verdict = classifyAddress(address);
    if (!verdict.allowed) {
      const via = address === hostname ? '' : `${hostname} resolves to ${address}: `;
      return deny('address_denied', `${via}${verdict.reason}; only public addresses may be called`);
    }
  }
  return {
    allowed: true,
    code: 'allowed',
    reason: `${hostname} is a public destination`,
    addresses: [...addresses],
  };
}
