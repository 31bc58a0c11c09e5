/**
 * A keep-alive HTTPS server on 127.0.0.1 for benchmarks, run in its own process so that the
 * client under test has the other core to itself. Prints `{"port": N}` once listening.
 */
import { startJsonAnswerServer } from './json-answer-server.js';

const { key, cert } = JSON.parse(process.env.BENCH_TLS ?? '{}') as { key: string; cert: string };
const { server, port, connections } = await startJsonAnswerServer(
  { key, cert },
  Number(process.env.BENCH_DELAY_MS ?? '0'),
);
process.on('message', (message) => {
  if (message === 'connections?') process.send?.({ connections: connections() });
});
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on('disconnect', () => server.close(() => process.exit(0)));
