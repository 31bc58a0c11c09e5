/** `{ success: true, result }`: the call worked; the agent uses `result` in its reply. */
export interface SuccessBody<T = unknown> {
  success: true;
  result: T;
}

/** `{ success: false, error }`: the call failed in an expected way; the agent says so. */
export interface FailureBody {
  success: false;
  error: string;
}

/** `{ message }`: the agent says this text to the customer verbatim. */
export interface MessageBody {
  message: string;
}

/** `{ data }`: the call worked; the agent uses `data` in its reply. */
export interface DataBody<T = unknown> {
  data: T;
}

/** Every body shape Toolgate reads specially; any other JSON or plain text works too. */
export type ToolgateResponseBody<T = unknown> = SuccessBody<T> | FailureBody | MessageBody | DataBody<T>;

/**
 * `{ success: true, result }`, the shape to return when the call worked.
 *
 * @example
 * return response.json(success({ status: 'shipped', tracking_number: '1Z999AA10123456784' }));
 */
export function success<T>(result: T): SuccessBody<T> {
  return { success: true, result };
}

/**
 * `{ success: false, error }`, for an expected failure (not found, not allowed). Send it with a
 * 4xx status, or 200: Toolgate reads both as a failure the agent explains.
 *
 * @example
 * return response.status(404).json(failure('Order not found'));
 */
export function failure(error: string): FailureBody {
  return { success: false, error };
}

/**
 * `{ message }`: text the agent says to the customer word for word.
 *
 * @example
 * return response.json(message('Your table for 4 is booked for 7 pm.'));
 */
export function message(text: string): MessageBody {
  return { message: text };
}

/**
 * `{ data }`: a result under the `data` key, as many APIs already answer.
 *
 * @example
 * return response.json(data({ balance: 42.5, currency: 'EUR' }));
 */
export function data<T>(value: T): DataBody<T> {
  return { data: value };
}
