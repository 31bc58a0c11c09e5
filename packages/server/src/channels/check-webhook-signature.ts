import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  webhookSecretKey,
} from '@toolgate/core';

/** How far `webhook-timestamp` may be from our clock, either way (the Standard Webhooks window). */
export const INBOUND_TOLERANCE_SECONDS = 5 * 60;
/** Longest `webhook-id` accepted: it is stored to refuse replays. */
const MAX_WEBHOOK_ID_LENGTH = 200;
/** Visible ASCII: the id is part of the signed content and of log lines. */
const WEBHOOK_ID = /^[\x21-\x7e]+$/;
const UNIX_SECONDS = /^\d{1,12}$/;
/** A v1 signature: base64 of a 32-byte HMAC-SHA256. */
const V1_SIGNATURE = /^v1,([A-Za-z0-9+/]{43}=)$/;
/** Stands in for the secret of a channel that does not exist: the same work, never a match. */
const DECOY_KEY = randomBytes(32);

/** The Standard Webhooks headers of a request, checked for form and freshness. */
export interface WebhookHeaders {
  id: string;
  timestamp: string;
  /** The decoded v1 signatures (other versions are ignored). */
  signatures: Buffer[];
}

/**
 * Reads and checks `webhook-id`, `webhook-timestamp` (within ±`toleranceSeconds` of now) and
 * `webhook-signature`. Returns the headers, or why they are refused: nothing here depends on
 * the channel, so the answer tells an outsider nothing about which channels exist.
 */
export function readWebhookHeaders(
  headers: Headers,
  nowMs: number,
  toleranceSeconds = INBOUND_TOLERANCE_SECONDS,
): WebhookHeaders | { refused: string } {
  const id = headers.get(WEBHOOK_ID_HEADER)?.trim() ?? '';
  const timestamp = headers.get(WEBHOOK_TIMESTAMP_HEADER)?.trim() ?? '';
  const signatureText = headers.get(WEBHOOK_SIGNATURE_HEADER)?.trim() ?? '';
  const missing = [
    [WEBHOOK_ID_HEADER, id],
    [WEBHOOK_TIMESTAMP_HEADER, timestamp],
    [WEBHOOK_SIGNATURE_HEADER, signatureText],
  ].filter(([, value]) => value === '');
  if (missing.length > 0) {
    return {
      refused: `the ${missing.map(([name]) => name).join(', ')} header is missing (Standard Webhooks)`,
    };
  }
  if (id.length > MAX_WEBHOOK_ID_LENGTH || !WEBHOOK_ID.test(id)) {
    return { refused: `${WEBHOOK_ID_HEADER} must be 1-${MAX_WEBHOOK_ID_LENGTH} visible ASCII characters` };
  }
  if (!UNIX_SECONDS.test(timestamp)) return { refused: `${WEBHOOK_TIMESTAMP_HEADER} must be unix seconds` };
  const skew = Math.floor(nowMs / 1000) - Number(timestamp);
  if (Math.abs(skew) > toleranceSeconds) {
    return {
      refused: `${WEBHOOK_TIMESTAMP_HEADER} is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'ahead'}; the window is ±${toleranceSeconds} s`,
    };
  }
  const signatures = signatureText
    .split(/\s+/)
    .map((entry) => V1_SIGNATURE.exec(entry)?.[1])
    .filter((value): value is string => value !== undefined)
    .map((value) => Buffer.from(value, 'base64'));
  if (signatures.length === 0)
    return { refused: `${WEBHOOK_SIGNATURE_HEADER} holds no v1,<base64> signature` };
  return { id, timestamp, signatures };
}

/**
 * Whether any signature is the HMAC-SHA256 of `id.timestamp.body` under any of the secrets,
 * compared in constant time, every pair checked. With no secrets (an unknown channel) the same
 * work is done against a decoy key and the answer is false.
 */
export function webhookSignatureMatches(
  headers: WebhookHeaders,
  body: string,
  secrets: readonly string[],
): boolean {
  const keys = secrets.length > 0 ? secrets.map(webhookSecretKey) : [DECOY_KEY];
  let matched = false;
  for (const key of keys) {
    const expected = createHmac('sha256', key)
      .update(`${headers.id}.${headers.timestamp}.`)
      .update(body)
      .digest();
    for (const given of headers.signatures) {
      if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
    }
  }
  return matched && secrets.length > 0;
}
