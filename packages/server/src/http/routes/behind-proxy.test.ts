import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_LOGINS_PER_ADDRESS } from '../../auth/login-throttle.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

const password = 'a long operator password';
const PROXY = '10.0.0.2';
const STRANGER = '198.51.100.7';

let proxied: TestApp;
let https: TestApp;

beforeAll(async () => {
  [proxied, https] = await Promise.all([
    createTestApp({ publicUrl: 'http://toolgate.example.com/', trustedProxies: ['10.0.0.0/8'] }),
    createTestApp({ publicUrl: 'https://toolgate.example.com/' }),
  ]);
  for (const t of [proxied, https]) {
    await t.services.operators.create(
      t.tenantA.id,
      { email: 'ops@example.com', password, scopes: ['chat'] },
      'test',
    );
  }
});
afterAll(() => Promise.all([proxied.close(), https.close()]));

function signIn(
  t: TestApp,
  options: { peer: string; headers?: Record<string, string>; email?: string; secret?: string },
) {
  return t.call('POST', '/api/v1/session', {
    key: '',
    peer: options.peer,
    headers: options.headers ?? {},
    body: {
      tenant: t.tenantA.id,
      email: options.email ?? 'ops@example.com',
      password: options.secret ?? password,
    },
  });
}

function cookieAttributes(response: Response): string {
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie') ?? '';
}

describe('the Secure session cookie', () => {
  it('is Secure when the public URL is https, also on sign-out', async () => {
    const login = await signIn(https, { peer: '127.0.0.1' });
    const cookie = cookieAttributes(login);
    expect(cookie).toMatch(/; Secure/);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const out = await https.call('DELETE', '/api/v1/session', {
      key: '',
      headers: { cookie: cookie.split(';')[0] ?? '', 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('is not Secure when the public URL is http', async () => {
    expect(cookieAttributes(await signIn(proxied, { peer: PROXY }))).not.toMatch(/Secure/);
  });

  it('is Secure when a trusted proxy says X-Forwarded-Proto: https', async () => {
    const cookie = cookieAttributes(
      await signIn(proxied, { peer: PROXY, headers: { 'x-forwarded-proto': 'https' } }),
    );
    expect(cookie).toMatch(/; Secure/);
  });

  it('ignores X-Forwarded-Proto from a peer that is not a trusted proxy', async () => {
    const cookie = cookieAttributes(
      await signIn(proxied, { peer: STRANGER, headers: { 'x-forwarded-proto': 'https' } }),
    );
    expect(cookie).not.toMatch(/Secure/);
  });
});

describe('the sign-in limit per client address', () => {
  async function failures(
    count: number,
    options: (index: number) => { peer: string; headers?: Record<string, string> },
  ) {
    const responses = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        signIn(proxied, { ...options(index), email: `nobody-${index}@example.com`, secret: 'wrong' }),
      ),
    );
    return responses.map((response) => response.status);
  }

  it('keys on the client a trusted proxy names, not on the proxy', async () => {
    const client = { peer: PROXY, headers: { 'x-forwarded-for': '203.0.113.9' } };
    expect(new Set(await failures(FAILED_LOGINS_PER_ADDRESS, () => client))).toEqual(new Set([401]));
    expect(await failures(1, () => client)).toEqual([429]);
    // The client writing its own X-Forwarded-For in front does not make it someone else.
    expect(
      await failures(3, (index) => ({
        peer: PROXY,
        headers: { 'x-forwarded-for': `192.0.2.${index}, 203.0.113.9` },
      })),
    ).toEqual([429, 429, 429]);
    // Another client behind the same proxy has its own budget.
    expect(
      await failures(1, () => ({ peer: PROXY, headers: { 'x-forwarded-for': '203.0.113.10' } })),
    ).toEqual([401]);
  });

  it('keys on the peer when it is not a trusted proxy, whatever X-Forwarded-For it sends', async () => {
    const statuses = await failures(FAILED_LOGINS_PER_ADDRESS + 10, (index) => ({
      peer: STRANGER,
      headers: { 'x-forwarded-for': `203.0.113.${100 + index}` },
    }));
    expect(statuses.filter((status) => status === 401)).toHaveLength(FAILED_LOGINS_PER_ADDRESS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });
});
