import { ToolgateError } from '@toolgate/core';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createLimiterStore, type LimiterStore, type SharedLimiter } from '../shared/limiter-store.js';
import { rateLimitKey } from './client-address.js';

/** Failed sign-ins allowed per account per window: enough for typos, too few for guessing. */
export const FAILED_LOGINS_PER_ACCOUNT = 10;
/** Failed sign-ins allowed per client address per window, across accounts. */
export const FAILED_LOGINS_PER_ADDRESS = 50;
const WINDOW_SECONDS = 15 * 60;

/** A sign-in attempt that holds one point of the account's and one of the address's budget. */
export interface LoginAttempt {
  /** The password was right: clears the account's count and gives the address its point back. */
  succeeded(): Promise<void>;
}

function refuse(msBeforeNext: number): never {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  throw new ToolgateError('too_many_requests', `too many failed sign-ins; try again in ${seconds} s`);
}

/** Takes one point, or refuses with 429 when none is left (a refused attempt keeps nothing). */
async function take(limiter: SharedLimiter, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    refuse(error.msBeforeNext);
  }
}

/**
 * Counts sign-ins per account and per client address, in `store` (shared by every instance on
 * PostgreSQL or Redis; this process's memory in embedded mode). Every attempt takes its
 * point before the password is checked, so parallel attempts can never get more than the budget
 * of 401s; a right password gives its point back. Once either budget is spent, attempts are refused
 * with 429 until the window ends, even with the right password.
 *
 * @example
 * const attempt = await throttle.begin(account, address); // 429 when spent
 * if (await verify()) await attempt.succeeded();
 */
export function createLoginThrottle(store: LimiterStore = createLimiterStore({})) {
  const byAccount = store.limiter({
    name: 'login-account',
    points: FAILED_LOGINS_PER_ACCOUNT,
    duration: WINDOW_SECONDS,
  });
  const byAddress = store.limiter({
    name: 'login-address',
    points: FAILED_LOGINS_PER_ADDRESS,
    duration: WINDOW_SECONDS,
  });

  return {
    /**
     * Counts an attempt before it is verified; throws 429 when the account or the address has none
     * left. An IPv6 address counts by its /64 (`rateLimitKey`).
     */
    async begin(account: string, clientAddress: string): Promise<LoginAttempt> {
      const address = rateLimitKey(clientAddress);
      // The address first: once it is spent, attempts add no account to memory, whatever they name.
      await take(byAddress, address);
      try {
        await take(byAccount, account);
      } catch (error) {
        await byAddress.reward(address, 1);
        throw error;
      }
      return {
        async succeeded() {
          await byAccount.delete(account);
          await byAddress.reward(address, 1);
        },
      };
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
