import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Writer } from '../deliveries/delivery-types.js';
import type { Database } from '../storage/schema.js';

/** Callback tokens start with this, so a leaked one is recognisable (and scannable). */
export const CALLBACK_TOKEN_PREFIX = 'tgcb_';

/** A new callback token and the hash that is stored in its place. */
export function createCallbackToken(): { token: string; hash: string } {
  const token = `${CALLBACK_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashCallbackToken(token) };
}

/** SHA-256 (hex) of a token: what the table keeps, like API keys. */
export function hashCallbackToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A pending async call, as the callback and the deadline handler see it. */
export interface AsyncCallView {
  callId: string;
  tenantId: string;
  conversationId: string;
  actionId: string;
  actionName: string;
  arguments: Record<string, unknown>;
  deadline: Date;
}

/** Why a callback was refused: unknown token, already answered, or too late. */
export type CallbackRefusal = 'not_found' | 'used' | 'expired';

type Row = Awaited<ReturnType<ReturnType<typeof selectAll>['executeTakeFirst']>>;
function selectAll(db: Kysely<Database>) {
  return db.selectFrom('async_calls').selectAll();
}

function show(row: NonNullable<Row>): AsyncCallView {
  return {
    callId: row.call_id,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    actionId: row.action_id,
    actionName: row.action_name,
    arguments: row.arguments as Record<string, unknown>,
    deadline: new Date(row.deadline),
  };
}

/**
 * Async action calls waiting for their callback. A token is one-time: the first callback moves
 * the call from `pending` to `answered` in one statement, so two callbacks at once cannot both
 * win; after the deadline the call is `expired` (by the deadline handler, or at the callback).
 */
export function createAsyncCallStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    /** Records a call about to be sent; `writer` may be the transaction that queues its deadline. */
    async open(writer: Writer, input: AsyncCallView & { tokenHash: string }): Promise<void> {
      await writer
        .insertInto('async_calls')
        .values({
          call_id: input.callId,
          tenant_id: input.tenantId,
          conversation_id: input.conversationId,
          action_id: input.actionId,
          action_name: input.actionName,
          arguments: JSON.stringify(input.arguments),
          token_hash: input.tokenHash,
          state: 'pending',
          deadline: input.deadline,
          created_at: now(),
          settled_at: null,
        })
        .execute();
    },

    /** The endpoint answered at once (no 202): no callback is expected, its token is dead. */
    async cancel(tenantId: string, callId: string): Promise<void> {
      await db
        .updateTable('async_calls')
        .set({ state: 'cancelled', settled_at: now() })
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', callId)
        .where('state', '=', 'pending')
        .execute();
    },

    /**
     * Takes the call a callback token answers, once: the pending call before its deadline, now
     * `answered`; otherwise why not (an unknown token says nothing about any call).
     */
    async claim(
      token: string,
    ): Promise<{ ok: true; call: AsyncCallView } | { ok: false; refusal: CallbackRefusal }> {
      const hash = hashCallbackToken(token);
      const at = now();
      const claimed = await db
        .updateTable('async_calls')
        .set({ state: 'answered', settled_at: at })
        .where('token_hash', '=', hash)
        .where('state', '=', 'pending')
        .where('deadline', '>', at)
        .returningAll()
        .executeTakeFirst();
      if (claimed) return { ok: true, call: show(claimed) };
      const row = await selectAll(db).where('token_hash', '=', hash).executeTakeFirst();
      if (!row || row.state === 'cancelled') return { ok: false, refusal: 'not_found' };
      return { ok: false, refusal: row.state === 'answered' ? 'used' : 'expired' };
    },

    /** Marks a call whose deadline passed `expired`, once; undefined when it was settled already. */
    async expire(tenantId: string, callId: string): Promise<AsyncCallView | undefined> {
      const row = await db
        .updateTable('async_calls')
        .set({ state: 'expired', settled_at: now() })
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', callId)
        .where('state', '=', 'pending')
        .where('deadline', '<=', now())
        .returningAll()
        .executeTakeFirst();
      return row ? show(row) : undefined;
    },

    /** The state of a call (tests, the admin view). */
    async stateOf(callId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('async_calls')
        .select('state')
        .where('call_id', '=', callId)
        .executeTakeFirst();
      return row?.state;
    },
  };
}

export type AsyncCallStore = ReturnType<typeof createAsyncCallStore>;
