import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Principal } from '../auth/principal.js';
import { hasScope, type Scope } from '../auth/scopes.js';
import { ApiError } from './api-error.js';
import type { AppEnv, AppServices } from './app-env.js';
import { requestHeader } from './request-header.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'toolgate_session';
/** Unsafe requests of a cookie session must carry the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds the caller: `Authorization: Bearer tg_...` first, then the session cookie. A cookie
 * session must echo its CSRF token on unsafe methods (SameSite=Strict is the first line; the
 * token covers browsers and proxies that do not honour it).
 */
export async function authenticate(c: Context<AppEnv>, services: AppServices): Promise<Principal> {
  const authorization = requestHeader(c, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1])
      throw new ApiError('unauthenticated', 'send the API key as "Authorization: Bearer tg_..."');
    const principal = await services.apiKeys.authenticate(match[1]);
    if (!principal) throw new ApiError('unauthenticated', 'the API key is unknown or revoked');
    if (principal.widget) await services.widgetGuard.check(c, { ...principal, widget: principal.widget });
    return principal;
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (token !== undefined) {
    const principal = await services.sessions.authenticate(token);
    if (!principal) throw new ApiError('unauthenticated', 'the session has ended; sign in again');
    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== principal.csrfToken) {
      throw new ApiError('forbidden', `this request needs the session's ${CSRF_HEADER} header`);
    }
    return principal;
  }
  throw new ApiError('unauthenticated', 'sign in, or send an API key as "Authorization: Bearer tg_..."');
}

/** Refuses a caller without the scope, naming it. */
export function requireScope(principal: Principal, scope: Scope | readonly Scope[]): void {
  const anyOf: readonly Scope[] = typeof scope === 'string' ? [scope] : scope;
  if (!anyOf.some((needed) => hasScope(principal.scopes, needed))) {
    throw new ApiError(
      'forbidden',
      anyOf.length === 1
        ? `this needs the ${anyOf[0]} scope`
        : `this needs one of the scopes ${anyOf.join(', ')}`,
    );
  }
}
