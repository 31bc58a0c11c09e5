import type { EnvelopeContext, ToolgateEnvelope } from './toolgate-envelope.js';

/** What every verified request carries, whatever the method. */
interface VerifiedRequestBase {
  /** `webhook-id`: unique per call and the same on a retry; the idempotency key. */
  id: string;
  /** `webhook-timestamp`, unix seconds, already checked against the tolerance. */
  timestamp: number;
  /** The HTTP method, upper case. */
  method: string;
  /** The body exactly as received (UTF-8), `''` for GET/DELETE. */
  rawBody: string;
}

/** A POST/PUT/PATCH call: the parameters came in the JSON envelope. */
export interface ToolgateEnvelopeRequest<P = Record<string, unknown>> extends VerifiedRequestBase {
  source: 'envelope';
  action: string;
  parameters: P;
  context: EnvelopeContext;
  envelope: ToolgateEnvelope<P>;
}

/**
 * A GET/DELETE call: the parameters came in the query string, as strings (see
 * `parseQueryParameters`); there is no action name or context.
 */
export interface ToolgateQueryRequest<P = Record<string, unknown>> extends VerifiedRequestBase {
  source: 'query';
  action: undefined;
  parameters: P;
  context: undefined;
  envelope: undefined;
}

/**
 * A verified call from Toolgate, as the middleware hands it to your handler. `parameters` is
 * there for every method; switch on `source` for the envelope's `action` and `context`.
 * `P` is not checked against the parameters: validate the fields you use.
 *
 * @example
 * function handle(call: ToolgateRequest<{ order_number?: string }>) {
 *   if (call.context?.trigger === 'test') return success({ status: 'shipped' });
 *   return lookUp(call.parameters.order_number, { idempotencyKey: call.id });
 * }
 */
export type ToolgateRequest<P = Record<string, unknown>> =
  | ToolgateEnvelopeRequest<P>
  | ToolgateQueryRequest<P>;
