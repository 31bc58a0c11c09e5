import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { requestHeader } from './request-header.js';

/** The routes a chat widget on another site calls. */
const WIDGET_PATHS = ['/conversations', '/conversations/*'];

/**
 * Cross-origin access for chat widgets, on the conversation routes only. A preflight is answered
 * for any origin (it carries no key, so it grants nothing); the real request's key decides: a
 * widget key accepts only its own origins (checked in `authenticate`), and only then does a
 * successful response name the origin in `Access-Control-Allow-Origin`; an error response (an
 * error message, nothing else) names any origin so the widget can show why. Credentials
 * (cookies) are never allowed cross-origin.
 */
export function allowWidgetOrigins(api: Hono<AppEnv>): void {
  for (const path of WIDGET_PATHS) {
    api.options(path, (c) => {
      const origin = c.req.header('origin');
      if (!origin) return c.body(null, 204);
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type, accept',
        'access-control-max-age': '600',
        vary: 'Origin',
      });
    });
    api.use(path, nameAllowedOrigin);
  }
}

const nameAllowedOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const origin = requestHeader(c, 'origin');
  const widget = c.get('principal')?.widget;
  // Refusals are readable from any page (a widget can say why it does not work); answers only
  // from a widget key's own origins.
  if (origin && (c.res.status >= 400 || widget?.origins.includes(origin))) {
    c.res.headers.set('access-control-allow-origin', origin);
    c.res.headers.append('vary', 'Origin');
  }
};
