import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_LOGINS_PER_ACCOUNT, FAILED_LOGINS_PER_ADDRESS } from '../../auth/login-throttle.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function signIn(body: Record<string, unknown>, peer: string) {
  return t.call('POST', '/api/v1/session', { key: '', peer, body });
}

describe('sign-in guesses that respell the account', () => {
  it('count case and whitespace variants of one email against the same budget', async () => {
    const password = 'the right operator password';
    await t.services.operators.create(
      t.tenantA.id,
      { email: 'owner@example.com', password, scopes: ['chat'] },
      'test',
    );
    const spellings = [
      'OWNER@example.com',
      ' owner@example.com',
      'owner@EXAMPLE.com\t',
      'Owner@Example.Com ',
    ];
    for (let index = 0; index < FAILED_LOGINS_PER_ACCOUNT; index++) {
      const email = spellings[index % spellings.length] as string;
      const response = await signIn(
        { tenant: t.tenantA.id, email, password: `guess ${index}` },
        `192.0.2.${60 + index}`,
      );
      expect(response.status).toBe(401);
    }
    const locked = await signIn({ tenant: t.tenantA.id, email: 'owner@example.com', password }, '192.0.2.99');
    expect(locked.status).toBe(429);
  });
});

describe('sign-in attempts built to fill the throttle’s memory', () => {
  it('refuses an email or tenant far longer than any operator’s with 422, before counting it', async () => {
    const huge = `${'a'.repeat(200_000)}@example.com`;
    const email = await signIn({ tenant: t.tenantA.id, email: huge, password: 'x' }, '192.0.2.50');
    expect(email.status).toBe(422);
    expect(JSON.stringify(await email.json())).toContain('email');
    const tenant = await signIn(
      { tenant: 't'.repeat(200_000), email: 'a@example.com', password: 'x' },
      '192.0.2.50',
    );
    expect(tenant.status).toBe(422);
    expect(JSON.stringify(await tenant.json())).toContain('tenant');
  });

  it('an address whose budget is spent is refused whatever account it names, and the account keeps its budget', async () => {
    const peer = '192.0.2.51';
    for (let index = 0; index < FAILED_LOGINS_PER_ADDRESS; index++) {
      const response = await signIn(
        { tenant: t.tenantA.id, email: `nobody${index}@example.com`, password: 'x' },
        peer,
      );
      expect(response.status).toBe(401);
    }
    const refused = await signIn({ tenant: t.tenantA.id, email: 'fresh@example.com', password: 'x' }, peer);
    expect(refused.status).toBe(429);
    const elsewhere = await signIn(
      { tenant: t.tenantA.id, email: 'fresh@example.com', password: 'x' },
      '192.0.2.52',
    );
    expect(elsewhere.status).toBe(401);
  });
});
