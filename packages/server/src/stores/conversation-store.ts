import { randomUUID } from 'node:crypto';
import {
  type ChatMessage,
  ConflictError,
  type ConversationState,
  EMPTY_CONVERSATION_STATE,
  NotFoundError,
} from '@toolgate/core';
import type { Kysely } from 'kysely';
import type { NewDelivery, Writer } from '../deliveries/delivery-types.js';
import { type EventEmitter, messageText, NO_EVENTS } from '../deliveries/emit-event.js';
import { enqueue, wakeDeliveryWorkers } from '../deliveries/enqueue.js';
import type { EmittedEvent } from '../deliveries/event-types.js';
import { newestFirstPage } from '../storage/page-cursor.js';
import type { Database, MessageTable } from '../storage/schema.js';
import { type CallRecordInput, toCallRow } from './call-record.js';
import { beginTurnQuery, recordCallQuery } from './turn-statements.js';
import { type ConversationEntry, writeTurn } from './write-turn.js';

/** The model reads at most this many earlier messages of a conversation. */
export const HISTORY_MESSAGES = 40;
/**
 * A turn holds its conversation at most this long; a crashed process frees it after this. The
 * service ends a turn well before (`TURN_DEADLINE_MS`), and a turn that outlived its lease
 * anyway can no longer write: the lease has an owner.
 */
export const TURN_LEASE_MS = 10 * 60_000;
/** A conversation holds at most this many messages; then a new one must be started. */
export const MAX_MESSAGES_PER_CONVERSATION = 1_000;
export const DEFAULT_CONVERSATION_PAGE = 50;
export const MAX_CONVERSATION_PAGE = 200;

export interface ConversationView {
  id: string;
  agentId: string;
  contactId: string | null;
  metadata: Record<string, unknown>;
  messageCount: number;
  createdAt: string;
  updatedAt: string;
}

export type { ConversationEntry, EventEntry } from './write-turn.js';

/** One stored message: a loop message, or a record of an event-triggered call. */
export interface StoredMessage {
  seq: number;
  role: MessageTable['role'];
  content: Record<string, unknown>;
  callId: string | null;
  at: string;
  call: { id: string; outcome: string | null; status: number | null; durationMs: number | null } | null;
}

type ConversationRow = {
  id: string;
  agent_id: string;
  contact_id: string | null;
  metadata: unknown;
  message_count: number;
  created_at: Date | string;
  updated_at: Date | string;
};

function show(row: ConversationRow): ConversationView {
  return {
    id: row.id,
    agentId: row.agent_id,
    contactId: row.contact_id,
    metadata: row.metadata as Record<string, unknown>,
    messageCount: row.message_count,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Drops leading messages until the first user message: a cut history never starts mid-call. */
function fromFirstUserMessage(messages: ChatMessage[]): ChatMessage[] {
  const first = messages.findIndex((message) => message.role === 'user');
  return first < 0 ? [] : messages.slice(first);
}

/**
 * Conversations and their messages. Conversations live in the database between turns; a turn
 * takes a short lease on its conversation so two messages at once cannot interleave.
 */
export function createConversationStore(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
  /** `conversation.started` and `message.created` go out in the transaction of the change. */
  events: EventEmitter = NO_EVENTS,
) {
  async function exists(tenantId: string, id: string, agentId?: string): Promise<boolean> {
    let query = db
      .selectFrom('conversations')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id);
    if (agentId !== undefined) query = query.where('agent_id', '=', agentId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  return {
    /** Starts a conversation; the agent's greeting, if it has one, is its first message. */
    async create(
      tenantId: string,
      input: {
        agentId: string;
        contactId?: string;
        metadata?: Record<string, unknown>;
        greeting?: string;
        referenceTime?: string;
      },
    ): Promise<ConversationView> {
      const at = now();
      const greeting: ChatMessage[] = input.greeting ? [{ role: 'assistant', content: input.greeting }] : [];
      const row = {
        id: `cnv_${randomUUID().replaceAll('-', '')}`,
        tenant_id: tenantId,
        agent_id: input.agentId,
        contact_id: input.contactId ?? null,
        metadata: input.metadata ?? {},
        state: input.referenceTime
          ? { ...EMPTY_CONVERSATION_STATE, referenceTime: new Date(input.referenceTime).toISOString() }
          : EMPTY_CONVERSATION_STATE,
        message_count: greeting.length,
        busy_until: null,
        lease_id: null,
        created_at: at,
        updated_at: at,
      };
      const insert = (writer: Writer) =>
        writer
          .insertInto('conversations')
          .values({ ...row, metadata: JSON.stringify(row.metadata), state: JSON.stringify(row.state) })
          .execute();
      // No greeting, and no subscription that hears of it: the one statement, no transaction.
      if (greeting.length === 0 && !(await events.mayEmit(db, tenantId, ['conversation.started']))) {
        await insert(db);
        return show(row);
      }
      await db.transaction().execute(async (trx) => {
        await insert(trx);
        for (const [index, message] of greeting.entries()) {
          await trx
            .insertInto('messages')
            .values({
              conversation_id: row.id,
              seq: index + 1,
              role: message.role,
              content: JSON.stringify(message),
              call_id: null,
              created_at: at,
            })
            .execute();
        }
        const conversation = { conversationId: row.id, agentId: row.agent_id };
        await events.emit(trx, {
          tenantId,
          type: 'conversation.started',
          agentId: row.agent_id,
          data: { ...conversation, contactId: row.contact_id, metadata: row.metadata },
        });
        for (const [index, message] of greeting.entries()) {
          const said = messageText(message);
          if (said) {
            await events.emit(trx, {
              tenantId,
              type: 'message.created',
              agentId: row.agent_id,
              data: { ...conversation, seq: index + 1, ...said },
            });
          }
        }
      });
      return show(row);
    },

    async get(tenantId: string, id: string): Promise<ConversationView> {
      const row = await db
        .selectFrom('conversations')
        .select(['id', 'agent_id', 'contact_id', 'metadata', 'message_count', 'created_at', 'updated_at'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('conversation');
      return show(row);
    },

    /**
     * Takes the conversation for one turn and returns it with its state and the latest messages
     * for the model (oldest first), in one round trip: 404 when it is not the tenant's, 409 while
     * another message to it is being answered.
     */
    async begin(
      tenantId: string,
      id: string,
      /** Only a conversation of this agent (a widget key's); another is not found. */
      agentId?: string,
    ): Promise<ConversationView & { leaseId: string; state: ConversationState; history: ChatMessage[] }> {
      const at = now();
      const leaseId = randomUUID();
      const { rows } = await db.executeQuery<
        ConversationRow & { state: ConversationState; history: ChatMessage[] }
      >(
        beginTurnQuery({
          tenantId,
          id,
          leaseId,
          at,
          busyUntil: new Date(at.getTime() + TURN_LEASE_MS),
          historyMessages: HISTORY_MESSAGES,
          agentId,
        }),
      );
      const row = rows[0];
      if (row) {
        return {
          ...show(row),
          leaseId,
          state: row.state,
          history: fromFirstUserMessage(row.history),
        };
      }
      if (!(await exists(tenantId, id, agentId))) throw new NotFoundError('conversation');
      throw new ConflictError(
        'the previous message to this conversation is still being answered; send again when it is done',
      );
    },

    /**
     * Appends the turn's entries, saves the state and frees the conversation: one statement, so
     * all of it is written or none, and only by the turn that holds the lease (409 otherwise).
     * The turn's deliveries are queued in the same transaction (an outbox): a dropped turn queues
     * nothing.
     */
    async finish(
      tenantId: string,
      id: string,
      leaseId: string,
      turn: {
        entries: readonly ConversationEntry[];
        state: ConversationState;
        deliveries?: readonly NewDelivery[];
        /** More events of the turn (`approval.requested`), emitted with its messages. */
        events?: readonly EmittedEvent[];
        /**
         * Log records of the turn's calls not written yet (`CallRunner.startForTurn`): written
         * with the turn, and also when the turn is refused or its statement fails.
         */
        calls?: readonly CallRecordInput[];
      },
    ): Promise<void> {
      const deliveries = turn.deliveries ?? [];
      const calls = (turn.calls ?? []).map(toCallRow);
      // Without deliveries, and no subscription that takes its events: the one statement, no
      // transaction around it.
      if (deliveries.length === 0) {
        const types = ['message.created' as const, ...(turn.events ?? []).map((event) => event.type)];
        if (!(await events.mayEmit(db, tenantId, types)))
          return writeTurn(db, { tenantId, id, leaseId, at: now(), events: NO_EVENTS }, { ...turn, calls });
      }
      // A transaction that rolls back (a lost lease) must not take the call records with it.
      for (const call of calls) await db.executeQuery(recordCallQuery(call));
      await db.transaction().execute(async (trx) => {
        await writeTurn(trx, { tenantId, id, leaseId, at: now(), events }, { ...turn, calls: [] });
        for (const delivery of deliveries) await enqueue(trx, delivery, now());
      });
      if (deliveries.length > 0) wakeDeliveryWorkers();
    },

    /** Frees the conversation after a failed turn (if this turn still holds it); nothing is kept. */
    async release(tenantId: string, id: string, leaseId: string): Promise<void> {
      await db
        .updateTable('conversations')
        .set({ busy_until: null, lease_id: null })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('lease_id', '=', leaseId)
        .execute();
    },

    /** Messages after `afterSeq`, oldest first, each call linked to its execution log record. */
    async transcript(
      tenantId: string,
      id: string,
      page: { afterSeq?: number; limit?: number } = {},
    ): Promise<StoredMessage[]> {
      const rows = await db
        .selectFrom('messages')
        .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
        .leftJoin('calls', (join) =>
          join.onRef('calls.id', '=', 'messages.call_id').on('calls.tenant_id', '=', tenantId),
        )
        .select([
          'messages.seq',
          'messages.role',
          'messages.content',
          'messages.call_id',
          'messages.created_at',
          'calls.id as log_id',
          'calls.outcome',
          'calls.status',
          'calls.duration_ms',
        ])
        .where('conversations.tenant_id', '=', tenantId)
        .where('messages.conversation_id', '=', id)
        .where('messages.seq', '>', page.afterSeq ?? 0)
        .orderBy('messages.seq')
        .limit(page.limit ?? MAX_MESSAGES_PER_CONVERSATION)
        .execute();
      return rows.map((row) => ({
        seq: row.seq,
        role: row.role,
        content: row.content as unknown as Record<string, unknown>,
        callId: row.call_id,
        at: new Date(row.created_at).toISOString(),
        call: row.log_id
          ? { id: row.log_id, outcome: row.outcome, status: row.status, durationMs: row.duration_ms }
          : null,
      }));
    },

    /** Newest first, one page at a time. */
    async list(
      tenantId: string,
      filters: { agentId?: string; contactId?: string; limit?: number; cursor?: string },
    ): Promise<{ conversations: ConversationView[]; nextCursor: string | null }> {
      const limit = Math.min(
        Math.max(Math.trunc(filters.limit ?? DEFAULT_CONVERSATION_PAGE), 1),
        MAX_CONVERSATION_PAGE,
      );
      let query = db
        .selectFrom('conversations')
        .select(['id', 'agent_id', 'contact_id', 'metadata', 'message_count', 'created_at', 'updated_at'])
        .where('tenant_id', '=', tenantId);
      if (filters.agentId !== undefined) query = query.where('agent_id', '=', filters.agentId);
      if (filters.contactId !== undefined) query = query.where('contact_id', '=', filters.contactId);
      const { rows, nextCursor } = await newestFirstPage(query, filters.cursor, limit);
      return { conversations: rows.map(show), nextCursor };
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
