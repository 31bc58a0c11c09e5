import { ConflictError, NotFoundError } from '@toolgate/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import { newestFirstPage } from '../storage/page-cursor.js';
import type { Database, DeliveryTable } from '../storage/schema.js';
import type { DeliveryKind, DeliveryStatus } from './delivery-types.js';
import { wakeDeliveryWorkers } from './enqueue.js';

export const DEFAULT_DELIVERY_PAGE = 50;
export const MAX_DELIVERY_PAGE = 200;
/** One bulk replay puts back at most this many rows: a larger range is replayed in several calls. */
export const MAX_REPLAY_ROWS = 10_000;

/** A delivery as the API shows it. */
export interface DeliveryView {
  id: string;
  kind: DeliveryKind;
  eventType: string | null;
  subscriptionId: string | null;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** One attempt as the API shows it. */
export interface DeliveryAttemptView {
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: string;
  status: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

type Row = Omit<Selectable<DeliveryTable>, 'retry_schedule'>;

const iso = (at: Date | string) => new Date(at).toISOString();

function view(row: Row): DeliveryView {
  return {
    id: row.id,
    kind: row.kind as DeliveryKind,
    eventType: row.event_type,
    subscriptionId: row.subscription_id,
    payload: row.payload as Record<string, unknown>,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
  };
}

const COLUMNS = [
  'id',
  'tenant_id',
  'kind',
  'event_type',
  'subscription_id',
  'payload',
  'status',
  'attempts',
  'next_attempt_at',
  'claimed_by',
  'claim_expires_at',
  'last_status',
  'last_error',
  'created_at',
  'updated_at',
  'finished_at',
] as const;

/** Queue depth by status and the age of the oldest due row, for the metrics. */
export interface QueueStats {
  byStatus: Record<DeliveryStatus, number>;
  /** Seconds the oldest due pending row has waited (0 when none). */
  oldestPendingSeconds: number;
}

/**
 * The queue as tenants and operators see it: lists, one row with its attempts, replay of dead
 * rows. Every read and write is scoped to one tenant.
 */
export function createDeliveryStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  /** Puts dead rows matching `where` back to pending, attempts reset; same ids (receivers dedup). */
  async function putBack(
    tenantId: string,
    narrow: (query: ReturnType<typeof dead>) => ReturnType<typeof dead>,
  ): Promise<string[]> {
    const at = now();
    const ids = (await narrow(dead(tenantId)).limit(MAX_REPLAY_ROWS).execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    await db
      .updateTable('deliveries')
      .set({
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        claimed_by: null,
        claim_expires_at: null,
        finished_at: null,
        updated_at: at,
      })
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'dead')
      .where('id', 'in', ids)
      .execute();
    wakeDeliveryWorkers();
    return ids;
  }

  function dead(tenantId: string) {
    return db
      .selectFrom('deliveries')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'dead');
  }

  return {
    async get(tenantId: string, id: string): Promise<DeliveryView> {
      const row = await db
        .selectFrom('deliveries')
        .select(COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('delivery');
      return view(row);
    },

    /** Newest first, filtered, one page at a time. */
    async list(
      tenantId: string,
      filters: {
        subscriptionId?: string;
        status?: DeliveryStatus;
        kind?: DeliveryKind;
        eventType?: string;
        limit?: number;
        cursor?: string;
      } = {},
    ): Promise<{ deliveries: DeliveryView[]; nextCursor: string | null }> {
      const wanted = Math.trunc(filters.limit ?? DEFAULT_DELIVERY_PAGE);
      const limit = Number.isFinite(wanted)
        ? Math.min(Math.max(wanted, 1), MAX_DELIVERY_PAGE)
        : DEFAULT_DELIVERY_PAGE;
      let query = db.selectFrom('deliveries').select(COLUMNS).where('tenant_id', '=', tenantId);
      if (filters.subscriptionId !== undefined)
        query = query.where('subscription_id', '=', filters.subscriptionId);
      if (filters.status !== undefined) query = query.where('status', '=', filters.status);
      if (filters.kind !== undefined) query = query.where('kind', '=', filters.kind);
      if (filters.eventType !== undefined) query = query.where('event_type', '=', filters.eventType);
      const { rows, nextCursor } = await newestFirstPage(query, filters.cursor, limit);
      return { deliveries: rows.map(view), nextCursor };
    },

    /** Every attempt of one delivery, oldest first (404 when it is not the tenant's). */
    async attempts(tenantId: string, id: string): Promise<DeliveryAttemptView[]> {
      await this.get(tenantId, id);
      const rows = await db
        .selectFrom('delivery_attempts')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('delivery_id', '=', id)
        .orderBy('started_at')
        .orderBy('attempt')
        .execute();
      return rows.map((row) => ({
        attempt: row.attempt,
        startedAt: iso(row.started_at),
        durationMs: row.duration_ms,
        outcome: row.outcome,
        status: row.status,
        error: row.error,
        responseExcerpt: row.response_excerpt,
      }));
    },

    /**
     * Puts one dead delivery back in the queue with its attempts reset and the same id (the
     * receiver's dedup key). 404 when it is not the tenant's; a row that is not dead is refused.
     */
    async replay(tenantId: string, id: string): Promise<DeliveryView> {
      const current = await this.get(tenantId, id);
      if (current.status !== 'dead') {
        throw new ConflictError(`delivery ${id} is ${current.status}; only dead deliveries are replayed`);
      }
      await putBack(tenantId, (query) => query.where('id', '=', id));
      return this.get(tenantId, id);
    },

    /**
     * Puts back every dead delivery created in [from, to) (of one subscription, if given), at most
     * MAX_REPLAY_ROWS, oldest first; returns their ids.
     */
    async replayRange(
      tenantId: string,
      range: { from: Date; to: Date; subscriptionId?: string; status: 'dead' },
    ): Promise<{ replayed: string[] }> {
      const replayed = await putBack(tenantId, (query) => {
        let narrowed = query.where('created_at', '>=', range.from).where('created_at', '<', range.to);
        if (range.subscriptionId !== undefined)
          narrowed = narrowed.where('subscription_id', '=', range.subscriptionId);
        return narrowed.orderBy('created_at');
      });
      return { replayed };
    },

    /** Cancels a pending delivery that no worker holds; returns whether it did. */
    async cancel(tenantId: string, id: string): Promise<boolean> {
      const at = now();
      const result = await db
        .updateTable('deliveries')
        .set({ status: 'cancelled', finished_at: at, updated_at: at })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claim_expires_at', '<', at)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Queue depth by status (all tenants) and the oldest due row's wait. */
    async stats(): Promise<QueueStats> {
      const at = now();
      const rows = await sql<{
        status: DeliveryStatus;
        count: number | string;
        oldest: Date | string | null;
      }>`
        select status, count(*) as count,
               min(next_attempt_at) filter (where status = 'pending' and next_attempt_at <= ${at}) as oldest
        from deliveries group by status
      `.execute(db);
      const byStatus: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0, cancelled: 0 };
      let oldestPendingSeconds = 0;
      for (const row of rows.rows) {
        byStatus[row.status] = Number(row.count);
        if (row.oldest !== null)
          oldestPendingSeconds = Math.max(0, (at.getTime() - new Date(row.oldest).getTime()) / 1000);
      }
      return { byStatus, oldestPendingSeconds };
    },

    /** Deletes delivered and cancelled rows (and their attempts) finished more than `days` ago. */
    async purgeFinishedOlderThan(days: number): Promise<number> {
      const cutoff = new Date(now().getTime() - days * 86_400_000);
      const result = await db
        .deleteFrom('deliveries')
        .where('status', 'in', ['delivered', 'cancelled'])
        .where('finished_at', '<', cutoff)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
