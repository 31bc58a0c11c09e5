import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { BackgroundWork } from '../agents/background-work.js';
import type { ChannelTurns } from '../channels/channel-turns.js';
import {
  INBOUND_TOLERANCE_SECONDS,
  readWebhookHeaders,
  webhookSignatureMatches,
} from '../channels/check-webhook-signature.js';
import { TWILIO_SIGNATURE_HEADER, twilioSignatureMatches } from '../channels/twilio-signature.js';
import { twimlMessage } from '../channels/twiml.js';
import type { NewDelivery, Writer } from '../deliveries/delivery-types.js';
import type { Database } from '../storage/schema.js';
import type { ChannelInboundStore } from '../stores/channel-inbound-store.js';
import type { ChannelStore, InboundChannel } from '../stores/channel-store.js';
import { AGENT_ID } from '../stores/check-agent.js';
import { ApiError } from './api-error.js';
import { checkBody } from './check-body.js';
import { ChannelMessageBody } from './schemas/channels.js';
import { checkJsonText } from './text-rules.js';

/** Inbound bodies above this are refused (413): a chat message and its metadata are far smaller. */
export const MAX_INBOUND_BODY_BYTES = 64 * 1024;
/** webhook-ids are kept this long: twice the window, after which the timestamp check refuses them. */
const WEBHOOK_ID_KEEP_MS = 2 * INBOUND_TOLERANCE_SECONDS * 1000;
/** Twilio's requests carry no timestamp: a MessageSid is remembered this long. */
export const TWILIO_MESSAGE_KEEP_MS = 24 * 3_600_000;
const CHANNEL_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** The one answer to a request whose channel is unknown or whose signature does not verify. */
const NOT_VERIFIED =
  'the signature does not verify for this channel: wrong secret, unknown channel, or the request changed after signing';

/** Queues a row in the durable queue (deliveries/enqueue.ts). */
export type EnqueueDelivery = (writer: Writer, delivery: NewDelivery) => Promise<unknown>;

/** One inbound request, as the route hands it over. */
export interface InboundRequest {
  agentId: string;
  channelName: string;
  headers: Headers;
  body: string;
  /** The request URL as the server saw it (its query is part of what Twilio signs). */
  url: string;
}

/**
 * `POST /agents/{id}/chat/{channel}` (docs/channels.md): verifies the platform's signature,
 * refuses replays, answers the message through the agent and replies inline or through the queue.
 * An unknown agent or channel, another tenant's agent id and a bad signature get the same 401
 * after the same work; header problems are answered before the channel is looked up, so they say
 * nothing about which channels exist.
 */
export function createInboundChannels(deps: {
  db: Kysely<Database>;
  channels: ChannelStore;
  inbound: ChannelInboundStore;
  turns: ChannelTurns;
  background: BackgroundWork;
  logger: Logger;
  /** `TOOLGATE_PUBLIC_URL`: the base of the URL Twilio signed. */
  publicUrl?: string;
  /** The durable queue; without it, outbound replies cannot be sent (refused as unavailable). */
  enqueue?: EnqueueDelivery;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  async function lookup(request: InboundRequest): Promise<InboundChannel | undefined> {
    if (!AGENT_ID.test(request.agentId) || !CHANNEL_NAME.test(request.channelName)) return undefined;
    return deps.channels.findForInbound(request.agentId, request.channelName);
  }

  function refuse(request: InboundRequest, why: string): never {
    deps.logger.info(
      { agentId: request.agentId, channel: request.channelName, why },
      'inbound channel request refused',
    );
    throw new ApiError('unauthenticated', NOT_VERIFIED);
  }

  async function generic(request: InboundRequest): Promise<Response> {
    const headers = readWebhookHeaders(request.headers, now().getTime());
    if ('refused' in headers) throw new ApiError('unauthenticated', headers.refused);
    const found = await lookup(request);
    const channel = found?.kind === 'generic' ? found : undefined;
    const verified = webhookSignatureMatches(headers, request.body, channel?.secrets ?? []);
    if (!channel) return refuse(request, found ? 'not a generic channel' : 'no such channel');
    if (!verified) return refuse(request, 'bad signature');
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch (error) {
      throw new ApiError('malformed_json', `the request body is not valid JSON: ${(error as Error).message}`);
    }
    checkJsonText(parsed);
    const message = checkBody(ChannelMessageBody, parsed);
    if (channel.replyMode === 'outbound' && !deps.enqueue) {
      throw new ApiError(
        'internal',
        'outbound replies need the delivery queue, which this server does not run',
      );
    }
    if (!(await deps.inbound.remember(channel.id, headers.id, WEBHOOK_ID_KEEP_MS))) {
      throw new ApiError(
        'conflict',
        `webhook-id ${headers.id} was already received; a new message needs a new id`,
      );
    }
    if (channel.replyMode === 'outbound') {
      deps.background.add(answerLater(channel, headers.id, message));
      return Response.json({ messageId: headers.id, status: 'accepted' }, { status: 202 });
    }
    try {
      const { conversationId, reply } = await deps.turns.answer(channel, message);
      return Response.json({ conversationId, messageId: headers.id, reply, status: 'answered' });
    } catch (error) {
      // Nothing of the turn was kept: the sender may retry with the same id.
      await deps.inbound.forget(channel.id, headers.id);
      throw error;
    }
  }

  /** outbound mode: the turn runs after the 202; its reply is queued as a `channel_reply`. */
  async function answerLater(
    channel: InboundChannel,
    messageId: string,
    message: { contactId: string; text: string; metadata?: Record<string, unknown> },
  ): Promise<void> {
    try {
      const { conversationId, reply } = await deps.turns.answer(channel, message);
      await deps.enqueue?.(deps.db, {
        tenantId: channel.tenantId,
        kind: 'channel_reply',
        payload: {
          channelId: channel.id,
          conversationId,
          contactId: message.contactId,
          inReplyTo: messageId,
          text: reply,
        },
      });
    } catch (error) {
      deps.logger.error(
        { err: error, tenantId: channel.tenantId, channelId: channel.id, messageId },
        'an inbound channel message could not be answered; no reply was sent',
      );
    }
  }

  async function twilio(request: InboundRequest, signature: string): Promise<Response> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
      throw new ApiError('bad_request', 'Twilio requests are application/x-www-form-urlencoded');
    }
    const params = [...new URLSearchParams(request.body)];
    // The URL Twilio requested, rebuilt from the public URL (behind a proxy the server sees another).
    const seen = new URL(request.url);
    const base = (deps.publicUrl ?? seen.origin).replace(/\/+$/, '');
    const url = `${base}/api/v1/agents/${request.agentId}/chat/${request.channelName}${seen.search}`;
    const found = await lookup(request);
    const channel = found?.kind === 'twilio_sms' ? found : undefined;
    const verified = twilioSignatureMatches(channel?.secrets ?? [], signature, url, params);
    if (!channel) return refuse(request, found ? 'not a Twilio channel' : 'no such channel');
    if (!verified) return refuse(request, 'bad Twilio signature');
    const field = (name: string) => params.find(([key]) => key === name)?.[1] ?? '';
    const [sid, from, text] = [field('MessageSid'), field('From'), field('Body')];
    if (sid === '' || from === '')
      throw new ApiError('bad_request', 'a Twilio SMS webhook carries MessageSid and From');
    const twiml = (reply?: string) =>
      new Response(twimlMessage(reply), { headers: { 'content-type': 'text/xml; charset=utf-8' } });
    // A MessageSid seen before (Twilio retrying, or a replay): answered with no message.
    if (!(await deps.inbound.remember(channel.id, sid, TWILIO_MESSAGE_KEEP_MS))) return twiml();
    if (text.trim() === '') return twiml();
    try {
      const { reply } = await deps.turns.answer(channel, { contactId: from, text: text.slice(0, 4_000) });
      return twiml(reply);
    } catch (error) {
      await deps.inbound.forget(channel.id, sid);
      throw error;
    }
  }

  return {
    /** Answers one inbound request; refusals are thrown as `ApiError`s. */
    receive(request: InboundRequest): Promise<Response> {
      const signature = request.headers.get(TWILIO_SIGNATURE_HEADER);
      return signature === null ? generic(request) : twilio(request, signature);
    },
  };
}

export type InboundChannels = ReturnType<typeof createInboundChannels>;
