import { Type } from '@sinclair/typebox';
import { type CallFilters, MAX_CALL_PAGE } from '../../stores/call-store.js';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import { CallListQuery, CallRecordView } from '../schemas/calls.js';
import { ErrorBody } from '../schemas/shared.js';

/** Action ids look like this; anything else in `?action=` is a name. */
const ACTION_ID = /^act_[0-9a-f]{32}$/;

/** The execution log. */
export const callsRoutes: ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/calls',
    summary: 'List calls, newest first, with filters and cursor pagination',
    tag: 'calls',
    scope: 'webhooks:read',
    query: CallListQuery,
    responses: {
      200: Type.Object({
        calls: Type.Array(CallRecordView),
        nextCursor: Type.Union([Type.String(), Type.Null()]),
      }),
      400: ErrorBody,
      401: ErrorBody,
      403: ErrorBody,
      422: ErrorBody,
    },
    async handler(c, { calls }, { query }) {
      const filters: CallFilters = {};
      if (query.action !== undefined) {
        if (ACTION_ID.test(query.action)) filters.actionId = query.action;
        else filters.actionName = query.action;
      }
      if (query.outcome !== undefined) filters.outcome = query.outcome;
      if (query.conversation !== undefined) filters.conversationId = query.conversation;
      if (query.trigger !== undefined) filters.trigger = query.trigger;
      if (query.from !== undefined) filters.from = new Date(query.from);
      if (query.to !== undefined) filters.to = new Date(query.to);
      if (query.limit !== undefined) {
        const limit = Number(query.limit);
        if (limit < 1 || limit > MAX_CALL_PAGE) {
          throw new ApiError('validation_failed', `limit must be from 1 to ${MAX_CALL_PAGE}`, [
            { path: '/limit', message: `must be from 1 to ${MAX_CALL_PAGE}` },
          ]);
        }
        filters.limit = limit;
      }
      if (filters.from && filters.to && filters.from >= filters.to) {
        throw new ApiError('validation_failed', 'from must be before to', [
          { path: '/from', message: 'must be before to' },
        ]);
      }
      if (query.cursor !== undefined) filters.cursor = query.cursor;
      return c.json(await calls.list(c.get('principal').tenantId, filters));
    },
  }),
  {
    method: 'get',
    path: '/calls/by-action',
    summary: "Each action's calls in the last 24 hours and its latest call (time and outcome)",
    tag: 'calls',
    scope: 'webhooks:read',
    responses: {
      200: Type.Object({
        actions: Type.Array(
          Type.Object({
            actionId: Type.String(),
            callsLast24h: Type.Integer(),
            lastCallAt: Type.String({ format: 'date-time' }),
            lastOutcome: Type.Union([Type.Literal('ok'), Type.Literal('failed')]),
          }),
        ),
      }),
      401: ErrorBody,
      403: ErrorBody,
    },
    async handler(c, { calls }) {
      return c.json({ actions: await calls.summaryByAction(c.get('principal').tenantId) });
    },
  },
  {
    method: 'get',
    path: '/calls/{id}',
    summary: 'Read one call: request as sent (redacted), response preview, normalized result',
    tag: 'calls',
    scope: 'webhooks:read',
    responses: { 200: CallRecordView, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    async handler(c, { calls }) {
      return c.json(await calls.get(c.get('principal').tenantId, idParam(c)));
    },
  },
];
