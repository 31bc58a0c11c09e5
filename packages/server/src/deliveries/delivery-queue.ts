import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { AttemptOutcome, ClaimedDelivery, DeliveryKind } from './delivery-types.js';

/** A row a worker holds: what the handler sees, plus what finishing it needs. */
export interface HeldDelivery extends ClaimedDelivery {
  /** The row's own retry schedule, or null for the worker's default. */
  retryScheduleMs: number[] | null;
}

interface ClaimedRow {
  id: string;
  tenant_id: string;
  kind: DeliveryKind;
  payload: Record<string, unknown>;
  subscription_id: string | null;
  event_type: string | null;
  attempts: number;
  retry_schedule: number[] | null;
  created_at: Date | string;
}

/**
 * Claims up to `limit` due rows of these kinds for `workerId` until `now + leaseMs`, and counts
 * the attempt: one statement, the same on PostgreSQL and the embedded engine. `FOR UPDATE SKIP
 * LOCKED` lets several instances claim at once without waiting for or taking each other's rows;
 * a row whose claim expired (its worker crashed) is due again.
 */
export async function claimDue(
  db: Kysely<Database>,
  options: { workerId: string; kinds: readonly DeliveryKind[]; limit: number; leaseMs: number; now: Date },
): Promise<HeldDelivery[]> {
  if (options.kinds.length === 0 || options.limit <= 0) return [];
  const { now } = options;
  const expires = new Date(now.getTime() + options.leaseMs);
  const result = await sql<ClaimedRow>`
    update deliveries
    set claimed_by = ${options.workerId}, claim_expires_at = ${expires}, attempts = attempts + 1, updated_at = ${now}
    where id in (
      select id from deliveries
      where status = 'pending' and next_attempt_at <= ${now}
        and (claimed_by is null or claim_expires_at < ${now})
        and kind in (${sql.join(options.kinds)})
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked
    )
    returning id, tenant_id, kind, payload, subscription_id, event_type, attempts, retry_schedule, created_at
  `.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    payload: row.payload,
    subscriptionId: row.subscription_id,
    eventType: row.event_type,
    attempt: row.attempts,
    createdAt: new Date(row.created_at),
    retryScheduleMs: row.retry_schedule,
  }));
}

/** The row's next state after an attempt. */
export type NextState =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date }
  | { status: 'dead'; reason: string };

/** One attempt as recorded. */
export interface AttemptRecord {
  startedAt: Date;
  durationMs: number;
  /** The outcome's kind, or `released` (stopped by a shutdown before it ended). */
  outcome: Exclude<AttemptOutcome['kind'], 'deferred'> | 'released';
  status: number | null;
  error: string | null;
  excerpt: string | null;
}

/**
 * Records an attempt and moves the row to its next state, only while `workerId` still holds
 * this attempt (a worker whose lease ran out and was overtaken cannot overwrite the new holder).
 * Returns whether the row was still held. The attempt is recorded either way: it happened.
 */
export async function finishAttempt(
  db: Kysely<Database>,
  held: { id: string; tenantId: string; attempt: number; workerId: string },
  attempt: AttemptRecord,
  next: NextState,
  now: Date,
): Promise<boolean> {
  // One statement (a data-modifying CTE is atomic): one round trip instead of four.
  const nextAttemptAt = next.status === 'pending' ? next.nextAttemptAt : null;
  const finishedAt = next.status === 'pending' ? null : now;
  const lastError = next.status === 'dead' ? next.reason : attempt.error;
  const result = await sql<{ held: number }>`
    with moved as (
      update deliveries
      set status = ${next.status}, claimed_by = null, claim_expires_at = null,
        last_status = ${attempt.status}, last_error = ${lastError}, updated_at = ${now},
        next_attempt_at = coalesce(${nextAttemptAt}::timestamptz, next_attempt_at),
        finished_at = coalesce(${finishedAt}::timestamptz, finished_at)
      where id = ${held.id} and claimed_by = ${held.workerId} and attempts = ${held.attempt}
        and status = 'pending'
      returning id
    ), recorded as (
      insert into delivery_attempts
        (delivery_id, tenant_id, attempt, started_at, duration_ms, outcome, status, error, response_excerpt)
      values (${held.id}, ${held.tenantId}, ${held.attempt}, ${attempt.startedAt}, ${attempt.durationMs},
        ${attempt.outcome}, ${attempt.status}, ${attempt.error}, ${attempt.excerpt})
    )
    select count(*)::int as held from moved
  `.execute(db);
  return Number(result.rows[0]?.held ?? 0) === 1;
}

/**
 * Gives a held row back and the attempt does not count: a shutdown stopped it (due again at
 * once, recorded as `released`), or the handler deferred it (`later`: due then, recorded as
 * `deferred` with the reason).
 */
export async function releaseClaim(
  db: Kysely<Database>,
  held: { id: string; tenantId: string; attempt: number; workerId: string },
  startedAt: Date,
  now: Date,
  later?: { at: Date; reason: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('delivery_attempts')
      .values({
        delivery_id: held.id,
        tenant_id: held.tenantId,
        attempt: held.attempt,
        started_at: startedAt,
        duration_ms: now.getTime() - startedAt.getTime(),
        outcome: later ? 'deferred' : 'released',
        status: null,
        error: later ? later.reason : 'stopped by a shutdown; given back to the queue',
        response_excerpt: null,
      })
      .execute();
    await trx
      .updateTable('deliveries')
      .set({
        claimed_by: null,
        claim_expires_at: null,
        attempts: sql<number>`attempts - 1`,
        next_attempt_at: later ? later.at : now,
        updated_at: now,
      })
      .where('id', '=', held.id)
      .where('claimed_by', '=', held.workerId)
      .where('attempts', '=', held.attempt)
      .where('status', '=', 'pending')
      .execute();
  });
}
