import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/** The demo shop's orders: what the demo agent can look up. Anything else is "not found". */
const ORDERS: Record<string, { status: string; estimated_delivery?: string; carrier?: string }> = {
  'ORD-12345': { status: 'shipped', estimated_delivery: '2026-12-02', carrier: 'DHL' },
  'ORD-10001': { status: 'processing', estimated_delivery: '2026-12-05' },
  'ORD-20002': { status: 'delivered' },
};

/** A running demo endpoint. */
export interface DemoEndpoint {
  port: number;
  /** The demo action's URL. */
  url: string;
  close(): Promise<void>;
}

function send(response: import('node:http').ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * The demo shop's order-status endpoint: HTTPS on 127.0.0.1 with the demo certificate, so the demo
 * agent works on a fresh installation with no other software. `ORD-500` answers 503 (to see a
 * failure), `ORD-408` answers after 3 s (to see the delayed message). It is only ever called by
 * the demo action, through the one-endpoint exemption the server sets for it.
 */
export async function startDemoEndpoint(options: {
  port: number;
  key: string;
  cert: string;
}): Promise<DemoEndpoint> {
  const server: Server = createServer({ key: options.key, cert: options.cert }, (request, response) => {
    request.resume();
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== '/orders/status') {
      return send(response, 404, {
        success: false,
        error: 'This demo endpoint only answers GET /orders/status',
      });
    }
    const order = url.searchParams.get('order_number') ?? '';
    if (order === 'ORD-500')
      return send(response, 503, { success: false, error: 'the demo order system is down' });
    const answer = () => {
      const found = ORDERS[order];
      if (!found) return send(response, 404, { success: false, error: `No order ${order} in the demo shop` });
      send(response, 200, { success: true, result: { order_number: order, ...found } });
    };
    if (order === 'ORD-408') setTimeout(answer, 3_000);
    else setTimeout(answer, 150);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `https://127.0.0.1:${port}/orders/status`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
