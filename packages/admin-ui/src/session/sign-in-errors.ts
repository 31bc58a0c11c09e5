import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import { type FormErrors, formErrors } from '../api/field-errors';

export type SignInField = '/email' | '/password';
export const SIGN_IN_FIELDS: readonly SignInField[] = ['/email', '/password'];

/** "in 900 s" reads better as "in 15 minutes". */
export function waitText(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** What the sign-in form shows for a failed sign-in. */
export function signInErrors(error: unknown): FormErrors<SignInField> {
  if (error instanceof ApiError && error.status === 401) {
    return { fields: {}, form: ['The email or the password is wrong.'] };
  }
  if (error instanceof ApiError && error.status === 429) {
    const seconds = /(\d+)\s*s\b/.exec(error.message)?.[1];
    const wait = seconds === undefined ? 'a few minutes' : waitText(Number(seconds));
    return {
      fields: {},
      form: [`Too many failed sign-ins for this account or from this network. Try again in ${wait}.`],
    };
  }
  if (error instanceof ApiError && error.details.length > 0) return formErrors(error, SIGN_IN_FIELDS);
  return { fields: {}, form: [describeError(error)] };
}

/**
 * Where focus goes after a failed sign-in, so the operator can retype at once: the email when the
 * server faulted it, otherwise the password (the usual mistake), never the page's body.
 */
export function fieldToRetype(errors: FormErrors<SignInField>): 'email' | 'password' {
  return (errors.fields['/email'] ?? []).length > 0 && (errors.fields['/password'] ?? []).length === 0
    ? 'email'
    : 'password';
}
