import { EnvelopeError } from './envelope-error.js';
import type { ReceiverError, ReceiverIssue } from './receiver-error.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/** The one JSON shape of a rejected request: `{ "error": { "code", "message", "details"? } }`. */
export interface ErrorResponseBody {
  error: { code: string; message: string; details?: ReceiverIssue[] };
}

/** The statuses a rejection maps to. */
export type ErrorResponseStatus = 400 | 401 | 413 | 500;

/**
 * The HTTP answer to a rejected request: 401 for a failed signature check, 400 for a bad
 * envelope, 413 for a body over the cap, 500 for a receiver misconfiguration (`invalid_secret`).
 * Toolgate reads `error.message` from this body and shows it in the call log.
 *
 * @example
 * const { status, body } = errorResponse(result.error);
 * response.status(status).json(body); // 401 { error: { code: 'timestamp_too_old', message: '...' } }
 */
export function errorResponse(error: ReceiverError): {
  status: ErrorResponseStatus;
  body: ErrorResponseBody;
} {
  const body: ErrorResponseBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: error.details } : {}),
    },
  };
  return { status: statusFor(error), body };
}

function statusFor(error: ReceiverError): ErrorResponseStatus {
  if (error instanceof WebhookVerificationError) return error.code === 'invalid_secret' ? 500 : 401;
  if (error instanceof EnvelopeError) return 400;
  // `body_too_large` is the sender's doing; anything else (`raw_body_unavailable`) is a receiver bug.
  return error.code === 'body_too_large' ? 413 : 500;
}
