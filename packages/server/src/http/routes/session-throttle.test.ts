import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_LOGINS_PER_ACCOUNT, FAILED_LOGINS_PER_ADDRESS } from '../../auth/login-throttle.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
const password = 'a long operator password';

beforeAll(async () => {
  t = await createTestApp();
  for (const email of ['raced@example.com', 'typo@example.com', 'mixed@example.com']) {
    await t.services.operators.create(t.tenantA.id, { email, password, scopes: ['chat'] }, 'test');
  }
});
afterAll(() => t.close());

function signIn(email: string, secret: string, peer: string) {
  return t.call('POST', '/api/v1/session', {
    key: '',
    peer,
    body: { tenant: t.tenantA.id, email, password: secret },
  });
}

function countStatuses(responses: Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

describe('the sign-in limit under parallel attempts', () => {
  it('gives 100 parallel wrong passwords for one account exactly the limit of 401s, the rest 429', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) => signIn('raced@example.com', `guess ${index}`, '192.0.2.1')),
    );
    expect(countStatuses(responses)).toEqual({
      401: FAILED_LOGINS_PER_ACCOUNT,
      429: 100 - FAILED_LOGINS_PER_ACCOUNT,
    });
    // Still locked, even with the right password.
    expect((await signIn('raced@example.com', password, '192.0.2.1')).status).toBe(429);
  });

  it('gives 100 parallel wrong passwords across accounts from one address exactly the address limit', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        signIn(`nobody-${index}@example.com`, 'not the password', '192.0.2.2'),
      ),
    );
    expect(countStatuses(responses)).toEqual({
      401: FAILED_LOGINS_PER_ADDRESS,
      429: 100 - FAILED_LOGINS_PER_ADDRESS,
    });
  });

  it('lets the right password in within the limit and refunds its attempt', async () => {
    const peer = '192.0.2.3';
    const wrong = FAILED_LOGINS_PER_ACCOUNT - 1;
    const guesses = await Promise.all(
      Array.from({ length: wrong }, (_, index) => signIn('typo@example.com', `typo ${index}`, peer)),
    );
    expect(countStatuses(guesses)).toEqual({ 401: wrong });
    expect((await signIn('typo@example.com', password, peer)).status).toBe(200);
    // The success cleared the account's count: a full budget of typos again, then 429.
    const after = await Promise.all(
      Array.from({ length: FAILED_LOGINS_PER_ACCOUNT + 5 }, (_, index) =>
        signIn('typo@example.com', `again ${index}`, '192.0.2.4'),
      ),
    );
    expect(countStatuses(after)).toEqual({ 401: FAILED_LOGINS_PER_ACCOUNT, 429: 5 });
  });

  it('does not count successful sign-ins against the address', async () => {
    const peer = '192.0.2.5';
    // In flight, an attempt holds its point of both budgets: each batch fits the account's, and
    // together they are more than the address's.
    const batch = FAILED_LOGINS_PER_ACCOUNT;
    for (let round = 0; round * batch <= FAILED_LOGINS_PER_ADDRESS; round += 1) {
      const successes = await Promise.all(
        Array.from({ length: batch }, () => signIn('mixed@example.com', password, peer)),
      );
      expect(countStatuses(successes)).toEqual({ 200: batch });
    }
    const guesses = await Promise.all(
      Array.from({ length: FAILED_LOGINS_PER_ADDRESS + 1 }, (_, index) =>
        signIn(`someone-${index}@example.com`, 'wrong', peer),
      ),
    );
    expect(countStatuses(guesses)).toEqual({ 401: FAILED_LOGINS_PER_ADDRESS, 429: 1 });
  });
});
