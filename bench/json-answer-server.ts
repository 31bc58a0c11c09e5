import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { BENCH_ANSWER } from './executor-bench-setup.js';

/**
 * A keep-alive HTTPS server on 127.0.0.1 that answers every request with {@link BENCH_ANSWER},
 * after `delayMs` when given. Resolves once listening.
 */
export async function startJsonAnswerServer(
  tls: { key: string; cert: string },
  delayMs = 0,
): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer({ ...tls, keepAliveTimeout: 60_000 }, (request, response) => {
    request.resume();
    request.on('end', () => {
      const send = () => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(BENCH_ANSWER),
        });
        response.end(BENCH_ANSWER);
      };
      if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}
