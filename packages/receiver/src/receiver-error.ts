/** One problem found in a request, located by a JSON pointer (RFC 6901) into what was parsed. */
export interface ReceiverIssue {
  /** JSON pointer to the offending value; `''` for the whole input. */
  path: string;
  message: string;
}

/**
 * The base of every error this package throws on purpose. `code` is stable and machine-readable
 * (safe to `switch` on); `message` is for people; `details` lists problems by JSON pointer.
 *
 * @example
 * try {
 *   verifyWebhook({ payload, headers, secret });
 * } catch (error) {
 *   if (error instanceof ReceiverError) console.warn(error.code); // e.g. 'timestamp_too_old'
 * }
 */
export class ReceiverError extends Error {
  readonly code: string;
  readonly details: ReceiverIssue[];

  constructor(code: string, message: string, options: { details?: ReceiverIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReceiverError';
    this.code = code;
    this.details = options.details ?? [];
  }
}
