/**
 * Every attempt of one Toolgate delivery carries the same `webhook-id` (and `Idempotency-Key`):
 * delivery is at least once, so a receiver drops the ids it has already handled.
 */

/** A store of handled ids shared by several receiver processes (Redis, a database table...). */
export interface DedupeStore {
  /**
   * Records `id` and says whether it is new: true the first time, false for a duplicate. Must be
   * atomic across processes (e.g. Redis `SET key 1 NX PX ttl`, or an insert on a unique key).
   */
  claim(id: string): Promise<boolean> | boolean;
  /** Forgets `id`, so a retry is handled again (call it when handling failed). */
  forget(id: string): Promise<void> | void;
}

/** The in-memory store: one process only. */
export interface Dedupe extends DedupeStore {
  /** Whether `id` was remembered and has not expired. */
  seen(id: string): boolean;
  /** Remembers `id` for `ttlMs` from now. */
  remember(id: string): void;
  claim(id: string): boolean;
  forget(id: string): void;
  /** Ids remembered and not yet expired or evicted. */
  readonly size: number;
}

export interface DedupeOptions {
  /**
   * How long an id is remembered. Toolgate retries a delivery for about 32 hours (the Standard
   * Webhooks schedule): remember ids at least that long to catch every retry.
   */
  ttlMs?: number;
  /** At most this many ids are kept; the oldest go first (memory stays bounded under a flood). */
  maxEntries?: number;
  /** The clock, epoch milliseconds (tests). */
  now?: () => number;
}

/** Toolgate's default retry schedule spans 32 h 35 min: a day and a half covers it. */
export const DEFAULT_DEDUPE_TTL_MS = 36 * 3_600_000;
/** 100,000 ids of up to 200 characters: some tens of megabytes at most. */
export const DEFAULT_DEDUPE_MAX_ENTRIES = 100_000;

/**
 * An in-memory duplicate filter for `webhook-id`s, with expiry and a size bound.
 *
 * @example
 * const dedupe = createDedupe({ ttlMs: 36 * 3_600_000 });
 * const { id } = verifyWebhook({ payload, headers, secret });
 * if (!dedupe.claim(id)) return new Response(null, { status: 200 }); // a retry: already handled
 * try { await handle(payload); } catch (error) { dedupe.forget(id); throw error; }
 */
export function createDedupe(options: DedupeOptions = {}): Dedupe {
  const { ttlMs = DEFAULT_DEDUPE_TTL_MS, maxEntries = DEFAULT_DEDUPE_MAX_ENTRIES, now = Date.now } = options;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0)
    throw new RangeError('ttlMs must be a positive number of milliseconds');
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new RangeError('maxEntries must be a whole number, 1 or more');
  /** id -> expiry; Map keeps insertion order, so the first key is the oldest. */
  const expiries = new Map<string, number>();

  function sweep(at: number): void {
    for (const [id, expiry] of expiries) {
      if (expiry > at) break; // every later entry was remembered later, with the same ttl
      expiries.delete(id);
    }
  }

  const dedupe: Dedupe = {
    seen(id) {
      const expiry = expiries.get(id);
      return expiry !== undefined && expiry > now();
    },
    remember(id) {
      const at = now();
      sweep(at);
      expiries.delete(id);
      expiries.set(id, at + ttlMs);
      while (expiries.size > maxEntries) {
        const oldest = expiries.keys().next().value as string;
        expiries.delete(oldest);
      }
    },
    claim(id) {
      if (dedupe.seen(id)) return false;
      dedupe.remember(id);
      return true;
    },
    forget(id) {
      expiries.delete(id);
    },
    get size() {
      sweep(now());
      return expiries.size;
    },
  };
  return dedupe;
}
