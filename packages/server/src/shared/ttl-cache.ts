import type { CacheBus, CacheNotice } from './cache-bus.js';

/** A cache's name on the bus, and the bus that carries its notices to the other instances. */
export interface SharedCache {
  name: string;
  bus: CacheBus;
}

/**
 * A small per-process read cache: entries live `ttlMs`, writes through this process delete them
 * at once. With `shared`, every delete is also sent to the other instances' caches of that name
 * (the returned promise settles once sent); without it, or while notices are lost, other
 * processes' writes show after at most `ttlMs`. Concurrent misses for one key share one load.
 */
export function createTtlCache<V>(
  ttlMs: number,
  maxEntries = 10_000,
  now: () => number = Date.now,
  shared?: SharedCache,
) {
  const entries = new Map<string, { value: Promise<V>; expires: number }>();
  const forget = (notice: CacheNotice) => {
    if (notice.op === 'clear') entries.clear();
    else if (notice.op === 'delete' && notice.key !== undefined) entries.delete(notice.key);
    else if (notice.op === 'prefix' && notice.key !== undefined)
      for (const key of entries.keys()) if (key.startsWith(notice.key)) entries.delete(key);
  };
  shared?.bus.subscribe(shared.name, forget, () => entries.clear());
  const tell = (notice: Omit<CacheNotice, 'cache'>): Promise<void> => {
    forget({ cache: '', ...notice });
    return shared ? shared.bus.publish({ cache: shared.name, ...notice }) : Promise.resolve();
  };
  return {
    get(key: string, load: () => Promise<V>): Promise<V> {
      const at = now();
      const hit = entries.get(key);
      if (hit && hit.expires > at) return hit.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = load();
      entries.set(key, { value, expires: at + ttlMs });
      // A failed load is not cached.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    delete(key: string): Promise<void> {
      return tell({ op: 'delete', key });
    },
    clear(): Promise<void> {
      return tell({ op: 'clear' });
    },
    /** Deletes every key that starts with `prefix`. */
    deletePrefix(prefix: string): Promise<void> {
      return tell({ op: 'prefix', key: prefix });
    },
  };
}
