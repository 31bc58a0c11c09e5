import { describe, expect, it } from 'vitest';
import { classifyAddress } from './address-policy.js';

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', 'this network'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'IETF'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', '6to4'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ])('denies IPv4 %s (%s)', (address, label) => {
    const verdict = classifyAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toContain(label);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.0',
    '198.17.255.255',
    '192.169.0.1',
    '11.0.0.1',
  ])('allows public IPv4 %s', (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true });
  });

  it.each([
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'IPv4-mapped'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'IPv4-mapped'],
    ['::127.0.0.1', 'IPv4'],
    ['::8.8.8.8', 'IPv4'],
    ['64:ff9b::7f00:1', 'NAT64'],
    ['64:ff9b::808:808', 'NAT64'],
    ['64:ff9b:1::1', 'NAT64'],
    ['100::1', 'discard'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'Teredo'],
    ['2001:2::1', 'IETF'],
    ['2002:7f00:1::1', '6to4'],
    ['3fff::1', 'documentation'],
    ['5f00::1', 'outside global unicast'],
    ['4000::1', 'outside global unicast'],
  ])('denies IPv6 %s (%s)', (address, label) => {
    const verdict = classifyAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toContain(label);
  });

  it.each(['2606:4700:4700::1111', '2a00:1450:4001:81c::200e', '2001:4860:4860::8888', '2400:cb00::1'])(
    'allows public IPv6 %s',
    (address) => {
      expect(classifyAddress(address)).toEqual({ allowed: true });
    },
  );

  it.each(['', 'example.com', '1.2.3.4.5', '::1::2', 'fe80::1%eth0', '[::1'])(
    'denies what is not an address: %j',
    (address) => {
      expect(classifyAddress(address).allowed).toBe(false);
    },
  );

  it('parses the odd IPv4 forms a resolver might hand back and still denies them', () => {
    for (const form of ['0x7f.0.0.1', '0177.0.0.1', '2130706433', '0x7f000001', '127.1']) {
      expect(classifyAddress(form).allowed, form).toBe(false);
    }
  });
});
