import { describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from './api-client';
import { ApiError } from './api-error';
import { currentSession, signIn, signOut, toSession } from './session-api';

const session = {
  tenantId: 'default',
  actor: 'operator:op_1',
  via: 'session',
  scopes: ['webhooks:manage'],
  csrfToken: 'csrf-1',
};

function clientAnswering(status: number, body?: unknown) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  };
  let ended = 0;
  const client = createApiClient({ fetch, onUnauthenticated: () => ended++ });
  return { client, sent, ended: () => ended };
}

describe('the session API', () => {
  it('signs in with POST /session and keeps the CSRF token of the answer', async () => {
    const { client, sent } = clientAnswering(200, session);
    expect(await signIn(client, { email: 'a@example.com', password: 'pw' })).toEqual(session);
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.url).toBe('/api/v1/session');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ email: 'a@example.com', password: 'pw' });
    expect(client.csrfToken()).toBe('csrf-1');
  });

  it('a wrong password is an error for the form, not a "session ended" event', async () => {
    const { client, ended } = clientAnswering(401, { error: { code: 'unauthenticated', message: 'wrong' } });
    await expect(signIn(client, { email: 'a@example.com', password: 'x' })).rejects.toBeInstanceOf(ApiError);
    expect(ended()).toBe(0);
    expect(client.csrfToken()).toBeUndefined();
  });

  it('currentSession is null when nobody is signed in, and takes the token when someone is', async () => {
    const nobody = clientAnswering(401, { error: { code: 'unauthenticated', message: 'sign in' } });
    expect(await currentSession(nobody.client)).toBeNull();
    expect(nobody.ended()).toBe(0);

    const someone = clientAnswering(200, session);
    expect((await currentSession(someone.client))?.scopes).toEqual(['webhooks:manage']);
    expect(someone.client.csrfToken()).toBe('csrf-1');
  });

  it('currentSession passes other failures on', async () => {
    const { client } = clientAnswering(500, { error: { code: 'internal', message: 'boom' } });
    await expect(currentSession(client)).rejects.toMatchObject({ status: 500, code: 'internal' });
  });

  it('signOut sends DELETE with the token and forgets it, even when the session had ended', async () => {
    const { client, sent } = clientAnswering(204);
    client.setCsrfToken('csrf-1');
    await signOut(client);
    expect(sent[0]?.init.method).toBe('DELETE');
    expect(new Headers(sent[0]?.init.headers).get('X-CSRF-Token')).toBe('csrf-1');
    expect(client.csrfToken()).toBeUndefined();

    const ended = clientAnswering(401, { error: { code: 'unauthenticated', message: 'ended' } });
    ended.client.setCsrfToken('csrf-2');
    await signOut(ended.client);
    expect(ended.client.csrfToken()).toBeUndefined();
  });

  it('toSession refuses answers of another shape', () => {
    expect(() => toSession({ ...session, scopes: 'admin' })).toThrow(ApiError);
    expect(() => toSession({ ...session, via: 'cookie' })).toThrow(ApiError);
    expect(() => toSession(null)).toThrow(ApiError);
    const { csrfToken: _, ...withoutToken } = session;
    expect(toSession(withoutToken)).toEqual(withoutToken);
  });
});
