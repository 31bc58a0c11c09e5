import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Twilio's signature header. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';
/** Stands in for the auth token of a channel that does not exist: the same work, never a match. */
const DECOY_TOKEN = randomBytes(32).toString('hex');

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed by the auth token, of the full URL Twilio
 * requested followed by every POST parameter as name then value, sorted by name (the distinct
 * values of a repeated name sorted too, as Twilio's published examples do). The URL is used as
 * given: pass it as WHATWG `URL` serializes it (`'` in the query as `%27`), as Twilio's examples do.
 *
 * @example
 * twilioSignature(authToken, 'https://toolgate.example.com/api/v1/agents/agt_1/chat/sms', [['Body', 'Hi']]);
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: readonly (readonly [string, string])[],
): string {
  const byName = new Map<string, string[]>();
  for (const [name, value] of params) byName.set(name, [...(byName.get(name) ?? []), value]);
  let data = url;
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...new Set(byName.get(name))].sort()) data += name + value;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };
const URL_PARTS = /^(https?:)\/\/([^/?#]*)(.*)$/is;

/**
 * The spellings of a URL Twilio may have signed: without a port, and with the default port
 * (Twilio signs the URL as configured, and some of its requests carry the port).
 */
export function twilioUrlVariants(url: string): string[] {
  const parts = URL_PARTS.exec(url);
  if (!parts) return [url];
  const [, scheme = '', authority = '', rest = ''] = parts;
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hostPort = authority.slice(at + 1);
  const host = hostPort.replace(/:\d*$/, '');
  const port =
    hostPort.length > host.length ? hostPort.slice(host.length + 1) : DEFAULT_PORTS[scheme.toLowerCase()];
  const without = `${scheme}//${userinfo}${host}${rest}`;
  const withPort = `${scheme}//${userinfo}${host}:${port}${rest}`;
  return without === withPort ? [without] : [without, withPort];
}

/**
 * Whether `signature` is Twilio's for the URL (either spelling) and parameters under any of the
 * tokens, compared in constant time, every candidate checked. No tokens (an unknown channel):
 * the same work against a decoy, and false.
 */
export function twilioSignatureMatches(
  tokens: readonly string[],
  signature: string,
  url: string,
  params: readonly (readonly [string, string])[],
): boolean {
  const given = Buffer.from(signature, 'utf8');
  let matched = false;
  for (const token of tokens.length > 0 ? tokens : [DECOY_TOKEN]) {
    for (const candidate of twilioUrlVariants(url)) {
      const expected = Buffer.from(twilioSignature(token, candidate, params), 'utf8');
      if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
    }
  }
  return matched && tokens.length > 0;
}
