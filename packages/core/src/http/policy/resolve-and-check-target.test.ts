import { describe, expect, it } from 'vitest';
import { checkTarget } from './resolve-and-check-target.js';

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe('checkTarget', () => {
  it('allows an https URL whose name resolves only to public addresses', async () => {
    const check = await checkTarget('https://orders.example.com/status', {
      resolve: resolvesTo('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'),
    });
    expect(check).toMatchObject({ allowed: true, code: 'allowed' });
  });

  it.each([
    ['http://orders.example.com/', 'scheme_not_allowed'],
    ['ftp://orders.example.com/', 'scheme_not_allowed'],
    ['file:///etc/passwd', 'scheme_not_allowed'],
    ['gopher://127.0.0.1:6379/_', 'scheme_not_allowed'],
    ['not a url', 'invalid_url'],
    ['/relative/path', 'invalid_url'],
    ['https://user:pass@orders.example.com/', 'credentials_in_url'],
    ['https://user@orders.example.com/', 'credentials_in_url'],
    ['https://localhost/', 'host_denied'],
    ['https://LOCALHOST./', 'host_denied'],
    ['https://api.localhost/', 'host_denied'],
    ['https://printer.local/', 'host_denied'],
    ['https://db.internal/', 'host_denied'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'host_denied'],
    ['https://metadata/', 'host_denied'],
    ['https://router.home.arpa/', 'host_denied'],
    ['https://svc.ns.svc.cluster.local/', 'host_denied'],
    ['https://intranet/', 'host_denied'],
    [`https://${'a'.repeat(2100)}.com/`, 'invalid_url'],
  ])('denies %s with %s before any look-up', async (url, code) => {
    let lookedUp = false;
    const check = await checkTarget(url, {
      resolve: async () => {
        lookedUp = true;
        return ['93.184.215.14'];
      },
    });
    expect(check).toMatchObject({ allowed: false, code });
    expect(lookedUp).toBe(false);
  });

  it.each([
    'https://127.0.0.1/',
    'https://2130706433/',
    'https://0177.0.0.1/',
    'https://0x7f.0.0.1/',
    'https://0x7f000001/',
    'https://127.1/',
    'https://%31%32%37.0.0.1/',
    'https://0/',
    'https://0.0.0.0/',
    'https://10.0.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/',
    'https://[::]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[0:0:0:0:0:ffff:169.254.169.254]/',
    'https://[::127.0.0.1]/',
    'https://[64:ff9b::127.0.0.1]/',
    'https://[64:ff9b::a9fe:a9fe]/',
    'https://[fd00::1]/',
    'https://[fe80::1]/',
    'https://[2002:7f00:1::]/',
  ])('denies the IP literal %s without resolving', async (url) => {
    const check = await checkTarget(url, {
      resolve: async () => {
        throw new Error('a literal must not be resolved');
      },
    });
    expect(check).toMatchObject({ allowed: false, code: 'address_denied' });
  });

  it('allows a public IP literal', async () => {
    expect(await checkTarget('https://8.8.8.8/dns-query')).toMatchObject({ allowed: true });
    expect(await checkTarget('https://[2606:4700:4700::1111]/')).toMatchObject({ allowed: true });
  });

  it('denies a name when ANY of its addresses is not public', async () => {
    const check = await checkTarget('https://orders.example.com/', {
      resolve: resolvesTo('93.184.215.14', '10.0.0.7'),
    });
    expect(check).toMatchObject({ allowed: false, code: 'address_denied' });
    expect(!check.allowed && check.reason).toContain('10.0.0.7');
  });

  it('denies a name that resolves to loopback or metadata', async () => {
    for (const address of ['127.0.0.1', '::1', '169.254.169.254', '::ffff:127.0.0.1']) {
      const check = await checkTarget('https://orders.example.com/', { resolve: resolvesTo(address) });
      expect(check, address).toMatchObject({ allowed: false, code: 'address_denied' });
    }
  });

  it('denies a name that does not resolve, or whose resolver fails', async () => {
    expect(await checkTarget('https://orders.example.com/', { resolve: resolvesTo() })).toMatchObject({
      code: 'unresolvable',
    });
    const failing = await checkTarget('https://orders.example.com/', {
      resolve: async () => {
        throw Object.assign(new Error('queryA ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });
    expect(failing).toMatchObject({ allowed: false, code: 'unresolvable' });
    expect(!failing.allowed && failing.reason).toContain('ENOTFOUND');
  });

  it('exempts allowlisted networks and hosts only', async () => {
    const allow = { networks: ['127.0.0.0/8'], hosts: ['localhost'] };
    expect(await checkTarget('https://127.0.0.1:8443/', { allow })).toMatchObject({ allowed: true });
    expect(
      await checkTarget('https://localhost/', { allow, resolve: resolvesTo('127.0.0.1') }),
    ).toMatchObject({ allowed: true });
    expect(await checkTarget('https://localhost/', { allow, resolve: resolvesTo('10.0.0.1') })).toMatchObject(
      { allowed: false },
    );
    expect(await checkTarget('https://[::1]/', { allow })).toMatchObject({ allowed: false });
    expect(await checkTarget('https://[::ffff:127.0.0.1]/', { allow })).toMatchObject({ allowed: false });
    expect(await checkTarget('http://127.0.0.1/', { allow })).toMatchObject({ code: 'scheme_not_allowed' });
  });
});
