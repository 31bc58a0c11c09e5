import { createHmac, randomBytes } from 'node:crypto';
import type { OAuth2ClientCredentialsAuth } from '../../actions/action-definition.js';
import { clientAuthMethodOf } from '../../actions/oauth2-credentials.js';

/** A token without `expires_in` is reused this long: short, since nothing says how long it lives. */
export const DEFAULT_TOKEN_LIFETIME_MS = 60_000;
/** A token stops being reused this long before it expires (at most half its lifetime). */
export const TOKEN_EXPIRY_MARGIN_MS = 30_000;
/** Longest a token is reused, whatever `expires_in` says. */
export const MAX_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Most tokens kept; the oldest is dropped first. */
export const MAX_CACHED_TOKENS = 10_000;

/** What one fetch from a token endpoint gave. */
export type FetchedToken<Failure> =
  | { ok: true; accessToken: string; expiresInSeconds: number | undefined }
  | { ok: false; failure: Failure };

/** A token to send, or why there is none. */
export type TokenGrant<Failure> = { ok: true; accessToken: string } | { ok: false; failure: Failure };

/**
 * Milliseconds a token may be reused: `expires_in` less a margin (30 s, or half the lifetime
 * for short-lived tokens), at most a day; without `expires_in`, a minute; 0 when it expires at
 * once (it is used for the call that fetched it, and not kept).
 *
 * @example
 * reuseWindowMs(3600); // 3_570_000
 * reuseWindowMs(undefined); // 60_000
 */
export function reuseWindowMs(expiresInSeconds: number | undefined): number {
  if (expiresInSeconds === undefined) return DEFAULT_TOKEN_LIFETIME_MS;
  const lifetime = Math.min(expiresInSeconds * 1000, MAX_TOKEN_LIFETIME_MS);
  if (lifetime <= 0) return 0;
  return lifetime - Math.min(TOKEN_EXPIRY_MARGIN_MS, lifetime / 2);
}

/**
 * Access tokens of OAuth2 client credentials, per action and credentials: a cached token is
 * reused until shortly before it expires, concurrent calls that need a new one share one request
 * (single flight), and a token an endpoint refused is forgotten so the next call fetches anew.
 * Failures are never cached: the next call asks again.
 */
export interface AccessTokenCache<Failure> {
  /** The cache key of a call's credentials; `scope` separates tenants and actions. */
  keyOf(scope: string, auth: OAuth2ClientCredentialsAuth): string;
  /** A cached token for the key, or the outcome of one shared `fetch`. */
  get(key: string, fetch: () => Promise<FetchedToken<Failure>>): Promise<TokenGrant<Failure>>;
  /** The token kept for the key now, if any; never fetches. */
  peek(key: string): string | undefined;
  /** Forgets the key's token if it is still `accessToken` (a newer one stays). */
  invalidate(key: string, accessToken: string): void;
  /** Tokens currently kept (for tests and metrics). */
  readonly size: number;
}

/**
 * Creates the cache. The key holds an HMAC of the client secret under a key made for this
 * cache, never the secret: a changed secret gives a new key, so it never reuses a token issued
 * for the old one, and nothing in memory spells the secret.
 *
 * @example
 * const tokens = createAccessTokenCache<string>({ now: Date.now });
 * const grant = await tokens.get(tokens.keyOf('ten_1/act_1', auth), () => fetchFromProvider());
 */
export function createAccessTokenCache<Failure>(options: {
  now: () => number;
  maxEntries?: number;
}): AccessTokenCache<Failure> {
  const maxEntries = options.maxEntries ?? MAX_CACHED_TOKENS;
  const fingerprintKey = randomBytes(32);
  const tokens = new Map<string, { accessToken: string; reuseUntil: number }>();
  const inFlight = new Map<string, Promise<TokenGrant<Failure>>>();

  function keep(key: string, accessToken: string, expiresInSeconds: number | undefined): void {
    const window = reuseWindowMs(expiresInSeconds);
    if (window <= 0) return;
    tokens.delete(key);
    tokens.set(key, { accessToken, reuseUntil: options.now() + window });
    while (tokens.size > maxEntries) {
      const oldest = tokens.keys().next().value as string;
      tokens.delete(oldest);
    }
  }

  return {
    keyOf(scope, auth) {
      const fingerprint = createHmac('sha256', fingerprintKey).update(auth.clientSecret).digest('base64url');
      return JSON.stringify([
        scope,
        auth.tokenUrl,
        auth.clientId,
        [...(auth.scopes ?? [])].sort(),
        auth.audience ?? null,
        clientAuthMethodOf(auth),
        fingerprint,
      ]);
    },
    get(key, fetch) {
      const cached = tokens.get(key);
      if (cached && cached.reuseUntil > options.now()) {
        return Promise.resolve({ ok: true, accessToken: cached.accessToken });
      }
      if (cached) tokens.delete(key);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = fetch()
        .then((fetched): TokenGrant<Failure> => {
          if (!fetched.ok) return fetched;
          keep(key, fetched.accessToken, fetched.expiresInSeconds);
          return { ok: true, accessToken: fetched.accessToken };
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    peek(key) {
      const cached = tokens.get(key);
      return cached && cached.reuseUntil > options.now() ? cached.accessToken : undefined;
    },
    invalidate(key, accessToken) {
      if (tokens.get(key)?.accessToken === accessToken) tokens.delete(key);
    },
    get size() {
      return tokens.size;
    },
  };
}
