import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: ~50 ms per check on a server core, slow enough to make guessing expensive. */
export const PASSWORD_COST = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;
/** The cost of new hashes: `PASSWORD_COST`, unless the test setup lowered it. */
let COST: { N: number; r: number; p: number; maxmem: number } = PASSWORD_COST;

/**
 * For the test suite only (`tools/test-setup.ts`): new hashes at a lower scrypt `N`, because the
 * sign-in tests hash and check passwords hundreds of times and the real cost made that minutes
 * of CPU. Checking always uses the cost stored in the hash, so nothing else changes; the server
 * never calls this. `setPasswordCostForTests(PASSWORD_COST.N)` restores the real cost.
 */
export function setPasswordCostForTests(n: number): void {
  COST = { ...PASSWORD_COST, N: n };
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password as `scrypt$N$r$p$<salt>$<hash>` (base64url): the parameters travel with the
 * hash, so they can be raised later without breaking stored passwords.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password for a new operator, shown once: 20 characters from 32 random bytes. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
