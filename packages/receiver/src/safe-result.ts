/**
 * What a `safeX` function returns instead of throwing.
 *
 * @example
 * const result = safeVerifyWebhook({ payload, headers, secret });
 * if (!result.success) return reject(result.error.code);
 * console.log(result.value.id);
 */
export type SafeResult<T, E extends Error = Error> =
  | { success: true; value: T }
  | { success: false; error: E };
