import { describe, expect, it } from 'vitest';
import type { ActionResult } from './action-result.js';
import { toModelResult } from './model-result.js';

const common = {
  callId: 'call_1',
  action: 'check_order_status',
  durationMs: 12,
  request: {
    method: 'POST',
    url: 'https://api.example.com/',
    headers: { authorization: '[redacted]' },
    body: '{}',
  },
  response: {
    status: 200,
    headers: { 'set-cookie': 'session=abc' },
    body: '{}',
    bodyBytes: 2,
    truncated: false,
  },
  redirects: [],
  truncated: false,
};

describe('toModelResult', () => {
  it('keeps data and drops the request and response', () => {
    const result: ActionResult = { ...common, ok: true, status: 200, data: { status: 'shipped' } };
    expect(toModelResult(result)).toEqual({ ok: true, status: 200, data: { status: 'shipped' } });
  });

  it('keeps a message to say verbatim and marks a cut body', () => {
    const result: ActionResult = {
      ...common,
      ok: true,
      status: 200,
      message: 'Your order shipped.',
      truncated: true,
    };
    expect(toModelResult(result)).toEqual({
      ok: true,
      status: 200,
      message: 'Your order shipped.',
      truncated: true,
    });
  });

  it('reduces a failure to its kind and message', () => {
    const result: ActionResult = {
      ...common,
      ok: false,
      status: 503,
      failure: { kind: 'http_error', message: 'the endpoint answered 503', expected: false },
    };
    expect(toModelResult(result)).toEqual({
      ok: false,
      status: 503,
      error: { kind: 'http_error', message: 'the endpoint answered 503' },
    });
  });
});
