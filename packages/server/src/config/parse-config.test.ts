import { describe, expect, it } from 'vitest';
import { generateSecretKey } from '../secrets/secret-box.js';
import { ConfigError } from './config-error.js';
import { DEFAULT_CALL_RETENTION_DAYS, parseConfig } from './parse-config.js';

describe('parseConfig', () => {
  it('has working defaults for the embedded mode', () => {
    expect(parseConfig({}, {}, '/srv/toolgate')).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/toolgate/data',
      databaseUrl: undefined,
      secretKey: undefined,
      previousSecretKeys: [],
      adminKey: undefined,
      allowPrivateNetworks: [],
      callRetentionDays: DEFAULT_CALL_RETENTION_DAYS,
      demo: true,
      log: { level: 'info', format: 'auto' },
      publicUrl: undefined,
      trustedProxies: [],
      cookieSecure: 'auto',
      metricsToken: undefined,
      redisUrl: undefined,
      drainMs: 0,
      codeActions: true,
      deliveryRetryScheduleMs: undefined,
      deliveryLeaseMs: undefined,
      deliveryPollMs: undefined,
    });
  });

  it('runs code actions unless turned off, and refuses another value', () => {
    expect(parseConfig({}).codeActions).toBe(true);
    expect(parseConfig({ TOOLGATE_CODE_ACTIONS: '' }).codeActions).toBe(true);
    expect(parseConfig({ TOOLGATE_CODE_ACTIONS: 'on' }).codeActions).toBe(true);
    expect(parseConfig({ TOOLGATE_CODE_ACTIONS: ' OFF ' }).codeActions).toBe(false);
    expect(parseConfig({ TOOLGATE_CODE_ACTIONS: 'off' }).codeActions).toBe(false);
    expect(() => parseConfig({ TOOLGATE_CODE_ACTIONS: 'yes' })).toThrow(
      /TOOLGATE_CODE_ACTIONS: must be on or off/,
    );
  });

  it('reads the delivery lease and poll interval and refuses values out of bounds', () => {
    const config = parseConfig({ TOOLGATE_DELIVERY_LEASE_MS: '2000', TOOLGATE_DELIVERY_POLL_MS: ' 200 ' });
    expect([config.deliveryLeaseMs, config.deliveryPollMs]).toEqual([2_000, 200]);
    expect(() => parseConfig({ TOOLGATE_DELIVERY_LEASE_MS: '500' })).toThrow(
      /TOOLGATE_DELIVERY_LEASE_MS: must be whole milliseconds from 1000 to 3600000, got "500"/,
    );
    expect(() => parseConfig({ TOOLGATE_DELIVERY_POLL_MS: 'soon' })).toThrow(
      /TOOLGATE_DELIVERY_POLL_MS: .*"soon"/,
    );
  });

  it('reads the delivery retry schedule and names a bad entry', () => {
    expect(parseConfig({ TOOLGATE_DELIVERY_RETRY_SCHEDULE: '0,200, 500' }).deliveryRetryScheduleMs).toEqual([
      0, 200, 500,
    ]);
    expect(() => parseConfig({ TOOLGATE_DELIVERY_RETRY_SCHEDULE: '0,later' })).toThrow(
      /TOOLGATE_DELIVERY_RETRY_SCHEDULE: entry 2 must be a whole number of milliseconds, got "later"/,
    );
  });

  it('reads previous secret keys for rotation and names a bad one by position', () => {
    const old = generateSecretKey();
    expect(parseConfig({ TOOLGATE_PREVIOUS_SECRET_KEYS: ` ${old} ` }).previousSecretKeys).toEqual([
      Buffer.from(old, 'base64'),
    ]);
    expect(() => parseConfig({ TOOLGATE_PREVIOUS_SECRET_KEYS: `${old},short` })).toThrow(
      /TOOLGATE_PREVIOUS_SECRET_KEYS: entry 2/,
    );
  });

  it('reads every variable, and flags win over the environment', () => {
    const key = generateSecretKey();
    const config = parseConfig(
      {
        PORT: '4000',
        TOOLGATE_DATA_DIR: '/var/lib/toolgate',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
        TOOLGATE_SECRET_KEY: key,
        TOOLGATE_ADMIN_KEY: 'tg_admin_0123456789abcdefghij',
        TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8, ::1/128',
        TOOLGATE_CALL_RETENTION_DAYS: '7',
      },
      { port: '5000', data: 'here' },
      '/work',
    );
    expect(config).toMatchObject({
      port: 5000,
      dataDir: '/work/here',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      adminKey: 'tg_admin_0123456789abcdefghij',
      allowPrivateNetworks: ['127.0.0.0/8', '::1/128'],
      callRetentionDays: 7,
    });
    expect(config.secretKey?.toString('base64')).toBe(key);
  });

  it('reports every bad value at once, naming its variable or flag', () => {
    let caught: unknown;
    try {
      parseConfig(
        {
          PORT: '70000',
          DATABASE_URL: 'mysql://x',
          TOOLGATE_SECRET_KEY: 'short',
          TOOLGATE_ADMIN_KEY: 'abc',
          TOOLGATE_ALLOW_PRIVATE_NETWORKS: '10.0.0.0/8,banana',
          TOOLGATE_CALL_RETENTION_DAYS: '0',
        },
        {},
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((problem) => problem.source)).toEqual([
      'PORT',
      'DATABASE_URL',
      'TOOLGATE_SECRET_KEY',
      'TOOLGATE_ADMIN_KEY',
      'TOOLGATE_ALLOW_PRIVATE_NETWORKS',
      'TOOLGATE_CALL_RETENTION_DAYS',
    ]);
    expect((caught as ConfigError).message).toContain(
      'PORT: must be a port number from 1 to 65535 (or 0: any free port), got "70000"',
    );
  });

  it('names the flag when the flag is wrong', () => {
    expect(() => parseConfig({}, { port: 'eighty' })).toThrow(/--port: must be a port number/);
  });

  it('requires a shared secret key with Postgres', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1/test' })).toThrow(
      /TOOLGATE_SECRET_KEY: is required with DATABASE_URL/,
    );
  });
});

describe('parseConfig: public URL, proxies, cookies and the metrics token', () => {
  it('reads the metrics token and refuses a short one', () => {
    expect(parseConfig({ TOOLGATE_METRICS_TOKEN: ' 0123456789abcdef0123456789abcdef ' }).metricsToken).toBe(
      '0123456789abcdef0123456789abcdef',
    );
    expect(() => parseConfig({ TOOLGATE_METRICS_TOKEN: 'short' })).toThrow(
      /TOOLGATE_METRICS_TOKEN: must be at least 24 characters/,
    );
  });

  it('reads the public URL, the trusted proxies and the cookie setting', () => {
    expect(
      parseConfig({
        TOOLGATE_PUBLIC_URL: ' https://Toolgate.Example.com ',
        TOOLGATE_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7 ,fd00::/8,::1',
        TOOLGATE_COOKIE_SECURE: 'FALSE',
      }),
    ).toMatchObject({
      publicUrl: 'https://toolgate.example.com/',
      trustedProxies: ['10.0.0.0/8', '192.0.2.7', 'fd00::/8', '::1'],
      cookieSecure: false,
    });
    expect(parseConfig({ TOOLGATE_COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(parseConfig({ TOOLGATE_COOKIE_SECURE: 'auto' }).cookieSecure).toBe('auto');
  });

  it('names each bad value: a URL that is not http(s), a proxy entry by position, a cookie setting', () => {
    let caught: unknown;
    try {
      parseConfig({
        TOOLGATE_PUBLIC_URL: 'toolgate.example.com',
        TOOLGATE_TRUSTED_PROXIES: '10.0.0.0/8,10.0.0.0/33,proxy.internal',
        TOOLGATE_COOKIE_SECURE: 'yes',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('TOOLGATE_PUBLIC_URL: must be the http(s) URL browsers use');
    expect(message).toContain('TOOLGATE_TRUSTED_PROXIES: entry 2: "10.0.0.0/33": the prefix length');
    expect(message).toContain('TOOLGATE_TRUSTED_PROXIES: entry 3: "proxy.internal" is not an IP address');
    expect(message).toContain('TOOLGATE_COOKIE_SECURE: must be auto, true or false, got "yes"');
    expect(() => parseConfig({ TOOLGATE_PUBLIC_URL: 'ftp://toolgate.example.com' })).toThrow(
      /TOOLGATE_PUBLIC_URL/,
    );
  });
});
