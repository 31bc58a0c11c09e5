import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every API key starts with this, so leaked keys are easy to recognise and scan for. */
export const API_KEY_PREFIX = 'tg_';
/** 32 random bytes: not guessable, so a fast hash (SHA-256) is enough to store it. */
const API_KEY_BYTES = 32;
/** Characters of the key kept in clear to recognise it in lists; far too few to use it. */
const SHOWN_PREFIX_LENGTH = 10;

/** A new API key: the value (shown once), its hash (stored) and a short prefix (shown in lists). */
export function generateApiKey(): { value: string; hash: string; prefix: string } {
  const value = `${API_KEY_PREFIX}${randomBytes(API_KEY_BYTES).toString('base64url')}`;
  return { value, hash: hashApiKey(value), prefix: value.slice(0, SHOWN_PREFIX_LENGTH) };
}

/** The stored form of a key. */
export function hashApiKey(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The shown prefix of a key. */
export function apiKeyPrefix(value: string): string {
  return value.slice(0, SHOWN_PREFIX_LENGTH);
}
