import { ApiError } from '../api/api-error';
import { type FormErrors, formErrors } from '../api/field-errors';
import type { Scope } from '../auth/scopes';
import { KEY_SCOPES } from '../keys/key-draft';

/** The scopes an operator may have, in the form's order, each with what it allows (as for keys). */
export const OPERATOR_SCOPES: readonly { scope: Scope; description: string }[] = KEY_SCOPES;

/** The server's limits on a password (`CreateOperatorBody`). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** The "Add operator" form as typed. */
export interface OperatorDraft {
  email: string;
  password: string;
  scopes: Scope[];
}

export const EMPTY_OPERATOR_DRAFT: OperatorDraft = { email: '', password: '', scopes: [] };

/** The body of `POST /operators`. */
export interface CreateOperatorBody {
  email: string;
  password: string;
  scopes: Scope[];
}

export const OPERATOR_FIELDS = ['/email', '/password', '/scopes'] as const;
export type OperatorField = (typeof OPERATOR_FIELDS)[number];

/** A loose check: something@something.something, no spaces; the server checks it properly. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds or removes a scope, keeping the order of `OPERATOR_SCOPES`. */
export function toggleOperatorScope(scopes: readonly Scope[], scope: Scope, on: boolean): Scope[] {
  const chosen = new Set(scopes);
  if (on) chosen.add(scope);
  else chosen.delete(scope);
  return OPERATOR_SCOPES.map((entry) => entry.scope).filter((candidate) => chosen.has(candidate));
}

export type OperatorBodyResult =
  | { ok: true; body: CreateOperatorBody }
  | { ok: false; errors: Partial<Record<OperatorField, string[]>> };

/**
 * The body for the draft, or what the form can see is wrong before sending. The email is trimmed;
 * the password is sent exactly as typed (spaces count).
 */
export function buildOperatorBody(draft: OperatorDraft): OperatorBodyResult {
  const errors: Partial<Record<OperatorField, string[]>> = {};
  const email = draft.email.trim();
  if (email === '') errors['/email'] = ['is required'];
  else if (email.length > 254) errors['/email'] = ['must be at most 254 characters'];
  else if (!EMAIL.test(email)) errors['/email'] = ['must be an email address, such as ada@example.com'];
  if (draft.password === '') errors['/password'] = ['is required'];
  else if (draft.password.length < PASSWORD_MIN)
    errors['/password'] = [`must be at least ${PASSWORD_MIN} characters`];
  else if (draft.password.length > PASSWORD_MAX)
    errors['/password'] = [`must be at most ${PASSWORD_MAX} characters`];
  if (draft.scopes.length === 0) errors['/scopes'] = ['choose at least one scope'];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { email, password: draft.password, scopes: [...draft.scopes] } };
}

/**
 * The server's answer to "Add operator" spread over the form: 422 issues at their fields
 * (`/scopes/2` goes to the scopes), a 409 about the email at the email.
 */
export function operatorFormErrors(error: unknown): FormErrors<OperatorField> {
  if (error instanceof ApiError && error.status === 409 && error.details.length === 0) {
    return { fields: { '/email': [error.message] }, form: [] };
  }
  return formErrors(error, OPERATOR_FIELDS);
}
