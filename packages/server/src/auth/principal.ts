import type { WidgetRestriction } from '../storage/schema.js';

/** Who is calling: resolved from an API key or an operator's session, always inside one tenant. */
export interface Principal {
  tenantId: string;
  scopes: readonly string[];
  /** Written to the audit log: `api_key:<id>` or `operator:<id>`. */
  actor: string;
  via: 'api_key' | 'session';
  /** For sessions: the token unsafe requests must echo in `X-CSRF-Token`. */
  csrfToken?: string;
  /** For widget keys: the one agent and the web origins the key is good for. */
  widget?: WidgetRestriction;
}
