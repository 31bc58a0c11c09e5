import { setPasswordCostForTests } from '../packages/server/src/auth/password.js';

/**
 * Runs before every test file (vitest `setupFiles`). New password hashes use scrypt N = 1024
 * instead of 16384 (16 times less CPU): the sign-in, throttle and e2e tests hash and check
 * passwords hundreds of times. `password.test.ts` checks the real cost itself.
 */
setPasswordCostForTests(1024);
