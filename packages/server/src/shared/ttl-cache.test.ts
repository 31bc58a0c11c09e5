import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.js';

describe('createTtlCache', () => {
  it('serves a hit until it expires, then loads again', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createTtlCache<number>(1000, 100, () => clock);
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    clock = 999;
    expect(await cache.get('a', load)).toBe(1);
    clock = 1000;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('shares one load between concurrent misses and forgets failures', async () => {
    let loads = 0;
    const cache = createTtlCache<number>(1000);
    const [first, second] = await Promise.all([
      cache.get('k', async () => ++loads),
      cache.get('k', async () => ++loads),
    ]);
    expect([first, second, loads]).toEqual([1, 1, 1]);
    await expect(cache.get('boom', async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await cache.get('boom', async () => 7)).toBe(7);
  });

  it('deletes by key and by prefix', async () => {
    const cache = createTtlCache<string>(60_000);
    await cache.get('t1/list', async () => 'old list');
    await cache.get('t1/one', async () => 'old one');
    await cache.get('t2/list', async () => 'other tenant');
    cache.deletePrefix('t1/');
    expect(await cache.get('t1/list', async () => 'new list')).toBe('new list');
    expect(await cache.get('t2/list', async () => 'reloaded')).toBe('other tenant');
    cache.delete('t2/list');
    expect(await cache.get('t2/list', async () => 'reloaded')).toBe('reloaded');
  });
});
