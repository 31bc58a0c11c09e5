import { describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from './api-client';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-error';

interface SentRequest {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was sent and answers with `answer`. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const sent: SentRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, init });
    return answer();
  };
  return { fetch, sent };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const headersOf = (request: SentRequest | undefined) =>
  (request?.init.headers ?? {}) as Record<string, string>;

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('createApiClient', () => {
  it('sends JSON to /api/v1 on the same origin and returns the parsed answer', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { actions: [] }));
    const client = createApiClient({ fetch });
    expect(await client.request('GET', '/actions', { query: { limit: 10, cursor: undefined } })).toEqual({
      actions: [],
    });
    expect(sent[0]?.url).toBe('/api/v1/actions?limit=10');
    expect(sent[0]?.init.credentials).toBe('same-origin');
    expect(sent[0]?.init.method).toBe('GET');
    expect(sent[0]?.init.body).toBeUndefined();
  });

  it('adds the CSRF token to unsafe methods only, once it has one', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, {}));
    const client = createApiClient({ fetch });
    await client.request('POST', '/actions', { body: { name: 'x' } });
    expect(headersOf(sent[0])['X-CSRF-Token']).toBeUndefined();

    client.setCsrfToken('token-1');
    await client.request('GET', '/actions');
    await client.request('POST', '/actions', { body: { name: 'x' } });
    await client.request('PATCH', '/actions/a', { body: {} });
    await client.request('PUT', '/x', { body: {} });
    await client.request('DELETE', '/actions/a');
    expect(headersOf(sent[1])['X-CSRF-Token']).toBeUndefined();
    expect(sent.slice(2).map((request) => headersOf(request)['X-CSRF-Token'])).toEqual([
      'token-1',
      'token-1',
      'token-1',
      'token-1',
    ]);
    expect(headersOf(sent[2])['content-type']).toBe('application/json');
    expect(sent[2]?.init.body).toBe('{"name":"x"}');
  });

  it("throws the server's error with its code, message and field details", async () => {
    const body = {
      error: {
        code: 'validation_failed',
        message: 'the action is not valid',
        details: [{ path: '/url', message: 'must be https' }, { path: 7 }, 'junk'],
      },
    };
    const { fetch } = fakeFetch(() => json(422, body));
    const error = await caught(createApiClient({ fetch }).request('POST', '/actions', { body: {} }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('the action is not valid');
    expect(error.details).toEqual([{ path: '/url', message: 'must be https' }]);
  });

  it('turns an answer that is not the error shape into an unexpected_response error', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await caught(createApiClient({ fetch }).request('GET', '/actions'));
    expect([error.status, error.code, error.details]).toEqual([502, UNEXPECTED_RESPONSE, []]);
  });

  it('refuses a successful answer that is not JSON', async () => {
    const { fetch } = fakeFetch(() => new Response('<!doctype html>', { status: 200 }));
    const error = await caught(createApiClient({ fetch }).request('GET', '/actions'));
    expect(error.code).toBe(UNEXPECTED_RESPONSE);
  });

  it('returns undefined for 204', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    expect(await createApiClient({ fetch }).request('DELETE', '/session')).toBeUndefined();
  });

  it('reports a request that got no answer as a network error', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await caught(createApiClient({ fetch }).request('GET', '/actions'));
    expect([error.status, error.code]).toEqual([0, NETWORK_ERROR]);
  });

  it('tells the app when a session ended (401), unless the caller expects it', async () => {
    let ended = 0;
    const { fetch } = fakeFetch(() => json(401, { error: { code: 'unauthenticated', message: 'sign in' } }));
    const client = createApiClient({ fetch, onUnauthenticated: () => ended++ });
    await caught(client.request('GET', '/actions'));
    expect(ended).toBe(1);
    await caught(client.request('POST', '/session', { body: {}, expectUnauthenticated: true }));
    expect(ended).toBe(1);
  });
});
