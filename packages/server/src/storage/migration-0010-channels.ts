import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Inbound channels (docs/channels.md): an outside platform posts a customer's message to
 * `/agents/{id}/chat/{channel}`. `channels` holds each agent's channels with their sealed inbound
 * secret; `channel_inbound_ids` the message ids already received (replays are refused);
 * `channel_contacts` which conversation a platform contact is in.
 */
export const channelsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('channels')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) =>
        column.notNull().references('tenants.id').onDelete('cascade'),
      )
      .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('secret', 'text', (column) => column.notNull())
      .addColumn('previous_secret', 'text')
      .addColumn('previous_secret_expires_at', 'timestamptz')
      .addColumn('outbound_url', 'text')
      .addColumn('reply_mode', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('channels_agent_name', ['agent_id', 'name'])
      .execute();
    await db.schema.createIndex('channels_tenant').on('channels').column('tenant_id').execute();
    await db.schema
      .createTable('channel_inbound_ids')
      .addColumn('channel_id', 'text', (column) =>
        column.notNull().references('channels.id').onDelete('cascade'),
      )
      .addColumn('message_id', 'text', (column) => column.notNull())
      .addColumn('received_at', 'timestamptz', (column) => column.notNull())
      .addPrimaryKeyConstraint('channel_inbound_ids_pk', ['channel_id', 'message_id'])
      .execute();
    await db.schema
      .createIndex('channel_inbound_ids_received')
      .on('channel_inbound_ids')
      .column('received_at')
      .execute();
    await db.schema
      .createTable('channel_contacts')
      .addColumn('channel_id', 'text', (column) =>
        column.notNull().references('channels.id').onDelete('cascade'),
      )
      .addColumn('contact_id', 'text', (column) => column.notNull())
      .addColumn('conversation_id', 'text', (column) =>
        column.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addPrimaryKeyConstraint('channel_contacts_pk', ['channel_id', 'contact_id'])
      .execute();
  },
};
