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

/** A tenant's audit log, newest first. */
export async function listAudit(db: Kysely<Database>, tenantId: string, limit = 100) {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    actor: row.actor,
    event: row.event,
    targetType: row.target_type,
    targetId: row.target_id,
    fields: row.fields,
    at: new Date(row.at).toISOString(),
  }));
}
