import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Tool calls from outside a conversation, counted across a fleet (docs/architecture/mcp.md,
 * tools-api.md). `calls.actor` is who made the call (`api_key:<id>` for the tools API and MCP)
 * and `calls.mcp_session_id` the MCP session it was made in: the limits count from the log, so
 * every instance sees the same counts. `mcp_sessions` holds the open MCP sessions, so any
 * instance can serve a session another opened.
 */
export const fleetToolCallsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('calls').addColumn('actor', 'text').execute();
    await db.schema.alterTable('calls').addColumn('mcp_session_id', 'text').execute();
    // The per-action window of an API key (MCP): this key's calls of this action since a time.
    await db.schema
      .createIndex('calls_actor_action')
      .on('calls')
      .columns(['tenant_id', 'actor', 'action_id', 'created_at'])
      .where(sql.ref('actor'), 'is not', null)
      .execute();
    // A session's and a conversation's call count (and the tools API's per-conversation window).
    await db.schema
      .createIndex('calls_mcp_session')
      .on('calls')
      .columns(['mcp_session_id', 'action_id', 'created_at'])
      .where(sql.ref('mcp_session_id'), 'is not', null)
      .execute();
    await db.schema
      .createIndex('calls_tenant_conversation')
      .on('calls')
      .columns(['tenant_id', 'conversation_id', 'action_id', 'created_at'])
      .where(sql.ref('conversation_id'), 'is not', null)
      .execute();
    await db.schema
      .createTable('mcp_sessions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('actor', 'text', (column) => column.notNull())
      .addColumn('agent_id', 'text', (column) => column.references('agents.id').onDelete('cascade'))
      // The client's initialize request (protocol version, capabilities, client info), replayed
      // to rebuild the session on another instance.
      .addColumn('initialize', 'jsonb', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addColumn('last_seen_at', 'timestamptz', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('mcp_sessions_tenant').on('mcp_sessions').column('tenant_id').execute();
    await db.schema.createIndex('mcp_sessions_last_seen').on('mcp_sessions').column('last_seen_at').execute();
  },
};
