import { type ChatMessage, ConflictError, type ConversationState } from '@toolgate/core';
import type { Writer } from '../deliveries/delivery-types.js';
import { type EventEmitter, messageText, NO_EVENTS } from '../deliveries/emit-event.js';
import type { EmittedEvent } from '../deliveries/event-types.js';
import type { CallRow } from './call-record.js';
import { callRowsJson, recordCallQuery, writeTurnQuery } from './turn-statements.js';

/** A record of a call triggered by an event, kept in the transcript but not shown to the model. */
export interface EventEntry {
  role: 'event';
  type: string;
  action: string;
  outcome: 'ok' | 'failed' | 'refused';
  callId?: string;
  reason?: string;
}

/** What a turn appends: the loop's messages, or an event's record. */
export type ConversationEntry = ChatMessage | EventEntry;

/**
 * A turn's one statement: the conversation's state and counters updated (only while this turn
 * holds its lease) and its messages appended with the next sequence numbers; then, when
 * subscriptions listen, `message.created` for each said message and the turn's other events, in
 * the same writer (the caller's transaction).
 */
export async function writeTurn(
  writer: Writer,
  target: { tenantId: string; id: string; leaseId: string; at: Date; events: EventEmitter },
  turn: {
    entries: readonly ConversationEntry[];
    state: ConversationState;
    events?: readonly EmittedEvent[];
    /**
     * Log records of the turn's calls (`toCallRow`), written by the same statement even when the
     * lease was lost; when the statement fails, each is written on its own before the error goes up.
     */
    calls?: readonly CallRow[];
  },
): Promise<void> {
  const { tenantId, id, leaseId, at, events } = target;
  const rows = turn.entries.map((entry, index) => ({
    i: index + 1,
    role: entry.role,
    content: entry,
    call_id: entry.role === 'tool' || entry.role === 'event' ? (entry.callId ?? null) : null,
  }));
  const calls = turn.calls ?? [];
  const query = writeTurnQuery({
    tenantId,
    id,
    leaseId,
    at,
    stateJson: JSON.stringify(turn.state),
    rowCount: rows.length,
    rowsJson: JSON.stringify(rows),
    ...(calls.length > 0 ? { callRowsJson: callRowsJson(calls) } : {}),
  });
  const result = await writer
    .executeQuery<{
      updated: number | string;
      inserted: number | string;
      agent_id: string | null;
      message_count: number | null;
    }>(query)
    .catch(async (error: unknown) => {
      // Nothing of the statement was written: the calls were made, so their records still are.
      for (const call of calls) await writer.executeQuery(recordCallQuery(call));
      throw error;
    });
  const counts = result.rows[0];
  if (Number(counts?.updated) !== 1) {
    throw new ConflictError(
      'this turn took longer than its hold on the conversation and was dropped; send the message again',
    );
  }
  if (Number(counts?.inserted) !== rows.length)
    throw new Error(`conversation ${id}: messages not all written`);
  if (events === NO_EVENTS) return;
  const agentId = counts?.agent_id ?? '';
  const firstSeq = Number(counts?.message_count) - rows.length + 1;
  for (const [index, entry] of turn.entries.entries()) {
    const said = messageText(entry);
    if (!said) continue;
    await events.emit(writer, {
      tenantId,
      type: 'message.created',
      agentId,
      data: { conversationId: id, agentId, seq: firstSeq + index, ...said },
    });
  }
  for (const event of turn.events ?? []) await events.emit(writer, event);
}
