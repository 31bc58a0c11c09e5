import { describe, expect, it } from 'vitest';
import { createDedupe, type DedupeStore } from './create-dedupe.js';

describe('createDedupe', () => {
  it('claims an id once, until it expires', () => {
    let clock = 1_000;
    const dedupe = createDedupe({ ttlMs: 100, now: () => clock });
    expect(dedupe.claim('msg_1')).toBe(true);
    expect(dedupe.claim('msg_1')).toBe(false);
    expect(dedupe.seen('msg_1')).toBe(true);
    expect(dedupe.seen('msg_2')).toBe(false);
    clock += 100;
    expect(dedupe.seen('msg_1')).toBe(false);
    expect(dedupe.claim('msg_1')).toBe(true);
  });

  it('forgets an id whose handling failed, so the retry is handled', () => {
    const dedupe = createDedupe();
    dedupe.remember('msg_1');
    dedupe.forget('msg_1');
    expect(dedupe.claim('msg_1')).toBe(true);
  });

  it('keeps at most maxEntries ids, dropping the oldest', () => {
    const dedupe = createDedupe({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) dedupe.remember(id);
    expect(dedupe.size).toBe(2);
    expect(dedupe.seen('a')).toBe(false);
    expect(dedupe.seen('b')).toBe(true);
    expect(dedupe.seen('c')).toBe(true);
  });

  it('drops expired ids from memory as time passes', () => {
    let clock = 0;
    const dedupe = createDedupe({ ttlMs: 10, now: () => clock });
    dedupe.remember('a');
    dedupe.remember('b');
    clock = 10;
    dedupe.remember('c');
    expect(dedupe.size).toBe(1);
  });

  it('refuses settings that cannot work, naming them', () => {
    expect(() => createDedupe({ ttlMs: 0 })).toThrow(/ttlMs/);
    expect(() => createDedupe({ maxEntries: 0.5 })).toThrow(/maxEntries/);
  });

  it('is a DedupeStore, the interface a shared store implements', async () => {
    const shared = new Set<string>();
    const redisLike: DedupeStore = {
      claim: async (id) => !shared.has(id) && Boolean(shared.add(id)),
      forget: async (id) => void shared.delete(id),
    };
    for (const store of [createDedupe(), redisLike]) {
      expect(await store.claim('x')).toBe(true);
      expect(await store.claim('x')).toBe(false);
    }
  });
});
