import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorResponse } from './error-response.js';
import { DEFAULT_MAX_BODY_BYTES, readRawBody } from './read-raw-body.js';
import {
  checkReceiverOptions,
  safeReceiveToolgateRequest,
  type ToolgateReceiverOptions,
} from './receive-toolgate-request.js';
import { ReceiverError } from './receiver-error.js';
import type { ToolgateRequest } from './toolgate-request.js';

declare global {
  // Express's own extension point for request properties (declaration merging).
  namespace Express {
    interface Request {
      /** The verified Toolgate call; set by `toolgateExpress()` before your handler runs. */
      toolgate?: ToolgateRequest;
    }
  }
}

/** Options of {@link toolgateExpress}. */
export interface ToolgateExpressOptions<P = Record<string, unknown>> extends ToolgateReceiverOptions {
  /**
   * Answers the call: return a body (objects as JSON, strings as text, status 200 unless you set
   * `response.status()` first) or send the response yourself and return nothing. Without a
   * handler the middleware sets `request.toolgate` and calls `next()`.
   */
  handler?: (call: ToolgateRequest<P>, request: Request, response: Response) => unknown;
}

const RAW_BODY_GONE =
  'a body parser (express.json()?) read the body before toolgateExpress(), and the signature covers ' +
  'its exact bytes: mount toolgateExpress() before any body parser on this route, use ' +
  "express.raw({ type: '*/*' }), or keep the bytes with express.json({ verify: (request, _response, buffer) => { request.rawBody = buffer } })";

/** The exact body bytes: read from the stream, or kept by `express.raw()` / a `verify` hook. */
async function rawBodyOf(request: Request, maxBytes: number): Promise<Buffer | string> {
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) return body;
  const kept: unknown = (request as Request & { rawBody?: unknown }).rawBody;
  if (Buffer.isBuffer(kept)) return kept;
  if (typeof body === 'string') return body;
  if (request.readableEnded) {
    if (body === undefined) return '';
    throw new ReceiverError('raw_body_unavailable', RAW_BODY_GONE);
  }
  return readRawBody(request, { maxBytes });
}

function send(response: Response, reply: unknown): void {
  if (response.headersSent || reply === undefined) return;
  if (typeof reply === 'string') response.type('text/plain').send(reply);
  else response.json(reply);
}

/**
 * Express 5 middleware for an endpoint Toolgate calls: reads the raw body itself (do NOT run
 * `express.json()` before it on this route: it consumes the bytes the signature covers), verifies
 * the Standard Webhooks signature, parses the envelope (or the query for GET/DELETE), then either
 * calls your `handler` and sends what it returns, or sets `request.toolgate` (and `request.body`
 * to the envelope) and calls `next()`. Rejections are answered with
 * `{ "error": { "code", "message" } }`: 401 bad signature, 400 bad envelope, 413 too large.
 *
 * @example
 * import { failure, success } from '@toolgate/receiver';
 * import { toolgateExpress } from '@toolgate/receiver/express';
 *
 * app.post(
 *   '/orders/status',
 *   toolgateExpress<{ order_number: string }>({
 *     secret: process.env.TOOLGATE_SECRET!,
 *     handler: async (call, _request, response) => {
 *       const order = await orders.find(call.parameters.order_number);
 *       if (!order) return response.status(404).json(failure('Order not found'));
 *       return success({ status: order.status });
 *     },
 *   }),
 * );
 */
export function toolgateExpress<P = Record<string, unknown>>(
  options: ToolgateExpressOptions<P>,
): RequestHandler {
  checkReceiverOptions(options);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  return async (request: Request, response: Response, next: NextFunction) => {
    let body: Buffer | string;
    try {
      body = await rawBodyOf(request, maxBytes);
    } catch (error) {
      if (error instanceof ReceiverError && error.code === 'body_too_large') {
        const rejection = errorResponse(error);
        response.set('connection', 'close').status(rejection.status).json(rejection.body);
        return;
      }
      next(error);
      return;
    }

    const result = safeReceiveToolgateRequest<P>(
      { method: request.method, url: request.originalUrl, headers: request.headers, body },
      options,
    );
    if (!result.success) {
      const rejection = errorResponse(result.error);
      response.status(rejection.status).json(rejection.body);
      return;
    }
    const call = result.value;
    request.toolgate = call as ToolgateRequest;
    if (call.source === 'envelope') request.body = call.envelope;
    if (!options.handler) {
      next();
      return;
    }
    try {
      send(response, await options.handler(call, request, response));
    } catch (error) {
      next(error);
    }
  };
}
