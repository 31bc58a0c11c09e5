// Verifying signatures

// Async actions
export { type AcceptedResponse, answerLater, type CallbackOutcome } from './answer-later.js';
// Dropping duplicate deliveries
export {
  createDedupe,
  DEFAULT_DEDUPE_MAX_ENTRIES,
  DEFAULT_DEDUPE_TTL_MS,
  type Dedupe,
  type DedupeOptions,
  type DedupeStore,
} from './create-dedupe.js';
// Errors
export { EnvelopeError } from './envelope-error.js';
// The response
export { type ErrorResponseBody, type ErrorResponseStatus, errorResponse } from './error-response.js';
export { type HeadersInput, headerValues } from './headers-input.js';
// The request
export { parseEnvelope, safeParseEnvelope } from './parse-envelope.js';
export { parseQueryParameters } from './parse-query-parameters.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  type RawBodySource,
  type ReadRawBodyOptions,
  readRawBody,
} from './read-raw-body.js';
export {
  checkReceiverOptions,
  type IncomingToolgateRequest,
  QUERY_METHODS,
  receiveToolgateRequest,
  safeReceiveToolgateRequest,
  type ToolgateReceiverOptions,
} from './receive-toolgate-request.js';
export { ReceiverError, type ReceiverIssue } from './receiver-error.js';
export {
  type DataBody,
  data,
  type FailureBody,
  failure,
  type MessageBody,
  message,
  type SuccessBody,
  success,
  type ToolgateResponseBody,
} from './response-bodies.js';
export type { SafeResult } from './safe-result.js';
export { toResponse } from './to-response.js';
export {
  CALL_TRIGGERS,
  type CallTrigger,
  type EnvelopeContext,
  type ToolgateEnvelope,
} from './toolgate-envelope.js';
export type {
  ToolgateEnvelopeRequest,
  ToolgateQueryRequest,
  ToolgateRequest,
} from './toolgate-request.js';
export {
  safeVerifyHexSignature,
  type VerifyHexSignatureOptions,
  verifyHexSignature,
} from './verify-hex-signature.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  safeVerifyWebhook,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
} from './verify-webhook.js';
export {
  HEX_SIGNATURE_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './webhook-headers.js';
export { MIN_SECRET_KEY_BYTES, WEBHOOK_SECRET_PREFIX } from './webhook-secret-key.js';
export {
  WEBHOOK_VERIFICATION_ERROR_CODES,
  WebhookVerificationError,
  type WebhookVerificationErrorCode,
} from './webhook-verification-error.js';
