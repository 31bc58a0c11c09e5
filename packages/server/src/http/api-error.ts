import { ToolgateError, type ValidationIssue } from '@toolgate/core';

/** Stable codes of errors that cross the HTTP API, each with its status. */
export const API_ERROR_STATUS = {
  malformed_json: 400,
  unknown_field: 400,
  bad_request: 400,
  invalid_text: 400,
  unauthenticated: 401,
  forbidden: 403,
  widget_confirmation_required: 403,
  not_found: 404,
  conflict: 409,
  confirmation_mismatch: 409,
  callback_used: 409,
  callback_expired: 410,
  request_timeout: 408,
  payload_too_large: 413,
  header_fields_too_large: 431,
  validation_failed: 422,
  unsupported_pattern: 422,
  too_many_requests: 429,
  limit_reached: 422,
  confirmation_required: 422,
  internal: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/**
 * An error the API answers with `{ "error": { "code", "message", "details", "field", "requestId" } }`
 * (`requestId` is added when the response is made). `field` names the one input at fault where
 * there is one, by location: `body.metadata.note`, `query.status`, `path.id`.
 */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ValidationIssue[] = [],
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERROR_STATUS[code];
  }

  /** The error body; `requestId` is the request's `X-Request-Id` (every error response has one). */
  toJSON(requestId?: string) {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details.length > 0 ? { details: this.details } : {}),
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(requestId === undefined ? {} : { requestId }),
      },
    };
  }
}

/**
 * The one mapping of errors to the wire: an `ApiError` as it is, and a domain error (a store's
 * not found, conflict or limit reached; a stored pattern RE2 cannot run) whose code the API knows
 * with that code's status. Anything else is not the caller's to fix: `undefined`.
 */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof ToolgateError && Object.hasOwn(API_ERROR_STATUS, error.code)) {
    return new ApiError(error.code as ApiErrorCode, error.message, error.details);
  }
  return undefined;
}

/** 404 for anything not visible to the caller: never a hint that it exists elsewhere. */
export function notFound(what: string): ApiError {
  return new ApiError('not_found', `${what} not found`);
}
