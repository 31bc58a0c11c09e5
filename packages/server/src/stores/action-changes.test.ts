import { describe, expect, it } from 'vitest';
import type { CacheBus, CacheNotice } from '../shared/cache-bus.js';
import { ACTION_VIEWS_CACHE, createActionChanges } from './action-changes.js';

/** A bus whose received notices and resyncs the test plays by hand. */
function handBus() {
  const subscribers: Array<{ cache: string; apply: (notice: CacheNotice) => void; resync: () => void }> = [];
  const bus: CacheBus = {
    kind: 'local',
    publish: async () => {},
    subscribe: (cache, apply, resync) => subscribers.push({ cache, apply, resync }),
    close: async () => {},
  };
  return {
    bus,
    receive: (notice: CacheNotice) => {
      for (const s of subscribers) if (s.cache === notice.cache) s.apply(notice);
    },
    resync: () => {
      for (const s of subscribers) s.resync();
    },
  };
}

describe('action changes', () => {
  it("tells listeners of this process's writes and of other instances' notices", () => {
    const hand = handBus();
    const changes = createActionChanges(hand.bus);
    const heard: Array<string | null> = [];
    const stop = changes.subscribe((tenantId) => heard.push(tenantId));
    changes.subscribe(() => {
      throw new Error('a failing listener');
    });
    changes.changed('tenant_a');
    hand.receive({ cache: ACTION_VIEWS_CACHE, op: 'delete', key: 'tenant_b' });
    hand.receive({ cache: 'action-callable', op: 'prefix', key: 'tenant_c/' });
    hand.resync();
    expect(heard).toEqual(['tenant_a', 'tenant_b', null]);
    stop();
    changes.changed('tenant_a');
    expect(heard).toHaveLength(3);
  });
});
