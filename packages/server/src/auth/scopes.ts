/** What an API key or operator may do. `admin` includes every other scope. */
export const SCOPES = [
  'webhooks:read',
  'webhooks:manage',
  'agents:read',
  'agents:manage',
  'conversations:read',
  'chat',
  'events:read',
  'events:manage',
  /** Calls the tenant's actions as tools from other agent stacks (MCP, the tools API). */
  'tools',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Scopes that include others: managing actions (or agents) includes reading them. */
const IMPLIED: Partial<Record<Scope, Scope[]>> = {
  admin: [
    'webhooks:read',
    'webhooks:manage',
    'agents:read',
    'agents:manage',
    'conversations:read',
    'chat',
    'events:read',
    'events:manage',
    'tools',
  ],
  'webhooks:manage': ['webhooks:read'],
  'agents:manage': ['agents:read'],
  'events:manage': ['events:read'],
};

/**
 * True when the granted scopes include `needed`, directly or by implication.
 *
 * @example
 * hasScope(['webhooks:manage'], 'webhooks:read'); // true
 */
export function hasScope(granted: readonly string[], needed: Scope): boolean {
  return granted.some((scope) => scope === needed || (IMPLIED[scope as Scope] ?? []).includes(needed));
}

/** Checks a list of scope names; returns the unknown ones. */
export function unknownScopes(scopes: readonly unknown[]): unknown[] {
  return scopes.filter((scope) => !SCOPES.includes(scope as Scope));
}
