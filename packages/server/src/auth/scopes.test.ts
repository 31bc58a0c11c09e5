import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, sameHash } from './api-key-secret.js';
import { hasScope, unknownScopes } from './scopes.js';

describe('scopes', () => {
  it('grants implied scopes only', () => {
    expect(hasScope(['admin'], 'webhooks:manage')).toBe(true);
    expect(hasScope(['webhooks:manage'], 'webhooks:read')).toBe(true);
    expect(hasScope(['webhooks:read'], 'webhooks:manage')).toBe(false);
    expect(hasScope(['chat'], 'conversations:read')).toBe(false);
    expect(hasScope([], 'chat')).toBe(false);
  });

  it('names unknown scopes', () => {
    expect(unknownScopes(['chat', 'root', 5])).toEqual(['root', 5]);
  });
});

describe('API key secrets', () => {
  it('are random, prefixed, and stored only as a hash', () => {
    const first = generateApiKey();
    const second = generateApiKey();
    expect(first.value).toMatch(/^tg_[A-Za-z0-9_-]{43}$/);
    expect(first.value).not.toBe(second.value);
    expect(first.hash).toBe(hashApiKey(first.value));
    expect(first.hash).not.toContain(first.value.slice(3));
    expect(first.prefix).toBe(first.value.slice(0, 10));
    expect(sameHash(first.hash, hashApiKey(first.value))).toBe(true);
    expect(sameHash(first.hash, second.hash)).toBe(false);
    expect(sameHash(first.hash, 'abcd')).toBe(false);
  });
});
