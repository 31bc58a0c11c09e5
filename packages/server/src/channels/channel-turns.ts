import { LimitReachedError } from '@toolgate/core';
import type { ConversationService } from '../agents/conversation-service.js';
import type { ChannelInboundStore } from '../stores/channel-inbound-store.js';
import type { InboundChannel } from '../stores/channel-store.js';

/** What one inbound message produced. */
export interface ChannelTurn {
  conversationId: string;
  reply: string;
}

/**
 * Answers one customer message of a channel. The conversation is keyed by (agent, channel,
 * platform contact id): the contact's first message starts it, later ones continue it; a full
 * conversation is replaced by a new one. Turns run through the conversation service, with its
 * leases (a second message while one is answered is a 409).
 */
export function createChannelTurns(deps: {
  inbound: ChannelInboundStore;
  conversations: ConversationService;
}) {
  const { inbound, conversations } = deps;

  async function startFor(
    channel: InboundChannel,
    contactId: string,
    metadata: Record<string, unknown> | undefined,
    replacing?: string,
  ): Promise<string> {
    const started = await conversations.start(channel.tenantId, {
      agentId: channel.agentId,
      contactId,
      metadata: { ...metadata, channel: channel.name },
    });
    return inbound.link(channel.id, contactId, started.id, replacing);
  }

  return {
    async answer(
      channel: InboundChannel,
      message: { contactId: string; text: string; metadata?: Record<string, unknown> },
    ): Promise<ChannelTurn> {
      let conversationId =
        (await inbound.conversationOf(channel.id, message.contactId)) ??
        (await startFor(channel, message.contactId, message.metadata));
      let turn: Awaited<ReturnType<ConversationService['open']>>;
      try {
        turn = await conversations.open(channel.tenantId, conversationId, channel.agentId);
      } catch (error) {
        if (!(error instanceof LimitReachedError)) throw error;
        conversationId = await startFor(channel, message.contactId, message.metadata, conversationId);
        turn = await conversations.open(channel.tenantId, conversationId, channel.agentId);
      }
      const { reply } = await turn.run(message.text);
      return { conversationId, reply };
    },
  };
}

export type ChannelTurns = ReturnType<typeof createChannelTurns>;
