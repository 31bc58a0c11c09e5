import { type ServerType, serve } from '@hono/node-server';

/** What answers each request (hono's `app.fetch`, or anything of its shape). */
export type FetchHandler = Parameters<typeof serve>[0]['fetch'];

/** The port could not be bound: the message says why and what to change. */
export class ListenError extends Error {
  readonly code = 'listen_failed';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'ListenError';
  }
}

function explain(error: NodeJS.ErrnoException, port: number, host: string): string {
  const other = port === 3001 ? 3002 : 3001;
  const choose = `choose another with --port ${other} or PORT=${other}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (another Toolgate, or another program): ${choose}`;
    case 'EACCES':
      return `port ${port} on ${host} needs privileges this process lacks (ports below 1024 usually do): ${choose}`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine: set --host or HOST to one (127.0.0.1, or 0.0.0.0 for all)`;
    default:
      return `could not listen on ${host}:${port}: ${error.message}`;
  }
}

/**
 * Binds `host:port` (0: any free port) and serves `fetch`; rejects with a `ListenError` that names
 * the flag and variable to change when the port is taken.
 *
 * @example
 * const { server, url } = await listen(app.fetch, { port: 3000, host: '127.0.0.1' });
 */
export function listen(
  fetch: FetchHandler,
  options: { port: number; host: string },
): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port, hostname: options.host }, () => {
      server.removeListener('error', failed);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      const host = options.host === '0.0.0.0' ? 'localhost' : options.host;
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` });
    });
    const failed = (error: NodeJS.ErrnoException) => {
      server.close();
      reject(new ListenError(explain(error, options.port, options.host), { cause: error }));
    };
    server.once('error', failed);
  });
}
