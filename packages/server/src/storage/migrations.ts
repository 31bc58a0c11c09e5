import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { agentsMigration } from './migration-0003-agents.js';
import { turnLeasesMigration } from './migration-0004-turn-leases.js';
import { widgetKeysMigration } from './migration-0005-widget-keys.js';
import { actionDefinitionJsonMigration } from './migration-0006-action-definition-json.js';
import { deliveriesMigration } from './migration-0007-deliveries.js';
import { subscriptionsMigration } from './migration-0008-subscriptions.js';
import { asyncCallsMigration } from './migration-0009-async-calls.js';
import { channelsMigration } from './migration-0010-channels.js';
import { remoteMcpServersMigration } from './migration-0011-remote-mcp-servers.js';
import { fleetToolCallsMigration } from './migration-0012-fleet-tool-calls.js';

/**
 * Every migration, in order. The same SQL runs on the embedded database and on PostgreSQL. Ids
 * are text (PGlite returns int8 as a number and pg as a string), JSON is jsonb (an action's
 * definition is json, which keeps its keys in the order written: migration 0006).
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('tenants')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('max_actions', 'integer', (column) => column.notNull().defaultTo(10))
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('operators')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('tenant_id', 'text', (column) =>
          column.notNull().references('tenants.id').onDelete('cascade'),
        )
        .addColumn('email', 'text', (column) => column.notNull())
        .addColumn('password_hash', 'text', (column) => column.notNull())
        .addColumn('scopes', 'jsonb', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn('disabled_at', 'timestamptz')
        .addUniqueConstraint('operators_tenant_email', ['tenant_id', 'email'])
        .execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('tenant_id', 'text', (column) =>
          column.notNull().references('tenants.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('prefix', 'text', (column) => column.notNull())
        .addColumn('key_hash', 'text', (column) => column.notNull().unique())
        .addColumn('scopes', 'jsonb', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn('revoked_at', 'timestamptz')
        .addColumn('last_used_at', 'timestamptz')
        .execute();
      await db.schema
        .createTable('actions')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('tenant_id', 'text', (column) =>
          column.notNull().references('tenants.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('definition', 'jsonb', (column) => column.notNull())
        .addColumn('secrets', 'jsonb', (column) => column.notNull())
        .addColumn('signing_secret', 'text', (column) => column.notNull())
        .addColumn('previous_signing_secret', 'text')
        .addColumn('previous_signing_secret_expires_at', 'timestamptz')
        .addColumn('enabled', 'boolean', (column) => column.notNull().defaultTo(true))
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('actions_tenant_name', ['tenant_id', 'name'])
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
        .addColumn('tenant_id', 'text', (column) =>
          column.notNull().references('tenants.id').onDelete('cascade'),
        )
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('event', 'text', (column) => column.notNull())
        .addColumn('target_type', 'text', (column) => column.notNull())
        .addColumn('target_id', 'text', (column) => column.notNull())
        .addColumn('fields', 'jsonb', (column) => column.notNull())
        .addColumn('at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createIndex('audit_log_tenant_at')
        .on('audit_log')
        .columns(['tenant_id', 'at'])
        .execute();
      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('tenant_id', 'text', (column) =>
          column.notNull().references('tenants.id').onDelete('cascade'),
        )
        .addColumn('action_id', 'text')
        .addColumn('action_name', 'text', (column) => column.notNull())
        .addColumn('conversation_id', 'text')
        .addColumn('trigger', 'text', (column) => column.notNull())
        .addColumn('idempotency_key', 'text', (column) => column.notNull())
        .addColumn('request', 'jsonb')
        .addColumn('status', 'integer')
        .addColumn('response', 'jsonb')
        .addColumn('result', 'jsonb', (column) => column.notNull())
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('failure_kind', 'text')
        .addColumn('duration_ms', 'double precision', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createIndex('calls_tenant_created')
        .on('calls')
        .columns(['tenant_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('calls_tenant_action')
        .on('calls')
        .columns(['tenant_id', 'action_id', 'created_at'])
        .execute();
    },
  },
  '0002_sessions': {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (column) => column.primaryKey())
        .addColumn('tenant_id', 'text', (column) =>
          column.notNull().references('tenants.id').onDelete('cascade'),
        )
        .addColumn('operator_id', 'text', (column) =>
          column.notNull().references('operators.id').onDelete('cascade'),
        )
        .addColumn('csrf_token', 'text', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
        .execute();
      await db.schema.alterTable('calls').addColumn('contact_id', 'text').execute();
      await db.schema.createIndex('calls_created').on('calls').column('created_at').execute();
    },
  },
  '0003_agents': agentsMigration,
  '0004_turn_leases': turnLeasesMigration,
  '0005_widget_keys': widgetKeysMigration,
  '0006_action_definition_json': actionDefinitionJsonMigration,
  '0007_deliveries': deliveriesMigration,
  '0008_subscriptions': subscriptionsMigration,
  '0009_async_calls': asyncCallsMigration,
  '0010_channels': channelsMigration,
  '0011_remote_mcp_servers': remoteMcpServersMigration,
  '0012_fleet_tool_calls': fleetToolCallsMigration,
};

/** The names of every migration, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Whether every migration is already applied: one query, where Kysely's migrator takes its lock
 * and runs several (~150 ms of a restart on the embedded database). False when the migrations
 * table does not exist yet or anything is missing; the migrator then does the real work.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any database before its schema is known.
async function upToDate(db: Kysely<any>): Promise<boolean> {
  const exists = await sql<{
    found: string | null;
  }>`select to_regclass('toolgate_migrations')::text as found`.execute(db);
  if (!exists.rows[0]?.found) return false;
  const applied = await sql<{ name: string }>`select name from toolgate_migrations`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  return MIGRATION_NAMES.every((name) => names.has(name));
}

/**
 * Brings a database up to the newest schema; throws if a migration fails (nothing half-applied:
 * Kysely runs each migration in a transaction on Postgres-family engines).
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any database before its schema is known.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (await upToDate(db)) return [];
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'toolgate_migrations',
    migrationLockTableName: 'toolgate_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
