import { createHmac, timingSafeEqual } from 'node:crypto';
import { type HeadersInput, headerValues } from './headers-input.js';
import { parseWebhookSignatures } from './parse-webhook-signatures.js';
import type { SafeResult } from './safe-result.js';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './webhook-headers.js';
import { secretList, webhookSecretKey } from './webhook-secret-key.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/**
 * How far a `webhook-timestamp` may be from the receiver's clock, either way: the Standard
 * Webhooks window. It absorbs clock skew and delivery delay; anything older is treated as a replay.
 *
 * @example
 * verifyWebhook({ payload, headers, secret, toleranceSeconds: DEFAULT_TOLERANCE_SECONDS / 5 });
 */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** Longest `webhook-id` accepted: Toolgate's ids are at most 200 characters. */
const MAX_WEBHOOK_ID_LENGTH = 256;
/** Visible ASCII, no spaces: the id is part of the signed content and of log lines. */
const WEBHOOK_ID = /^[\x21-\x7e]+$/;
/** Unix seconds; twelve digits reach past the year 30,000 and keep the number exact. */
const UNIX_SECONDS = /^\d{1,12}$/;

/** What {@link verifyWebhook} checks. */
export interface VerifyWebhookOptions {
  /** The raw body exactly as received (an empty string for GET/DELETE). Never re-serialized JSON. */
  payload: string | Uint8Array;
  /** The request headers: a Web `Headers` or a plain object, keys in any case. */
  headers: HeadersInput;
  /** `whsec_...`; several during rotation on your side: a signature matching any one is accepted. */
  secret: string | readonly string[];
  /** Largest allowed distance between the timestamp and `now`, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock: a `Date` or epoch milliseconds (default: the current time). */
  now?: Date | number;
}

/** What a verified request carries. */
export interface VerifiedWebhook {
  /** `webhook-id`: unique per call and the same on a retry; use it as the idempotency key. */
  id: string;
  /** `webhook-timestamp`, unix seconds. */
  timestamp: number;
}

function singleHeader(headers: HeadersInput, name: string): string {
  const values = [...new Set(headerValues(headers, name).map((value) => value.trim()))];
  const present = values.filter((value) => value !== '');
  if (present.length === 0) {
    throw new WebhookVerificationError('missing_headers', `the ${name} header is missing`);
  }
  if (values.length > 1) {
    throw new WebhookVerificationError(
      'invalid_headers',
      `the ${name} header is repeated with different values`,
    );
  }
  return present[0] as string;
}

function epochMilliseconds(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === 'number' ? now : now.getTime();
}

/** HMAC-SHA256 of `id.timestamp.payload` over the payload's exact bytes, base64. */
function expectedSignature(key: Buffer, id: string, timestamp: string, payload: string | Uint8Array): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(payload).digest('base64');
}

/** Constant-time equality of two ASCII strings (lengths are public: every v1 signature has 44 chars). */
function sameSignature(expected: string, given: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const givenBytes = Buffer.from(given, 'utf8');
  return expectedBytes.length === givenBytes.length && timingSafeEqual(expectedBytes, givenBytes);
}

/**
 * Verifies a Standard Webhooks v1 request as Toolgate sends it: `webhook-id`,
 * `webhook-timestamp` (within `toleranceSeconds` of now, either way) and `webhook-signature`
 * (space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.payload">`, two during the
 * sender's key rotation). Accepts when any v1 signature matches any secret, compared in constant
 * time; other versions are ignored. Throws `WebhookVerificationError` otherwise.
 *
 * Pass the raw body bytes: a body parsed and re-serialized will not match.
 *
 * @example
 * const { id } = verifyWebhook({
 *   payload: rawBody,
 *   headers: request.headers,
 *   secret: process.env.TOOLGATE_SECRET!,
 * });
 * if (await alreadyProcessed(id)) return; // retries reuse the id
 */
export function verifyWebhook(options: VerifyWebhookOptions): VerifiedWebhook {
  const { payload, headers, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = options;
  if (!Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    throw new RangeError('toleranceSeconds must be a finite number of seconds, 0 or more');
  }
  const keys = secretList(options.secret).map(webhookSecretKey);

  const id = singleHeader(headers, WEBHOOK_ID_HEADER);
  const timestampText = singleHeader(headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatureHeader = headerValues(headers, WEBHOOK_SIGNATURE_HEADER).join(' ');
  if (signatureHeader.trim() === '') {
    throw new WebhookVerificationError(
      'missing_headers',
      `the ${WEBHOOK_SIGNATURE_HEADER} header is missing`,
    );
  }
  if (id.length > MAX_WEBHOOK_ID_LENGTH || !WEBHOOK_ID.test(id)) {
    throw new WebhookVerificationError(
      'invalid_headers',
      `${WEBHOOK_ID_HEADER} must be 1-${MAX_WEBHOOK_ID_LENGTH} visible ASCII characters`,
    );
  }

  if (!UNIX_SECONDS.test(timestampText)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      `${WEBHOOK_TIMESTAMP_HEADER} must be unix seconds`,
    );
  }
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor(epochMilliseconds(options.now) / 1000);
  if (nowSeconds - timestamp > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `the request was signed ${nowSeconds - timestamp} s ago; the limit is ${toleranceSeconds} s`,
    );
  }
  if (timestamp - nowSeconds > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_in_future',
      `the request is dated ${timestamp - nowSeconds} s ahead; the limit is ${toleranceSeconds} s (check the clock)`,
    );
  }

  const signatures = parseWebhookSignatures(signatureHeader);
  if (signatures.v1.length === 0) {
    if (signatures.malformed > 0 || signatures.otherVersions.length === 0) {
      throw new WebhookVerificationError(
        'malformed_signature',
        `${WEBHOOK_SIGNATURE_HEADER} holds no entry of the form v1,<base64>`,
      );
    }
    throw new WebhookVerificationError(
      'no_valid_signature',
      `${WEBHOOK_SIGNATURE_HEADER} holds no v1 signature (only ${signatures.otherVersions.join(', ')})`,
    );
  }

  // Every secret against every signature, without stopping at the first match.
  let matched = false;
  for (const key of keys) {
    const expected = expectedSignature(key, id, timestampText, payload);
    for (const given of signatures.v1) {
      if (sameSignature(expected, given)) matched = true;
    }
  }
  if (!matched) {
    throw new WebhookVerificationError(
      'no_valid_signature',
      'no signature matches the secret: wrong secret, or the id, timestamp or body changed after signing',
    );
  }
  return { id, timestamp };
}

/**
 * {@link verifyWebhook} without throwing on a failed check: returns
 * `{ success: true, value: { id, timestamp } }` or `{ success: false, error }`.
 *
 * @example
 * const result = safeVerifyWebhook({ payload: rawBody, headers, secret });
 * if (!result.success) return new Response(result.error.code, { status: 401 });
 */
export function safeVerifyWebhook(
  options: VerifyWebhookOptions,
): SafeResult<VerifiedWebhook, WebhookVerificationError> {
  try {
    return { success: true, value: verifyWebhook(options) };
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { success: false, error };
    throw error;
  }
}
