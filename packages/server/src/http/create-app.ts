import { type Context, Hono } from 'hono';
import { sql } from 'kysely';
import { ApiError, toApiError } from './api-error.js';
import { checkUrlText } from './text-rules.js';

export { MAX_REQUEST_BODY_BYTES } from './read-json.js';

import { checkMetricsAccess } from '../metrics/metrics-access.js';
import { type ApiRoute, type RouteInput, toHonoPath } from './api-route.js';
import type { AppEnv, AppServices } from './app-env.js';
import { authenticate, requireScope } from './authenticate.js';
import { checkBody } from './check-body.js';
import { mountMcp } from './mcp/mcp-endpoint.js';
import { buildOpenApiDocument } from './openapi.js';
import { readJson } from './read-json.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { actionsRoutes } from './routes/actions-routes.js';
import { adminRoutes } from './routes/admin-routes.js';
import { agentsRoutes } from './routes/agents-routes.js';
import { callbacksRoutes } from './routes/callbacks-routes.js';
import { callsRoutes } from './routes/calls-routes.js';
import { channelsRoutes } from './routes/channels-routes.js';
import { conversationStreamRoute } from './routes/conversation-stream-route.js';
import { conversationsRoutes } from './routes/conversations-routes.js';
import { deliveriesRoutes } from './routes/deliveries-routes.js';
import { importOpenApiRoute } from './routes/import-openapi-route.js';
import { remoteMcpRoutes } from './routes/remote-mcp-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { subscriptionDeliveriesRoutes } from './routes/subscription-deliveries-routes.js';
import { subscriptionsRoutes } from './routes/subscriptions-routes.js';
import { testConsoleRoute } from './routes/test-console-route.js';
import { toolsRoutes } from './routes/tools-routes.js';
import { serveAdminUi } from './serve-admin-ui.js';
import { allowWidgetOrigins } from './widget-cors.js';

export { API_VERSION } from './api-version.js';

import { API_VERSION } from './api-version.js';
import { requestHeader } from './request-header.js';

/** Reads slower than this are logged like changes. */
const SLOW_REQUEST_MS = 500;
const REQUEST_ID_NAME = REQUEST_ID_HEADER.toLowerCase();
/** High-volume routes whose successes are not logged (see the request log below). */
const CONVERSATION_TRAFFIC = new Set(['/api/v1/conversations', '/api/v1/conversations/:id/messages']);

/** The route's declared body and query, checked once here: handlers get the values, typed. */
async function checkedInput(c: Context<AppEnv>, route: ApiRoute): Promise<RouteInput> {
  const query = route.query ? checkBody(route.query, c.req.query()) : undefined;
  const body = route.body
    ? checkBody(
        route.body,
        await readJson(c, route.emptyBody, route.maxBodyBytes),
        route.fieldsCheckedBy === 'core' ? 'defer' : 'reject',
      )
    : undefined;
  return { body, query };
}

/** Every route of `/api/v1`, in the order the OpenAPI document lists them. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...sessionRoutes,
  ...actionsRoutes,
  importOpenApiRoute,
  testConsoleRoute,
  ...callsRoutes,
  ...agentsRoutes,
  ...channelsRoutes,
  ...remoteMcpRoutes,
  ...conversationsRoutes,
  ...subscriptionsRoutes,
  ...subscriptionDeliveriesRoutes,
  ...deliveriesRoutes,
  conversationStreamRoute,
  ...callbacksRoutes,
  ...toolsRoutes,
  ...adminRoutes,
];

function errorResponse(error: ApiError, requestId: string): Response {
  return Response.json(error.toJSON(requestId), { status: error.status });
}

/**
 * The HTTP application: health and metrics endpoints and the REST API under `/api/v1`. Tests
 * drive it with `app.request()`; `toolgate start` serves it.
 */
export function createApp(services: AppServices): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const openApiDocument = buildOpenApiDocument(API_ROUTES, API_VERSION);

  app.use(async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(requestHeader(c, REQUEST_ID_NAME));
    c.set('requestId', requestId);
    await next();
    // On the response itself: `c.header()` on a finished response re-creates it, and under the
    // Node server (whose lighter Response class replaces the global one) the copy lost headers
    // set after the handler, such as a widget's Access-Control-Allow-Origin.
    if (c.get('requestIdSent') !== true) {
      try {
        c.res.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        c.header(REQUEST_ID_HEADER, requestId); // immutable headers (Response.redirect): a copy it is
      }
    }
    const ms = performance.now() - started;
    services.metrics.observeHttp(c.req.method, c.req.routePath, c.res.status, ms);
    // Successful reads and conversation traffic are counted in the metrics, not logged: on this
    // kind of machine a log write per read cost a third of the read throughput
    // (docs/benchmarks.md); turns are in the database and their calls are logged. Other changes,
    // failures and slow requests are logged.
    const quiet =
      (c.req.method === 'GET' || CONVERSATION_TRAFFIC.has(c.req.routePath)) &&
      c.res.status < 400 &&
      ms < SLOW_REQUEST_MS;
    if (!quiet && c.req.routePath.startsWith('/api/')) {
      services.logger.info(
        {
          method: c.req.method,
          route: c.req.routePath,
          status: c.res.status,
          ms: Math.round(ms * 10) / 10,
          actor: c.get('principal')?.actor,
          requestId,
        },
        'request',
      );
    }
  });

  app.onError((error, c) => {
    const requestId = c.get('requestId');
    // An ApiError, or a domain error whose code the API knows, is the caller's to fix: answered
    // with its status, not as a 500.
    const known = toApiError(error);
    if (known) return errorResponse(known, requestId);
    services.logger.error(
      { err: error, method: c.req.method, route: c.req.routePath, requestId },
      'request failed',
    );
    return errorResponse(
      new ApiError('internal', 'something went wrong on our side; the error is in the server log'),
      requestId,
    );
  });
  app.notFound((c) =>
    errorResponse(
      new ApiError('not_found', `there is no ${c.req.method} ${new URL(c.req.url).pathname}`),
      c.get('requestId'),
    ),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (services.lifecycle.draining)
      return c.json({ status: 'draining', reason: 'this instance is shutting down' }, 503);
    try {
      await sql`select 1`.execute(services.db);
      return c.json({ status: 'ready' });
    } catch (error) {
      services.logger.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable', reason: 'the database does not answer' }, 503);
    }
  });
  app.get('/metrics', async (c) => {
    checkMetricsAccess(c.req.header('authorization'), services.metricsToken);
    c.header('content-type', services.metrics.registry.contentType);
    return c.body(await services.metrics.registry.metrics());
  });

  const api = new Hono<AppEnv>();
  // Bodies are read by `readJson`, which enforces the size limit (413) as it reads.
  api.get('/openapi.json', (c) => c.json(openApiDocument));
  allowWidgetOrigins(api);
  for (const route of API_ROUTES) {
    api.on(route.method.toUpperCase(), toHonoPath(route.path), async (c) => {
      // Path and query text obeys the text rules before anything (authentication included) reads it.
      checkUrlText(c);
      if (route.scope !== null) {
        const principal = await authenticate(c, services);
        if (route.scope !== 'any') requireScope(principal, route.scope);
        c.set('principal', principal);
      }
      return route.handler(c, services, await checkedInput(c, route));
    });
  }
  app.route('/api/v1', api);
  mountMcp(app, services);
  serveAdminUi(app);
  return app;
}
