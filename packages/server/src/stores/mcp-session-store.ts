import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../storage/schema.js';

/** An MCP session as stored: who opened it, where, and the client's initialize request. */
export interface StoredMcpSession {
  id: string;
  tenantId: string;
  actor: string;
  agentId: string | null;
  /** The `params` of the client's `initialize` (protocol version, capabilities, client info). */
  initialize: Record<string, unknown>;
  createdAt: Date;
  lastSeenAt: Date;
}

type Row = Selectable<Database['mcp_sessions']>;

function view(row: Row): StoredMcpSession {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    actor: row.actor,
    agentId: row.agent_id,
    initialize: row.initialize,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
  };
}

/**
 * The open MCP sessions of every instance on the database (docs/architecture/mcp.md): a request
 * with a session id opened elsewhere finds it here, and an ended one is gone for all.
 */
export function createMcpSessionStore(db: Kysely<Database>) {
  return {
    async insert(session: Omit<StoredMcpSession, 'lastSeenAt'>): Promise<void> {
      await db
        .insertInto('mcp_sessions')
        .values({
          id: session.id,
          tenant_id: session.tenantId,
          actor: session.actor,
          agent_id: session.agentId,
          initialize: JSON.stringify(session.initialize),
          created_at: session.createdAt,
          last_seen_at: session.createdAt,
        })
        .execute();
    },

    /** The session, marked as seen at `at`; `undefined` when unknown, ended or idle since before `activeSince`. */
    async touch(id: string, at: Date, activeSince: Date): Promise<StoredMcpSession | undefined> {
      const row = await db
        .updateTable('mcp_sessions')
        .set({ last_seen_at: at })
        .where('id', '=', id)
        .where('last_seen_at', '>=', activeSince)
        .returningAll()
        .executeTakeFirst();
      return row ? view(row) : undefined;
    },

    /** Ends a session; whether it was there. */
    async remove(id: string): Promise<boolean> {
      const result = await db.deleteFrom('mcp_sessions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Sessions active since `activeSince`: in all, and of `tenantId`. */
    async count(tenantId: string, activeSince: Date): Promise<{ total: number; ofTenant: number }> {
      const row = await db
        .selectFrom('mcp_sessions')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('total'),
          eb.fn.count<number | string>('id').filterWhere('tenant_id', '=', tenantId).as('of_tenant'),
        ])
        .where('last_seen_at', '>=', activeSince)
        .executeTakeFirst();
      return { total: Number(row?.total ?? 0), ofTenant: Number(row?.of_tenant ?? 0) };
    },

    /** Deletes the sessions idle since before `activeSince`. */
    async removeIdle(activeSince: Date): Promise<number> {
      const result = await db
        .deleteFrom('mcp_sessions')
        .where('last_seen_at', '<', activeSince)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Which of `ids` are still stored (a sweep closes this instance's copies of the others). */
    async stillOpen(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('mcp_sessions').select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((row) => row.id));
    },
  };
}

export type McpSessionStore = ReturnType<typeof createMcpSessionStore>;
