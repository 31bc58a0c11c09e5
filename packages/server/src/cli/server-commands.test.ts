import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../server/create-services.js';
import { LOCK_FILE } from '../server/data-dir-lock.js';
import { loadOrCreateSecretKeys } from '../server/secret-key-file.js';
import { openDatabase } from '../storage/open-database.js';
import { orderStatusAction } from '../test/test-app.js';
import { runCli } from './main.js';
import { runStart } from './server-commands.js';
import { testIo } from './test-io.js';

let dataDir: string;
const saved = { key: process.env.TOOLGATE_SECRET_KEY, url: process.env.DATABASE_URL };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toolgate-cli-'));
  delete process.env.TOOLGATE_SECRET_KEY;
  delete process.env.DATABASE_URL;
});
afterEach(async () => {
  if (saved.key !== undefined) process.env.TOOLGATE_SECRET_KEY = saved.key;
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  await rm(dataDir, { recursive: true, force: true });
});

/** Opens the embedded database with the keys on disk and runs `use` with its services. */
async function withServices<T>(use: (services: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ engine: 'pglite', dataDir });
  try {
    const { keys } = await loadOrCreateSecretKeys(dataDir);
    const services = createServices({
      db: database.db,
      secretKeys: keys,
      resolve: async () => ['93.184.216.34'],
    });
    try {
      return await use(services);
    } finally {
      await services.executor.close();
    }
  } finally {
    await database.close();
  }
}

describe('toolgate secrets rotate (embedded)', () => {
  it('re-seals every secret (header, token, signing secret) under a new key file; the old key is no longer needed', async () => {
    const id = await withServices(async (services) => {
      await services.tenants.create({ id: 'default', name: 'Default' });
      return (await services.actions.create('default', orderStatusAction(), 'test')).action.id;
    });
    const before = await readFile(join(dataDir, 'secret.key'), 'utf8');
    const io = testIo();
    expect(await runCli(['secrets', 'rotate', '--data', dataDir], io)).toBe(0);
    expect(io.out()).toMatch(/re-sealed 3 secret values under key \S+/);
    const after = await readFile(join(dataDir, 'secret.key'), 'utf8');
    expect(after).not.toBe(before);
    expect((await stat(join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600);
    await expect(stat(join(dataDir, 'secret.key.next'))).rejects.toThrow();
    // Only the new key is on disk now, and every value still opens.
    const callable = await withServices((services) => services.actions.loadForCall('default', id));
    expect(callable.definition.headers).toEqual({ 'X-Api-Key': 'planted-header-secret-5f2a9c' });
    expect(callable.definition.auth).toEqual({ type: 'bearer', token: 'planted-bearer-secret-81be4d' });
  });
});

describe('toolgate tenants create', () => {
  it('creates a tenant with its limit and prints a working admin key once', async () => {
    const io = testIo();
    expect(await runCli(['tenants', 'create', 'Acme', '--max-actions', '3', '--data', dataDir], io)).toBe(0);
    const key = /admin API key \(shown once\): (tg_\S+)/.exec(io.out())?.[1];
    expect(key).toBeDefined();
    expect(io.out()).toContain('at most 3 actions');
    const principal = await withServices((services) => services.apiKeys.authenticate(key ?? ''));
    expect(principal?.scopes).toEqual(['admin']);
  });

  it('refuses a bad limit with exit 2', async () => {
    const io = testIo();
    expect(await runCli(['tenants', 'create', 'Acme', '--max-actions', 'many', '--data', dataDir], io)).toBe(
      2,
    );
    expect(io.err()).toContain('--max-actions must be a whole number');
  });
});

describe('toolgate start', () => {
  it('a signal during start-up stops the server once it is up, and the folder is released', async () => {
    const saved = { demo: process.env.TOOLGATE_DEMO, level: process.env.LOG_LEVEL };
    process.env.TOOLGATE_DEMO = 'off';
    process.env.LOG_LEVEL = 'silent';
    try {
      const signals = new EventEmitter();
      const io = testIo();
      const exit = runStart({ port: '0', data: dataDir }, io, signals);
      signals.emit('SIGTERM');
      expect(await exit).toBe(0);
      expect(io.err()).toContain('SIGTERM during start-up: stopping once started');
      expect(io.out()).toContain('Toolgate is listening on');
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      expect(signals.listenerCount('SIGINT')).toBe(1); // "again to exit now", until the process ends
    } finally {
      for (const [name, value] of [
        ['TOOLGATE_DEMO', saved.demo],
        ['LOG_LEVEL', saved.level],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
