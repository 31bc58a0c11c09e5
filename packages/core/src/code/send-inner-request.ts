import type { CodeLimits } from './code-limits.js';

/** A request the code makes, credentials already put in. */
export interface CodeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** What the code is told of the answer. */
export interface CodeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends one request of the code through the outbound policy; rejects when it is refused or fails. */
export type CodeFetch = (request: CodeRequest, signal: AbortSignal) => Promise<CodeResponse>;

/** One request of a run, as the test console and the call log show it: placeholders, never credentials. */
export interface InnerRequest {
  method: string;
  url: string;
  status: number | null;
  durationMs: number;
  error?: string;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);
const PLACEHOLDER = /\u27e6secret:([^\u27e7]*)\u27e7/g;
/** A request body the code sends, at most. */
const MAX_INNER_BODY_CHARS = 256 * 1024;

class RefusedRequest extends Error {}

/** Puts each credential where the code wrote `secret(name)`; an unknown name is refused. */
function withCredentials(text: string, credentials: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = Object.hasOwn(credentials, name) ? credentials[name] : undefined;
    if (value === undefined) throw new RefusedRequest(`there is no credential named "${name}"`);
    return value;
  });
}

function readRequest(json: string, credentials: Readonly<Record<string, string>>): CodeRequest {
  const raw = JSON.parse(json) as { url?: unknown; method?: unknown; headers?: unknown; body?: unknown };
  const method = String(raw.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) throw new RefusedRequest(`the method ${method} is not allowed`);
  if (typeof raw.url !== 'string') throw new RefusedRequest('fetch needs a URL');
  const headers: Record<string, string> = {};
  if (raw.headers !== null && typeof raw.headers === 'object' && !Array.isArray(raw.headers)) {
    for (const [name, value] of Object.entries(raw.headers))
      headers[name] = withCredentials(String(value), credentials);
  }
  const body = typeof raw.body === 'string' ? raw.body : null;
  if (body !== null && body.length > MAX_INNER_BODY_CHARS)
    throw new RefusedRequest(`a request body may be at most ${MAX_INNER_BODY_CHARS} characters`);
  return {
    method,
    url: withCredentials(raw.url, credentials),
    headers,
    body: body === null ? null : withCredentials(body, credentials),
  };
}

/**
 * One `fetch` of the code: read, checked (method, size, at most `limits.maxRequests` a run),
 * credentials put in, sent through the outbound policy and recorded with the code's own URL
 * (placeholders, not credentials). Resolves with the answer as JSON, or with the error the code's
 * promise is rejected with.
 */
export async function sendInnerRequest(
  requestJson: string,
  run: {
    credentials: Readonly<Record<string, string>>;
    fetch: CodeFetch;
    limits: CodeLimits;
    requests: InnerRequest[];
    signal: AbortSignal;
  },
): Promise<{ json?: string; error?: string }> {
  const started = performance.now();
  let shown = { method: 'GET', url: '' };
  try {
    const raw = JSON.parse(requestJson) as { method?: unknown; url?: unknown };
    shown = { method: String(raw.method ?? 'GET').toUpperCase(), url: String(raw.url ?? '') };
  } catch {
    // Refused below with the same parse.
  }
  const record = (status: number | null, error?: string) =>
    run.requests.push({
      ...shown,
      status,
      durationMs: Math.round(performance.now() - started),
      ...(error ? { error } : {}),
    });
  if (run.requests.length >= run.limits.maxRequests) {
    const error = `this code action may make at most ${run.limits.maxRequests} requests`;
    record(null, error);
    return { error };
  }
  try {
    const request = readRequest(requestJson, run.credentials);
    const response = await run.fetch(request, run.signal);
    record(response.status);
    return { json: JSON.stringify(response) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    record(null, message);
    return { error: `fetch failed: ${message}` };
  }
}
