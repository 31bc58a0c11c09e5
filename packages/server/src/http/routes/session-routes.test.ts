import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orderStatusAction, type TestApp } from '../../test/test-app.js';

let t: TestApp;
const password = 'a long operator password';

beforeAll(async () => {
  t = await createTestApp({ allowPrivateNetworks: ['127.0.0.0/8'], resolve: async () => ['127.0.0.1'] });
  await t.services.operators.create(
    t.tenantA.id,
    { email: 'Ops@Example.com', password, scopes: ['webhooks:manage'] },
    'test',
  );
});
afterAll(() => t.close());

async function signIn(email = 'ops@example.com', secret = password) {
  return t.call('POST', '/api/v1/session', {
    key: '',
    body: { tenant: t.tenantA.id, email, password: secret },
  });
}

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

describe('operator sessions', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie and a CSRF token', async () => {
    const response = await signIn();
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^toolgate_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = (await response.json()) as { csrfToken: string; scopes: string[] };
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.scopes).toEqual(['webhooks:manage']);
  });

  it('refuses a wrong password or unknown email with the same 401', async () => {
    const wrong = await signIn('ops@example.com', 'not the password');
    const unknown = await signIn('nobody@example.com', password);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    // Word for word the same; only the request ids differ.
    const errorWithoutId = async (response: Response) => {
      const { requestId, ...error } = ((await response.json()) as { error: Record<string, unknown> }).error;
      expect(requestId).toEqual(expect.any(String));
      return error;
    };
    expect(await errorWithoutId(wrong)).toEqual(await errorWithoutId(unknown));
  });

  it('needs the CSRF token on unsafe requests, not on reads', async () => {
    const login = await signIn();
    const cookie = cookieOf(login);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const read = await t.call('GET', '/api/v1/actions', { key: '', headers: { cookie } });
    expect(read.status).toBe(200);
    const forged = await t.call('POST', '/api/v1/actions', {
      key: '',
      headers: { cookie },
      body: orderStatusAction(),
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toContain('x-csrf-token');
    const real = await t.call('POST', '/api/v1/actions', {
      key: '',
      headers: { cookie, 'x-csrf-token': csrfToken },
      body: orderStatusAction({ name: 'by_operator' }),
    });
    expect(real.status).toBe(201);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('actor')
      .where('event', '=', 'action-created')
      .execute();
    expect(audit.map((entry) => entry.actor)).toContainEqual(expect.stringMatching(/^operator:op_/));
  });

  it('holds only the operator’s scopes', async () => {
    const login = await signIn();
    const cookie = cookieOf(login);
    expect((await t.call('GET', '/api/v1/api-keys', { key: '', headers: { cookie } })).status).toBe(403);
  });

  it('signs out: the cookie stops working', async () => {
    const login = await signIn();
    const cookie = cookieOf(login);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    expect(
      (await t.call('DELETE', '/api/v1/session', { key: '', headers: { cookie, 'x-csrf-token': csrfToken } }))
        .status,
    ).toBe(204);
    expect((await t.call('GET', '/api/v1/session', { key: '', headers: { cookie } })).status).toBe(401);
  });

  it('refuses an account after 10 failed sign-ins with 429, even with the right password', async () => {
    await t.services.operators.create(
      t.tenantA.id,
      { email: 'target@example.com', password, scopes: ['chat'] },
      'test',
    );
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await signIn('target@example.com', `guess number ${attempt}`)).status).toBe(401);
    }
    const locked = await signIn('target@example.com', password);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'too_many_requests',
      message: expect.stringMatching(/try again in \d+ s/),
    });
    // Another account is not affected.
    expect((await signIn()).status).toBe(200);
  });

  it('shows an API key caller who they are', async () => {
    const me = (await (await t.call('GET', '/api/v1/session')).json()) as { via: string; tenantId: string };
    expect(me).toMatchObject({ via: 'api_key', tenantId: t.tenantA.id });
  });
});
