import { describe, expect, it } from 'vitest';
import { normalizeResponse } from './normalize-response.js';
import { createSecretScrubber } from './redact.js';

const ok = (body: string, extra: Partial<Parameters<typeof normalizeResponse>[0]> = {}) =>
  normalizeResponse({ status: 200, body, truncated: false, ...extra });

describe('normalizeResponse', () => {
  it('reads each documented success shape', () => {
    expect(ok('{"success":true,"result":{"a":1}}')).toEqual({ ok: true, data: { a: 1 } });
    expect(ok('{"success":true,"message":"Done."}')).toEqual({ ok: true, message: 'Done.' });
    expect(ok('{"success":true,"count":2}')).toEqual({ ok: true, data: { count: 2 } });
    expect(ok('{"message":"On its way."}')).toEqual({ ok: true, message: 'On its way.' });
    expect(ok('{"data":{"id":"1"}}')).toEqual({ ok: true, data: { id: '1' } });
    expect(ok('{"status":"shipped"}')).toEqual({ ok: true, data: { status: 'shipped' } });
    expect(ok('"plain json string"')).toEqual({ ok: true, data: 'plain json string' });
    expect(ok('42')).toEqual({ ok: true, data: 42 });
    expect(ok('hello')).toEqual({ ok: true, data: { response_text: 'hello' } });
    expect(ok('')).toEqual({ ok: true, data: null });
  });

  it('reads each documented failure shape', () => {
    expect(ok('{"success":false,"error":"Order not found"}')).toEqual({
      ok: false,
      failure: { kind: 'endpoint_error', message: 'Order not found', expected: true },
    });
    expect(ok('{"success":false}')).toMatchObject({
      ok: false,
      failure: { kind: 'endpoint_error', message: 'the endpoint reported a failure' },
    });
    expect(ok('{"error":{"message":"nested"}}')).toMatchObject({ ok: false, failure: { message: 'nested' } });
    expect(ok('{"error":null,"status":"fine"}')).toEqual({ ok: true, data: { error: null, status: 'fine' } });
    expect(ok('{"error":"x","data":{"partial":true}}')).toEqual({ ok: true, data: { partial: true } });
  });

  it('marks JSON-declared garbage invalid, but keeps truncated bodies as text', () => {
    expect(ok('{"a":', { contentType: 'application/json' })).toMatchObject({
      ok: false,
      failure: { kind: 'invalid_response' },
    });
    expect(ok('{"a":', { contentType: 'application/problem+json' })).toMatchObject({
      ok: false,
      failure: { kind: 'invalid_response' },
    });
    expect(ok('{"a":', { contentType: 'text/plain' })).toEqual({
      ok: true,
      data: { response_text: '{"a":' },
    });
    expect(ok('{"a":', { contentType: 'application/json', truncated: true })).toEqual({
      ok: true,
      data: { response_text: '{"a":' },
    });
  });

  it('maps statuses: 3xx, 4xx expected, 5xx unexpected, 429 with Retry-After in seconds or as a date', () => {
    expect(
      normalizeResponse({ status: 301, body: '', truncated: false, location: 'https://x/' }),
    ).toMatchObject({
      ok: false,
      failure: { kind: 'http_error', message: expect.stringContaining('https://x/') },
    });
    expect(normalizeResponse({ status: 422, body: '{"message":"bad zip"}', truncated: false })).toEqual({
      ok: false,
      failure: { kind: 'http_error', message: 'bad zip', expected: true },
    });
    expect(
      normalizeResponse({ status: 502, body: '<html>bad gateway</html>', truncated: false }),
    ).toMatchObject({
      ok: false,
      failure: { kind: 'http_error', expected: false, message: '<html>bad gateway</html>' },
    });
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      normalizeResponse({
        status: 429,
        body: '',
        truncated: false,
        retryAfter: 'Thu, 01 Jan 2026 00:01:00 GMT',
        now,
      }),
    ).toMatchObject({ failure: { kind: 'rate_limited', retryAfterSeconds: 60 } });
    expect(normalizeResponse({ status: 429, body: '', truncated: false, retryAfter: 'soon' })).toEqual({
      ok: false,
      failure: { kind: 'rate_limited', message: 'the endpoint is rate limiting calls (429)', expected: true },
    });
  });

  it('says why a 3xx ended the call: not followed, over the redirect limit, no usable Location', () => {
    const message = (redirect?: 'not_followed' | 'limit_exceeded' | 'no_location' | 'not_a_redirect') => {
      const outcome = normalizeResponse({
        status: 302,
        body: '',
        truncated: false,
        location: '/next',
        ...(redirect ? { redirect } : {}),
      });
      return outcome.ok ? '' : outcome.failure.message;
    };
    expect(message()).toBe('the endpoint redirected (302) to /next; this action does not follow redirects');
    expect(message('limit_exceeded')).toContain('more than 3 redirects');
    expect(message('limit_exceeded')).not.toContain('does not follow redirects');
    expect(message('no_location')).toBe('the endpoint redirected (302) without a usable Location');
    expect(message('not_a_redirect')).not.toContain('does not follow redirects');
  });

  it('parses the body as received and scrubs the parsed value, keys included', () => {
    const secret = 's"cret\\tok';
    const quoted = JSON.stringify(secret);
    // The first letter as a \u escape: no spelling of the secret is in the text, only in the value.
    const escaped = quoted.replace('s', '\\u0073');
    const body = `{"data":{${escaped}:${quoted},"list":[${escaped}]}}`;
    const outcome = normalizeResponse({
      status: 200,
      body,
      truncated: false,
      scrubber: createSecretScrubber([secret]),
    });
    expect(outcome).toEqual({ ok: true, data: { '[redacted]': '[redacted]', list: ['[redacted]'] } });
  });
});
