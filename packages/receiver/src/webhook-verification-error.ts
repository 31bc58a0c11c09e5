import { ReceiverError } from './receiver-error.js';

/**
 * Every reason a signature check can fail; stable, safe to `switch` on.
 *
 * @example
 * WEBHOOK_VERIFICATION_ERROR_CODES.includes(error.code); // true for any WebhookVerificationError
 */
export const WEBHOOK_VERIFICATION_ERROR_CODES = [
  /** The secret given to the verifier is not usable (a configuration bug, not an attack). */
  'invalid_secret',
  /** `webhook-id`, `webhook-timestamp` or `webhook-signature` (or the hex header) is absent or empty. */
  'missing_headers',
  /** A header is present but unusable: repeated with different values, or an id out of format. */
  'invalid_headers',
  /** `webhook-timestamp` is not unix seconds. */
  'invalid_timestamp',
  /** The timestamp is older than the tolerance: a replay, or a badly skewed clock. */
  'timestamp_too_old',
  /** The timestamp is further ahead than the tolerance: a skewed clock, or a pre-signed replay. */
  'timestamp_in_future',
  /** The signature header holds nothing in the expected `v1,<base64>` / `sha256=<hex>` format. */
  'malformed_signature',
  /** Well-formed signatures, but none matches any secret: wrong secret, or tampered content. */
  'no_valid_signature',
] as const;

export type WebhookVerificationErrorCode = (typeof WEBHOOK_VERIFICATION_ERROR_CODES)[number];

/**
 * Thrown when a request's signature cannot be verified. Answer it with HTTP 401 (or 500 for
 * `invalid_secret`, which is a configuration bug); `errorResponse()` does that mapping.
 *
 * @example
 * try {
 *   verifyWebhook({ payload, headers, secret });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError && error.code === 'timestamp_too_old') {
 *     console.warn('replayed or delayed call', error.message);
 *   }
 *   throw error;
 * }
 */
export class WebhookVerificationError extends ReceiverError {
  declare readonly code: WebhookVerificationErrorCode;

  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(code, message);
    this.name = 'WebhookVerificationError';
  }
}
