import { pino } from 'pino';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../storage/open-database.js';
import { openFreshPostgres, postgresAvailable, redisAvailable, TEST_REDIS_URL } from '../test/engines.js';
import { LOCKS, withAdvisoryLock } from './advisory-lock.js';
import type { CacheNotice } from './cache-bus.js';
import { openSharedState, type SharedState } from './shared-state.js';

const logger = pino({ level: 'silent' });
const withPostgres = await postgresAvailable();
const withRedis = withPostgres && (await redisAvailable());

let database: OpenDatabase | undefined;
beforeAll(async () => {
  if (withPostgres) database = await openFreshPostgres();
});
afterAll(async () => {
  await database?.close();
});

type Mode = 'memory' | 'postgres' | 'redis';
const modes: Array<{ mode: Mode; run: boolean }> = [
  { mode: 'memory', run: true },
  { mode: 'postgres', run: withPostgres },
  { mode: 'redis', run: withRedis },
];

/** Two instances' shared state in `mode` (memory: one process, so one store). */
async function twoInstances(mode: Mode): Promise<[SharedState, SharedState]> {
  const options = {
    logger,
    ...(mode === 'memory' ? {} : { pool: database?.pool }),
    ...(mode === 'redis' ? { redisUrl: TEST_REDIS_URL } : {}),
  };
  return [await openSharedState(options), await openSharedState(options)];
}

async function spent(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return false;
  } catch (error) {
    if (error instanceof RateLimiterRes) return true;
    throw error;
  }
}

for (const { mode, run } of modes) {
  describe.runIf(run)(`shared state on ${mode}`, () => {
    it('chooses the store and bus the mode calls for', async () => {
      const [a, b] = await twoInstances(mode);
      expect(a.limits.kind).toBe(mode);
      expect(a.cacheBus.kind).toBe(mode === 'memory' ? 'local' : mode);
      await a.close();
      await b.close();
    });

    it('counts one budget for every limiter of a name and keeps names apart', async () => {
      const [a, b] = await twoInstances(mode);
      const [one, two] = mode === 'memory' ? [a, a] : [a, b]; // memory is one process's: one store
      const name = `test-${mode}-${Date.now()}`;
      const first = one.limits.limiter({ name, points: 3, duration: 60 });
      // Memory counters belong to one limiter object (each limit is made once per process).
      const second = mode === 'memory' ? first : two.limits.limiter({ name, points: 3, duration: 60 });
      const other = two.limits.limiter({ name: `${name}-other`, points: 3, duration: 60 });
      expect(await spent(first.consume('k'))).toBe(false);
      expect(await spent(second.consume('k'))).toBe(false);
      expect(await spent(first.consume('k'))).toBe(false);
      expect(await spent(second.consume('k'))).toBe(true);
      expect(await spent(other.consume('k'))).toBe(false);
      await second.reward('k', 2); // the refused attempt counted too
      expect(await spent(first.consume('k'))).toBe(false);
      await first.delete('k');
      expect(await spent(second.consume('k'))).toBe(false);
      await a.close();
      await b.close();
    });

    if (mode === 'memory')
      it('keeps notices in the process (embedded mode has no other instance)', async () => {
        const [a, b] = await twoInstances(mode);
        const received: CacheNotice[] = [];
        b.cacheBus.subscribe(
          'test-cache',
          (notice) => received.push(notice),
          () => {},
        );
        await a.cacheBus.publish({ cache: 'test-cache', op: 'clear' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(received).toEqual([]);
        await a.close();
        await b.close();
      });

    if (mode !== 'memory')
      it('carries a notice to the other instance, never back to its sender', async () => {
        const [a, b] = await twoInstances(mode);
        const toA: CacheNotice[] = [];
        const toB: CacheNotice[] = [];
        a.cacheBus.subscribe(
          'test-cache',
          (notice) => toA.push(notice),
          () => {},
        );
        let arrived!: () => void;
        const arrival = new Promise<void>((resolve) => {
          arrived = resolve;
        });
        b.cacheBus.subscribe(
          'test-cache',
          (notice) => {
            toB.push(notice);
            arrived();
          },
          () => {},
        );
        await a.cacheBus.publish({ cache: 'test-cache', op: 'delete', key: 'key_1' });
        await arrival;
        expect(toB).toEqual([expect.objectContaining({ cache: 'test-cache', op: 'delete', key: 'key_1' })]);
        expect(toA).toEqual([]);
        await a.close();
        await b.close();
      });
  });
}

describe.runIf(withPostgres)('the advisory lock on PostgreSQL', () => {
  it('lets one holder in at a time: a waiting caller runs after, a non-waiting one skips', async () => {
    const db = (database as OpenDatabase).db;
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = withAdvisoryLock(db, 'postgres', LOCKS.purge, { wait: true }, async () => {
      order.push('first in');
      await held;
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await withAdvisoryLock(db, 'postgres', LOCKS.purge, { wait: false }, async () => 'ran')).toEqual({
      ran: false,
    });
    const second = withAdvisoryLock(db, 'postgres', LOCKS.purge, { wait: true }, async () => {
      order.push('second in');
      return 2;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['first in']);
    release();
    await first;
    expect(await second).toEqual({ ran: true, value: 2 });
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });
});
