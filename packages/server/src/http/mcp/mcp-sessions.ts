import { randomUUID } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import type { CacheBus } from '../../shared/cache-bus.js';
import type { McpSessionStore, StoredMcpSession } from '../../stores/mcp-session-store.js';
import type { RoutedTransport } from './routed-transport.js';

/** Open sessions of the whole fleet, and of one tenant, at most; a new one past either is refused. */
export const MAX_MCP_SESSIONS = 1_000;
export const MAX_MCP_SESSIONS_PER_TENANT = 100;
/** A session unused this long (on any instance) is ended (its client re-initializes on the 404). */
export const MCP_SESSION_IDLE_MS = 30 * 60_000;
/** The cache-bus name of session news: `delete` (ended) and `message` (a client's answer to route). */
export const MCP_SESSIONS_BUS = 'mcp-sessions';
/** PostgreSQL's NOTIFY takes under 8,000 bytes; a larger answer is not forwarded. */
const MAX_FORWARDED_BYTES = 7_000;

/** This instance's copy of a session: its SDK server and transport, built here or rebuilt from the store. */
export interface LiveMcpSession {
  stored: StoredMcpSession;
  server: Server;
  transport: RoutedTransport;
}

/**
 * The MCP sessions of a fleet: stored in the database (`mcp_sessions`), bounded per tenant and in
 * all and in idle time there, so any instance can serve a session another opened; each instance
 * keeps live copies (SDK server and transport) of the ones its requests used. Over the cache bus,
 * an ended session is closed on every instance and a client's answer to a server request reaches
 * the instance whose request it answers. `notifyToolsChanged` sends
 * `notifications/tools/list_changed` to this instance's copies of a tenant's sessions (or of all,
 * for `null`): the one holding the client's GET stream delivers it.
 */
export function createMcpSessions(options: {
  store: McpSessionStore;
  bus?: CacheBus | undefined;
  logger?: Logger | undefined;
  now?: () => number;
  maxSessions?: number;
  maxPerTenant?: number;
  idleMs?: number;
}) {
  const { store } = options;
  const now = options.now ?? Date.now;
  const maxSessions = options.maxSessions ?? MAX_MCP_SESSIONS;
  const maxPerTenant = options.maxPerTenant ?? MAX_MCP_SESSIONS_PER_TENANT;
  const idleMs = options.idleMs ?? MCP_SESSION_IDLE_MS;
  /** Tags this instance's requests to clients (elicitations): their answers find their way back. */
  const instance = randomUUID().replaceAll('-', '').slice(0, 16);
  const live = new Map<string, LiveMcpSession>();
  /** Copies being rebuilt: two requests of one session at once build it once. */
  const building = new Map<string, Promise<LiveMcpSession>>();
  const activeSince = () => new Date(now() - idleMs);
  let closed = false;

  function closeHere(id: string): void {
    const session = live.get(id);
    if (!session) return;
    live.delete(id);
    // Closing the server closes its transport, which ends the client's open streams here.
    session.server.close().catch(() => undefined);
  }

  options.bus?.subscribe(
    MCP_SESSIONS_BUS,
    (notice) => {
      if (notice.op === 'delete' && notice.key !== undefined) closeHere(notice.key);
      if (notice.op === 'message' && notice.key !== undefined) {
        try {
          const { session, message } = JSON.parse(notice.key) as { session: string; message: JSONRPCMessage };
          live.get(session)?.transport.deliver(message);
        } catch {
          // Not ours to read.
        }
      }
    },
    // Notices may have been lost: the next sweep closes copies of sessions ended meanwhile.
    () => void sweep(),
  );

  /** Ends idle sessions in the store, and closes the copies here of sessions no longer stored. */
  async function sweep(): Promise<void> {
    try {
      await store.removeIdle(activeSince());
      const open = await store.stillOpen([...live.keys()]);
      for (const id of [...live.keys()]) if (!open.has(id)) closeHere(id);
    } catch (error) {
      options.logger?.warn({ err: error }, 'could not sweep MCP sessions; trying again later');
    }
  }
  const sweeper = setInterval(() => void sweep(), Math.min(idleMs, 60_000));
  sweeper.unref();

  return {
    /** Tags this instance's requests to clients. */
    instance,

    /** Why a new session of the tenant may not open now, or `undefined`. */
    async refusal(tenantId: string): Promise<string | undefined> {
      const counted = await store.count(tenantId, activeSince());
      if (counted.total >= maxSessions)
        return `this server has ${maxSessions} open MCP sessions, its most; try again later`;
      if (counted.ofTenant >= maxPerTenant)
        return `this tenant has ${maxPerTenant} open MCP sessions, its most; close one (DELETE with its Mcp-Session-Id) or wait ${Math.round(idleMs / 60_000)} minutes for idle ones to end`;
      return undefined;
    },

    /** Stores a session just initialized here (before its answer goes out). */
    async open(session: Omit<StoredMcpSession, 'createdAt' | 'lastSeenAt'>): Promise<StoredMcpSession> {
      const at = new Date(now());
      await store.insert({ ...session, createdAt: at });
      return { ...session, createdAt: at, lastSeenAt: at };
    },

    /** The stored session, marked as used; `undefined` when unknown, ended or idle too long. */
    async use(id: string): Promise<StoredMcpSession | undefined> {
      const stored = await store.touch(id, new Date(now()), activeSince());
      if (!stored) closeHere(id);
      return stored;
    },

    /** This instance's copy of a session: the one it has, else the one `build` makes (once). */
    async copy(id: string, build: () => Promise<LiveMcpSession>): Promise<LiveMcpSession> {
      const have = live.get(id);
      if (have) return have;
      let pending = building.get(id);
      if (!pending) {
        pending = build().finally(() => building.delete(id));
        building.set(id, pending);
      }
      return pending;
    },

    /** Keeps this instance's copy of a session. */
    keep(session: LiveMcpSession): void {
      const before = live.get(session.stored.id);
      if (before && before !== session) before.server.close().catch(() => undefined);
      live.set(session.stored.id, session);
    },

    /** Forgets a copy its transport closed. */
    forget(id: string, session?: LiveMcpSession): void {
      if (session === undefined || live.get(id) === session) live.delete(id);
    },

    /** Ends a session on every instance (a DELETE): gone from the store, its copies closed. */
    async end(id: string): Promise<void> {
      await store.remove(id);
      closeHere(id);
      await options.bus?.publish({ cache: MCP_SESSIONS_BUS, op: 'delete', key: id });
    },

    /** Sends a client's answer to the instance whose request it answers (tagged in its id). */
    forward(session: string, message: JSONRPCMessage): void {
      const key = JSON.stringify({ session, message });
      if (Buffer.byteLength(key) > MAX_FORWARDED_BYTES) {
        options.logger?.warn({ session }, 'an MCP answer too large to forward was dropped');
        return;
      }
      void options.bus?.publish({ cache: MCP_SESSIONS_BUS, op: 'message', key });
    },

    notifyToolsChanged(tenantId: string | null): void {
      for (const session of live.values()) {
        if (tenantId !== null && session.stored.tenantId !== tenantId) continue;
        // No open stream here (the client's GET stream is on another instance, or not open): dropped.
        session.server.sendToolListChanged().catch(() => undefined);
      }
    },

    /** Whether `closeAll` ran (shutdown): no copy is built or kept any more. */
    get closed(): boolean {
      return closed;
    },

    /** How many sessions this instance holds copies of. */
    get size(): number {
      return live.size;
    },

    sweep,

    /**
     * Shutdown: closes this instance's copies (their streams end, so the server need not wait for
     * them); the sessions stay stored, and another instance serves their next requests.
     */
    async closeAll(): Promise<void> {
      closed = true;
      clearInterval(sweeper);
      const open = [...live.values()];
      live.clear();
      await Promise.all(open.map((session) => session.server.close().catch(() => undefined)));
    },
  };
}

export type McpSessions = ReturnType<typeof createMcpSessions>;
