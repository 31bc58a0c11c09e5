import { type Kysely, type Migration, sql } from 'kysely';

/** Agents, their conversations and the messages of each. */
export const agentsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('settings', 'jsonb', (column) => column.notNull())
      .addColumn('model_key', 'text')
      .addColumn('signing_secret', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('agents_tenant_name', ['tenant_id', 'name'])
      .execute();
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('contact_id', 'text')
      .addColumn('metadata', 'jsonb', (column) => column.notNull())
      .addColumn('state', 'jsonb', (column) => column.notNull())
      .addColumn('message_count', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('busy_until', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('conversations_tenant_created')
      .on('conversations')
      .columns(['tenant_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createTable('messages')
      .addColumn('conversation_id', 'text', (column) =>
        column.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('content', 'jsonb', (column) => column.notNull())
      .addColumn('call_id', 'text')
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('messages_pk', ['conversation_id', 'seq'])
      .execute();
  },
};
