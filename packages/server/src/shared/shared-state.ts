import type pg from 'pg';
import type { Logger } from 'pino';
import {
  type CacheBus,
  createLocalCacheBus,
  createPostgresCacheBus,
  createRedisCacheBus,
} from './cache-bus.js';
import { createLimiterStore, type LimiterStore } from './limiter-store.js';

/** What the instances on one database share: the limits' counters and the caches' notices. */
export interface SharedState {
  limits: LimiterStore;
  cacheBus: CacheBus;
  close(): Promise<void>;
}

/**
 * Opens the shared state the way every limit and cache uses it: Redis with `redisUrl`, else the
 * PostgreSQL `pool`, else (embedded mode: one process) memory and in-process invalidation.
 */
export async function openSharedState(options: {
  pool?: pg.Pool | undefined;
  redisUrl?: string | undefined;
  logger: Logger;
}): Promise<SharedState> {
  const limits = createLimiterStore({ pool: options.pool, redisUrl: options.redisUrl });
  let cacheBus: CacheBus;
  try {
    if (options.redisUrl !== undefined)
      cacheBus = await createRedisCacheBus({ url: options.redisUrl, logger: options.logger });
    else if (options.pool !== undefined)
      cacheBus = await createPostgresCacheBus({ pool: options.pool, logger: options.logger });
    else cacheBus = createLocalCacheBus();
  } catch (error) {
    await limits.close();
    throw error;
  }
  return {
    limits,
    cacheBus,
    async close() {
      await cacheBus.close();
      await limits.close();
    },
  };
}
