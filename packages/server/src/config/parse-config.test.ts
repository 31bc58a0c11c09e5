import { describe, expect, it } from 'vitest';
import { generateSecretKey } from '../secrets/secret-box.js';
import { ConfigError, DEFAULT_CALL_RETENTION_DAYS, parseConfig } from './parse-config.js';

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
    });
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
      'PORT: must be a port number from 1 to 65535, got "70000"',
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
