import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../storage/open-database.js';

/** The machine's PostgreSQL, as the project's test environment promises it. */
export const TEST_POSTGRES_URL =
  process.env.TOOLGATE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers. Under CI=true a missing server is an error, not a skip. */
export function postgresAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI === 'true')
        throw new Error(`CI needs PostgreSQL at ${TEST_POSTGRES_URL}: ${(error as Error).message}`);
      console.warn(
        `PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; its tests are skipped (${(error as Error).message})`,
      );
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** A fresh, migrated PostgreSQL database for one test file, dropped on close. */
export async function openFreshPostgres(): Promise<OpenDatabase> {
  const name = `toolgate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ engine: 'postgres', url: url.href });
  return {
    ...opened,
    async close() {
      await opened.close();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Opens a fresh database of either engine. */
export function openTestDatabase(engine: 'pglite' | 'postgres'): Promise<OpenDatabase> {
  return engine === 'pglite' ? openDatabase({ engine: 'pglite', dataDir: undefined }) : openFreshPostgres();
}

/** The machine's Redis, as the project's test environment promises it. */
export const TEST_REDIS_URL = process.env.TOOLGATE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let redisReachable: Promise<boolean> | undefined;

/** Whether the test Redis answers PING. Under CI=true a missing server is an error, not a skip. */
export function redisAvailable(): Promise<boolean> {
  redisReachable ??= (async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(TEST_REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 2_000,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return true;
    } catch (error) {
      if (process.env.CI === 'true')
        throw new Error(`CI needs Redis at ${TEST_REDIS_URL}: ${(error as Error).message}`);
      console.warn(
        `Redis is not reachable at ${TEST_REDIS_URL}; its tests are skipped (${(error as Error).message})`,
      );
      return false;
    } finally {
      client.disconnect();
    }
  })();
  return redisReachable;
}
