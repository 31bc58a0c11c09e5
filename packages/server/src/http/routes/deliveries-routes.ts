import { Type } from '@sinclair/typebox';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppServices } from '../app-env.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';
import {
  AttemptView,
  DeliveryView,
  ReplayRangeBody,
  TenantDeliveryListQuery,
} from '../schemas/subscriptions.js';

const TAG = 'deliveries';
const MAX_PAGE = 200;

function queue(services: AppServices) {
  if (!services.subscriptionDeliveries) {
    throw new ApiError('conflict', 'this server runs no delivery queue: there are no deliveries');
  }
  return services.subscriptionDeliveries;
}

/**
 * The tenant's whole durable queue, every kind: an agent's `webhook_trigger` events and channel
 * replies have no subscription, so their dead letters are listed and replayed here
 * (docs/architecture/deliveries.md). Another tenant's delivery is a 404.
 */
export const deliveriesRoutes: ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/deliveries',
    summary: "List the tenant's deliveries of every kind, newest first (status dead: the dead letters)",
    tag: TAG,
    scope: 'events:read',
    query: TenantDeliveryListQuery,
    responses: {
      200: Type.Object({
        deliveries: Type.Array(DeliveryView),
        nextCursor: Type.Union([Type.String(), Type.Null()]),
      }),
      ...COMMON_ERRORS,
      409: ErrorBody,
      422: ErrorBody,
    },
    async handler(c, services, { query }) {
      const { tenantId } = c.get('principal');
      const limit = query.limit === undefined ? undefined : Number(query.limit);
      if (limit !== undefined && (limit < 1 || limit > MAX_PAGE)) {
        throw new ApiError('validation_failed', `limit must be from 1 to ${MAX_PAGE}`, [
          { path: '/limit', message: `must be from 1 to ${MAX_PAGE}` },
        ]);
      }
      const page = await queue(services).list(tenantId, {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.kind === undefined ? {} : { kind: query.kind }),
        ...(limit === undefined ? {} : { limit }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      });
      return c.json(page);
    },
  }),
  {
    method: 'get',
    path: '/deliveries/{id}/attempts',
    summary: "One delivery's attempts: outcome, status, duration and the start of the response",
    tag: TAG,
    scope: 'events:read',
    responses: { 200: Type.Object({ attempts: Type.Array(AttemptView) }), ...COMMON_ERRORS, 409: ErrorBody },
    async handler(c, services) {
      const { tenantId } = c.get('principal');
      return c.json({ attempts: await queue(services).attempts(tenantId, idParam(c)) });
    },
  },
  {
    method: 'post',
    path: '/deliveries/{id}/replay',
    summary: 'Replay one dead delivery: queued again with the same webhook-id and fresh attempts',
    tag: TAG,
    scope: 'events:manage',
    responses: { 200: DeliveryView, ...COMMON_ERRORS, 409: ErrorBody },
    async handler(c, services) {
      const { tenantId } = c.get('principal');
      return c.json(await queue(services).replay(tenantId, idParam(c)));
    },
  },
  defineRoute({
    method: 'post',
    path: '/deliveries/replay',
    summary: 'Replay every dead delivery of the tenant (any kind) created in [from, to)',
    tag: TAG,
    scope: 'events:manage',
    body: ReplayRangeBody,
    responses: {
      200: Type.Object({ replayed: Type.Array(Type.String()) }),
      ...COMMON_ERRORS,
      409: ErrorBody,
      413: ErrorBody,
      422: ErrorBody,
    },
    async handler(c, services, { body }) {
      const { tenantId } = c.get('principal');
      const from = new Date(body.from);
      const to = new Date(body.to);
      if (from >= to) {
        throw new ApiError('validation_failed', 'from must be before to', [
          { path: '/from', message: 'must be before to' },
        ]);
      }
      return c.json(await queue(services).replayRange(tenantId, { from, to, status: 'dead' }));
    },
  }),
];
