import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Event subscriptions: an operator's https endpoint that receives the tenant's events
 * (docs/subscriptions.md). Filters are jsonb lists (empty: every event type, every agent); the
 * signing secret is sealed like an action's, with the previous one kept for a rotation's grace.
 * Conversations get an end (`ended_at`, `end_reason`: ended by a caller, or idle), which
 * `conversation.ended` reports once.
 */
export const subscriptionsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('subscriptions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('url', 'text', (column) => column.notNull())
      .addColumn('description', 'text')
      .addColumn('event_types', 'jsonb', (column) => column.notNull())
      .addColumn('agent_ids', 'jsonb', (column) => column.notNull())
      .addColumn('signing_secret', 'text', (column) => column.notNull())
      .addColumn('previous_signing_secret', 'text')
      .addColumn('previous_signing_secret_expires_at', 'timestamptz')
      .addColumn('status', 'text', (column) => column.notNull().defaultTo('active'))
      .addColumn('disabled_reason', 'text')
      .addColumn('retry_schedule', 'jsonb')
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addCheckConstraint('subscriptions_status', sql`status in ('active', 'paused', 'disabled')`)
      .execute();
    await db.schema
      .createIndex('subscriptions_tenant_status')
      .on('subscriptions')
      .columns(['tenant_id', 'status'])
      .execute();
    await db.schema.alterTable('conversations').addColumn('ended_at', 'timestamptz').execute();
    await db.schema.alterTable('conversations').addColumn('end_reason', 'text').execute();
    await db.schema
      .createIndex('conversations_open_updated')
      .on('conversations')
      .column('updated_at')
      .where(sql.ref('ended_at'), 'is', null)
      .execute();
  },
};
