import { formErrors } from '../api/field-errors';
import type { Scope } from '../auth/scopes';
import { OPERATOR_SCOPES } from './operator-draft';

/** The body of `PATCH /operators/{id}`: the new scopes, replacing the old ones. */
export interface PatchOperatorBody {
  scopes: Scope[];
}

export type ScopesBodyResult = { ok: true; body: PatchOperatorBody } | { ok: false; errors: string[] };

const KNOWN: readonly Scope[] = OPERATOR_SCOPES.map((entry) => entry.scope);

/** The scopes an operator has, as the editor's checkboxes start: known ones, in the form's order. */
export function scopesDraft(scopes: readonly string[]): Scope[] {
  return KNOWN.filter((scope) => scopes.includes(scope));
}

/**
 * The `PATCH /operators/{id}` body for the chosen scopes, or what the editor can see is wrong
 * before sending: no scope at all, or the signed-in operator taking `admin` from themselves
 * (the server refuses both too).
 */
export function buildScopesBody(
  chosen: readonly Scope[],
  operator: { scopes: readonly string[]; self: boolean },
): ScopesBodyResult {
  const errors: string[] = [];
  if (chosen.length === 0) errors.push('choose at least one scope');
  if (operator.self && operator.scopes.includes('admin') && !chosen.includes('admin')) {
    errors.push('you cannot remove admin from yourself; ask another admin');
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, body: { scopes: KNOWN.filter((scope) => chosen.includes(scope)) } };
}

/** The server's answer to a scope change as messages for the editor (field issues first). */
export function scopesErrors(error: unknown): string[] {
  const spread = formErrors(error, ['/scopes'] as const);
  return [...(spread.fields['/scopes'] ?? []), ...spread.form];
}
