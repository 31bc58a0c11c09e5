import { Redis } from 'ioredis';
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterRes,
} from 'rate-limiter-flexible';

/** The one table every limit shares on PostgreSQL; keys carry the limit's prefix. */
export const RATE_LIMIT_TABLE = 'toolgate_rate_limits';
/** Serializes the table's creation across instances starting at once (an arbitrary constant). */
const CREATE_TABLE_LOCK = 7_401_515;

/** Where counters live: one process's memory, the PostgreSQL database, or Redis. */
export type LimiterStoreKind = 'memory' | 'postgres' | 'redis';

/** What chooses the store: Redis when `redisUrl` is set, else PostgreSQL with `pool`, else memory. */
export interface LimiterStoreConfig {
  /** `REDIS_URL`. */
  redisUrl?: string | undefined;
  /** The server's pool (PostgreSQL mode); absent in embedded mode. */
  pool?: pg.Pool | undefined;
}

/** One limit: a budget of `points` per `duration` seconds for each key. */
export interface LimitSpec {
  /** Names the limit; keys of different limits never meet. */
  name: string;
  points: number;
  duration: number;
}

/** A limit's counters, wherever they live. `consume` rejects with a RateLimiterRes when spent. */
export interface SharedLimiter {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  reward(key: string, points: number): Promise<unknown>;
  delete(key: string): Promise<boolean>;
}

/** Hands out limits that all keep their counters in one store. */
export interface LimiterStore {
  kind: LimiterStoreKind;
  limiter(spec: LimitSpec): SharedLimiter;
  close(): Promise<void>;
}

async function createTable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [CREATE_TABLE_LOCK]);
    await client.query(
      `create table if not exists ${RATE_LIMIT_TABLE} (key varchar(255) primary key, points integer not null default 0, expire bigint)`,
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Waits for `ready` before each call, so a limit can be made before its store is set up. */
function afterReady(ready: () => Promise<unknown>, make: () => RateLimiterAbstract): SharedLimiter {
  let limiter: RateLimiterAbstract | undefined;
  const get = async () => {
    await ready();
    limiter ??= make();
    return limiter;
  };
  return {
    consume: async (key, points = 1) => (await get()).consume(key, points),
    reward: async (key, points) => (await get()).reward(key, points),
    delete: async (key) => (await get()).delete(key),
  };
}

/**
 * The store every limit uses, chosen once the same way for all: Redis (`REDIS_URL`) when set,
 * otherwise the PostgreSQL database (so N instances on one database count together), otherwise
 * (embedded mode: one process) memory.
 *
 * @example
 * const store = createLimiterStore({ pool, redisUrl: config.redisUrl });
 * await store.limiter({ name: 'login-account', points: 10, duration: 900 }).consume(email);
 */
export function createLimiterStore(config: LimiterStoreConfig): LimiterStore {
  if (config.redisUrl !== undefined) {
    const client = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
    return {
      kind: 'redis',
      limiter: (spec) =>
        afterReady(
          () => Promise.resolve(),
          () =>
            new RateLimiterRedis({
              storeClient: client,
              keyPrefix: `toolgate:limit:${spec.name}`,
              points: spec.points,
              duration: spec.duration,
            }),
        ),
      close: async () => {
        await client.quit().catch(() => client.disconnect());
      },
    };
  }
  const pool = config.pool;
  if (pool !== undefined) {
    let table: Promise<void> | undefined;
    const ready = () => {
      table ??= createTable(pool).catch((error) => {
        table = undefined; // tried again on the next call
        throw error;
      });
      return table;
    };
    return {
      kind: 'postgres',
      limiter: (spec) =>
        afterReady(
          ready,
          () =>
            new RateLimiterPostgres({
              storeClient: pool,
              storeType: 'pool',
              tableName: RATE_LIMIT_TABLE,
              tableCreated: true,
              keyPrefix: spec.name,
              points: spec.points,
              duration: spec.duration,
            }),
        ),
      close: async () => {},
    };
  }
  return {
    kind: 'memory',
    limiter: (spec) =>
      afterReady(
        () => Promise.resolve(),
        () => new RateLimiterMemory({ keyPrefix: spec.name, points: spec.points, duration: spec.duration }),
      ),
    close: async () => {},
  };
}
