import type { EnvelopeError } from './envelope-error.js';
import type { HeadersInput } from './headers-input.js';
import { parseEnvelope } from './parse-envelope.js';
import { parseQueryParameters } from './parse-query-parameters.js';
import { ReceiverError } from './receiver-error.js';
import type { SafeResult } from './safe-result.js';
import type { ToolgateRequest } from './toolgate-request.js';
import { verifyWebhook } from './verify-webhook.js';
import { secretList, webhookSecretKey } from './webhook-secret-key.js';
import type { WebhookVerificationError } from './webhook-verification-error.js';

/**
 * Methods whose parameters Toolgate sends in the query string rather than a JSON envelope.
 *
 * @example
 * QUERY_METHODS.has('GET'); // true
 */
export const QUERY_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'DELETE']);

/** Base for resolving a path-only request URL; only parsed, never contacted. */
const URL_BASE = 'http://receiver.invalid';

/** Options shared by {@link receiveToolgateRequest} and the Express, Hono and Fastify glue. */
export interface ToolgateReceiverOptions {
  /** `whsec_...`; several while you rotate: a request signed with any one is accepted. */
  secret: string | readonly string[];
  /** Largest allowed clock distance, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock, read per request (default: the current time). For tests. */
  now?: () => Date | number;
  /** Largest body read before verifying (default 256 KiB); larger ones get 413. */
  maxBodyBytes?: number;
}

/** A request as any framework can describe it, with its body already read to the exact bytes. */
export interface IncomingToolgateRequest {
  method: string;
  /** A path with its query (`/orders?order_number=ORD-1`) or a full URL. */
  url: string;
  headers: HeadersInput;
  /** The raw body; `''` when there is none. */
  body: string | Uint8Array;
}

/**
 * Checks options once, when a middleware is created, so a bad secret fails at startup rather
 * than on the first call. Throws `WebhookVerificationError` (`invalid_secret`) or `RangeError`.
 *
 * @example
 * checkReceiverOptions({ secret: process.env.TOOLGATE_SECRET ?? '' }); // throws if unusable
 */
export function checkReceiverOptions(options: ToolgateReceiverOptions): void {
  for (const secret of secretList(options.secret)) webhookSecretKey(secret);
  const { toleranceSeconds, maxBodyBytes } = options;
  if (toleranceSeconds !== undefined && (!Number.isFinite(toleranceSeconds) || toleranceSeconds < 0)) {
    throw new RangeError('toleranceSeconds must be a finite number of seconds, 0 or more');
  }
  if (maxBodyBytes !== undefined && (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0)) {
    throw new RangeError('maxBodyBytes must be a whole number of bytes, 0 or more');
  }
}

/**
 * Everything a receiver does before its own logic, for any framework: verifies the Standard
 * Webhooks signature over the raw body, then reads the parameters from the JSON envelope
 * (POST/PUT/PATCH) or the query string (GET/HEAD/DELETE). Throws `WebhookVerificationError`
 * (answer 401) or `EnvelopeError` (answer 400); `errorResponse()` builds both answers.
 *
 * @example
 * const rawBody = await readRawBody(request);
 * const call = receiveToolgateRequest(
 *   { method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body: rawBody },
 *   { secret },
 * );
 * call.parameters; // { order_number: 'ORD-12345' }
 */
export function receiveToolgateRequest<P = Record<string, unknown>>(
  request: IncomingToolgateRequest,
  options: ToolgateReceiverOptions,
): ToolgateRequest<P> {
  const { id, timestamp } = verifyWebhook({
    payload: request.body,
    headers: request.headers,
    secret: options.secret,
    ...(options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds }),
    ...(options.now === undefined ? {} : { now: options.now() }),
  });
  const method = request.method.toUpperCase();
  const rawBody =
    typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
  if (QUERY_METHODS.has(method)) {
    const parameters = parseQueryParameters(new URL(request.url, URL_BASE).searchParams) as P;
    return {
      source: 'query',
      id,
      timestamp,
      method,
      rawBody,
      action: undefined,
      parameters,
      context: undefined,
      envelope: undefined,
    };
  }
  const envelope = parseEnvelope<P>(rawBody);
  return {
    source: 'envelope',
    id,
    timestamp,
    method,
    rawBody,
    action: envelope.action,
    parameters: envelope.parameters,
    context: envelope.context,
    envelope,
  };
}

/**
 * {@link receiveToolgateRequest} without throwing on a rejected request.
 *
 * @example
 * const result = safeReceiveToolgateRequest({ method, url, headers, body: rawBody }, { secret });
 * if (!result.success) {
 *   const { status, body } = errorResponse(result.error);
 *   return send(status, body);
 * }
 */
export function safeReceiveToolgateRequest<P = Record<string, unknown>>(
  request: IncomingToolgateRequest,
  options: ToolgateReceiverOptions,
): SafeResult<ToolgateRequest<P>, WebhookVerificationError | EnvelopeError> {
  try {
    return { success: true, value: receiveToolgateRequest<P>(request, options) };
  } catch (error) {
    if (error instanceof ReceiverError) {
      return { success: false, error: error as WebhookVerificationError | EnvelopeError };
    }
    throw error;
  }
}
