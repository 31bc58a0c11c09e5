import type { ActionResult, Executor } from '@toolgate/core';
import type { AttemptOutcome, DeliveryHandler } from '../deliveries/delivery-types.js';
import type { ChannelStore } from '../stores/channel-store.js';

/** The event name of a reply POSTed to a channel's outbound URL. */
export const CHANNEL_REPLY_EVENT = 'channel.reply';
/** How much of the receiver's answer an attempt keeps. */
const EXCERPT_CHARS = 500;

/** What a queued `channel_reply` carries (no secret: the handler loads the channel's). */
export interface ChannelReplyPayload {
  channelId: string;
  conversationId: string;
  contactId: string;
  /** The inbound webhook-id this answers. */
  inReplyTo: string;
  text: string;
}

/** One attempt's result as the queue sees it: retry on breakage, 408, 429 and 5xx; give up on other 4xx. */
export function attemptOutcomeOf(result: ActionResult): AttemptOutcome {
  const excerpt = result.response?.body.slice(0, EXCERPT_CHARS);
  const status = result.response?.status;
  const extra = {
    ...(status === undefined ? {} : { status }),
    ...(excerpt === undefined ? {} : { excerpt }),
  };
  if (result.ok || result.failure.kind === 'endpoint_error') return { kind: 'delivered', ...extra };
  const { kind, message, retryAfterSeconds } = result.failure;
  if (kind === 'rate_limited') {
    return {
      kind: 'retry',
      error: message,
      ...extra,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterMs: retryAfterSeconds * 1000 }),
    };
  }
  if (kind === 'timeout' || kind === 'connect_failed' || kind === 'tls')
    return { kind: 'retry', error: message, ...extra };
  if (kind === 'http_error' && status !== undefined && (status >= 500 || status === 408)) {
    return { kind: 'retry', error: message, ...extra };
  }
  return { kind: 'failed', error: message, ...extra };
}

/**
 * The queue's handler of `channel_reply`: POSTs `{event: 'channel.reply', data: {conversationId,
 * contactId, inReplyTo, text}, context}` to the channel's outbound URL through the executor (the
 * one outbound policy), signed in the Standard Webhooks scheme with the channel's secret. The
 * delivery id is the `webhook-id` and `Idempotency-Key` of every attempt.
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
    return attemptOutcomeOf(result);
  };
}
