import type { PreparedRequest } from '../../actions/build-request.js';
import {
  escapeRegExp,
  jsonSpellingPattern,
  MIN_SCRUBBED_VARIANT_LENGTH,
  secretVariants,
} from './secret-variants.js';

/** Replaces every secret value. */
export const REDACTED = '[redacted]';

/** The request as it was sent, with every secret replaced by `[redacted]`. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * The one scrubber of a call: built once when the call is prepared, from every spelling of every
 * secret the request carries (see `secretVariants`), and applied to everything that leaves the
 * executor.
 */
export interface SecretScrubber {
  /**
   * Replaces every spelling of a secret in free text (overlapping ones as one). With `cut`, the text
   * was cut short (the response cap), and a trailing start of a spelling is replaced too.
   */
  text(text: string, options?: { cut?: boolean }): string;
  /**
   * Scrubs every string of a freshly parsed JSON value, object keys included, in place (iteratively:
   * any nesting depth), and returns it. A number that is a secret (or holds one in its digits)
   * becomes the string `[redacted]`.
   */
  parsed<T>(value: T): T;
  /** The spellings scrubbed, longest first. */
  readonly variants: readonly string[];
  /**
   * A scrubber of these secrets and more: a secret learned when the call is sent (an OAuth2
   * access token) joins the ones known when it was prepared.
   */
  including(secrets: readonly string[]): SecretScrubber;
}

/**
 * Replaces the end of `text` when it is the start of a spelling cut off by a cap. A cap that fell
 * inside a multi-byte character left a U+FFFD at the end: the start of a spelling before it counts.
 */
function scrubCutEnd(text: string, variants: readonly string[]): string {
  const scrubbed = replaceTrailingSpellingStart(text, variants);
  if (scrubbed !== text || !text.endsWith('\uFFFD')) return scrubbed;
  const beforeSplit = text.replace(/\uFFFD+$/, '');
  const cut = replaceTrailingSpellingStart(beforeSplit, variants);
  return cut === beforeSplit ? text : cut;
}

function replaceTrailingSpellingStart(text: string, variants: readonly string[]): string {
  let longest = 0;
  for (const variant of variants) {
    for (let length = Math.min(variant.length - 1, text.length); length > longest; length -= 1) {
      if (length < MIN_SCRUBBED_VARIANT_LENGTH) break;
      if (text.endsWith(variant.slice(0, length))) {
        longest = length;
        break;
      }
    }
  }
  return longest === 0 ? text : `${text.slice(0, text.length - longest)}${REDACTED}`;
}

/**
 * Replaces every occurrence of every spelling by `[redacted]`, overlapping occurrences as one (the
 * union of their spans): two secrets that share characters where they meet leave nothing behind,
 * which replacing one spelling after the other would.
 */
function replaceSpans(input: string, variants: readonly string[]): string {
  const spans: Array<[number, number]> = [];
  for (const variant of variants) {
    for (let at = input.indexOf(variant); at !== -1; at = input.indexOf(variant, at + 1)) {
      spans.push([at, at + variant.length]);
    }
  }
  if (spans.length === 0) return input;
  spans.sort((a, b) => a[0] - b[0]);
  let scrubbed = '';
  let kept = 0;
  for (let index = 0; index < spans.length; ) {
    const [start, first] = spans[index] as [number, number];
    let end = first;
    for (index += 1; index < spans.length && (spans[index] as [number, number])[0] < end; index += 1) {
      end = Math.max(end, (spans[index] as [number, number])[1]);
    }
    scrubbed += `${input.slice(kept, start)}${REDACTED}`;
    kept = end;
  }
  return scrubbed + input.slice(kept);
}

/** A spelling JSON would read as a number. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Builds the scrubber for a call's secrets. Secrets with no spelling of at least
 * `MIN_SCRUBBED_VARIANT_LENGTH` characters scrub nothing.
 *
 * @example
 * const scrubber = createSecretScrubber(['pa"ss word']);
 * scrubber.text('{"echo":"pa\\"ss word"} ?k=pa%22ss+word'); // '{"echo":"[redacted]"} ?k=[redacted]'
 */
export function createSecretScrubber(secrets: readonly string[]): SecretScrubber {
  const unique = new Set<string>();
  for (const secret of secrets) for (const variant of secretVariants(secret)) unique.add(variant);
  // Frozen: a scrubber is shared by every call with the same secrets (see cached-scrubber.ts).
  const variants = Object.freeze([...unique].sort((a, b) => b.length - a.length));
  const shortest = variants.at(-1)?.length ?? Number.POSITIVE_INFINITY;
  // One pass to find out whether any spelling occurs at all: most texts hold none, and one regular
  // expression test costs less than an indexOf per spelling. Literal alternatives only (escaped),
  // no flags: it matches exactly where one of the spellings occurs.
  const anySpelling = variants.length === 0 ? undefined : new RegExp(variants.map(escapeRegExp).join('|'));
  // After the fixed spellings: whatever mix of JSON escapes is left (longest secret first). Built
  // the first time a text holds a backslash: most responses never need them.
  let patterns: RegExp[] | undefined;
  const escapePatterns = (): RegExp[] => {
    patterns ??= [...new Set(secrets)]
      .sort((a, b) => b.length - a.length)
      .map((secret) => jsonSpellingPattern(secret))
      .filter((pattern): pattern is RegExp => pattern !== undefined);
    return patterns;
  };

  function text(input: string, options: { cut?: boolean } = {}): string {
    if (variants.length === 0) return input;
    let scrubbed = input;
    if (scrubbed.length >= shortest) {
      if (anySpelling?.test(scrubbed)) scrubbed = replaceSpans(scrubbed, variants);
      // Every fixed spelling is gone, so what a pattern could still find holds an escape.
      if (scrubbed.includes('\\')) {
        for (const pattern of escapePatterns()) scrubbed = scrubbed.replace(pattern, REDACTED);
      }
    }
    return options.cut ? scrubCutEnd(scrubbed, variants) : scrubbed;
  }

  // A secret of digits comes back as a JSON number when the endpoint parsed it as one (rounded,
  // when it is longer than a double holds): compared as numbers, and by its digits. Only the
  // secrets themselves: the hex spelling of a short secret is no reason to hide a number.
  const digitSecrets = secrets.filter(
    (secret) => secret.length >= MIN_SCRUBBED_VARIANT_LENGTH && JSON_NUMBER.test(secret),
  );
  const numericSecrets = new Set(digitSecrets.map(Number));
  const scrubNumber = (value: number): number | string => {
    if (digitSecrets.length === 0) return value;
    const digits = String(value);
    const leaks = numericSecrets.has(value) || digitSecrets.some((secret) => digits.includes(secret));
    return leaks ? REDACTED : value;
  };

  function scrubRecord(record: Record<string, unknown>, pending: unknown[]): void {
    let renamed = false;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = text(item);
      else if (typeof item === 'number') record[key] = scrubNumber(item);
      else if (item !== null && typeof item === 'object') pending.push(item);
      if (!renamed && text(key) !== key) renamed = true;
    }
    if (!renamed) return;
    // Rebuilt in order; defineProperty, so a key `__proto__` stays a plain property. Two keys that
    // both scrub to `[redacted]` keep the later value.
    const entries = Object.entries(record);
    for (const [key] of entries) delete record[key];
    for (const [key, item] of entries) {
      Object.defineProperty(record, text(key), {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }

  function parsed<T>(value: T): T {
    if (variants.length === 0) return value;
    if (typeof value === 'string') return text(value) as T;
    if (typeof value === 'number') return scrubNumber(value) as T;
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      const node = pending.pop();
      if (Array.isArray(node)) {
        for (let index = 0; index < node.length; index += 1) {
          const item: unknown = node[index];
          if (typeof item === 'string') node[index] = text(item);
          else if (typeof item === 'number') node[index] = scrubNumber(item);
          else if (item !== null && typeof item === 'object') pending.push(item);
        }
      } else if (isPlainRecord(node)) {
        scrubRecord(node, pending);
      }
    }
    return value;
  }

  return {
    text,
    parsed,
    variants,
    including: (more) => createSecretScrubber([...secrets, ...more]),
  };
}

/** Redacts a URL's secret query parameters, then scrubs what is left (a secret elsewhere in it). */
export function redactUrl(
  url: URL,
  secretQueryParameters: ReadonlySet<string>,
  scrubber: SecretScrubber,
): string {
  if (secretQueryParameters.size === 0) return scrubber.text(url.href);
  const copy = new URL(url.href);
  for (const name of secretQueryParameters) {
    if (copy.searchParams.has(name)) copy.searchParams.set(name, REDACTED);
  }
  return scrubber.text(copy.href);
}

/**
 * The request as sent, safe to show operators and store in logs: secret headers and query
 * parameters replaced by name, and every other header, the URL and the body scrubbed.
 *
 * @example
 * redactRequest(prepared, url, signedHeaders, scrubber).headers.authorization; // '[redacted]'
 */
export function redactRequest(
  prepared: Pick<PreparedRequest, 'method' | 'body' | 'secretHeaders' | 'secretQueryParameters'>,
  url: URL,
  headers: Record<string, string>,
  scrubber: SecretScrubber,
): SentRequest {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    shown[name] = prepared.secretHeaders.has(name) ? REDACTED : scrubber.text(value);
  }
  return {
    method: prepared.method,
    url: redactUrl(url, prepared.secretQueryParameters, scrubber),
    headers: shown,
    body: prepared.body === undefined ? undefined : scrubber.text(prepared.body),
  };
}
