import { ToolgateError } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import {
  createLoginThrottle,
  FAILED_LOGINS_PER_ACCOUNT,
  FAILED_LOGINS_PER_ADDRESS,
} from './login-throttle.js';

async function outcome(attempt: Promise<unknown>): Promise<'counted' | 'refused'> {
  try {
    await attempt;
    return 'counted';
  } catch (error) {
    if (error instanceof ToolgateError && error.code === 'too_many_requests') return 'refused';
    throw error;
  }
}

async function attempts(count: number, begin: (index: number) => Promise<unknown>) {
  const outcomes = await Promise.all(Array.from({ length: count }, (_, index) => outcome(begin(index))));
  return {
    counted: outcomes.filter((entry) => entry === 'counted').length,
    refused: outcomes.filter((entry) => entry === 'refused').length,
  };
}

describe('the login throttle', () => {
  it('counts each attempt before it is verified: parallel attempts never exceed the budget', async () => {
    const throttle = createLoginThrottle();
    expect(await attempts(100, () => throttle.begin('t/a@example.com', 'addr-1'))).toEqual({
      counted: FAILED_LOGINS_PER_ACCOUNT,
      refused: 100 - FAILED_LOGINS_PER_ACCOUNT,
    });
  });

  it('does not charge the address for an attempt the account refused', async () => {
    const throttle = createLoginThrottle();
    await attempts(30, () => throttle.begin('t/locked@example.com', 'addr-1'));
    expect(
      await attempts(FAILED_LOGINS_PER_ADDRESS, (index) => throttle.begin(`t/${index}`, 'addr-1')),
    ).toEqual({
      counted: FAILED_LOGINS_PER_ADDRESS - FAILED_LOGINS_PER_ACCOUNT,
      refused: FAILED_LOGINS_PER_ACCOUNT,
    });
  });

  it('gives the account its point back when the address refused the attempt', async () => {
    const throttle = createLoginThrottle();
    await attempts(FAILED_LOGINS_PER_ADDRESS, (index) => throttle.begin(`t/${index}`, 'addr-1'));
    expect(await attempts(5, () => throttle.begin('t/victim', 'addr-1'))).toEqual({ counted: 0, refused: 5 });
    expect(await attempts(20, () => throttle.begin('t/victim', 'addr-2'))).toEqual({
      counted: FAILED_LOGINS_PER_ACCOUNT,
      refused: 20 - FAILED_LOGINS_PER_ACCOUNT,
    });
  });

  it('clears the account and refunds the address on success', async () => {
    const throttle = createLoginThrottle();
    for (let round = 0; round < 10; round += 1) {
      const held = await Promise.all(
        Array.from({ length: FAILED_LOGINS_PER_ACCOUNT }, () => throttle.begin('t/owner', 'addr-1')),
      );
      await Promise.all(held.map((attempt) => attempt.succeeded()));
    }
    expect(
      await attempts(FAILED_LOGINS_PER_ADDRESS + 1, (index) => throttle.begin(`t/${index}`, 'addr-1')),
    ).toEqual({
      counted: FAILED_LOGINS_PER_ADDRESS,
      refused: 1,
    });
  });
});
