import type { Kysely, Migration } from 'kysely';

/**
 * Turn leases get an owner (a turn that outlived its lease cannot overwrite the next one), agents a
 * version counter and a signing secret rotation, conversations an index by agent.
 */
export const turnLeasesMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('conversations').addColumn('lease_id', 'text').execute();
    await db.schema
      .alterTable('agents')
      .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('agents').addColumn('previous_signing_secret', 'text').execute();
    await db.schema
      .alterTable('agents')
      .addColumn('previous_signing_secret_expires_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('conversations_agent').on('conversations').column('agent_id').execute();
  },
};
