import {
  type OpenAIProtocolServer,
  type ProtocolConversation,
  type ProtocolReply,
  startOpenAIProtocolServer,
} from '@toolgate/core/test';
import type { EventReader } from './check-arrivals.js';

/** The event name every produced event carries. */
export const PROBE_EVENT = 'delivery_probe';

/** The customer message that makes the model send event number `sequence`. */
export const probeMessage = (sequence: number) => `please record event ${sequence}`;

/** A scripted LLM: "record event N" calls `webhook_trigger` with `{ seq: N }`, then confirms. */
function reply(conversation: ProtocolConversation): ProtocolReply {
  const [result] = conversation.toolResultsSinceLastUser;
  if (result) return { text: 'Recorded.' };
  const sequence = /record event (\d+)/.exec(conversation.lastUserText)?.[1];
  if (sequence === undefined) return { text: 'Tell me which event to record.' };
  return {
    toolCalls: [
      { name: 'webhook_trigger', arguments: { event: PROBE_EVENT, data: { seq: Number(sequence) } } },
    ],
  };
}

/**
 * An OpenAI-compatible model server on http://127.0.0.1 that makes an agent's every turn fire
 * exactly one `webhook_trigger` event through the product's real path (turn, tool, delivery).
 * It keeps no request log, so half a million turns cost no memory.
 */
export async function startTriggerModel(): Promise<OpenAIProtocolServer> {
  const server: OpenAIProtocolServer = await startOpenAIProtocolServer((_body, { conversation }) => {
    server.requests.length = 0;
    return reply(conversation);
  });
  return server;
}

/** Reads the webhook trigger's `{ event, data: { seq }, context: { call_id } }` body. */
export const probeReader: EventReader = {
  sequenceOf(body) {
    const event = body as { event?: unknown; data?: { seq?: unknown } } | undefined;
    const seq = event?.event === PROBE_EVENT ? event.data?.seq : undefined;
    return typeof seq === 'number' && Number.isInteger(seq) ? seq : undefined;
  },
  eventKeyOf(body) {
    const callId = (body as { context?: { call_id?: unknown } } | undefined)?.context?.call_id;
    return typeof callId === 'string' ? callId : undefined;
  },
};
