import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { ToolCallCounts } from './call-action-tool.js';

/** Open sessions of the whole process, and of one tenant, at most; a new one past either is refused. */
export const MAX_MCP_SESSIONS = 1_000;
export const MAX_MCP_SESSIONS_PER_TENANT = 100;
/** A session unused this long is closed (its client re-initializes: the SDK's clients do on a 404). */
export const MCP_SESSION_IDLE_MS = 30 * 60_000;
/** Per-action windows look this far back at most; older calls are forgotten. */
const LONGEST_WINDOW_MS = 24 * 60 * 60_000;
/** Calls remembered per API key for the windows. */
const MAX_REMEMBERED_CALLS = 1_000;

/** One client's session: who opened it, on which endpoint, and its MCP server and transport. */
export interface McpSession {
  id: string;
  tenantId: string;
  /** `api_key:<id>`: later requests of the session must come with the same key. */
  actor: string;
  /** The agent of `/mcp/agents/{id}`, or null for the tenant's `/mcp`. */
  agentId: string | null;
  server: Server;
  transport: WebStandardStreamableHTTPServerTransport;
  /** Calls made in this session, against the conversation limit. */
  callsMade: number;
  lastSeen: number;
}

/**
 * The MCP sessions of this process, bounded in number (per tenant and in all) and in idle time,
 * with what they count: calls per session, and calls per API key for the actions' windows (in
 * this process: a fleet's instances count apart). `notifyToolsChanged` sends
 * `notifications/tools/list_changed` to the sessions of a tenant (or of all, for `null`).
 */
export function createMcpSessions(
  options: { now?: () => number; maxSessions?: number; maxPerTenant?: number; idleMs?: number } = {},
) {
  const now = options.now ?? Date.now;
  const maxSessions = options.maxSessions ?? MAX_MCP_SESSIONS;
  const maxPerTenant = options.maxPerTenant ?? MAX_MCP_SESSIONS_PER_TENANT;
  const idleMs = options.idleMs ?? MCP_SESSION_IDLE_MS;
  const sessions = new Map<string, McpSession>();
  const callsByActor = new Map<string, ToolCallCounts['recentCalls']>();

  function close(session: McpSession): void {
    sessions.delete(session.id);
    // Closing the server closes its transport, which ends the client's open streams.
    session.server.close().catch(() => undefined);
  }

  function sweep(): void {
    const before = now() - idleMs;
    for (const session of sessions.values()) if (session.lastSeen < before) close(session);
  }
  const sweeper = setInterval(sweep, Math.min(idleMs, 60_000));
  sweeper.unref();

  return {
    /** Why a new session of the tenant may not open now, or `undefined`. */
    refusal(tenantId: string): string | undefined {
      sweep();
      if (sessions.size >= maxSessions)
        return `this server has ${maxSessions} open MCP sessions, its most; try again later`;
      const ofTenant = [...sessions.values()].filter((session) => session.tenantId === tenantId).length;
      if (ofTenant >= maxPerTenant)
        return `this tenant has ${maxPerTenant} open MCP sessions, its most; close one (DELETE with its Mcp-Session-Id) or wait ${Math.round(idleMs / 60_000)} minutes for idle ones to end`;
      return undefined;
    },

    add(session: McpSession): void {
      sessions.set(session.id, session);
    },

    /** The open session, marked as used; `undefined` when unknown, ended or expired. */
    use(id: string): McpSession | undefined {
      const session = sessions.get(id);
      if (!session) return undefined;
      if (session.lastSeen < now() - idleMs) {
        close(session);
        return undefined;
      }
      session.lastSeen = now();
      return session;
    },

    /** Forgets a session its transport closed (a DELETE, or the server closing). */
    forget(id: string): void {
      sessions.delete(id);
    },

    /** The counts a call of `session` is checked against; the key's list is pruned as it is read. */
    countsOf(session: McpSession): ToolCallCounts {
      const key = `${session.tenantId}/${session.actor}`;
      if (!callsByActor.has(key) && callsByActor.size >= maxSessions) callsByActor.clear();
      const since = now() - LONGEST_WINDOW_MS;
      const recent = (callsByActor.get(key) ?? [])
        .filter((call) => call.at > since)
        .slice(-MAX_REMEMBERED_CALLS);
      callsByActor.set(key, recent);
      return {
        get callsMade() {
          return session.callsMade;
        },
        set callsMade(value: number) {
          session.callsMade = value;
        },
        recentCalls: recent,
      };
    },

    notifyToolsChanged(tenantId: string | null): void {
      for (const session of sessions.values()) {
        if (tenantId !== null && session.tenantId !== tenantId) continue;
        // No open stream (the client has not opened its GET stream) drops the notice: fine.
        session.server.sendToolListChanged().catch(() => undefined);
      }
    },

    get size(): number {
      return sessions.size;
    },

    /** Ends every session (shutdown): their streams close, so the server need not wait for them. */
    async closeAll(): Promise<void> {
      clearInterval(sweeper);
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map((session) => session.server.close().catch(() => undefined)));
    },
  };
}

export type McpSessions = ReturnType<typeof createMcpSessions>;
