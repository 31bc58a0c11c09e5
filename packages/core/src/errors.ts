/** One problem found in some input, located by a JSON pointer (RFC 6901) into that input. */
export interface ValidationIssue {
  /** JSON pointer to the offending value, `''` for the whole input. */
  path: string;
  message: string;
}

/**
 * The base of every error Toolgate throws on purpose. `code` is stable and machine-readable;
 * `message` is for people.
 */
export class ToolgateError extends Error {
  readonly code: string;
  readonly details: ValidationIssue[];

  constructor(code: string, message: string, options: { details?: ValidationIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ToolgateError';
    this.code = code;
    this.details = options.details ?? [];
  }
}

/** Thrown by validators when the input has one or more problems; `details` lists every one. */
export class ValidationError extends ToolgateError {
  constructor(message: string, details: ValidationIssue[]) {
    super('validation_failed', message, { details });
    this.name = 'ValidationError';
  }
}

/** What a `safeX` function returns instead of throwing. */
export type SafeResult<T> = { success: true; value: T } | { success: false; error: ValidationError };

/** Escapes one JSON pointer reference token (`~` -> `~0`, `/` -> `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins reference tokens into a JSON pointer: `pointer('parameters', 'properties', 'a/b')`. */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** Something the caller asked for does not exist, or is not theirs to see (never a hint which). */
export class NotFoundError extends ToolgateError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** The request clashes with what is stored: a name taken, a conversation already being answered. */
export class ConflictError extends ToolgateError {
  constructor(message: string, details: ValidationIssue[] = []) {
    super('conflict', message, { details });
    this.name = 'ConflictError';
  }
}

/** A tenant's limit (actions, agents) is reached. */
export class LimitReachedError extends ToolgateError {
  constructor(message: string) {
    super('limit_reached', message);
    this.name = 'LimitReachedError';
  }
}

/** The request is well formed but asks for something not allowed (a bad cursor, removing your own admin). */
export class BadRequestError extends ToolgateError {
  constructor(message: string, details: ValidationIssue[] = []) {
    super('bad_request', message, { details });
    this.name = 'BadRequestError';
  }
}
