import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  PASSWORD_COST,
  setPasswordCostForTests,
  verifyPassword,
} from './password.js';

describe('password hashes', () => {
  // The suite's setup lowers the cost for speed (tools/test-setup.ts); here the real one is used.
  beforeAll(() => setPasswordCostForTests(PASSWORD_COST.N));
  afterAll(() => setPasswordCostForTests(1024));

  it('hashes with the real scrypt cost, stored with the hash, and checks only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  it('checks a hash made at another cost with the cost it carries', async () => {
    setPasswordCostForTests(1024);
    const cheap = await hashPassword('another password');
    setPasswordCostForTests(PASSWORD_COST.N);
    expect(cheap.split('$')[1]).toBe('1024');
    expect(await verifyPassword('another password', cheap)).toBe(true);
  });

  it('refuses malformed hashes and makes distinct random passwords', async () => {
    expect(await verifyPassword('x', 'bcrypt$1$2$3$salt$hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16384$8')).toBe(false);
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(generatePassword()).not.toBe(generatePassword());
  });
});
