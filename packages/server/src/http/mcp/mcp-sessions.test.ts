import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createMcpSessions, type McpSession, type McpSessions } from './mcp-sessions.js';

let clock = 1_000_000;
const made: McpSessions[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((sessions) => sessions.closeAll()));
});

function registry(options: { maxSessions?: number; maxPerTenant?: number; idleMs?: number }) {
  const sessions = createMcpSessions({ now: () => clock, ...options });
  made.push(sessions);
  return sessions;
}

/** A session whose server records what it was sent. */
function session(id: string, tenantId: string, log: string[]): McpSession {
  const server = {
    close: async () => void log.push(`closed ${id}`),
    sendToolListChanged: async () => void log.push(`changed ${id}`),
  } as unknown as Server;
  return {
    id,
    tenantId,
    actor: 'api_key:k1',
    agentId: null,
    server,
    transport: {} as WebStandardStreamableHTTPServerTransport,
    callsMade: 0,
    lastSeen: clock,
  };
}

describe('MCP sessions', () => {
  it('bounds sessions per tenant and in all, and closes idle ones', () => {
    const log: string[] = [];
    const sessions = registry({ maxSessions: 3, maxPerTenant: 2, idleMs: 60_000 });
    sessions.add(session('a1', 'tenant_a', log));
    sessions.add(session('a2', 'tenant_a', log));
    expect(sessions.refusal('tenant_a')).toMatch(/this tenant has 2 open MCP sessions/);
    expect(sessions.refusal('tenant_b')).toBeUndefined();
    sessions.add(session('b1', 'tenant_b', log));
    expect(sessions.refusal('tenant_c')).toMatch(/this server has 3 open MCP sessions/);
    clock += 30_000;
    expect(sessions.use('a1')?.id).toBe('a1');
    clock += 40_000; // a2 and b1 idle for 70 s, a1 for 40 s
    expect(sessions.use('a2')).toBeUndefined();
    expect(sessions.refusal('tenant_a')).toBeUndefined();
    expect(sessions.size).toBe(1);
    expect(log).toEqual(['closed a2', 'closed b1']);
  });

  it("tells a tenant's sessions, or all, that the tools changed", () => {
    const log: string[] = [];
    const sessions = registry({});
    sessions.add(session('a1', 'tenant_a', log));
    sessions.add(session('b1', 'tenant_b', log));
    sessions.notifyToolsChanged('tenant_b');
    sessions.notifyToolsChanged(null);
    expect(log).toEqual(['changed b1', 'changed a1', 'changed b1']);
  });

  it('counts calls per session and windows per API key', () => {
    const sessions = registry({});
    const first = session('a1', 'tenant_a', []);
    const second = session('a2', 'tenant_a', []);
    sessions.add(first);
    sessions.add(second);
    const counts = sessions.countsOf(first);
    counts.callsMade += 1;
    counts.recentCalls.push({ action: 'ping', at: clock });
    expect(first.callsMade).toBe(1);
    expect(sessions.countsOf(second)).toMatchObject({
      callsMade: 0,
      recentCalls: [{ action: 'ping', at: clock }],
    });
  });
});
