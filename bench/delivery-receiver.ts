/**
 * The deliveries benchmark's receiver, in its own process: a keep-alive HTTPS server on
 * 127.0.0.1 that answers every POST 200 at once and notes when each `webhook-id` arrived.
 * Prints `{"port": N}` once listening; answers the IPC message `arrivals?` with
 * `{ arrivals: [[id, ms since the epoch], ...] }` and forgets them.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

const { key, cert } = JSON.parse(process.env.BENCH_TLS ?? '{}') as { key: string; cert: string };
const answer = '{"received":true}';
let arrivals: Array<[string, number]> = [];

const server = createServer({ key, cert, keepAliveTimeout: 60_000 }, (request, response) => {
  request.resume();
  request.on('end', () => {
    const id = request.headers['webhook-id'];
    arrivals.push([Array.isArray(id) ? (id[0] ?? '') : (id ?? ''), Date.now()]);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
    response.end(answer);
  });
});
process.on('message', (message) => {
  if (message !== 'arrivals?') return;
  process.send?.({ arrivals });
  arrivals = [];
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('disconnect', () => server.close(() => process.exit(0)));
