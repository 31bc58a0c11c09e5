import { NotFoundError } from '@toolgate/core';
import { type Kysely, sql } from 'kysely';
import type { Writer } from '../deliveries/delivery-types.js';
import { type EventEmitter, NO_EVENTS } from '../deliveries/emit-event.js';
import { newestFirstPage } from '../storage/page-cursor.js';
import type { Database } from '../storage/schema.js';
import { type CallRecordInput, toCallRow } from './call-record.js';
import { recordCallQuery } from './turn-statements.js';

export const DEFAULT_CALL_PAGE = 50;

/** What the actions list shows of each action's calls. */
export interface ActionCallSummary {
  actionId: string;
  callsLast24h: number;
  lastCallAt: string;
  lastOutcome: 'ok' | 'failed';
}
export const MAX_CALL_PAGE = 200;

/** Where calls count against a conversation's limit: a conversation id, or an MCP session. */
export type CallCountScope = { conversationId: string } | { mcpSessionId: string };

export interface CallFilters {
  actionId?: string;
  actionName?: string;
  outcome?: 'ok' | 'failed';
  conversationId?: string;
  trigger?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  cursor?: string;
}

type CallRow = Awaited<ReturnType<ReturnType<typeof selectCalls>['execute']>>[number];

function selectCalls(db: Kysely<Database>) {
  return db.selectFrom('calls').selectAll();
}

function view(row: CallRow) {
  return {
    id: row.id,
    actionId: row.action_id,
    actionName: row.action_name,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    trigger: row.trigger,
    idempotencyKey: row.idempotency_key,
    request: row.request,
    status: row.status,
    response: row.response,
    result: row.result,
    outcome: row.outcome,
    failureKind: row.failure_kind,
    durationMs: row.duration_ms,
    createdAt: new Date(row.created_at).toISOString(),
    callback: (row.callback ?? null) as Record<string, unknown> | null,
  };
}
export type CallView = ReturnType<typeof view>;

export function createCallStore(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
  /** `action.succeeded` / `action.failed` go out in the transaction that records the call. */
  events: EventEmitter = NO_EVENTS,
) {
  return {
    async record(input: CallRecordInput): Promise<CallView> {
      const row = toCallRow(input);
      const type = row.outcome === 'ok' ? 'action.succeeded' : 'action.failed';
      // No subscription that hears of it: the one statement, no transaction around it.
      const heard = await events.mayEmit(db, input.tenantId, [type]);
      const write = async (trx: Writer) => {
        await trx.executeQuery(recordCallQuery(row));
        if (!heard) return;
        await events.emit(trx, {
          tenantId: input.tenantId,
          type,
          agentId: input.agentId ?? null,
          data: {
            callId: row.id,
            actionId: row.action_id,
            actionName: row.action_name,
            conversationId: row.conversation_id,
            trigger: row.trigger,
            status: row.status,
            durationMs: row.duration_ms,
            ...(row.outcome === 'ok' ? {} : { failureKind: row.failure_kind }),
          },
        });
      };
      if (!heard) await write(db);
      else await db.transaction().execute(write);
      return view({
        ...row,
        request: JSON.parse(row.request),
        response: JSON.parse(row.response),
        result: JSON.parse(row.result),
      } as CallRow);
    },

    /**
     * Whether a call of the tenant may be recorded later, with the turn's own final statement:
     * yes unless a subscription may hear of it (its event goes out in the record's transaction).
     */
    async recordableLater(tenantId: string): Promise<boolean> {
      return !(await events.mayEmit(db, tenantId, ['action.succeeded', 'action.failed']));
    },

    /** Notes an async call's late answer (the callback's result, or the deadline's expiry) on its record. */
    async recordCallback(
      tenantId: string,
      id: string,
      callback: { state: 'answered'; result: unknown } | { state: 'expired' },
    ): Promise<void> {
      await db
        .updateTable('calls')
        .set({ callback: JSON.stringify({ ...callback, at: now().toISOString() }) })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    async get(tenantId: string, id: string): Promise<CallView> {
      const row = await selectCalls(db)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('call');
      return view(row);
    },

    /** The call with this id, or `undefined` (an idempotent retry looks for its first call). */
    async find(tenantId: string, id: string): Promise<CallView | undefined> {
      const row = await selectCalls(db)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? view(row) : undefined;
    },

    /**
     * What the call limits of a call from outside a conversation count (any trigger, any
     * instance: the log is shared): the calls made in `within` (a conversation id or an MCP
     * session), and the times of one action's calls since `window.since` by `window.by`, at most
     * `window.most` of them (the window's size: more cannot change the answer).
     */
    async countCalls(
      tenantId: string,
      input: {
        within?: CallCountScope;
        window?: { actionId: string; since: Date; most: number; by: CallCountScope | { actor: string } };
      },
    ): Promise<{ total: number; recentOfAction: Date[] }> {
      const scoped = (scope: CallCountScope | { actor: string }) => {
        const query = db.selectFrom('calls').where('tenant_id', '=', tenantId);
        if ('conversationId' in scope) return query.where('conversation_id', '=', scope.conversationId);
        if ('mcpSessionId' in scope) return query.where('mcp_session_id', '=', scope.mcpSessionId);
        return query.where('actor', '=', scope.actor);
      };
      const [counted, recent] = await Promise.all([
        input.within
          ? scoped(input.within)
              .select((eb) => eb.fn.countAll<number | string>().as('total'))
              .executeTakeFirst()
          : undefined,
        input.window
          ? scoped(input.window.by)
              .select('created_at')
              .where('action_id', '=', input.window.actionId)
              .where('created_at', '>=', input.window.since)
              .orderBy('created_at', 'desc')
              .limit(Math.max(1, input.window.most))
              .execute()
          : [],
      ]);
      return {
        total: Number(counted?.total ?? 0),
        recentOfAction: recent.map((row) => new Date(row.created_at as Date | string)),
      };
    },

    /** Newest first, filtered, one page at a time. */
    async list(
      tenantId: string,
      filters: CallFilters = {},
    ): Promise<{ calls: CallView[]; nextCursor: string | null }> {
      const wanted = Math.trunc(filters.limit ?? DEFAULT_CALL_PAGE);
      const limit = Number.isFinite(wanted)
        ? Math.min(Math.max(wanted, 1), MAX_CALL_PAGE)
        : DEFAULT_CALL_PAGE;
      let query = selectCalls(db).where('tenant_id', '=', tenantId);
      if (filters.actionId !== undefined) query = query.where('action_id', '=', filters.actionId);
      if (filters.actionName !== undefined) query = query.where('action_name', '=', filters.actionName);
      if (filters.outcome !== undefined) query = query.where('outcome', '=', filters.outcome);
      if (filters.conversationId !== undefined)
        query = query.where('conversation_id', '=', filters.conversationId);
      if (filters.trigger !== undefined) query = query.where('trigger', '=', filters.trigger);
      if (filters.from !== undefined) query = query.where('created_at', '>=', filters.from);
      if (filters.to !== undefined) query = query.where('created_at', '<', filters.to);
      const { rows, nextCursor } = await newestFirstPage(query, filters.cursor, limit);
      return { calls: rows.map(view), nextCursor };
    },

    /**
     * Per action: calls in the last 24 hours and the latest call's time and outcome (for the
     * actions list). Actions never called are absent.
     */
    async summaryByAction(tenantId: string): Promise<ActionCallSummary[]> {
      const since = new Date(now().getTime() - 86_400_000);
      const rows = await sql<{
        action_id: string;
        calls_24h: number | string;
        last_at: Date | string;
        last_outcome: 'ok' | 'failed';
      }>`
        select action_id,
               count(*) filter (where created_at >= ${since}) as calls_24h,
               max(created_at) as last_at,
               (array_agg(outcome order by created_at desc, id desc))[1] as last_outcome
        from calls
        where tenant_id = ${tenantId} and action_id is not null
        group by action_id
      `.execute(db);
      return rows.rows.map((row) => ({
        actionId: row.action_id,
        callsLast24h: Number(row.calls_24h),
        lastCallAt: new Date(row.last_at).toISOString(),
        lastOutcome: row.last_outcome,
      }));
    },

    /** Deletes calls older than the retention period; returns how many. */
    async purgeOlderThan(days: number): Promise<number> {
      const cutoff = new Date(now().getTime() - days * 86_400_000);
      const result = await db.deleteFrom('calls').where('created_at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type CallStore = ReturnType<typeof createCallStore>;
