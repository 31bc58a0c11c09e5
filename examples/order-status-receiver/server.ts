/**
 * An endpoint for Toolgate's `check_order_status` action, on plain node:http: it verifies the
 * signature over the raw body, reads `order_number` from the envelope (POST) or the query
 * string (GET), and answers in the shapes Toolgate understands.
 *
 *   TOOLGATE_SECRET=whsec_... PORT=3000 npx tsx examples/order-status-receiver/server.ts
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import {
  checkReceiverOptions,
  errorResponse,
  type FailureBody,
  failure,
  ReceiverError,
  readRawBody,
  type SuccessBody,
  safeReceiveToolgateRequest,
  success,
  type ToolgateRequest,
} from '@toolgate/receiver';

/** What the shop knows about an order. */
export interface Order {
  status: 'processing' | 'shipped' | 'delivered' | 'cancelled';
  tracking_number: string | null;
  estimated_delivery: string | null;
}

/** A few orders to look up; a real receiver would query its database. */
export const SAMPLE_ORDERS: ReadonlyMap<string, Order> = new Map([
  [
    'ORD-12345',
    { status: 'shipped', tracking_number: '1Z999AA10123456784', estimated_delivery: 'March 25, 2026' },
  ],
  ['ORD-23456', { status: 'processing', tracking_number: null, estimated_delivery: 'March 30, 2026' }],
  ['ORD-34567', { status: 'delivered', tracking_number: '1Z999AA10123456785', estimated_delivery: null }],
]);

/** The path Toolgate's action is pointed at. */
export const ORDER_STATUS_PATH = '/orders/status';
const ORDER_NUMBER = /^ORD-\d{5}$/;

/** Options of {@link createOrderStatusReceiver}. */
export interface OrderStatusReceiverOptions {
  /** The action's signing secret, `whsec_...` (two while you rotate). */
  secret: string | readonly string[];
  orders?: ReadonlyMap<string, Order>;
  /** The clock used for the timestamp check (tests). */
  now?: () => number;
}

type Answer = { status: number; body: SuccessBody<Order> | FailureBody };

/** The business logic, separate from HTTP: one verified call in, one answer out. */
export function checkOrderStatus(call: ToolgateRequest, orders: ReadonlyMap<string, Order>): Answer {
  if (call.action !== undefined && call.action !== 'check_order_status') {
    return { status: 400, body: failure(`This endpoint does not handle the action ${call.action}`) };
  }
  const given = call.parameters.order_number;
  const orderNumber = typeof given === 'string' ? given.trim().toUpperCase() : '';
  if (!ORDER_NUMBER.test(orderNumber)) {
    return { status: 400, body: failure('The order number should look like ORD-12345') };
  }
  const order = orders.get(orderNumber);
  // A read-only lookup: a retried call (same call.id) can simply be answered again.
  return order ? { status: 200, body: success(order) } : { status: 404, body: failure('Order not found') };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/**
 * An HTTP server (not yet listening) answering `POST` and `GET` on `/orders/status`.
 *
 * @example
 * const server = createOrderStatusReceiver({ secret: process.env.TOOLGATE_SECRET! });
 * server.listen(3000);
 */
export function createOrderStatusReceiver(options: OrderStatusReceiverOptions): Server {
  checkReceiverOptions(options); // a bad secret fails here, at startup
  const orders = options.orders ?? SAMPLE_ORDERS;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    const method = request.method ?? 'GET';
    if (new URL(url, 'http://receiver.invalid').pathname !== ORDER_STATUS_PATH) {
      return sendJson(response, 404, { error: { code: 'not_found', message: `no route ${url}` } });
    }
    if (method !== 'POST' && method !== 'GET') {
      response.setHeader('allow', 'POST, GET');
      return sendJson(response, 405, { error: { code: 'method_not_allowed', message: 'use POST or GET' } });
    }

    let body: Buffer;
    try {
      body = await readRawBody(request); // the exact bytes: the signature covers them
    } catch (error) {
      if (!(error instanceof ReceiverError)) throw error;
      const rejection = errorResponse(error);
      response.setHeader('connection', 'close');
      return sendJson(response, rejection.status, rejection.body);
    }

    const result = safeReceiveToolgateRequest({ method, url, headers: request.headers, body }, options);
    if (!result.success) {
      const rejection = errorResponse(result.error);
      return sendJson(response, rejection.status, rejection.body);
    }
    const answer = checkOrderStatus(result.value, orders);
    sendJson(response, answer.status, answer.body);
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent)
        sendJson(response, 500, { error: { code: 'internal', message: 'internal error' } });
      else response.destroy();
    });
  });
}

/** Reads its configuration from the environment (here, and only here) and listens. */
export function main(environment: NodeJS.ProcessEnv = process.env): Server | undefined {
  const secrets = (environment.TOOLGATE_SECRET ?? '').split(/[\s,]+/).filter((secret) => secret !== '');
  if (secrets.length === 0) {
    console.error(
      'Set TOOLGATE_SECRET to the action signing secret shown in Toolgate (whsec_...).\n' +
        "To try it out, make one: node -e \"console.log('whsec_' + crypto.randomBytes(32).toString('base64'))\"",
    );
    process.exitCode = 1;
    return undefined;
  }
  const port = Number(environment.PORT ?? 3000);
  const host = environment.HOST ?? '127.0.0.1';
  const server = createOrderStatusReceiver({ secret: secrets });
  server.listen(port, host, () => {
    const { port: listening } = server.address() as AddressInfo;
    console.log(`order-status receiver on http://${host}:${listening}${ORDER_STATUS_PATH}`);
  });
  const stop = () => server.close();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
  server.once('close', () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, stop);
  });
  return server;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
