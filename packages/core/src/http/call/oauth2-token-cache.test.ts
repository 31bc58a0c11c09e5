import { describe, expect, it } from 'vitest';
import type { OAuth2ClientCredentialsAuth } from '../../actions/action-definition.js';
import { createAccessTokenCache, type FetchedToken, reuseWindowMs } from './oauth2-token-cache.js';
import { readTokenResponse } from './oauth2-token-response.js';

const auth: OAuth2ClientCredentialsAuth = {
  type: 'oauth2_client_credentials',
  tokenUrl: 'https://id.example.com/token',
  clientId: 'shop',
  clientSecret: 'cs_secret_value',
};

function deferred() {
  let resolve: (value: FetchedToken<string>) => void = () => undefined;
  const promise = new Promise<FetchedToken<string>>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('reuseWindowMs', () => {
  it('is expires_in less a margin, half for short tokens, a minute without expires_in', () => {
    expect(reuseWindowMs(3600)).toBe(3_570_000);
    expect(reuseWindowMs(40)).toBe(20_000);
    expect(reuseWindowMs(undefined)).toBe(60_000);
    expect(reuseWindowMs(0)).toBe(0);
    expect(reuseWindowMs(-5)).toBe(0);
    expect(reuseWindowMs(10 ** 9)).toBe(24 * 3600 * 1000 - 30_000);
  });
});

describe('the access token cache', () => {
  it('shares one fetch between concurrent callers and caches its token', async () => {
    const cache = createAccessTokenCache<string>({ now: () => 0 });
    const key = cache.keyOf('t/a', auth);
    const pending = deferred();
    let fetches = 0;
    const fetch = () => {
      fetches += 1;
      return pending.promise;
    };
    const grants = Promise.all([cache.get(key, fetch), cache.get(key, fetch), cache.get(key, fetch)]);
    pending.resolve({ ok: true, accessToken: 'at_1', expiresInSeconds: 3600 });
    expect(await grants).toEqual(Array(3).fill({ ok: true, accessToken: 'at_1' }));
    expect(await cache.get(key, fetch)).toEqual({ ok: true, accessToken: 'at_1' });
    expect(fetches).toBe(1);
  });

  it('never caches a failure nor a token that expires at once', async () => {
    const cache = createAccessTokenCache<string>({ now: () => 0 });
    const key = cache.keyOf('t/a', auth);
    let fetches = 0;
    await cache.get(key, async () => {
      fetches += 1;
      return { ok: false, failure: 'invalid_client' };
    });
    await cache.get(key, async () => {
      fetches += 1;
      return { ok: true, accessToken: 'at_0', expiresInSeconds: 0 };
    });
    await cache.get(key, async () => {
      fetches += 1;
      return { ok: true, accessToken: 'at_1', expiresInSeconds: 60 };
    });
    expect(fetches).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('forgets a refused token only while it is still the cached one', async () => {
    const cache = createAccessTokenCache<string>({ now: () => 0 });
    const key = cache.keyOf('t/a', auth);
    await cache.get(key, async () => ({ ok: true, accessToken: 'at_2', expiresInSeconds: 60 }));
    cache.invalidate(key, 'at_1'); // an older token: the newer one stays
    expect(cache.size).toBe(1);
    cache.invalidate(key, 'at_2');
    expect(cache.size).toBe(0);
  });

  it('keys by scope, client, scope set and secret, never holding the secret', () => {
    const cache = createAccessTokenCache<string>({ now: () => 0 });
    const key = cache.keyOf('t/a', { ...auth, scopes: ['b', 'a'] });
    expect(key).toBe(cache.keyOf('t/a', { ...auth, scopes: ['a', 'b'] }));
    expect(key).not.toContain(auth.clientSecret);
    expect(key).not.toBe(cache.keyOf('t/a', { ...auth, scopes: ['a', 'b'], clientSecret: 'other' }));
    expect(key).not.toBe(cache.keyOf('t/b', { ...auth, scopes: ['a', 'b'] }));
    // Another executor's cache cannot be probed with this key: the fingerprint key is its own.
    expect(
      createAccessTokenCache<string>({ now: () => 0 }).keyOf('t/a', { ...auth, scopes: ['a', 'b'] }),
    ).not.toBe(key);
  });

  it('drops the oldest tokens beyond its bound', async () => {
    const cache = createAccessTokenCache<string>({ now: () => 0, maxEntries: 2 });
    for (const scope of ['a', 'b', 'c']) {
      await cache.get(cache.keyOf(scope, auth), async () => ({
        ok: true,
        accessToken: scope,
        expiresInSeconds: 60,
      }));
    }
    expect(cache.size).toBe(2);
  });
});

describe('readTokenResponse', () => {
  const response = (status: number, body: string) => ({
    status,
    headers: {},
    body: Buffer.from(body),
    truncated: false,
  });
  const scrub = (text: string) => text.replaceAll('cs_secret_value', '[redacted]');

  it('keeps a well-formed error code and a cleaned, scrubbed, cut description', () => {
    const outcome = readTokenResponse(
      response(
        400,
        JSON.stringify({
          error: 'invalid_scope',
          error_description: `bad\r\nscope cs_secret_value ${'x'.repeat(400)}`,
        }),
      ),
      scrub,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure.error).toBe('invalid_scope');
    expect(outcome.failure.errorDescription?.startsWith('bad  scope [redacted] x')).toBe(true);
    expect(outcome.failure.errorDescription?.length).toBe(303);
  });

  it('drops an error code that is not one (quotes, overlong)', () => {
    for (const error of ['say "hi"', 'e'.repeat(101), 42]) {
      const outcome = readTokenResponse(response(401, JSON.stringify({ error })), scrub);
      expect(!outcome.ok && outcome.failure.error).toBeUndefined();
    }
  });

  it('treats a 200 that carries an error as a refusal, and reads expires_in leniently', () => {
    expect(readTokenResponse(response(200, '{"error":"invalid_client"}'), scrub)).toMatchObject({
      ok: false,
      failure: { reason: 'refused', error: 'invalid_client' },
    });
    expect(readTokenResponse(response(200, '{"access_token":"a.b-c","expires_in":"90"}'), scrub)).toEqual({
      ok: true,
      accessToken: 'a.b-c',
      expiresInSeconds: 90,
    });
    expect(readTokenResponse(response(500, 'oops'), scrub)).toMatchObject({
      ok: false,
      failure: { reason: 'refused', status: 500 },
    });
  });
});
