import { type Logger, pino } from 'pino';

/** Paths whose values never reach a log line, whatever a caller passes in. */
const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.value',
];

/**
 * The server's logger: JSON lines, buffered in 4 KB writes (a line per request must not cost a
 * system call per request) and flushed on shutdown. `destination` defaults to stdout.
 */
export function createLogger(destination: number | string = 1): Logger {
  return pino(
    { name: 'toolgate', redact: REDACTED_LOG_PATHS },
    pino.destination({ dest: destination, sync: false, minLength: 4096 }),
  );
}
