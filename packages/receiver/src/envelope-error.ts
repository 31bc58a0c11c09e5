import { ReceiverError, type ReceiverIssue } from './receiver-error.js';

/**
 * Thrown when a body is not a Toolgate request envelope. `code` is always `invalid_envelope`;
 * `details` lists every problem with a JSON pointer into the body (`/context/trigger`).
 * Answer it with HTTP 400.
 *
 * @example
 * try {
 *   parseEnvelope(rawBody);
 * } catch (error) {
 *   if (error instanceof EnvelopeError) console.warn(error.details); // [{ path: '/action', message: ... }]
 * }
 */
export class EnvelopeError extends ReceiverError {
  declare readonly code: 'invalid_envelope';

  constructor(message: string, details: ReceiverIssue[]) {
    super('invalid_envelope', message, { details });
    this.name = 'EnvelopeError';
  }
}
