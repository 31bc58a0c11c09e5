/**
 * Header names of the Standard Webhooks v1 format, as Toolgate sends them (lower case; HTTP
 * header names are case-insensitive).
 *
 * @example
 * const callId = request.headers[WEBHOOK_ID_HEADER]; // 'call_01J...'
 */
export const WEBHOOK_ID_HEADER = 'webhook-id';
/** @example request.headers[WEBHOOK_TIMESTAMP_HEADER]; // '1767225600' (unix seconds) */
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
/** @example request.headers[WEBHOOK_SIGNATURE_HEADER]; // 'v1,K5oZ... v1,Qp8s...' */
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
/**
 * The optional `sha256=<hex>` signature header (no timestamp covered: no replay protection).
 *
 * @example
 * verifyHexSignature({ payload, signature: request.headers[HEX_SIGNATURE_HEADER], secret });
 */
export const HEX_SIGNATURE_HEADER = 'x-toolgate-signature';
/**
 * Sent with the same value as `webhook-id`: use either to deduplicate retried calls.
 *
 * @example
 * if (await seen(request.headers[IDEMPOTENCY_KEY_HEADER])) return previousAnswer;
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
