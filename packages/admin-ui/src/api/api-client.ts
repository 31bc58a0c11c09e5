import { ApiError, errorFromResponse, networkError, UNEXPECTED_RESPONSE } from './api-error';
import { type StreamEvent, takeEvents } from './sse-lines';

/** The `fetch` the client uses: the browser's, or a fake in tests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Methods that change something: a cookie session must send its CSRF token with them. */
const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'X-CSRF-Token';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** The caller handles a 401 itself (signing in, asking who is signed in). */
  expectUnauthenticated?: boolean;
}

export interface StreamOptions {
  body?: unknown;
  query?: RequestOptions['query'];
  /** Aborting stops reading; the returned promise then resolves without an error. */
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  fetch?: FetchLike;
  /** Default `/api/v1`: same origin, so the session cookie goes along. */
  baseUrl?: string;
  /** Called when a request answers 401: the session ended. */
  onUnauthenticated?: () => void;
}

/**
 * The app's only way to the server. JSON in and out, the session cookie sent same-origin, the
 * CSRF token from sign-in added to unsafe requests, and every failure thrown as an `ApiError`.
 * The token lives in memory only: after a reload `GET /session` hands it out again.
 */
export interface ApiClient {
  request(method: HttpMethod, path: string, options?: RequestOptions): Promise<unknown>;
  /**
   * A request answered with server-sent events (`Accept: text/event-stream`): calls `onEvent`
   * for each event as it arrives and resolves when the stream ends. A failed request (before the
   * stream starts) throws an `ApiError` like `request`; so does a connection cut mid-stream.
   */
  stream(
    method: HttpMethod,
    path: string,
    onEvent: (event: StreamEvent) => void,
    options?: StreamOptions,
  ): Promise<void>;
  setCsrfToken(token: string | undefined): void;
  csrfToken(): string | undefined;
}

function withQuery(url: string, query: RequestOptions['query']): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? url : `${url}?${text}`;
}

/** The parsed JSON body; `undefined` when empty; `NOT_JSON` when it is something else. */
const NOT_JSON = Symbol('not JSON');
async function readBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw networkError();
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** Reads a server-sent event stream to its end, handing each complete event to `onEvent`. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: StreamEvent) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      if (signal?.aborted) return;
      throw networkError();
    }
    // The last event may lack its blank line when the server closes right after it.
    const text = chunk.done ? `${decoder.decode()}\n\n` : decoder.decode(chunk.value, { stream: true });
    const { events, rest } = takeEvents(buffered + text);
    buffered = rest;
    for (const event of events) {
      if (signal?.aborted) {
        await reader.cancel().catch(() => undefined);
        return;
      }
      onEvent(event);
    }
    if (chunk.done) return;
  }
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const send: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const baseUrl = options.baseUrl ?? '/api/v1';
  let token: string | undefined;

  const initFor = (method: HttpMethod, body: unknown, accept: string): RequestInit => {
    const headers: Record<string, string> = { accept };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (UNSAFE_METHODS.has(method) && token !== undefined) headers[CSRF_HEADER] = token;
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) init.body = JSON.stringify(body);
    return init;
  };

  /** The error of a failed answer; a 401 first tells the app that the session ended. */
  const failure = async (response: Response, expectUnauthenticated: boolean): Promise<ApiError> => {
    const parsed = await readBody(response);
    if (response.status === 401 && !expectUnauthenticated) options.onUnauthenticated?.();
    return errorFromResponse(response.status, parsed === NOT_JSON ? undefined : parsed);
  };

  return {
    setCsrfToken(value) {
      token = value;
    },
    csrfToken: () => token,
    async request(method, path, { body, query, expectUnauthenticated = false } = {}) {
      let response: Response;
      try {
        response = await send(
          withQuery(`${baseUrl}${path}`, query),
          initFor(method, body, 'application/json'),
        );
      } catch {
        throw networkError();
      }
      if (!response.ok) throw await failure(response, expectUnauthenticated);
      const parsed = await readBody(response);
      if (parsed !== NOT_JSON) return parsed;
      throw new ApiError(response.status, UNEXPECTED_RESPONSE, 'the server did not answer with JSON');
    },
    async stream(method, path, onEvent, { body, query, signal } = {}) {
      const init = initFor(method, body, 'text/event-stream');
      if (signal) init.signal = signal;
      let response: Response;
      try {
        response = await send(withQuery(`${baseUrl}${path}`, query), init);
      } catch {
        if (signal?.aborted) return;
        throw networkError();
      }
      if (!response.ok) throw await failure(response, false);
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('text/event-stream') || response.body === null) {
        await response.body?.cancel().catch(() => undefined);
        throw new ApiError(
          response.status,
          UNEXPECTED_RESPONSE,
          'the server did not answer with an event stream',
        );
      }
      await readEvents(response.body, onEvent, signal);
    },
  };
}
