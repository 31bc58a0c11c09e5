import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

/**
 * What an inbound channel remembers between requests: the message ids already received (a
 * replayed request is refused) and which conversation each platform contact is in.
 */
export function createChannelInboundStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    /**
     * Records a message id; false when the channel already received it within `keepMs`. Ids
     * older than `keepMs` are dropped on the way (the replay window refuses their requests anyway).
     */
    async remember(channelId: string, messageId: string, keepMs: number): Promise<boolean> {
      const at = now();
      const cutoff = new Date(at.getTime() - keepMs);
      await db
        .deleteFrom('channel_inbound_ids')
        .where('channel_id', '=', channelId)
        .where('received_at', '<', cutoff)
        .execute();
      const inserted = await db
        .insertInto('channel_inbound_ids')
        .values({ channel_id: channelId, message_id: messageId, received_at: at })
        .onConflict((conflict) => conflict.columns(['channel_id', 'message_id']).doNothing())
        .returning('message_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Forgets a message id, so the sender may retry it (its turn failed before anything was kept). */
    async forget(channelId: string, messageId: string): Promise<void> {
      await db
        .deleteFrom('channel_inbound_ids')
        .where('channel_id', '=', channelId)
        .where('message_id', '=', messageId)
        .execute();
    },

    /** The conversation a contact of the channel is in, if any. */
    async conversationOf(channelId: string, contactId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('channel_contacts')
        .select('conversation_id')
        .where('channel_id', '=', channelId)
        .where('contact_id', '=', contactId)
        .executeTakeFirst();
      return row?.conversation_id;
    },

    /**
     * Links a contact to a conversation. With `replacing` (a full conversation), only if the link
     * still points there. Returns the conversation the contact is in afterwards: another request's
     * when it linked first.
     */
    async link(
      channelId: string,
      contactId: string,
      conversationId: string,
      replacing?: string,
    ): Promise<string> {
      if (replacing !== undefined) {
        await db
          .updateTable('channel_contacts')
          .set({ conversation_id: conversationId })
          .where('channel_id', '=', channelId)
          .where('contact_id', '=', contactId)
          .where('conversation_id', '=', replacing)
          .execute();
      } else {
        await db
          .insertInto('channel_contacts')
          .values({
            channel_id: channelId,
            contact_id: contactId,
            conversation_id: conversationId,
            created_at: now(),
          })
          .onConflict((conflict) => conflict.columns(['channel_id', 'contact_id']).doNothing())
          .execute();
      }
      return (await this.conversationOf(channelId, contactId)) ?? conversationId;
    },
  };
}

export type ChannelInboundStore = ReturnType<typeof createChannelInboundStore>;
