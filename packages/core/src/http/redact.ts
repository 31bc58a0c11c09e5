import type { PreparedRequest } from '../actions/build-request.js';

/** Replaces every secret value. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not scrubbed from free text: they would mangle ordinary words. */
const MIN_SCRUBBED_SECRET_LENGTH = 6;

/** The request as it was sent, with every secret replaced by `[redacted]`. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * Removes secret values from free text (a response that echoes the Authorization header, an
 * error message). Longest secrets first, so a secret containing another is fully replaced.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return text;
  let scrubbed = text;
  const candidates = secrets.filter((secret) => secret.length >= MIN_SCRUBBED_SECRET_LENGTH);
  candidates.sort((a, b) => b.length - a.length);
  for (const secret of candidates) {
    if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  return scrubbed;
}

/** Redacts a URL's secret query parameters. */
export function redactUrl(url: URL, secretQueryParameters: ReadonlySet<string>): string {
  if (secretQueryParameters.size === 0) return url.href;
  const copy = new URL(url.href);
  for (const name of secretQueryParameters) {
    if (copy.searchParams.has(name)) copy.searchParams.set(name, REDACTED);
  }
  return copy.href;
}

/**
 * The request as sent, safe to show operators and store in logs.
 *
 * @example
 * redactRequest(prepared, url, signedHeaders).headers.authorization; // '[redacted]'
 */
export function redactRequest(
  prepared: PreparedRequest,
  url: URL,
  headers: Record<string, string>,
): SentRequest {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    shown[name] = prepared.secretHeaders.has(name) ? REDACTED : value;
  }
  return {
    method: prepared.method,
    url: redactUrl(url, prepared.secretQueryParameters),
    headers: shown,
    body: prepared.body === undefined ? undefined : scrubSecrets(prepared.body, prepared.secretValues),
  };
}
