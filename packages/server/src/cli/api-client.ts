import { parseEventBlock } from './server-sent-events.js';

/**
 * A small client of a running Toolgate server's REST API, for the CLI (`toolgate chat`). It talks
 * only to the server URL the operator gives; it is not the service's outbound path (that is the
 * executor in @toolgate/core), so it uses Node's fetch directly.
 */
export interface ApiClient {
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  /**
   * POSTs and reads a server-sent event stream, calling `onEvent` for each event. Throws
   * `ServerUnreachableError` when nothing reached the server (safe to send again) and
   * `ConnectionLostError` when the connection broke after the request was sent.
   */
  stream(
    path: string,
    body: unknown,
    onEvent: (event: string, data: unknown) => void,
    signal?: AbortSignal,
  ): Promise<void>;
}

/** The server answered with an error status. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

/** No connection to the server: the request never reached it, so it may be sent again. */
export class ServerUnreachableError extends Error {
  constructor(
    readonly url: string,
    /** The system's reason, like `ECONNREFUSED`. */
    readonly code: string,
  ) {
    super(`server at ${url} not reachable (${code})`);
    this.name = 'ServerUnreachableError';
  }
}

/** The connection broke after the request was sent: the server may or may not have handled it. */
export class ConnectionLostError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`lost the connection to ${url} (${reason})`);
    this.name = 'ConnectionLostError';
  }
}

/** Errors of a connection that was never made: the request was not sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The first `code` along an error's `cause` chain (fetch wraps the socket's error). */
function errorCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

function connectionError(root: string, error: unknown): unknown {
  if (error instanceof Error && error.name === 'AbortError') return error;
  const code = errorCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) return new ServerUnreachableError(root, code);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return new ConnectionLostError(root, `${(error as Error).message}${cause}`);
}

async function failure(response: Response): Promise<ApiClientError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as {
      error?: { message?: string; details?: Array<{ path: string; message: string }> };
    };
    const details = (parsed.error?.details ?? [])
      .map((detail) => `${detail.path} ${detail.message}`)
      .join('; ');
    return new ApiClientError(
      response.status,
      `${response.status}: ${parsed.error?.message ?? text}${details ? ` (${details})` : ''}`,
    );
  } catch {
    return new ApiClientError(response.status, `${response.status}: ${text.slice(0, 200)}`);
  }
}

export function createApiClient(baseUrl: string, apiKey: string): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const send = async (path: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(`${root}/api/v1${path}`, init);
    } catch (error) {
      throw connectionError(root, error);
    }
  };
  return {
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await send(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw await failure(response);
      return (await response.json()) as T;
    },

    async stream(path, body, onEvent, signal) {
      const response = await send(path, {
        method: 'POST',
        headers: { ...headers, accept: 'text/event-stream' },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
      if (!response.ok || !response.body) throw await failure(response);
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for await (const chunk of response.body) {
          buffered += decoder.decode(chunk as Uint8Array, { stream: true });
          let end = buffered.indexOf('\n\n');
          while (end >= 0) {
            const parsed = parseEventBlock(buffered.slice(0, end));
            buffered = buffered.slice(end + 2);
            if (parsed) onEvent(parsed.event, parsed.data);
            end = buffered.indexOf('\n\n');
          }
        }
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw error;
        throw new ConnectionLostError(root, (error as Error).message);
      }
    },
  };
}
