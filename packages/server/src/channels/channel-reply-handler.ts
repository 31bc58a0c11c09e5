import type { Executor } from '@toolgate/core';
import { outcomeOfActionResult } from '../deliveries/classify-http-outcome.js';
import type { DeliveryHandler } from '../deliveries/delivery-types.js';
import type { ChannelStore } from '../stores/channel-store.js';

/** The event name of a reply POSTed to a channel's outbound URL. */
export const CHANNEL_REPLY_EVENT = 'channel.reply';
/** What a queued `channel_reply` carries (no secret: the handler loads the channel's). */
export interface ChannelReplyPayload {
  channelId: string;
  conversationId: string;
  contactId: string;
  /** The inbound webhook-id this answers. */
  inReplyTo: string;
  text: string;
}

/**
 * The queue's handler of `channel_reply`: POSTs `{event: 'channel.reply', data: {conversationId,
 * contactId, inReplyTo, text}, context}` to the channel's outbound URL through the executor (the
 * one outbound policy), signed in the Standard Webhooks scheme with the channel's secret. The
 * delivery id is the `webhook-id` and `Idempotency-Key` of every attempt. Register it with the
 * worker: `handlers: { channel_reply: createChannelReplyHandler(...) }`.
 */
export function createChannelReplyHandler(deps: {
  channels: ChannelStore;
  executor: Executor;
}): DeliveryHandler {
  return async (delivery) => {
    const payload = delivery.payload as unknown as ChannelReplyPayload;
    const channel = await deps.channels.findById(delivery.tenantId, payload.channelId);
    if (!channel) return { kind: 'failed', error: 'the channel no longer exists' };
    if (!channel.outboundUrl) return { kind: 'failed', error: 'the channel has no outbound URL any more' };
    const result = await deps.executor.execute({
      action: {
        name: 'channel_reply',
        description: "Sends the agent's reply to the channel.",
        url: channel.outboundUrl,
        method: 'POST',
      },
      event: {
        event: CHANNEL_REPLY_EVENT,
        data: {
          channel: channel.name,
          conversationId: payload.conversationId,
          contactId: payload.contactId,
          inReplyTo: payload.inReplyTo,
          text: payload.text,
        },
      },
      context: {
        callId: delivery.id,
        agentId: channel.agentId,
        conversationId: payload.conversationId,
        contactId: payload.contactId,
      },
      signingSecrets: [channel.secrets[0] as string],
    });
    return outcomeOfActionResult(result);
  };
}
