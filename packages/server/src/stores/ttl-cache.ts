/**
 * A small per-process read cache: entries live `ttlMs`, writes through this process delete them
 * at once, other processes' writes show after at most `ttlMs`. Concurrent misses for one key
 * share one load.
 */
export function createTtlCache<V>(ttlMs: number, maxEntries = 10_000, now: () => number = Date.now) {
  const entries = new Map<string, { value: Promise<V>; expires: number }>();
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
    delete(key: string): void {
      entries.delete(key);
    },
    clear(): void {
      entries.clear();
    },
    /** Deletes every key that starts with `prefix`. */
    deletePrefix(prefix: string): void {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
