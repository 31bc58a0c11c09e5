import type { Kysely, Migration } from 'kysely';

/** API keys may be widget keys: restricted to one agent and a list of web origins. */
export const widgetKeysMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('api_keys').addColumn('widget', 'jsonb').execute();
  },
};
