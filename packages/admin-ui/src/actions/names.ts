/**
 * Name rules the server applies (core's `ACTION_NAME_PATTERN`, `PARAMETER_NAME_PATTERN`), checked
 * as the operator types so the message appears at the field before anything is sent.
 */
export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const MAX_NAME_LENGTH = 64;

/**
 * Why a name of an action or a parameter is not allowed, or `undefined`.
 *
 * @example
 * nameProblem('Check-Order'); // 'use lower-case letters, digits and underscores: "C" is not one'
 */
export function nameProblem(name: string, example = 'check_order_status'): string | undefined {
  if (name === '') return `is required, e.g. ${example}`;
  if (NAME_PATTERN.test(name)) return undefined;
  if (name.length > MAX_NAME_LENGTH)
    return `must be at most ${MAX_NAME_LENGTH} characters (it has ${name.length})`;
  if (!/^[a-z]/.test(name)) return `must start with a lower-case letter, e.g. ${example}`;
  const bad = [...name].find((character) => !/[a-z0-9_]/.test(character));
  const shown = bad === ' ' ? 'a space' : `"${bad}"`;
  return `may use only lower-case letters, digits and underscores (${shown} is not allowed), e.g. ${example}`;
}

/** Header names are RFC 9110 tokens. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function headerNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is required, e.g. X-Api-Key';
  if (!HEADER_NAME.test(name)) return 'may use only letters, digits and - (no spaces or ":"), e.g. X-Api-Key';
  return undefined;
}
