import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { CacheBus, CacheNotice } from '../../shared/cache-bus.js';
import type { OpenDatabase } from '../../storage/open-database.js';
import { createMcpSessionStore, type StoredMcpSession } from '../../stores/mcp-session-store.js';
import { createTenantStore } from '../../stores/tenant-store.js';
import { describeEachEngine } from '../../test/describe-each-engine.js';
import { openTestDatabase } from '../../test/engines.js';
import { createMcpSessions, type LiveMcpSession, type McpSessions } from './mcp-sessions.js';
import type { RoutedTransport } from './routed-transport.js';

let clock = 1_000_000;

/** Buses that carry each other's notices, as two instances' LISTEN connections would. */
function linkedBuses(count: number): CacheBus[] {
  const subscribers: Array<Array<{ cache: string; apply: (notice: CacheNotice) => void }>> = [];
  return Array.from({ length: count }, (_, index) => {
    subscribers[index] = [];
    return {
      kind: 'local' as const,
      async publish(notice: CacheNotice) {
        subscribers.forEach((list, other) => {
          if (other === index) return;
          for (const one of list) if (one.cache === notice.cache) one.apply(notice);
        });
      },
      subscribe(cache: string, apply: (notice: CacheNotice) => void) {
        subscribers[index]?.push({ cache, apply });
      },
      async close() {},
    };
  });
}

/** A live copy whose server records what it was sent. */
function copyOf(stored: StoredMcpSession, log: string[]): LiveMcpSession {
  const server = {
    close: async () => void log.push(`closed ${stored.id}`),
    sendToolListChanged: async () => void log.push(`changed ${stored.id}`),
  } as unknown as Server;
  const transport = {
    deliver: (message: unknown) => void log.push(`delivered ${JSON.stringify(message)}`),
  } as unknown as RoutedTransport;
  return { stored, server, transport };
}

describeEachEngine('MCP sessions in the database on $engine', (engine) => {
  let opened: OpenDatabase;
  const made: McpSessions[] = [];
  beforeAll(async () => {
    opened = await openTestDatabase(engine);
    const tenants = createTenantStore(opened.db);
    for (const id of ['tenant_a', 'tenant_b', 'tenant_c']) await tenants.create({ id, name: id });
  });
  afterEach(async () => {
    await Promise.all(made.splice(0).map((sessions) => sessions.closeAll()));
    await opened.db.deleteFrom('mcp_sessions').execute();
  });
  afterAll(() => opened?.close());

  function registry(options: {
    maxSessions?: number;
    maxPerTenant?: number;
    idleMs?: number;
    bus?: CacheBus;
  }) {
    const sessions = createMcpSessions({
      store: createMcpSessionStore(opened.db),
      now: () => clock,
      ...options,
    });
    made.push(sessions);
    return sessions;
  }
  const open = (sessions: McpSessions, id: string, tenantId: string) =>
    sessions.open({
      id,
      tenantId,
      actor: 'api_key:k1',
      agentId: null,
      initialize: { protocolVersion: '2025-06-18' },
    });

  it('bounds sessions per tenant and in all, across instances, and ends idle ones', async () => {
    const log: string[] = [];
    const [first, second] = [
      registry({ maxSessions: 3, maxPerTenant: 2, idleMs: 60_000 }),
      registry({ maxSessions: 3, maxPerTenant: 2, idleMs: 60_000 }),
    ] as [McpSessions, McpSessions];
    first.keep(copyOf(await open(first, 'a1', 'tenant_a'), log));
    await open(second, 'a2', 'tenant_a');
    expect(await second.refusal('tenant_a')).toMatch(/this tenant has 2 open MCP sessions/);
    expect(await first.refusal('tenant_b')).toBeUndefined();
    await open(first, 'b1', 'tenant_b');
    expect(await second.refusal('tenant_c')).toMatch(/this server has 3 open MCP sessions/);
    clock += 30_000;
    expect((await second.use('a1'))?.initialize).toEqual({ protocolVersion: '2025-06-18' });
    clock += 40_000; // a2 and b1 idle for 70 s, a1 for 40 s
    expect(await first.use('a2')).toBeUndefined();
    expect(await first.refusal('tenant_a')).toBeUndefined();
    clock += 30_000; // a1 idle for 70 s now: the sweep ends it and closes the copy
    await first.sweep();
    expect(await opened.db.selectFrom('mcp_sessions').select('id').execute()).toEqual([]);
    expect(log).toEqual(['closed a1']);
    expect(first.size).toBe(0);
  });

  it('ends a session on every instance, and routes an answer to the instance holding it', async () => {
    const log: string[] = [];
    const [busA, busB] = linkedBuses(2) as [CacheBus, CacheBus];
    const a = registry({ bus: busA });
    const b = registry({ bus: busB });
    const stored = await open(a, 's1', 'tenant_a');
    a.keep(copyOf(stored, log));
    b.keep(copyOf(stored, log));
    b.forward('s1', { jsonrpc: '2.0', id: `${a.instance}:0`, result: { action: 'accept' } });
    expect(log).toEqual([`delivered {"jsonrpc":"2.0","id":"${a.instance}:0","result":{"action":"accept"}}`]);
    await b.end('s1');
    expect(log.slice(1).sort()).toEqual(['closed s1', 'closed s1']);
    expect(await a.use('s1')).toBeUndefined();
    expect([a.size, b.size]).toEqual([0, 0]);
  });

  it("tells this instance's copies of a tenant's sessions, or all, that the tools changed", async () => {
    const log: string[] = [];
    const sessions = registry({});
    sessions.keep(copyOf(await open(sessions, 'a1', 'tenant_a'), log));
    sessions.keep(copyOf(await open(sessions, 'b1', 'tenant_b'), log));
    sessions.notifyToolsChanged('tenant_b');
    sessions.notifyToolsChanged(null);
    expect(log).toEqual(['changed b1', 'changed a1', 'changed b1']);
  });
});
