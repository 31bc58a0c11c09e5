import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from './client-address.js';
import { createProxyTrust, normalizeAddress } from './trusted-proxies.js';

const trust = createProxyTrust(['10.0.0.0/8', '::1']);
const nobody = createProxyTrust([]);

describe('the client address', () => {
  it('is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddressFrom('198.51.100.7', '203.0.113.9', trust)).toBe('198.51.100.7');
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9', nobody)).toBe('10.0.0.2');
  });

  it('is the right-most entry that is not a trusted proxy', () => {
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9', trust)).toBe('203.0.113.9');
    // The client wrote the left part itself; proxies appended the rest.
    expect(clientAddressFrom('10.0.0.2', '1.1.1.1, 203.0.113.9, 10.0.0.3', trust)).toBe('203.0.113.9');
    expect(clientAddressFrom('::1', '2001:db8::5, 10.0.0.3', trust)).toBe('2001:db8::5');
  });

  it('is the left-most entry when every entry is a trusted proxy, the peer without the header', () => {
    expect(clientAddressFrom('10.0.0.2', '10.0.0.9, 10.0.0.3', trust)).toBe('10.0.0.9');
    expect(clientAddressFrom('10.0.0.2', undefined, trust)).toBe('10.0.0.2');
    expect(clientAddressFrom('10.0.0.2', ' , ', trust)).toBe('10.0.0.2');
  });

  it('stops at the last trusted hop when an entry is not an address', () => {
    expect(clientAddressFrom('10.0.0.2', 'unknown, 10.0.0.3', trust)).toBe('10.0.0.3');
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9, garbage', trust)).toBe('10.0.0.2');
  });

  it('reads ports, brackets and IPv4-mapped addresses', () => {
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9:4711', trust)).toBe('203.0.113.9');
    expect(clientAddressFrom('10.0.0.2', '[2001:DB8::1]:443', trust)).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:10.0.0.2')).toBe('10.0.0.2');
    expect(normalizeAddress('not an address')).toBeUndefined();
    expect(trust.isTrusted('unknown')).toBe(false);
  });
});
