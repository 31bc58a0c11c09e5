import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

/** One change: who made it, to what, and which fields (names only, never values). */
export interface AuditEntry {
  tenantId: string;
  actor: string;
  event: string;
  targetType: string;
  targetId: string;
  fields?: string[];
}

/** Records a change in the same transaction as the change itself. */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      actor: entry.actor,
      event: entry.event,
      target_type: entry.targetType,
      target_id: entry.targetId,
      fields: JSON.stringify(entry.fields ?? []),
      at,
    })
    .execute();
}

/**
 * A tenant's audit log, newest first. Each entry keeps `actor` as recorded (`operator:<id>`,
 * `api_key:<id>`, or a word such as `system`) and adds `actorLabel` for people to read: the
 * operator's email, the API key's name, "deleted operator (<id>)" / "deleted API key (<id>)" when
 * it is gone, or the actor as it is.
 */
export async function listAudit(db: Kysely<Database>, tenantId: string, limit = 100) {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const labels = await actorLabels(
    db,
    tenantId,
    rows.map((row) => row.actor),
  );
  return rows.map((row) => ({
    id: row.id,
    actor: row.actor,
    actorLabel: labels.get(row.actor) ?? row.actor,
    event: row.event,
    targetType: row.target_type,
    targetId: row.target_id,
    fields: row.fields,
    at: new Date(row.at).toISOString(),
  }));
}

/** One query per kind of actor: the emails of the operators and the names of the keys named. */
async function actorLabels(
  db: Kysely<Database>,
  tenantId: string,
  actors: readonly string[],
): Promise<Map<string, string>> {
  const idsOf = (prefix: string) => [
    ...new Set(actors.filter((actor) => actor.startsWith(prefix)).map((actor) => actor.slice(prefix.length))),
  ];
  const operatorIds = idsOf('operator:');
  const keyIds = idsOf('api_key:');
  const [operators, keys] = await Promise.all([
    operatorIds.length === 0
      ? []
      : db
          .selectFrom('operators')
          .select(['id', 'email'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', operatorIds)
          .execute(),
    keyIds.length === 0
      ? []
      : db
          .selectFrom('api_keys')
          .select(['id', 'name'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', keyIds)
          .execute(),
  ]);
  const emails = new Map(operators.map((row) => [row.id, row.email]));
  const names = new Map(keys.map((row) => [row.id, row.name]));
  const labels = new Map<string, string>();
  for (const id of operatorIds) labels.set(`operator:${id}`, emails.get(id) ?? `deleted operator (${id})`);
  for (const id of keyIds) {
    const name = names.get(id);
    labels.set(`api_key:${id}`, name === undefined ? `deleted API key (${id})` : `API key "${name}"`);
  }
  return labels;
}
