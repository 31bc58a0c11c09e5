import { WebhookVerificationError } from './webhook-verification-error.js';

/**
 * Prefix of Standard Webhooks secrets: `whsec_<base64>`.
 *
 * @example
 * secret.startsWith(WEBHOOK_SECRET_PREFIX); // true for 'whsec_MfKQ...'
 */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/**
 * Shortest HMAC key accepted. Toolgate generates 32 bytes; below 24 a key is weak enough that
 * accepting it would hide a copy-paste mistake (a cut-off secret) rather than help anyone.
 *
 * @example
 * Buffer.from(secret.slice(6), 'base64').length >= MIN_SECRET_KEY_BYTES;
 */
export const MIN_SECRET_KEY_BYTES = 24;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The HMAC key inside a Standard Webhooks secret: the base64 after `whsec_`, decoded.
 * Throws `WebhookVerificationError` with code `invalid_secret` for anything else.
 *
 * @example
 * webhookSecretKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'); // <Buffer 31 f2 ...> (24 bytes)
 */
export function webhookSecretKey(secret: string): Buffer {
  if (typeof secret !== 'string' || !secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `signing secrets start with ${WEBHOOK_SECRET_PREFIX}`,
    );
  }
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (!BASE64.test(encoded)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      'the part after whsec_ must be base64 (check for surrounding spaces or a line break)',
    );
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_KEY_BYTES) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `signing secrets hold at least ${MIN_SECRET_KEY_BYTES} bytes; is this secret cut short?`,
    );
  }
  return key;
}

/**
 * One secret or several (rotation on the receiver side) as a non-empty list, every one checked.
 *
 * @example
 * secretList([current, previous]); // [current, previous]
 */
export function secretList(secret: string | readonly string[]): readonly string[] {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new WebhookVerificationError('invalid_secret', 'give at least one signing secret');
  }
  return secrets;
}
