import type { ConversationSettings } from './conversation-settings.js';
/**
 * The action model: what an operator defines so that an agent can call one HTTP endpoint.
 *
 * Secret values (header values, auth credentials) are plain strings here: the library is handed
 * them decrypted by whoever stores them. They never leave the executor unredacted.
 */

/** HTTP methods an action may use. GET and DELETE send parameters as a query string. */
export const ACTION_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type ActionMethod = (typeof ACTION_METHODS)[number];

/** The method an action uses when it names none: the seeds' webhooks are POSTs. */
export const DEFAULT_METHOD: ActionMethod = 'POST';

/** Shortest allowed per-call deadline: below a second, real endpoints fail for no reason. */
export const MIN_TIMEOUT_MS = 1_000;
/** Longest allowed per-call deadline: a customer is waiting in a live conversation. */
export const MAX_TIMEOUT_MS = 30_000;
/** Default per-call deadline (connect + headers + body). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Action names become tool names: lower-case, digits and underscores, starting with a letter. */
export const ACTION_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Parameter types an action may declare. `phone` and `date` are string formats. */
export const PARAMETER_TYPES = ['string', 'number', 'integer', 'boolean'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** String formats understood by validation and normalization. */
export const PARAMETER_FORMATS = ['email', 'date', 'date-time', 'phone'] as const;
export type ParameterFormat = (typeof PARAMETER_FORMATS)[number];

/** One parameter: a JSON Schema for a scalar. */
export interface ParameterSchema {
  type: ParameterType;
  description?: string;
  enum?: Array<string | number>;
  format?: ParameterFormat;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  examples?: unknown[];
}

/** The parameters of an action: a JSON Schema object of scalar properties. */
export interface ParametersSchema {
  type: 'object';
  properties: Record<string, ParameterSchema>;
  required?: string[];
  additionalProperties?: false;
}

/**
 * How an OAuth2 client proves who it is to the token endpoint (RFC 6749 section 2.3.1, the names
 * of RFC 7591): `client_secret_basic` sends `Authorization: Basic` with the form-encoded id and
 * secret, `client_secret_post` sends `client_id` and `client_secret` in the form body.
 */
export const OAUTH2_CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type OAuth2ClientAuthMethod = (typeof OAUTH2_CLIENT_AUTH_METHODS)[number];
/** The client authentication a token request uses when the action names none. */
export const DEFAULT_OAUTH2_CLIENT_AUTH_METHOD: OAuth2ClientAuthMethod = 'client_secret_basic';

/**
 * OAuth2 client credentials (RFC 6749 section 4.4): before a call, the executor gets an access
 * token from `tokenUrl` (through the outbound policy, cached until shortly before it expires) and
 * sends it as `Authorization: Bearer`. `clientSecret` is a secret; the access token is too.
 */
export interface OAuth2ClientCredentialsAuth {
  type: 'oauth2_client_credentials';
  /** `https://` token endpoint; checked like the action's URL at save time and at every request. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent as one space-separated `scope` parameter. */
  scopes?: string[];
  /** Sent as `audience` (Auth0, Okta and others name the API the token is for this way). */
  audience?: string;
  /** Default {@link DEFAULT_OAUTH2_CLIENT_AUTH_METHOD}. */
  tokenEndpointAuthMethod?: OAuth2ClientAuthMethod;
}

/** How the executor authenticates to the endpoint. Every credential is a secret. */
export type ActionAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'api_key'; in: 'header' | 'query'; name: string; value: string }
  | OAuth2ClientCredentialsAuth;

/** Opt-in redirect following: every hop is checked again; never more than this many hops. */
export const MAX_REDIRECTS = 3;

/** Signing options beyond the Standard Webhooks headers, which are always sent. */
export interface ActionSigning {
  /** Also send `X-Toolgate-Signature: sha256=<hex HMAC of the body>`. */
  hexSignatureHeader?: boolean;
}

/** Default and bounds of an async action's deadline for its callback, in seconds. */
export const DEFAULT_ASYNC_DEADLINE_SECONDS = 300;
export const MIN_ASYNC_DEADLINE_SECONDS = 10;
export const MAX_ASYNC_DEADLINE_SECONDS = 86_400;

/**
 * An async action: the endpoint may answer `202 Accepted` at once and POST the result later to
 * the call's `context.callback_url`, before `deadlineSeconds` have passed (docs/async-actions.md).
 */
export interface ActionAsync {
  /** Seconds the callback may take; default {@link DEFAULT_ASYNC_DEADLINE_SECONDS}. */
  deadlineSeconds?: number;
  /** Said on a 202 that carries no `{message}` of its own. */
  pendingMessage?: string;
}

/** Most attempts a sync action's retries may make (the first one included). */
export const MAX_RETRY_ATTEMPTS = 5;

/**
 * Retries of a sync call: on network errors, timeouts, 429 and 502/503/504, all attempts within
 * the action's `timeoutMs`, every one with the same `Idempotency-Key`.
 */
export interface ActionRetry {
  /** Attempts in all, the first included: 2 to {@link MAX_RETRY_ATTEMPTS}. */
  attempts: number;
  /** POST and PATCH are retried only with this set: the endpoint must honour `Idempotency-Key`. */
  nonIdempotent?: boolean;
}

/** An action: one HTTP endpoint an agent may call, with the parameters it must collect. */
export interface ActionDefinition {
  name: string;
  displayName?: string;
  /** Tells the model when to use the action. Required, and worth being specific. */
  description: string;
  /** `https://` URL; `{param}` placeholders in the path are filled from parameters, encoded. */
  url: string;
  method?: ActionMethod;
  timeoutMs?: number;
  parameters?: ParametersSchema;
  /** Custom headers; every value is a secret (write-only, redacted). */
  headers?: Record<string, string>;
  auth?: ActionAuth;
  /**
   * A JSON body sent instead of the envelope (POST/PUT/PATCH). Strings of the form
   * `{{parameters.x}}` or `{{context.x}}` are replaced by the JSON value; placeholders inside a
   * longer string are replaced by the value's text.
   */
  bodyTemplate?: unknown;
  /** Follow up to {@link MAX_REDIRECTS} redirects, re-checking every hop. Off by default. */
  followRedirects?: boolean;
  signing?: ActionSigning;
  enabled?: boolean;
  /** The endpoint may answer later, through a callback: see {@link ActionAsync}. */
  async?: ActionAsync;
  /** Retries of failed attempts: see {@link ActionRetry}. */
  retry?: ActionRetry;
  /** How conversations use the action: confirmation, latency messages, visible fields, triggers. */
  conversation?: ConversationSettings;
  /** Runs JavaScript in a sandbox instead of one request: see {@link ActionCode}. */
  code?: ActionCode;
}

/**
 * A code action: the source defines `async function handler({ parameters, context })`; what it
 * returns is the call's data. Its `fetch` goes through the outbound policy; the action's `url` is
 * where it is expected to send (shown to operators and checked at save time like any action's).
 */
export interface ActionCode {
  source: string;
  /** Secret values by name; the code reaches them only as `secret(name)` inside its requests. Write-only. */
  credentials?: Record<string, string>;
  /** Memory, CPU time and requests of one run (defaults: 16 MiB, 1000 ms, 10). */
  limits?: { memoryBytes?: number; cpuMs?: number; maxRequests?: number };
}

/** An action with every default applied. */
export interface ResolvedActionDefinition extends ActionDefinition {
  method: ActionMethod;
  timeoutMs: number;
  parameters: ParametersSchema;
  headers: Record<string, string>;
  auth: ActionAuth;
  followRedirects: boolean;
  enabled: boolean;
}

/**
 * Applies defaults to a definition that already passed validation. `Object.assign` then plain
 * assignments, not a spread with overrides: on the executor's hot path the spread cost ~4 µs a
 * call on Node 20 (measured with bench/executor.bench.ts), this ~0.06 µs.
 */
export function resolveActionDefaults(action: ActionDefinition): ResolvedActionDefinition {
  const resolved = Object.assign({}, action) as ResolvedActionDefinition;
  resolved.method = action.method ?? DEFAULT_METHOD;
  resolved.timeoutMs = action.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  resolved.parameters = action.parameters ?? { type: 'object', properties: {} };
  resolved.headers = action.headers ?? {};
  resolved.auth = action.auth ?? { type: 'none' };
  resolved.followRedirects = action.followRedirects ?? false;
  resolved.enabled = action.enabled ?? true;
  return resolved;
}
