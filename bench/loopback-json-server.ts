/**
 * A keep-alive HTTPS server on 127.0.0.1 for benchmarks, run in its own process so that the
 * client under test has the other core to itself. Prints `{"port": N}` once listening.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

const { key, cert } = JSON.parse(process.env.BENCH_TLS ?? '{}') as { key: string; cert: string };
const delayMs = Number(process.env.BENCH_DELAY_MS ?? '0');
const answer = JSON.stringify({
  success: true,
  result: { status: 'shipped', tracking_number: '1Z999AA10123456784', estimated_delivery: '2026-03-25' },
});

const server = createServer({ key, cert, keepAliveTimeout: 60_000 }, (request, response) => {
  request.resume();
  request.on('end', () => {
    const send = () => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(answer),
      });
      response.end(answer);
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  });
});
let connections = 0;
server.on('connection', () => {
  connections += 1;
});
process.on('message', (message) => {
  if (message === 'connections?') process.send?.({ connections });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('disconnect', () => server.close(() => process.exit(0)));
