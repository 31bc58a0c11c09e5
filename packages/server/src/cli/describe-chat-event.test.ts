import { describe, expect, it } from 'vitest';
import { describeChatEvent, describeFailure } from './describe-chat-event.js';

describe('describeFailure', () => {
  it('names the HTTP status and its reason, and the endpoint message when the server sent it', () => {
    expect(describeFailure('check_order_status', { kind: 'http_error', message: '', status: 503 })).toBe(
      '✗ check_order_status: http_error (HTTP 503 Service Unavailable)',
    );
    expect(
      describeFailure('check_order_status', { kind: 'http_error', message: 'database offline', status: 503 }),
    ).toBe('✗ check_order_status: http_error (HTTP 503 Service Unavailable): database offline');
    expect(describeFailure('a', { kind: 'http_error', message: '', status: 599 })).toBe(
      '✗ a: http_error (HTTP 599)',
    );
  });

  it('says what the kind means when there is neither a status nor a message', () => {
    expect(describeFailure('a', { kind: 'timeout', message: '' })).toBe(
      '✗ a: timeout: the endpoint did not answer in time',
    );
    expect(describeFailure('a', { kind: 'connect_failed', message: 'connection refused' })).toBe(
      '✗ a: connect_failed: connection refused',
    );
  });

  it('is the action-failed line of the chat', () => {
    expect(
      describeChatEvent(
        'action-failed',
        { action: 'a', failure: { kind: 'rate_limited', status: 429 } },
        false,
      ),
    ).toBe('  ✗ a: rate_limited (HTTP 429 Too Many Requests)');
  });
});
