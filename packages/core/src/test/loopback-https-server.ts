import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificate } from './test-certificate.js';

/** A request as the test server saw it, body included. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The TLS server name the client asked for (SNI). */
  servername: string | false | undefined;
}

export type TestHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A real HTTPS server on a loopback address, counting every TCP connection it accepts. */
export interface LoopbackHttpsServer {
  port: number;
  host: string;
  /** `https://<host>:<port><path>` with the host bracketed for IPv6. */
  url(path?: string, host?: string): string;
  requests: RecordedRequest[];
  /** TCP connections accepted: a blocked call must leave this at zero. */
  connections: number;
  setHandler(handler: TestHandler): void;
  close(): Promise<void>;
  server: Server;
}

/**
 * Starts an HTTPS server on 127.0.0.1 (or ::1) port 0 with the test certificate.
 *
 * @example
 * const server = await startLoopbackHttpsServer((request, response) => response.end('{"ok":true}'));
 */
export async function startLoopbackHttpsServer(
  handler: TestHandler,
  host = '127.0.0.1',
): Promise<LoopbackHttpsServer> {
  const { key, cert } = await testCertificate();
  let current = handler;
  const requests: RecordedRequest[] = [];
  const state = { connections: 0 };
  const server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        servername: (request.socket as { servername?: string | false }).servername,
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, response)).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  server.on('connection', () => {
    state.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    host,
    server,
    requests,
    get connections() {
      return state.connections;
    },
    url: (path = '/', overrideHost?: string) => `https://${overrideHost ?? shownHost}:${port}${path}`,
    setHandler(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
