import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './error-response.js';
import { DEFAULT_MAX_BODY_BYTES, readRawBody } from './read-raw-body.js';
import {
  checkReceiverOptions,
  safeReceiveToolgateRequest,
  type ToolgateReceiverOptions,
} from './receive-toolgate-request.js';
import { ReceiverError } from './receiver-error.js';
import type { ToolgateRequest } from './toolgate-request.js';

/**
 * The Hono environment the middleware provides: `c.get('toolgate')` is the verified call.
 *
 * @example
 * const app = new Hono<ToolgateHonoEnv<{ order_number: string }>>();
 */
export interface ToolgateHonoEnv<P = Record<string, unknown>> {
  Variables: { toolgate: ToolgateRequest<P> };
}

const RAW_BODY_GONE =
  'an earlier middleware consumed the body (c.req.raw.text()? c.req.parseBody()?) before toolgateHono(), ' +
  'and the signature covers its exact bytes: mount toolgateHono() first';

/** The exact body bytes, up to the cap, reading the stream or Hono's cache of the raw bytes. */
async function rawBodyOf(c: Context, maxBytes: number): Promise<Uint8Array> {
  const request = c.req.raw;
  if (!request.bodyUsed) {
    const bytes = await readRawBody(request.body, { maxBytes });
    // Put the bytes back so later handlers and validators can still call c.req.json().
    if (request.body !== null) c.req.raw = new Request(request, { body: bytes });
    return bytes;
  }
  // Hono caches what earlier reads returned; these three hold the bytes as sent.
  const cache = c.req.bodyCache as Record<string, unknown>;
  if (cache.arrayBuffer === undefined && cache.text === undefined && cache.blob === undefined) {
    throw new ReceiverError('raw_body_unavailable', RAW_BODY_GONE);
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > maxBytes)
    throw new ReceiverError('body_too_large', `the body is larger than ${maxBytes} bytes`);
  return bytes;
}

/**
 * Hono middleware for an endpoint Toolgate calls: reads the raw body, verifies the Standard
 * Webhooks signature, parses the envelope (or the query for GET/DELETE) and sets
 * `c.get('toolgate')`. Later handlers can still call `c.req.json()`. Rejections are answered with
 * `{ "error": { "code", "message" } }`: 401 bad signature, 400 bad envelope, 413 too large.
 *
 * @example
 * import { failure, success } from '@toolgate/receiver';
 * import { toolgateHono } from '@toolgate/receiver/hono';
 *
 * app.post('/orders/status', toolgateHono<{ order_number: string }>({ secret }), (c) => {
 *   const order = orders.get(c.get('toolgate').parameters.order_number);
 *   return order ? c.json(success(order)) : c.json(failure('Order not found'), 404);
 * });
 */
export function toolgateHono<P = Record<string, unknown>>(
  options: ToolgateReceiverOptions,
): MiddlewareHandler<ToolgateHonoEnv<P>> {
  checkReceiverOptions(options);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  return async (c, next) => {
    let body: Uint8Array;
    try {
      body = await rawBodyOf(c, maxBytes);
    } catch (error) {
      if (error instanceof ReceiverError && error.code === 'body_too_large') {
        const rejection = errorResponse(error);
        return c.json(rejection.body, rejection.status);
      }
      throw error;
    }
    const result = safeReceiveToolgateRequest<P>(
      { method: c.req.method, url: c.req.url, headers: c.req.raw.headers, body },
      options,
    );
    if (!result.success) {
      const rejection = errorResponse(result.error);
      return c.json(rejection.body, rejection.status);
    }
    c.set('toolgate', result.value);
    await next();
  };
}
