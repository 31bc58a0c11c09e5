import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { ToolgateError } from '../../errors.js';
import { webhookSecretKey } from './webhook-secret.js';

/** Header names of the Standard Webhooks v1 format. */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
/** The optional single-signature header for receivers written for the `sha256=<hex>` style. */
export const HEX_SIGNATURE_HEADER = 'x-toolgate-signature';

/** At most two secrets sign at once: the current one and the one being rotated out. */
export const MAX_SIGNING_SECRETS = 2;

/** What {@link signWebhook} signs. */
export interface SignWebhookInput {
  /** Stable per call (also the idempotency key): a retry sends the same id. */
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** The exact bytes sent. */
  body: string | Uint8Array;
  /** Current secret first; during rotation, the previous one second. */
  secrets: readonly string[];
  /** Also compute `X-Toolgate-Signature: sha256=<hex>` with the first secret. */
  hexSignature?: boolean;
}

/**
 * The HMAC key of each secret, parsed once and kept as a KeyObject (which also saves importing
 * the key on every call, ~0.4 µs).
 */
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_LIMIT = 1024;

function keyFor(secret: string): KeyObject {
  let key = keyCache.get(secret);
  if (!key) {
    key = createSecretKey(webhookSecretKey(secret));
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

/**
 * Signs a request body in the Standard Webhooks v1 format: `webhook-signature` holds one
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret, space-separated.
 *
 * @example
 * const headers = signWebhook({ id: 'call_1', timestamp: 1767225600, body: '{}', secrets: [secret] });
 * // { 'webhook-id': 'call_1', 'webhook-timestamp': '1767225600', 'webhook-signature': 'v1,K5o...' }
 */
export function signWebhook(input: SignWebhookInput): Record<string, string> {
  if (input.secrets.length === 0 || input.secrets.length > MAX_SIGNING_SECRETS) {
    throw new ToolgateError('invalid_secret', `sign with 1 to ${MAX_SIGNING_SECRETS} secrets`);
  }
  if (!/^[\w-]{1,200}$/.test(input.id)) {
    throw new ToolgateError('invalid_webhook_id', 'webhook ids are 1-200 letters, digits, _ or -');
  }
  const timestamp = String(Math.floor(input.timestamp));
  const prefix = `${input.id}.${timestamp}.`;
  const signatures = input.secrets.map((secret) => {
    const hmac = createHmac('sha256', keyFor(secret));
    if (typeof input.body === 'string') hmac.update(prefix + input.body);
    else hmac.update(prefix).update(input.body);
    return `v1,${hmac.digest('base64')}`;
  });
  const headers: Record<string, string> = {
    [WEBHOOK_ID_HEADER]: input.id,
    [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
    [WEBHOOK_SIGNATURE_HEADER]: signatures.join(' '),
  };
  if (input.hexSignature) {
    headers[HEX_SIGNATURE_HEADER] = hexSignature(input.body, input.secrets[0] as string);
  }
  return headers;
}

/**
 * `sha256=<hex HMAC-SHA256 of the body>`, keyed with the secret string exactly as shown to the
 * operator, so receivers written for this common style work unmodified. It covers no timestamp:
 * receivers that need replay protection should verify the Standard Webhooks headers instead.
 *
 * @example
 * hexSignature('{"a":1}', 'whsec_...'); // 'sha256=3f1c...'
 */
export function hexSignature(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
