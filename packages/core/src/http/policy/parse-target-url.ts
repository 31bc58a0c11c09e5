import { isIP } from 'node:net';
import { parseAddress } from './address-policy.js';
import { ACTION_URL_RULES, checkUrlForm } from './check-url-form.js';
import { deniedHostNameReason } from './denied-host-names.js';
import type { NetworkAllowlist } from './network-allowlist.js';
import { deny, type TargetCheck } from './target-verdict.js';

/** URLs longer than this are refused: no real endpoint needs more, and logs stay readable. */
export const MAX_URL_LENGTH = 2048;

/** A destination parsed once; every later step uses this parse, never the original text. */
export interface ParsedTarget {
  url: URL;
  /** Lower-cased, without brackets or a trailing dot. */
  hostname: string;
  /** The canonical address when the host is an IP literal (any IPv4 form is normalized by URL). */
  literalAddress: string | undefined;
}

/**
 * Parses a destination with the WHATWG URL parser and applies the checks that need no DNS:
 * https only, no credentials, no local names. IP literals are returned for classification.
 */
export function parseTargetUrl(
  input: string | URL,
  allowlist: NetworkAllowlist,
): { ok: true; target: ParsedTarget } | { ok: false; check: TargetCheck } {
  const text = typeof input === 'string' ? input : input.href;
  if (text.length > MAX_URL_LENGTH) {
    return { ok: false, check: deny('invalid_url', `URL is longer than ${MAX_URL_LENGTH} characters`) };
  }
  let url: URL;
  if (typeof input === 'string') {
    try {
      url = new URL(text);
    } catch {
      return { ok: false, check: deny('invalid_url', `"${text.slice(0, 200)}" is not a valid absolute URL`) };
    }
  } else {
    url = input; // already a WHATWG parse: every later step uses it as is
  }
  const form = checkUrlForm(url, ACTION_URL_RULES);
  if (!form.ok) return { ok: false, check: form.denial };
  const { hostname } = form;

  if (isIP(hostname) !== 0) {
    const address = parseAddress(hostname);
    if (!address)
      return { ok: false, check: deny('invalid_url', `"${hostname}" is not a usable IP address`) };
    return { ok: true, target: { url, hostname, literalAddress: address.toString() } };
  }
  const reason = allowlist.allowsHost(hostname) ? undefined : deniedHostNameReason(hostname);
  if (reason) return { ok: false, check: deny('host_denied', reason) };
  return { ok: true, target: { url, hostname, literalAddress: undefined } };
}
