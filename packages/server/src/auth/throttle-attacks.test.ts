import { describe, expect, it } from 'vitest';
import { rateLimitKey } from './client-address.js';
import { createLoginThrottle, FAILED_LOGINS_PER_ADDRESS } from './login-throttle.js';

describe('a guesser who rotates its address', () => {
  it('cannot reset the per-address budget by moving inside its IPv6 /64', async () => {
    const throttle = createLoginThrottle();
    // A different account each time, so only the address budget can stop it.
    for (let attempt = 1; attempt <= FAILED_LOGINS_PER_ADDRESS; attempt++) {
      await throttle.begin(`default/user${attempt}@example.com`, `2001:db8:1:2::${attempt.toString(16)}`);
    }
    await expect(
      throttle.begin('default/another@example.com', '2001:db8:1:2:ffff:ffff:ffff:ffff'),
    ).rejects.toMatchObject({ code: 'too_many_requests' });
    // Another /64 is another client.
    await expect(throttle.begin('default/another@example.com', '2001:db8:1:3::1')).resolves.toBeDefined();
  });

  it('counts every spelling of one /64 as one key, and IPv4 addresses one by one', () => {
    const expected = '2001:db8:1:2::/64';
    for (const address of [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd',
      '2001:db8:1:2:0:0:0:0',
      '2001:db8:1:2::1.2.3.4',
      '2001:db8:1:2::1%eth0',
    ]) {
      expect(rateLimitKey(address), address).toBe(expected);
    }
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('64:ff9b::1.2.3.4')).toBe('64:ff9b:0:0::/64');
    expect(rateLimitKey('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
