import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The durable queue (docs/architecture/deliveries.md): `deliveries`, one row per thing that must
 * happen later, written in the transaction of the change that caused it; `delivery_attempts`, one
 * row per attempt with its outcome and a short excerpt of the response. Workers find due rows by
 * `(status, next_attempt_at)`; the API lists a tenant's rows newest first.
 */
export const deliveriesMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('event_type', 'text')
      .addColumn('subscription_id', 'text')
      .addColumn('payload', 'jsonb', (column) => column.notNull())
      .addColumn('status', 'text', (column) =>
        column.notNull().check(sql`status in ('pending', 'delivered', 'dead', 'cancelled')`),
      )
      .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('retry_schedule', 'jsonb')
      .addColumn('next_attempt_at', 'timestamptz', (column) => column.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claim_expires_at', 'timestamptz')
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('finished_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('deliveries_due')
      .on('deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('deliveries_tenant_created')
      .on('deliveries')
      .columns(['tenant_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('deliveries_tenant_subscription')
      .on('deliveries')
      .columns(['tenant_id', 'subscription_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('delivery_attempts')
      .addColumn('id', 'text', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
      .addColumn('delivery_id', 'text', (column) =>
        column.notNull().references('deliveries.id').onDelete('cascade'),
      )
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('attempt', 'integer', (column) => column.notNull())
      .addColumn('started_at', 'timestamptz', (column) => column.notNull())
      .addColumn('duration_ms', 'double precision', (column) => column.notNull())
      .addColumn('outcome', 'text', (column) => column.notNull())
      .addColumn('status', 'integer')
      .addColumn('error', 'text')
      .addColumn('response_excerpt', 'text')
      .execute();
    await db.schema
      .createIndex('delivery_attempts_delivery')
      .on('delivery_attempts')
      .columns(['delivery_id', 'started_at'])
      .execute();
  },
};
