import { inSpan, markFailed, SpanKind } from '../../telemetry.js';
import type { ActionResult } from './action-result.js';
import type { PreparedCall } from './prepare-call.js';

/**
 * One outbound call as an HTTP client span (`GET`, `POST`...; a code action as `code_action`):
 * the method, the URL without its query (a query may carry a credential), the host and port, the
 * status, and the failure kind as `error.type`. Never a header or a body.
 */
export function traceCall(call: PreparedCall, send: () => Promise<ActionResult>): Promise<ActionResult> {
  const url = call.prepared.url;
  const code = call.action.code !== undefined;
  return inSpan(
    code ? 'code_action' : call.prepared.method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'toolgate.action': call.action.name,
        'toolgate.call_id': call.callId,
        'toolgate.trigger': call.context.trigger,
        ...(code
          ? {}
          : {
              'http.request.method': call.prepared.method,
              'url.full': `${url.origin}${url.pathname}`,
              'server.address': url.hostname,
              'server.port': Number(url.port || 443),
            }),
      },
    },
    async (span) => {
      const result = await send();
      if (result.status !== null && result.status !== 0)
        span.setAttribute('http.response.status_code', result.status);
      if (result.attempts) span.setAttribute('http.request.resend_count', result.attempts - 1);
      if (result.code) span.setAttribute('toolgate.code.requests', result.code.requests.length);
      if (!result.ok) markFailed(span, result.failure.kind, result.failure.message);
      return result;
    },
  );
}
