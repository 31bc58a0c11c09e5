import type { SchemeSecret } from './import-api';
import type { AuthNeed } from './import-report';
import type { OperationRow } from './import-rows';

/** A security scheme the chosen operations need, and which of them use it. */
export interface SchemeNeed {
  auth: AuthNeed;
  usedBy: string[];
}

/** What the operator typed for one scheme; nothing is ever prefilled from the document. */
export interface SecretDraft {
  token: string;
  username: string;
  password: string;
  value: string;
}

export const EMPTY_SECRET: SecretDraft = { token: '', username: '', password: '', value: '' };

/** The schemes of the chosen operations, in the order first met. */
export function schemesFor(rows: readonly OperationRow[], selected: readonly string[]): SchemeNeed[] {
  const needs = new Map<string, SchemeNeed>();
  for (const row of rows) {
    if (!row.auth || !selected.includes(row.name)) continue;
    const need = needs.get(row.auth.scheme);
    if (need) need.usedBy.push(row.name);
    else needs.set(row.auth.scheme, { auth: row.auth, usedBy: [row.name] });
  }
  return [...needs.values()];
}

/** How a scheme's credential is sent, in words. */
export function describeAuth(auth: AuthNeed): string {
  if (auth.type === 'bearer') return 'a bearer token (Authorization: Bearer …)';
  if (auth.type === 'basic') return 'HTTP basic auth (a username and a password)';
  return `an API key in the ${auth.in === 'header' ? 'header' : 'query parameter'} ${auth.name}`;
}

/** The id of a secret's input: `import-secret-<scheme>-<field>`. */
export function secretFieldId(scheme: string, field: keyof SecretDraft): string {
  return `import-secret-${scheme.replace(/[^A-Za-z0-9_-]/g, '_')}-${field}`;
}

/**
 * The `secrets` body (by scheme name) for the needed schemes, or the fields still empty, each
 * with its message, keyed by the input's id.
 */
export function secretsBody(
  needs: readonly SchemeNeed[],
  drafts: Readonly<Record<string, SecretDraft>>,
): { secrets: Record<string, SchemeSecret>; missing: Record<string, string> } {
  const secrets: Record<string, SchemeSecret> = {};
  const missing: Record<string, string> = {};
  for (const { auth } of needs) {
    const draft = drafts[auth.scheme] ?? EMPTY_SECRET;
    const require = (field: keyof SecretDraft, what: string): string => {
      const value = draft[field];
      if (value.trim() === '')
        missing[secretFieldId(auth.scheme, field)] = `enter the ${what} for ${auth.scheme}`;
      return value;
    };
    if (auth.type === 'bearer') secrets[auth.scheme] = { token: require('token', 'token') };
    else if (auth.type === 'basic') {
      const username = require('username', 'username');
      secrets[auth.scheme] = { username, password: require('password', 'password') };
    } else secrets[auth.scheme] = { value: require('value', 'API key') };
  }
  return { secrets, missing };
}
