import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SafeResult } from './safe-result.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/** `sha256=` then 64 hex digits (either case: the same digest). */
const HEX_SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** What {@link verifyHexSignature} checks. */
export interface VerifyHexSignatureOptions {
  /** The raw body exactly as received. */
  payload: string | Uint8Array;
  /** The `X-Toolgate-Signature` header value, `sha256=<hex>`, as the framework gives it. */
  signature: string | readonly string[] | null | undefined;
  /**
   * The secret string exactly as shown in Toolgate (`whsec_...`): its UTF-8 bytes are the HMAC
   * key, unlike the Standard Webhooks style. Several during rotation on your side.
   */
  secret: string | readonly string[];
}

function hexSignatureValue(signature: VerifyHexSignatureOptions['signature']): string {
  const values = (typeof signature === 'string' ? [signature] : (signature ?? [])).map((value) =>
    value.trim(),
  );
  const present = [...new Set(values.filter((value) => value !== ''))];
  if (present.length === 0) {
    throw new WebhookVerificationError('missing_headers', 'the X-Toolgate-Signature header is missing');
  }
  if (present.length > 1) {
    throw new WebhookVerificationError(
      'invalid_headers',
      'X-Toolgate-Signature is repeated with different values',
    );
  }
  return present[0] as string;
}

/**
 * Verifies the optional `X-Toolgate-Signature: sha256=<hex HMAC-SHA256 of the body>` header, the
 * style many receivers already check. Constant-time; throws `WebhookVerificationError`
 * (`missing_headers`, `malformed_signature`, `no_valid_signature`, `invalid_secret`).
 *
 * This style covers no timestamp or id, so a captured request can be replayed at any time:
 * prefer {@link verifyWebhook} (Standard Webhooks headers) when you can.
 *
 * @example
 * verifyHexSignature({
 *   payload: rawBody,
 *   signature: request.headers['x-toolgate-signature'],
 *   secret: process.env.TOOLGATE_SECRET!,
 * });
 */
export function verifyHexSignature(options: VerifyHexSignatureOptions): void {
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  if (
    !Array.isArray(secrets) ||
    secrets.length === 0 ||
    secrets.some((secret) => typeof secret !== 'string' || secret === '')
  ) {
    throw new WebhookVerificationError('invalid_secret', 'give at least one non-empty signing secret');
  }
  const match = HEX_SIGNATURE.exec(hexSignatureValue(options.signature));
  if (!match) {
    throw new WebhookVerificationError(
      'malformed_signature',
      'X-Toolgate-Signature must be sha256=<64 hex digits>',
    );
  }
  const given = Buffer.from(match[1] as string, 'hex');
  let matched = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(options.payload).digest();
    if (timingSafeEqual(expected, given)) matched = true;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      'no_valid_signature',
      'X-Toolgate-Signature does not match the secret: wrong secret, or the body changed after signing',
    );
  }
}

/**
 * {@link verifyHexSignature} without throwing on a failed check.
 *
 * @example
 * const result = safeVerifyHexSignature({ payload, signature, secret });
 * if (!result.success) response.status(401).json({ error: result.error.code });
 */
export function safeVerifyHexSignature(
  options: VerifyHexSignatureOptions,
): SafeResult<void, WebhookVerificationError> {
  try {
    verifyHexSignature(options);
    return { success: true, value: undefined };
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { success: false, error };
    throw error;
  }
}
