import { randomBytes } from 'node:crypto';
import { ToolgateError } from '../../errors.js';

/** Prefix of Standard Webhooks secrets. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Random bytes in a generated secret: the HMAC-SHA256 block-size sweet spot. */
export const WEBHOOK_SECRET_BYTES = 32;

/** Shortest key accepted: below this an HMAC key is guessable. */
const MIN_SECRET_BYTES = 24;

/**
 * Creates a signing secret, `whsec_<base64 of 32 random bytes>`.
 *
 * @example
 * const secret = generateWebhookSecret(); // 'whsec_0m9v...'
 */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(WEBHOOK_SECRET_BYTES).toString('base64')}`;
}

/**
 * The HMAC key inside a Standard Webhooks secret (the base64 after `whsec_`).
 * Throws a `ToolgateError` with code `invalid_secret` for anything else.
 */
export function webhookSecretKey(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new ToolgateError('invalid_secret', `signing secrets start with ${WEBHOOK_SECRET_PREFIX}`);
  }
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new ToolgateError('invalid_secret', 'the part after whsec_ must be base64');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_BYTES) {
    throw new ToolgateError('invalid_secret', `signing secrets must hold at least ${MIN_SECRET_BYTES} bytes`);
  }
  return key;
}
