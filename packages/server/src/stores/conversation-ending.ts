import { NotFoundError } from '@toolgate/core';
import type { Kysely } from 'kysely';
import { type EventEmitter, NO_EVENTS } from '../deliveries/emit-event.js';
import type { Database } from '../storage/schema.js';

/** A conversation with no message for this long is ended by the sweep (`conversation.ended`, reason idle). */
export const CONVERSATION_IDLE_MS = 30 * 60_000;
/** How often the server looks for idle conversations. */
export const IDLE_SWEEP_INTERVAL_MS = 60_000;
/** Conversations ended per sweep at most; the next sweep takes the rest. */
const IDLE_SWEEP_BATCH = 500;

/**
 * Ending conversations: by a caller (`ended`) or after the idle timeout (`idle`). A conversation
 * ends once: `conversation.ended` is emitted in the transaction that sets `ended_at`, and an
 * ended conversation can still take messages (it is not ended again).
 */
export function createConversationEnding(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
  events: EventEmitter = NO_EVENTS,
) {
  async function end(tenantId: string, id: string, reason: 'ended' | 'idle', onlyIfIdleSince?: Date) {
    return db.transaction().execute(async (trx) => {
      let query = trx
        .updateTable('conversations')
        .set({ ended_at: now(), end_reason: reason })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('ended_at', 'is', null);
      if (onlyIfIdleSince) query = query.where('updated_at', '<', onlyIfIdleSince);
      const row = await query.returning(['id', 'agent_id', 'contact_id', 'message_count']).executeTakeFirst();
      if (!row) return false;
      await events.emit(trx, {
        tenantId,
        type: 'conversation.ended',
        agentId: row.agent_id,
        data: {
          conversationId: row.id,
          agentId: row.agent_id,
          contactId: row.contact_id,
          reason,
          messageCount: row.message_count,
        },
      });
      return true;
    });
  }

  return {
    /** Ends a conversation for a caller; false when it had ended already. 404 when unknown (or another agent's). */
    async end(tenantId: string, id: string, onlyAgentId?: string): Promise<{ ended: boolean }> {
      let query = db
        .selectFrom('conversations')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      if (onlyAgentId !== undefined) query = query.where('agent_id', '=', onlyAgentId);
      if (!(await query.executeTakeFirst())) throw new NotFoundError('conversation');
      return { ended: await end(tenantId, id, 'ended') };
    },

    /** Ends open conversations with no message for `idleMs`; returns how many. */
    async endIdle(idleMs: number = CONVERSATION_IDLE_MS): Promise<number> {
      const cutoff = new Date(now().getTime() - idleMs);
      const idle = await db
        .selectFrom('conversations')
        .select(['tenant_id', 'id'])
        .where('ended_at', 'is', null)
        .where('updated_at', '<', cutoff)
        .orderBy('updated_at')
        .limit(IDLE_SWEEP_BATCH)
        .execute();
      let ended = 0;
      // The condition is checked again in each update: a message that arrived meanwhile keeps it open.
      for (const row of idle) if (await end(row.tenant_id, row.id, 'idle', cutoff)) ended += 1;
      return ended;
    },
  };
}

export type ConversationEnding = ReturnType<typeof createConversationEnding>;
