/**
 * The scopes the server grants (docs/architecture/service.md). The app only uses them to decide
 * what to show: the server checks every request again.
 */
export type Scope =
  | 'webhooks:read'
  | 'webhooks:manage'
  | 'agents:read'
  | 'agents:manage'
  | 'conversations:read'
  | 'chat'
  | 'events:read'
  | 'events:manage'
  | 'tools'
  | 'admin';

/** Scopes that include others, as on the server: `admin` includes all. */
const IMPLIED: Readonly<Partial<Record<string, readonly Scope[]>>> = {
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

/** True when the granted scopes include `needed`, directly or by implication. */
export function hasScope(granted: readonly string[], needed: Scope): boolean {
  return granted.some((scope) => scope === needed || (IMPLIED[scope] ?? []).includes(needed));
}
