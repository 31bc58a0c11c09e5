import { normalizeHostName } from './normalize-host-name.js';
import { deny, type TargetDenial } from './target-verdict.js';

/** Which schemes a caller accepts and how its refusals name the URL. */
export interface UrlFormRules {
  /** Lets `http:` through this check (the caller has decided plain http is safe here). */
  acceptPlainHttp: boolean;
  /** Names the destinations in the credentials refusal, e.g. `URLs` or `model endpoint URLs`. */
  subject: string;
  /** Appended to the scheme refusal, e.g. ` for model endpoints`. */
  schemeContext: string;
  /** The refusal of a URL without a host. */
  noHostReason: string;
}

/** The wording of action calls and save-time checks. */
export const ACTION_URL_RULES: UrlFormRules = {
  acceptPlainHttp: false,
  subject: 'URLs',
  schemeContext: '',
  noHostReason: 'URL has no host',
};

/**
 * The checks every outbound caller makes on a parsed URL before any DNS: the scheme, no
 * credentials in the URL, and a host. Returns the normalized host name, or the refusal.
 *
 * @example
 * checkUrlForm(new URL('https://user:pw@example.com/'), ACTION_URL_RULES);
 * // { ok: false, denial: { allowed: false, code: 'credentials_in_url', ... } }
 */
export function checkUrlForm(
  url: URL,
  rules: UrlFormRules,
): { ok: true; hostname: string } | { ok: false; denial: TargetDenial } {
  const plainHttp = rules.acceptPlainHttp && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !plainHttp) {
    const reason = `only https URLs are allowed${rules.schemeContext}, not ${url.protocol}`;
    return { ok: false, denial: deny('scheme_not_allowed', reason) };
  }
  if (url.username !== '' || url.password !== '') {
    const reason = `${rules.subject} must not carry credentials (user:password@)`;
    return { ok: false, denial: deny('credentials_in_url', reason) };
  }
  const hostname = normalizeHostName(url.hostname);
  if (hostname === '') return { ok: false, denial: deny('invalid_url', rules.noHostReason) };
  return { ok: true, hostname };
}
