import { Type } from '@sinclair/typebox';
import type { TurnEvent } from '@toolgate/core';
import { streamSSE } from 'hono/streaming';
import { MAX_CONVERSATION_PAGE } from '../agents/conversation-store.js';
import { toTranscriptEntry } from '../agents/transcript.js';
import {
  ConversationEventBody,
  ConversationListQuery,
  ConversationView,
  CreateConversationBody,
  SendMessageBody,
  Transcript,
  TurnReply,
} from '../api/agent-schemas.js';
import { ApiError } from '../api/api-error.js';
import { checkBody } from '../api/check-body.js';
import { readJson } from '../api/read-json.js';
import { CallRecordView, ErrorBody } from '../api/schemas.js';
import { type ApiRoute, idParam } from '../app/api-route.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;
const MessageQuery = Type.Object(
  {
    debug: Type.Optional(
      Type.Literal('true', { description: "Also send the model's reasons (debug events)." }),
    ),
  },
  { additionalProperties: false },
);

/** Debug events (scores, extracted values) are sent only when asked for. */
function wanted(events: readonly TurnEvent[], debug: boolean): TurnEvent[] {
  return debug ? [...events] : events.filter((event) => event.type !== 'debug');
}

/** Conversations: start one, send messages (JSON or server-sent events), events, transcripts. */
export const conversationsRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/conversations',
    summary: "Start a conversation with one of the tenant's agents",
    tag: 'conversations',
    scope: 'chat',
    body: CreateConversationBody,
    responses: { 201: ConversationView, ...errors, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { conversationService }) {
      const body = checkBody(CreateConversationBody, await readJson(c));
      return c.json(await conversationService.start(c.get('principal').tenantId, body), 201);
    },
  },
  {
    method: 'get',
    path: '/conversations',
    summary: 'List conversations, newest first',
    tag: 'conversations',
    scope: 'conversations:read',
    query: ConversationListQuery,
    responses: {
      200: Type.Object({
        conversations: Type.Array(ConversationView),
        nextCursor: Type.Union([Type.String(), Type.Null()]),
      }),
      ...errors,
      422: ErrorBody,
    },
    async handler(c, { conversations }) {
      const query = checkBody(ConversationListQuery, c.req.query());
      const limit = query.limit === undefined ? undefined : Number(query.limit);
      if (limit !== undefined && (limit < 1 || limit > MAX_CONVERSATION_PAGE)) {
        throw new ApiError('validation_failed', `limit must be from 1 to ${MAX_CONVERSATION_PAGE}`, [
          { path: '/limit', message: `must be from 1 to ${MAX_CONVERSATION_PAGE}` },
        ]);
      }
      const { limit: _limit, ...filters } = query;
      return c.json(
        await conversations.list(c.get('principal').tenantId, { ...filters, ...(limit ? { limit } : {}) }),
      );
    },
  },
  {
    method: 'get',
    path: '/conversations/{id}',
    summary: 'The transcript, each action call linked to its execution log record',
    tag: 'conversations',
    scope: 'conversations:read',
    responses: { 200: Transcript, ...errors },
    async handler(c, { conversations }) {
      const { tenantId } = c.get('principal');
      const conversation = await conversations.get(tenantId, idParam(c));
      const messages = await conversations.transcript(tenantId, conversation.id);
      return c.json({ conversation, messages: messages.map(toTranscriptEntry) });
    },
  },
  {
    method: 'post',
    path: '/conversations/{id}/messages',
    summary:
      "Send the customer's message and get the agent's reply with the turn's events; with Accept: text/event-stream the events stream as they happen",
    tag: 'conversations',
    scope: 'chat',
    body: SendMessageBody,
    query: MessageQuery,
    responses: { 200: TurnReply, ...errors, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { conversationService }) {
      const { tenantId } = c.get('principal');
      const debug = checkBody(MessageQuery, c.req.query()).debug === 'true';
      const { text } = checkBody(SendMessageBody, await readJson(c));
      const turn = await conversationService.open(tenantId, idParam(c));
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
        const result = await turn.run(text);
        return c.json({ reply: result.reply, events: wanted(result.events, debug) });
      }
      return streamSSE(c, async (stream) => {
        // Events arrive synchronously from the loop; writes are chained to keep their order.
        let writes = Promise.resolve();
        const send = (event: string, data: unknown) => {
          writes = writes.then(() =>
            stream.aborted ? undefined : stream.writeSSE({ event, data: JSON.stringify(data) }),
          );
        };
        try {
          const result = await turn.run(text, (event) => {
            if (debug || event.type !== 'debug') send(event.type, event);
          });
          send('done', { reply: result.reply });
        } catch (error) {
          const failure =
            error instanceof ApiError
              ? error
              : new ApiError('internal', 'the turn failed; the error is in the server log');
          send('error', failure.toJSON());
          if (!(error instanceof ApiError)) throw error;
        } finally {
          await writes;
        }
      });
    },
  },
  {
    method: 'post',
    path: '/conversations/{id}/events',
    summary:
      "Call one of the agent's actions because of an event (button click, captured lead, a person), outside the model's choice",
    tag: 'conversations',
    scope: 'chat',
    body: ConversationEventBody,
    responses: {
      200: Type.Object({ callId: Type.String(), result: Type.Unknown(), record: CallRecordView }),
      ...errors,
      413: ErrorBody,
      422: ErrorBody,
    },
    async handler(c, { conversationService }) {
      const body = checkBody(ConversationEventBody, await readJson(c));
      return c.json(await conversationService.trigger(c.get('principal').tenantId, idParam(c), body));
    },
  },
];
