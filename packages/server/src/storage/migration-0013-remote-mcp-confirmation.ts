import type { Kysely, Migration } from 'kysely';

/**
 * Remote MCP servers' confirmation setting (docs/architecture/mcp.md, "Confirmation"): `auto`
 * (by the tools' annotations), `always` or `never`. Servers stored before it are `auto`.
 */
export const remoteMcpConfirmationMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('remote_mcp_servers')
      .addColumn('confirmation', 'text', (column) => column.notNull().defaultTo('auto'))
      .execute();
  },
};
