import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Async action calls waiting for their callback: the callback token's SHA-256 (never the token),
 * what it is bound to (tenant, conversation, call, action), its deadline and its state.
 */
export const asyncCallsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('async_calls')
      .addColumn('call_id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('conversation_id', 'text', (column) =>
        column.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('action_id', 'text', (column) => column.notNull())
      .addColumn('action_name', 'text', (column) => column.notNull())
      .addColumn('arguments', 'jsonb', (column) => column.notNull())
      .addColumn('token_hash', 'text', (column) => column.notNull().unique())
      .addColumn('state', 'text', (column) => column.notNull().defaultTo('pending'))
      .addColumn('deadline', 'timestamptz', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('settled_at', 'timestamptz')
      .execute();
    // The late answer on the call's log record: the callback's result, or the deadline's expiry.
    await db.schema.alterTable('calls').addColumn('callback', 'jsonb').execute();
    await db.schema
      .createIndex('async_calls_pending_deadline')
      .on('async_calls')
      .columns(['state', 'deadline'])
      .execute();
  },
};
