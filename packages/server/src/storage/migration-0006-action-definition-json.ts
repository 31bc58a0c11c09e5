import { type Kysely, type Migration, sql } from 'kysely';

/**
 * An action's definition is stored as `json`, not `jsonb`: jsonb keeps object keys sorted by
 * length and then bytes, so the parameters of `parameters.properties` came back in another order
 * than the operator entered them (and the model saw them in that order too). `json` keeps the text
 * as written. Nothing queries inside the definition, so no jsonb operator or index is lost.
 * Definitions saved before this keep the order jsonb gave them.
 */
export const actionDefinitionJsonMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema type exists.
  async up(db: Kysely<any>) {
    await sql`alter table actions alter column definition type json using definition::text::json`.execute(db);
  },
};
