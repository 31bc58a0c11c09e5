import { ApiError, errorFromResponse, networkError, UNEXPECTED_RESPONSE } from './api-error';

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

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const send: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const baseUrl = options.baseUrl ?? '/api/v1';
  let token: string | undefined;

  return {
    setCsrfToken(value) {
      token = value;
    },
    csrfToken: () => token,
    async request(method, path, { body, query, expectUnauthenticated = false } = {}) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (UNSAFE_METHODS.has(method) && token !== undefined) headers[CSRF_HEADER] = token;
      const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
      if (body !== undefined) init.body = JSON.stringify(body);

      let response: Response;
      try {
        response = await send(withQuery(`${baseUrl}${path}`, query), init);
      } catch {
        throw networkError();
      }
      const parsed = await readBody(response);
      if (response.ok) {
        if (parsed !== NOT_JSON) return parsed;
        throw new ApiError(response.status, UNEXPECTED_RESPONSE, 'the server did not answer with JSON');
      }
      if (response.status === 401 && !expectUnauthenticated) options.onUnauthenticated?.();
      throw errorFromResponse(response.status, parsed === NOT_JSON ? undefined : parsed);
    },
  };
}
