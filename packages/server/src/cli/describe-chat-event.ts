import { STATUS_CODES } from 'node:http';

type Event = Record<string, unknown> & { type?: string };

/** What each failure kind means, for when the server keeps the endpoint's own words back. */
const FAILURE_KIND_TEXT: Record<string, string> = {
  invalid_arguments: 'the arguments do not fit the action',
  blocked: 'the outbound policy refused the destination',
  timeout: 'the endpoint did not answer in time',
  connect_failed: 'no connection to the endpoint',
  tls: 'the TLS handshake or certificate check failed',
  too_large: 'the request is over the size cap; nothing was sent',
  http_error: 'the endpoint answered with an error status',
  endpoint_error: 'the endpoint answered that the call failed',
  invalid_response: "the endpoint's answer could not be read",
  rate_limited: 'the endpoint asked to slow down',
  auth_failed: 'no OAuth2 access token could be had from the token endpoint',
};

/**
 * One failed call in a line: the kind, the HTTP status with its reason phrase when a response came,
 * and the endpoint's message when the server sent it (`--debug`), else what the kind means.
 *
 * @example
 * describeFailure('check_order_status', { kind: 'http_error', message: '', status: 503 });
 * // '✗ check_order_status: http_error (HTTP 503 Service Unavailable)'
 */
export function describeFailure(
  action: unknown,
  failure: { kind?: unknown; message?: unknown; status?: unknown },
): string {
  const kind = String(failure.kind ?? 'failed');
  const status =
    typeof failure.status === 'number'
      ? ` (HTTP ${failure.status}${STATUS_CODES[failure.status] ? ` ${STATUS_CODES[failure.status]}` : ''})`
      : '';
  const message = typeof failure.message === 'string' ? failure.message.trim() : '';
  const said = message !== '' ? message : status === '' ? (FAILURE_KIND_TEXT[kind] ?? '') : '';
  return `✗ ${action}: ${kind}${status}${said === '' ? '' : `: ${said}`}`;
}

/** One line per event, as it happens: what the agent is doing while the customer waits. */
export function describeChatEvent(name: string, data: Event, debug: boolean): string | undefined {
  switch (name) {
    case 'action-started':
      return `  → ${data.action} ${JSON.stringify(data.arguments)}`;
    case 'action-delayed':
      return `  … ${data.action} is taking a while`;
    case 'action-completed':
      return `  ✓ ${data.action}`;
    case 'action-failed':
      return `  ${describeFailure(data.action, (data.failure ?? {}) as Record<string, unknown>)}`;
    case 'approval-requested':
      return `  ? waiting for a yes to ${data.action}`;
    case 'limit-reached':
      return `  ! limit: ${data.message}`;
    case 'model-error':
      return `  ! model failed: ${data.message}`;
    case 'debug':
      return debug ? `  · ${JSON.stringify(data.data)}` : undefined;
    case 'message':
      // Progress texts are said while the call runs; the reply comes with `done`.
      return data.reason === 'reply' ? undefined : `agent: ${data.text}`;
    default:
      return undefined;
  }
}
