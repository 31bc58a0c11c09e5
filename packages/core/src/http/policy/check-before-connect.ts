import { checkAddresses } from './check-addresses.js';
import type { NetworkAllowlist } from './network-allowlist.js';
import { parseTargetUrl } from './parse-target-url.js';
import { portOf } from './resolve-and-check-target.js';
import type { TargetCheck } from './target-verdict.js';

/**
 * The checks made before a request is handed to the pinned agent, which need no DNS: the URL's
 * form (https, no credentials, no denied name) and, for an IP literal, the address itself. A
 * name's addresses are checked by the pinned connector when it resolves them, at connect time.
 *
 * @example
 * checkBeforeConnect(new URL('https://10.0.0.5/token'), allowlist).allowed; // false
 */
export function checkBeforeConnect(url: URL, allowlist: NetworkAllowlist): TargetCheck {
  const parsed = parseTargetUrl(url, allowlist);
  if (!parsed.ok) return parsed.check;
  const literal = parsed.target.literalAddress;
  if (literal !== undefined) return checkAddresses(literal, [literal], allowlist, portOf(url));
  return {
    allowed: true,
    code: 'allowed',
    reason: `${parsed.target.hostname} is checked when it is resolved`,
  };
}
