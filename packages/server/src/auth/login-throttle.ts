import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '../api/api-error.js';

/** Failed sign-ins allowed per account per window: enough for typos, too few for guessing. */
export const FAILED_LOGINS_PER_ACCOUNT = 10;
/** Failed sign-ins allowed per client address per window, across accounts. */
export const FAILED_LOGINS_PER_ADDRESS = 50;
const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per account and per client address (in this process) and refuses
 * further attempts with 429 once either budget is spent, until the window ends. A successful
 * sign-in clears the account's count.
 */
export function createLoginThrottle() {
  const byAccount = new RateLimiterMemory({ points: FAILED_LOGINS_PER_ACCOUNT, duration: WINDOW_SECONDS });
  const byAddress = new RateLimiterMemory({ points: FAILED_LOGINS_PER_ADDRESS, duration: WINDOW_SECONDS });

  function refuse(msBeforeNext: number): never {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    throw new ApiError('too_many_requests', `too many failed sign-ins; try again in ${seconds} s`);
  }

  return {
    /** Throws 429 when the account or the address has no attempts left. */
    async check(account: string, address: string): Promise<void> {
      for (const [limiter, key, points] of [
        [byAccount, account, FAILED_LOGINS_PER_ACCOUNT],
        [byAddress, address, FAILED_LOGINS_PER_ADDRESS],
      ] as const) {
        const state = await limiter.get(key);
        if (state && state.consumedPoints >= points) refuse(state.msBeforeNext);
      }
    },
    async failed(account: string, address: string): Promise<void> {
      for (const [limiter, key] of [
        [byAccount, account],
        [byAddress, address],
      ] as const) {
        await limiter.consume(key).catch((result: unknown) => {
          if (!(result instanceof RateLimiterRes)) throw result;
        });
      }
    },
    async succeeded(account: string): Promise<void> {
      await byAccount.delete(account);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
