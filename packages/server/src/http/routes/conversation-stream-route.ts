import { streamSSE } from 'hono/streaming';
import type { FeedMessage } from '../../agents/conversation-feed.js';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import { COMMON_ERRORS } from '../schemas/shared.js';
import { forClient } from './conversations-routes.js';

/** A comment line this often keeps proxies from closing an idle stream. */
export const STREAM_HEARTBEAT_MS = 15_000;

/**
 * `GET /conversations/{id}/stream`: server-sent events of the messages the agent adds outside a
 * turn (an async action's follow-up), on this instance, while the client listens. Each is a
 * `message` event `{reply, events}`; the transcript has them too, for a client that was away.
 */
export const conversationStreamRoute: ApiRoute = defineRoute({
  method: 'get',
  path: '/conversations/{id}/stream',
  summary:
    "Server-sent events of the agent's messages added outside a turn (async actions' follow-ups), while connected",
  tag: 'conversations',
  scope: 'chat',
  responses: { 200: 'text/event-stream of `message` events {reply, events}', ...COMMON_ERRORS },
  async handler(c, { conversations, conversationFeed }) {
    const { tenantId, widget } = c.get('principal');
    const conversation = await conversations.get(tenantId, idParam(c));
    if (widget && conversation.agentId !== widget.agentId)
      throw new ApiError('not_found', 'conversation not found');
    return streamSSE(c, async (stream) => {
      const queue: FeedMessage[] = [];
      let wake: (() => void) | undefined;
      let closed = false;
      const unsubscribe = conversationFeed.subscribe(tenantId, conversation.id, (message) => {
        queue.push(message);
        wake?.();
      });
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ conversationId: conversation.id }) });
        while (!closed) {
          const next = queue.shift();
          if (next) {
            // Only what a chat client may see, as in a streamed turn without debug.
            const events = next.events
              .map((event) => forClient(event, false))
              .filter((event) => event !== undefined);
            await stream.writeSSE({ event: 'message', data: JSON.stringify({ reply: next.reply, events }) });
            continue;
          }
          const beat = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), STREAM_HEARTBEAT_MS);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = undefined;
          if (beat && !closed) await stream.write(': heartbeat\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  },
});
