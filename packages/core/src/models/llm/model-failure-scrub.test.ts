import { describe, expect, it } from 'vitest';
import { scrubModelMessage } from './describe-model-failure.js';

/** Not shaped like `sk-...`: only the key itself can catch it. */
const KEY = 'gsk_Q7m2xV9pLw4Rt8Zb';

describe('a model endpoint that echoes its key in another spelling', () => {
  const echoes: Record<string, string> = {
    'upper-cased': KEY.toUpperCase(),
    'percent-encoded in a URL': encodeURIComponent(`${KEY}+`),
    'inside a base64 debug blob': Buffer.from(`authorization: Bearer ${KEY}`).toString('base64'),
    'JSON-escaped twice': JSON.stringify(JSON.stringify(`"${KEY}"`)),
  };
  for (const [how, echo] of Object.entries(echoes)) {
    it(`${how}: the failure message keeps no trace of it`, () => {
      const message = scrubModelMessage(`openai-compatible: 401 invalid credentials (${echo})`, KEY);
      expect(message).toContain('[redacted]');
      expect(message.toLowerCase()).not.toContain(KEY.toLowerCase().slice(4, 16));
      expect(message).not.toContain(Buffer.from(KEY).toString('base64').slice(4, 16));
    });
  }
});
