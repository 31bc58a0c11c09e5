import { Type } from '@sinclair/typebox';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DEFAULT_TENANT_ID } from '../../stores/tenant-store.js';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import { SESSION_COOKIE } from '../authenticate.js';
import { LoginBody } from '../schemas/session.js';
import { ErrorBody } from '../schemas/shared.js';

const Me = Type.Object({
  tenantId: Type.String(),
  actor: Type.String(),
  via: Type.Union([Type.Literal('api_key'), Type.Literal('session')]),
  scopes: Type.Array(Type.String()),
  csrfToken: Type.Optional(
    Type.String({ description: 'Send it as X-CSRF-Token on every unsafe request of a session.' }),
  ),
});

/** Operators sign in with email and password; the session lives in an HttpOnly, SameSite=Strict cookie. */
export const sessionRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/session',
    summary: 'Sign in as an operator',
    tag: 'session',
    scope: null,
    body: LoginBody,
    responses: { 200: Me, 400: ErrorBody, 401: ErrorBody, 422: ErrorBody, 429: ErrorBody },
    async handler(c, { operators, sessions, sessionCookie, loginThrottle, requestOrigin }, { body }) {
      const tenantId = body.tenant ?? DEFAULT_TENANT_ID;
      const account = `${tenantId}/${body.email.trim().toLowerCase()}`;
      const address = requestOrigin.clientAddress(c);
      // The attempt is counted before the password is checked, so parallel guesses cannot overrun the limit.
      const attempt = await loginThrottle.begin(account, address);
      const operator = await operators.verifyLogin(tenantId, body.email, body.password);
      if (!operator) throw new ApiError('unauthenticated', 'the email or the password is wrong');
      await attempt.succeeded();
      const session = await sessions.open(operator);
      setCookie(c, SESSION_COOKIE, session.token, {
        ...sessionCookie.attributes(c),
        expires: session.expiresAt,
      });
      return c.json({
        tenantId,
        actor: `operator:${operator.id}`,
        via: 'session',
        scopes: operator.scopes,
        csrfToken: session.csrfToken,
      });
    },
  }),
  {
    method: 'get',
    path: '/session',
    summary: 'Who is calling, with which scopes',
    tag: 'session',
    scope: 'any',
    responses: { 200: Me, 401: ErrorBody },
    handler(c) {
      const { tenantId, actor, via, scopes, csrfToken } = c.get('principal');
      return c.json({ tenantId, actor, via, scopes, ...(csrfToken === undefined ? {} : { csrfToken }) });
    },
  },
  {
    method: 'delete',
    path: '/session',
    summary: 'Sign out',
    tag: 'session',
    scope: 'any',
    responses: { 204: 'Signed out', 401: ErrorBody },
    async handler(c, { sessions, sessionCookie }) {
      const token = getCookie(c, SESSION_COOKIE);
      if (token !== undefined) await sessions.close(token);
      deleteCookie(c, SESSION_COOKIE, sessionCookie.attributes(c));
      return c.body(null, 204);
    },
  },
];
