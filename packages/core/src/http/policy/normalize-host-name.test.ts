import { describe, expect, it } from 'vitest';
import { normalizeHostName } from './normalize-host-name.js';

describe('normalizeHostName', () => {
  it('lower-cases and drops one trailing dot', () => {
    expect(normalizeHostName('API.Example.COM.')).toBe('api.example.com');
  });

  it('drops the brackets of an IPv6 literal, as URL.hostname writes it', () => {
    expect(normalizeHostName(new URL('https://[::1]:8443/').hostname)).toBe('::1');
  });

  it('leaves a lone bracket alone: it is not an IPv6 literal', () => {
    expect(normalizeHostName('[example.com')).toBe('[example.com');
  });
});
