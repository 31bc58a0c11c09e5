import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Logger } from 'pino';

/** The PostgreSQL channel (and Redis channel) cache notices travel on. */
export const CACHE_CHANNEL = 'toolgate_cache';
/** The longest pause between attempts to get the listener connection back. */
const MAX_RECONNECT_MS = 5_000;

/**
 * "Forget this": one key, every key under a prefix, or the whole cache, of the cache named; or
 * `message`: news for the listeners of that name, carried in `key` (JSON, small: PostgreSQL's
 * NOTIFY takes under 8,000 bytes).
 */
export interface CacheNotice {
  cache: string;
  op: 'delete' | 'prefix' | 'clear' | 'message';
  key?: string;
}

/**
 * Carries cache notices between the instances on one database. A notice published here is
 * applied by every other instance's cache of that name; `resync` runs when notices may have been
 * missed (the listener connection came back), and should forget everything.
 */
export interface CacheBus {
  kind: 'local' | 'postgres' | 'redis';
  publish(notice: CacheNotice): Promise<void>;
  subscribe(cache: string, apply: (notice: CacheNotice) => void, resync: () => void): void;
  close(): Promise<void>;
}

/** Routes received notices to the caches that subscribed, skipping this instance's own. */
function createRouter(self: string) {
  const subscribers = new Map<string, { apply: (notice: CacheNotice) => void; resync: () => void }[]>();
  return {
    add(cache: string, apply: (notice: CacheNotice) => void, resync: () => void) {
      subscribers.set(cache, [...(subscribers.get(cache) ?? []), { apply, resync }]);
    },
    receive(payload: string) {
      let message: CacheNotice & { from?: string };
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (message.from === self) return;
      for (const subscriber of subscribers.get(message.cache) ?? []) subscriber.apply(message);
    },
    resyncAll() {
      for (const list of subscribers.values()) for (const subscriber of list) subscriber.resync();
    },
    encode: (notice: CacheNotice) => JSON.stringify({ ...notice, from: self }),
  };
}

/** One process (embedded mode): its caches are all the caches there are. */
export function createLocalCacheBus(): CacheBus {
  return { kind: 'local', publish: async () => {}, subscribe: () => {}, close: async () => {} };
}

/**
 * Notices over PostgreSQL `LISTEN/NOTIFY` on `toolgate_cache`: published with `pg_notify` on the
 * pool (after the write committed), received on a connection of its own. When that connection
 * drops, the caches fall back to their TTL while it reconnects (logged); once back, every cache
 * is cleared, since notices sent meanwhile were lost.
 */
export async function createPostgresCacheBus(options: { pool: pg.Pool; logger: Logger }): Promise<CacheBus> {
  const router = createRouter(randomUUID());
  let closed = false;
  let client: pg.PoolClient | undefined;
  let retryMs = 100;

  const connect = async (): Promise<void> => {
    // Held for good (one of the pool's connections): LISTEN belongs to one session.
    const next = await options.pool.connect();
    next.on('notification', (message) => {
      if (message.channel === CACHE_CHANNEL && message.payload) router.receive(message.payload);
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.query(`listen ${CACHE_CHANNEL}`);
    } catch (error) {
      next.release(true);
      throw error;
    }
    client = next;
  };
  const lost = (which: pg.PoolClient) => {
    if (closed || client !== which) return;
    client = undefined;
    which.release(true);
    options.logger.warn(
      'cache notices lost (listener connection dropped): caches fall back to their TTL; reconnecting',
    );
    void reconnect();
  };
  const reconnect = async (): Promise<void> => {
    while (!closed && client === undefined) {
      await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
      try {
        await connect();
        retryMs = 100;
        router.resyncAll();
        options.logger.info('cache notices back (listener reconnected): caches cleared');
      } catch (error) {
        retryMs = Math.min(retryMs * 2, MAX_RECONNECT_MS);
        options.logger.warn({ err: error }, `cache listener still down; next try in ${retryMs} ms`);
      }
    }
  };
  await connect();

  return {
    kind: 'postgres',
    async publish(notice) {
      try {
        await options.pool.query('select pg_notify($1, $2)', [CACHE_CHANNEL, router.encode(notice)]);
      } catch (error) {
        options.logger.warn(
          { err: error, notice },
          'could not send a cache notice: other instances wait for the TTL',
        );
      }
    },
    subscribe: router.add,
    async close() {
      closed = true;
      client?.release(true);
      client = undefined;
    },
  };
}

/**
 * Notices over Redis pub/sub (`REDIS_URL`): a subscriber connection of its own, which ioredis
 * reconnects and resubscribes; every reconnection clears the caches (notices may have been lost).
 */
export async function createRedisCacheBus(options: { url: string; logger: Logger }): Promise<CacheBus> {
  const router = createRouter(randomUUID());
  const publisher = new Redis(options.url, { maxRetriesPerRequest: 2 });
  const subscriber = new Redis(options.url);
  let readyOnce = false;
  let closing = false;
  subscriber.on('message', (channel: string, payload: string) => {
    if (channel === CACHE_CHANNEL) router.receive(payload);
  });
  subscriber.on('ready', () => {
    if (readyOnce) {
      router.resyncAll();
      options.logger.info('cache notices back (Redis subscriber reconnected): caches cleared');
    }
    readyOnce = true;
  });
  subscriber.on('close', () => {
    if (readyOnce && !closing)
      options.logger.warn('cache notices lost (Redis subscriber dropped): caches fall back to their TTL');
  });
  subscriber.on('error', () => {});
  publisher.on('error', () => {});
  await subscriber.subscribe(CACHE_CHANNEL);
  return {
    kind: 'redis',
    async publish(notice) {
      try {
        await publisher.publish(CACHE_CHANNEL, router.encode(notice));
      } catch (error) {
        options.logger.warn(
          { err: error, notice },
          'could not send a cache notice: other instances wait for the TTL',
        );
      }
    },
    subscribe: router.add,
    async close() {
      closing = true;
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
