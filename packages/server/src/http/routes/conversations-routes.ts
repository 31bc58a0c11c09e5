import { Type } from '@sinclair/typebox';
import type { TurnEvent } from '@toolgate/core';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { MAX_CONVERSATION_PAGE } from '../../stores/conversation-store.js';

const DEFAULT_TRANSCRIPT_PAGE = 200;
const MAX_TRANSCRIPT_PAGE = 1_000;

import { toTranscriptEntry } from '../../agents/transcript.js';
import { ApiError, toApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppEnv } from '../app-env.js';
import { requireScope } from '../authenticate.js';
import { requestHeader } from '../request-header.js';
import { withRequestId } from '../request-id.js';
import {
  ConversationEventBody,
  ConversationListQuery,
  ConversationView,
  CreateConversationBody,
  SendMessageBody,
  Transcript,
  TurnReply,
} from '../schemas/agents.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';

const MessageQuery = Type.Object(
  {
    debug: Type.Optional(
      Type.Literal('true', { description: "Also send the model's reasons (debug events)." }),
    ),
  },
  { additionalProperties: false },
);

/** Debug events (scores, extracted values) are sent only when asked for. */
/**
 * What a chat client sees of a turn's events. Without `debug` (which needs `conversations:read`):
 * no debug events, and no operator-facing reasons (the model provider's error, the endpoint's
 * failure text): the customer gets the polite `message` events instead.
 */
export function forClient(event: TurnEvent, debug: boolean): TurnEvent | undefined {
  if (debug) return event;
  if (event.type === 'debug') return undefined;
  if (event.type === 'model-error') return { ...event, message: 'the model could not answer' };
  if (event.type === 'action-failed') {
    // The kind and the HTTP status say what happened; the endpoint's own words stay with operators.
    const { kind, status } = event.failure;
    return { ...event, failure: { kind, message: '', ...(status === undefined ? {} : { status }) } };
  }
  return event;
}

function wantsDebug(c: Context<AppEnv>, debug: string | undefined): boolean {
  if (debug !== 'true') return false;
  requireScope(c.get('principal'), 'conversations:read');
  return true;
}

const TranscriptQuery = Type.Object(
  {
    afterSeq: Type.Optional(
      Type.String({ pattern: '^[0-9]+$', description: 'Messages after this one (default 0).' }),
    ),
    limit: Type.Optional(
      Type.String({
        pattern: '^[0-9]+$',
        description: `1-${MAX_TRANSCRIPT_PAGE}, default ${DEFAULT_TRANSCRIPT_PAGE}.`,
      }),
    ),
  },
  { additionalProperties: false },
);

/** Conversations: start one, send messages (JSON or server-sent events), events, transcripts. */
export const conversationsRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/conversations',
    summary: "Start a conversation with one of the tenant's agents",
    tag: 'conversations',
    scope: 'chat',
    body: CreateConversationBody,
    responses: { 201: ConversationView, ...COMMON_ERRORS, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { conversationService }, { body }) {
      const principal = c.get('principal');
      return c.json(
        await conversationService.start(principal.tenantId, body, principal.widget?.agentId),
        201,
      );
    },
  }),
  defineRoute({
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
      ...COMMON_ERRORS,
      422: ErrorBody,
    },
    async handler(c, { conversations }, { query }) {
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
  }),
  defineRoute({
    method: 'get',
    path: '/conversations/{id}',
    summary: 'The transcript, each action call linked to its execution log record',
    tag: 'conversations',
    scope: 'conversations:read',
    query: TranscriptQuery,
    responses: { 200: Transcript, ...COMMON_ERRORS, 422: ErrorBody },
    async handler(c, { conversations }, { query }) {
      const { tenantId } = c.get('principal');
      const limit = query.limit === undefined ? DEFAULT_TRANSCRIPT_PAGE : Number(query.limit);
      if (limit < 1 || limit > MAX_TRANSCRIPT_PAGE) {
        throw new ApiError('validation_failed', `limit must be from 1 to ${MAX_TRANSCRIPT_PAGE}`, [
          { path: '/limit', message: `must be from 1 to ${MAX_TRANSCRIPT_PAGE}` },
        ]);
      }
      const conversation = await conversations.get(tenantId, idParam(c));
      const afterSeq = Number(query.afterSeq ?? 0);
      const messages = await conversations.transcript(tenantId, conversation.id, {
        afterSeq,
        limit: limit + 1,
      });
      const page = messages.slice(0, limit);
      return c.json({
        conversation,
        messages: page.map(toTranscriptEntry),
        nextAfterSeq: messages.length > limit ? (page.at(-1)?.seq ?? null) : null,
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/conversations/{id}/messages',
    summary:
      "Send the customer's message and get the agent's reply with the turn's events; with Accept: text/event-stream the events stream as they happen",
    tag: 'conversations',
    scope: 'chat',
    body: SendMessageBody,
    query: MessageQuery,
    responses: { 200: TurnReply, ...COMMON_ERRORS, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { conversationService, logger }, { body: { text }, query }) {
      const { tenantId } = c.get('principal');
      const debug = wantsDebug(c, query.debug);
      const turn = await conversationService.open(tenantId, idParam(c), c.get('principal').widget?.agentId);
      if (!(requestHeader(c, 'accept') ?? '').includes('text/event-stream')) {
        const result = await turn.run(text);
        const events = result.events
          .map((event) => forClient(event, debug))
          .filter((event) => event !== undefined);
        return c.body(
          JSON.stringify({ reply: result.reply, events }),
          200,
          withRequestId(c, { 'content-type': 'application/json' }),
        );
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
            const shown = forClient(event, debug);
            if (shown) send(shown.type, shown);
          });
          send('done', { reply: result.reply });
        } catch (error) {
          const known = toApiError(error);
          const failure =
            known ?? new ApiError('internal', 'the turn failed; the error is in the server log');
          send('error', failure.toJSON(c.get('requestId')));
          // The response has started (200): the failure reaches the log here or nowhere.
          if (!known) {
            logger.error(
              { err: error, tenantId, conversationId: turn.conversation.id, requestId: c.get('requestId') },
              'a streamed turn failed',
            );
          }
        } finally {
          await writes;
        }
      });
    },
  }),
  {
    method: 'post',
    path: '/conversations/{id}/end',
    summary:
      'End a conversation (emits conversation.ended once; conversations with no message for 30 minutes end by themselves)',
    tag: 'conversations',
    scope: 'chat',
    responses: {
      200: Type.Object({
        ended: Type.Boolean({ description: 'False when the conversation had ended already.' }),
      }),
      ...COMMON_ERRORS,
    },
    async handler(c, { conversationEnding }) {
      const principal = c.get('principal');
      return c.json(await conversationEnding.end(principal.tenantId, idParam(c), principal.widget?.agentId));
    },
  },
  defineRoute({
    method: 'post',
    path: '/conversations/{id}/events',
    summary:
      "Call one of the agent's actions because of an event (button click, captured lead, a person), outside the model's choice",
    tag: 'conversations',
    scope: 'chat',
    body: ConversationEventBody,
    responses: {
      200: Type.Object({
        callId: Type.Union([Type.String(), Type.Null()], {
          description: 'The execution log id; null when a limit refused the call.',
        }),
        outcome: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('refused')]),
        result: Type.Unknown({ description: 'What the model would see of the result.' }),
      }),
      ...COMMON_ERRORS,
      413: ErrorBody,
      422: ErrorBody,
    },
    async handler(c, { conversationService }, { body }) {
      const principal = c.get('principal');
      return c.json(
        await conversationService.trigger(principal.tenantId, idParam(c), body, principal.widget?.agentId),
      );
    },
  }),
];
