import { Type } from '@sinclair/typebox';
import { NotFoundError } from '@toolgate/core';
import type { Context } from 'hono';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import type { AppEnv, AppServices } from '../app-env.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';
import { AttemptView, DeliveryListQuery, DeliveryView, ReplayRangeBody } from '../schemas/subscriptions.js';
import { deliveryPageLimit, deliveryQueue, replayWindow } from './delivery-route-parts.js';

const TAG = 'subscriptions';

/** The subscription (404 when not the caller's) and one of its deliveries (404 when another's). */
async function deliveryOf(c: Context<AppEnv>, services: AppServices) {
  const { tenantId } = c.get('principal');
  const subscription = await services.subscriptions.get(tenantId, idParam(c));
  const deliveries = deliveryQueue(services);
  const delivery = await deliveries.get(tenantId, c.req.param('deliveryId') ?? '');
  if (delivery.subscriptionId !== subscription.id) throw new NotFoundError('delivery');
  return { tenantId, deliveries, delivery };
}

/** A subscription's deliveries and attempts, and replay of the dead ones (docs/subscriptions.md). */
export const subscriptionDeliveriesRoutes: ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/subscriptions/{id}/deliveries',
    summary: "List a subscription's deliveries, newest first (status dead: its dead letters)",
    tag: TAG,
    scope: 'events:read',
    query: DeliveryListQuery,
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
      const subscription = await services.subscriptions.get(tenantId, idParam(c));
      const limit = deliveryPageLimit(query.limit);
      const page = await deliveryQueue(services).list(tenantId, {
        subscriptionId: subscription.id,
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(limit === undefined ? {} : { limit }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      });
      return c.json({
        deliveries: page.deliveries.map(({ subscriptionId: _s, ...shown }) => shown),
        nextCursor: page.nextCursor,
      });
    },
  }),
  {
    method: 'get',
    path: '/subscriptions/{id}/deliveries/{deliveryId}/attempts',
    summary: "One delivery's attempts: outcome, status, duration and the start of the response",
    tag: TAG,
    scope: 'events:read',
    responses: { 200: Type.Object({ attempts: Type.Array(AttemptView) }), ...COMMON_ERRORS, 409: ErrorBody },
    async handler(c, services) {
      const { tenantId, deliveries, delivery } = await deliveryOf(c, services);
      return c.json({ attempts: await deliveries.attempts(tenantId, delivery.id) });
    },
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/deliveries/{deliveryId}/replay',
    summary: 'Replay one dead delivery: queued again with the same webhook-id and fresh attempts',
    tag: TAG,
    scope: 'events:manage',
    responses: { 200: DeliveryView, ...COMMON_ERRORS, 409: ErrorBody },
    async handler(c, services) {
      const { tenantId, deliveries, delivery } = await deliveryOf(c, services);
      const { subscriptionId: _s, ...shown } = await deliveries.replay(tenantId, delivery.id);
      return c.json(shown);
    },
  },
  defineRoute({
    method: 'post',
    path: '/subscriptions/{id}/replay',
    summary: 'Replay every dead delivery of the subscription created in [from, to)',
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
      const subscription = await services.subscriptions.get(tenantId, idParam(c));
      const { from, to } = replayWindow(body);
      return c.json(
        await deliveryQueue(services).replayRange(tenantId, {
          from,
          to,
          subscriptionId: subscription.id,
          status: 'dead',
        }),
      );
    },
  }),
];
