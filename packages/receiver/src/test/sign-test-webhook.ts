import { createHmac, randomBytes } from 'node:crypto';

/** A fresh `whsec_<base64 of 32 random bytes>` secret, as Toolgate generates them. */
export function testSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** What {@link signTestWebhook} signs. */
export interface SignTestWebhookInput {
  body: string | Uint8Array;
  /** One signature per secret, in order (two during rotation). */
  secrets: readonly string[];
  id?: string;
  /** Unix seconds (default: now). */
  timestamp?: number;
}

/** The headers Toolgate sends with a signed call. */
export interface TestWebhookHeaders {
  [name: string]: string;
  'webhook-id': string;
  'idempotency-key': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs like Toolgate's executor, written independently of the code under test so that the two
 * can check each other: Standard Webhooks v1 headers over `id.timestamp.body`.
 */
export function signTestWebhook(input: SignTestWebhookInput): TestWebhookHeaders {
  const id = input.id ?? `call_${randomBytes(8).toString('hex')}`;
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const signatures = input.secrets.map((secret) => {
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.from(input.body)]);
    return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
  });
  return {
    'webhook-id': id,
    'idempotency-key': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
}

/** `sha256=<hex HMAC-SHA256 of the body>` keyed with the secret string's UTF-8 bytes. */
export function testHexSignature(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex')}`;
}

/** A valid envelope body, as Toolgate sends it for `check_order_status`. */
export function testEnvelopeBody(
  parameters: Record<string, unknown> = { order_number: 'ORD-12345' },
): string {
  return JSON.stringify({
    action: 'check_order_status',
    parameters,
    context: {
      call_id: 'call_test_1',
      trigger: 'ai_intent',
      conversation_id: 'conv_1',
      timestamp: '2026-01-01T00:00:00.000Z',
    },
  });
}
