import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a scripted model says in one step: text, tool calls, or both. */
export interface ScriptedReply {
  text?: string;
  /** A string `arguments` is sent verbatim (to test malformed arguments); an object as JSON. */
  toolCalls?: Array<{ name: string; arguments: Record<string, unknown> | string }>;
  /** Wait this long before answering (to test timeouts). */
  delayMs?: number;
}

/** An error in the protocol's own error format (`{ error: { message } }` and so on). */
export interface ErrorReply {
  status: number;
  errorMessage: string;
  /** The provider's error type, e.g. `authentication_error`. */
  errorType?: string;
  delayMs?: number;
}

/** Any answer at all: a string body is sent verbatim (malformed JSON), anything else as JSON. */
export interface RawReply {
  status: number;
  body: string | object;
  headers?: Record<string, string>;
  delayMs?: number;
}

export type ProtocolReply = ScriptedReply | ErrorReply | RawReply;

/** A request as the protocol server received it. */
export interface RecordedProtocolRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (`undefined` when it was not JSON). */
  body: unknown;
  rawBody: string;
}

/** Decides the answer to one request; gets the parsed body and the whole recorded request. */
export type ReplyFunction<CONTEXT> = (
  body: unknown,
  context: CONTEXT & { request: RecordedProtocolRequest },
) => ProtocolReply | Promise<ProtocolReply>;

/** A running protocol server. */
export interface ProtocolServer<CONTEXT> {
  /** The base URL an SDK takes (`http://127.0.0.1:<port>/v1`). */
  url: string;
  origin: string;
  /** Every request received, in order. */
  requests: RecordedProtocolRequest[];
  /** TCP connections accepted: a refused call must leave this unchanged. */
  readonly connections: number;
  /** Replaces the reply function. */
  setReply(reply: ReplyFunction<CONTEXT>): void;
  close(): Promise<void>;
}

/** How one protocol turns replies into HTTP bodies. */
export interface ProtocolDialect<CONTEXT> {
  /** The one path the protocol serves, under the base URL: `/chat/completions`, `/messages`. */
  path: string;
  /** Extra context handed to the reply function (the parsed conversation). */
  context(body: unknown): CONTEXT;
  success(reply: ScriptedReply, body: unknown, sequence: number): object;
  error(status: number, message: string, type: string | undefined): object;
}

function isScripted(reply: ProtocolReply): reply is ScriptedReply {
  return !('status' in reply);
}

function send(response: ServerResponse, status: number, body: string | object, headers = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Waits, unless the client goes away first (a timed-out SDK aborts the request). */
function wait(ms: number, response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    response.on('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Starts a node:http server on 127.0.0.1 port 0 that answers `POST /v1<dialect.path>` with what
 * `reply` decides, rendered in the dialect's wire format, and records every request.
 */
export async function startProtocolServer<CONTEXT>(
  dialect: ProtocolDialect<CONTEXT>,
  reply: ReplyFunction<CONTEXT>,
): Promise<ProtocolServer<CONTEXT>> {
  let current = reply;
  let sequence = 0;
  let connections = 0;
  const requests: RecordedProtocolRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedProtocolRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: parseJson(rawBody),
        rawBody,
      };
      requests.push(recorded);
      answer(recorded, response).catch((error: unknown) => {
        send(response, 500, dialect.error(500, `protocol server failed: ${String(error)}`, 'api_error'));
      });
    });
  });

  async function answer(recorded: RecordedProtocolRequest, response: ServerResponse): Promise<void> {
    if (recorded.method !== 'POST' || recorded.path !== `/v1${dialect.path}`) {
      return send(
        response,
        404,
        dialect.error(404, `no route for ${recorded.method} ${recorded.path}`, 'not_found_error'),
      );
    }
    if (recorded.body === undefined) {
      return send(response, 400, dialect.error(400, 'the request body is not JSON', 'invalid_request_error'));
    }
    const chosen = await current(recorded.body, { ...dialect.context(recorded.body), request: recorded });
    if (chosen.delayMs !== undefined && !(await wait(chosen.delayMs, response))) return;
    if (isScripted(chosen)) {
      sequence += 1;
      return send(response, 200, dialect.success(chosen, recorded.body, sequence));
    }
    if ('errorMessage' in chosen) {
      return send(
        response,
        chosen.status,
        dialect.error(chosen.status, chosen.errorMessage, chosen.errorType),
      );
    }
    send(response, chosen.status, chosen.body, chosen.headers);
  }

  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    get connections() {
      return connections;
    },
    setReply(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A rough token count for `usage` fields (four characters a token). */
export function roughTokens(value: unknown): number {
  return Math.ceil(JSON.stringify(value ?? '').length / 4);
}
