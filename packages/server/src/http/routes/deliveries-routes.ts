import { Type } from '@sinclair/typebox';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';
import {
  AttemptView,
  DeliveryView,
  ReplayRangeBody,
  TenantDeliveryListQuery,
} from '../schemas/subscriptions.js';
import { deliveryPageLimit, deliveryQueue, replayWindow } from './delivery-route-parts.js';

const TAG = 'deliveries';

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
      const limit = deliveryPageLimit(query.limit);
      const page = await deliveryQueue(services).list(tenantId, {
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
      return c.json({ attempts: await deliveryQueue(services).attempts(tenantId, idParam(c)) });
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
      return c.json(await deliveryQueue(services).replay(tenantId, idParam(c)));
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
      const { from, to } = replayWindow(body);
      return c.json(await deliveryQueue(services).replayRange(tenantId, { from, to, status: 'dead' }));
    },
  }),
];
