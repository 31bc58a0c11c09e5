import { createSecretScrubber, type SecretScrubber } from './redact.js';

/** Distinct secret lists kept with their scrubber; past this the oldest is forgotten. */
export const MAX_CACHED_SCRUBBERS = 1000;

const scrubbers = new Map<string, SecretScrubber>();

/**
 * The scrubber of these secrets, built once per distinct list (in order) and kept: building one
 * (every spelling of every secret) is most of the cost of preparing a call that has secrets,
 * and an action's secrets rarely change between its calls. A scrubber holds no state about a
 * call, so sharing one is the same as building it again. A bounded cache, oldest out first,
 * like the signing keys' (see sign-webhook.ts): a rotated secret is forgotten in time.
 *
 * @example
 * secretScrubberFor(['tok_1']) === secretScrubberFor(['tok_1']); // true
 */
export function secretScrubberFor(secrets: readonly string[]): SecretScrubber {
  const key = secrets.length === 0 ? '' : secrets.length === 1 ? `1:${secrets[0]}` : JSON.stringify(secrets);
  let scrubber = scrubbers.get(key);
  if (scrubber) return scrubber;
  scrubber = createSecretScrubber(secrets);
  if (scrubbers.size >= MAX_CACHED_SCRUBBERS) {
    const oldest = scrubbers.keys().next().value as string;
    scrubbers.delete(oldest);
  }
  scrubbers.set(key, scrubber);
  return scrubber;
}

/**
 * How many scrubbers are kept; for tests of the bound.
 *
 * @example
 * cachedScrubberCount(); // 3
 */
export function cachedScrubberCount(): number {
  return scrubbers.size;
}
