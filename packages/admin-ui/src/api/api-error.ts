/** One problem the server found in a request, at a JSON pointer into its body or query. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The code of an error that never reached the server or whose answer was not the API's shape. */
export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

/**
 * An error of the HTTP API, from its `{ "error": { "code", "message", "details" } }` body: the
 * status, the server's stable code, its message and the issues by JSON pointer (`/email`,
 * `/parameters/order_number`) that forms show at their fields.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

/** Builds the error for a failed response from its status and its parsed body (or `undefined`). */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, toIssues(error.details));
  }
  return new ApiError(status, UNEXPECTED_RESPONSE, `the server answered with status ${status}`);
}

/** The error of a request that got no answer (offline, server down, connection cut). */
export function networkError(): ApiError {
  return new ApiError(
    0,
    NETWORK_ERROR,
    'the server could not be reached; check the connection and try again',
  );
}
