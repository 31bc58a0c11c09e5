import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Remote MCP servers (docs/architecture/mcp.md, "Remote MCP servers (client)"): an agent's
 * outside MCP servers whose tools it may call beside its actions. `auth` holds the kind and the
 * non-secret parts (a header name, an OAuth2 token URL and client id); `secret` the sealed header
 * value or client secret.
 */
export const remoteMcpServersMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('remote_mcp_servers')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('url', 'text', (column) => column.notNull())
      .addColumn('auth', 'jsonb', (column) => column.notNull())
      .addColumn('secret', 'text')
      .addColumn('enabled', 'boolean', (column) => column.notNull().defaultTo(true))
      .addColumn('tools', 'jsonb')
      .addColumn('timeout_ms', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('remote_mcp_servers_agent_name', ['agent_id', 'name'])
      .execute();
    await db.schema
      .createIndex('remote_mcp_servers_tenant_agent')
      .on('remote_mcp_servers')
      .columns(['tenant_id', 'agent_id'])
      .execute();
  },
};
