import { describe, expect, it } from 'vitest';
import { readWebhookHeaders, webhookSignatureMatches } from './check-webhook-signature.js';

// The worked example of docs/channels.md: if this fails, fix the page too.
const secret = 'whsec_dG9vbGdhdGUtY2hhbm5lbHMtd29ya2VkLWV4YW1wbGU=';
const body = '{"contactId":"+14155550100","text":"Where is order ORD-12345?"}';
const at = 1767225600;
const headers = (signature: string, timestamp = String(at)) =>
  new Headers({ 'webhook-id': 'msg_0001', 'webhook-timestamp': timestamp, 'webhook-signature': signature });
const documented = 'v1,G3AitmnVpYRKST2Sm+7SIW5SazletVWO90o/P9H1bhI=';

describe('inbound Standard Webhooks signatures', () => {
  it('verifies the documented example, and not a changed body or another secret', () => {
    const read = readWebhookHeaders(headers(documented), at * 1000);
    if ('refused' in read) throw new Error(read.refused);
    expect(webhookSignatureMatches(read, body, [secret])).toBe(true);
    expect(webhookSignatureMatches(read, body.replace('12345', '12346'), [secret])).toBe(false);
    const other = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
    expect(webhookSignatureMatches(read, body, [other])).toBe(false);
    expect(webhookSignatureMatches(read, body, [other, secret])).toBe(true);
    expect(webhookSignatureMatches(read, body, [])).toBe(false);
  });

  it('finds the v1 signature among others in the header', () => {
    const read = readWebhookHeaders(headers(`v2,abc ${documented}`), at * 1000);
    if ('refused' in read) throw new Error(read.refused);
    expect(webhookSignatureMatches(read, body, [secret])).toBe(true);
  });

  it('refuses what is missing, malformed or outside the ±5 minute window, naming it', () => {
    const refusal = (result: ReturnType<typeof readWebhookHeaders>) =>
      'refused' in result ? result.refused : 'accepted';
    expect(refusal(readWebhookHeaders(new Headers(), at * 1000))).toContain(
      'webhook-id, webhook-timestamp, webhook-signature',
    );
    expect(refusal(readWebhookHeaders(headers(documented, 'yesterday'), at * 1000))).toContain(
      'unix seconds',
    );
    expect(refusal(readWebhookHeaders(headers(documented), (at + 301) * 1000))).toContain('301 s old');
    expect(refusal(readWebhookHeaders(headers(documented), (at - 301) * 1000))).toContain('301 s ahead');
    expect(refusal(readWebhookHeaders(headers(documented), (at + 300) * 1000))).toBe('accepted');
    expect(refusal(readWebhookHeaders(headers('v1,short'), at * 1000))).toContain('no v1');
  });
});
