import { parseEventBlock } from './server-sent-events.js';

/**
 * A small client of a running Toolgate server's REST API, for the CLI (`toolgate chat`). It talks
 * only to the server URL the operator gives; it is not the service's outbound path (that is the
 * executor in @toolgate/core), so it uses Node's fetch directly.
 */
export interface ApiClient {
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** POSTs and reads a server-sent event stream, calling `onEvent` for each event. */
  stream(path: string, body: unknown, onEvent: (event: string, data: unknown) => void): Promise<void>;
}

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
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
  return {
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${root}/api/v1${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw await failure(response);
      return (await response.json()) as T;
    },

    async stream(path, body, onEvent) {
      const response = await fetch(`${root}/api/v1${path}`, {
        method: 'POST',
        headers: { ...headers, accept: 'text/event-stream' },
        body: JSON.stringify(body),
      });
      if (!response.ok || !response.body) throw await failure(response);
      const decoder = new TextDecoder();
      let buffered = '';
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
    },
  };
}
