import { Type } from '@sinclair/typebox';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';
import {
  CreatedSubscription,
  CreateSubscriptionBody,
  PatchSubscriptionBody,
  RotatedSecret,
  SubscriptionView,
} from '../schemas/subscriptions.js';

const TAG = 'subscriptions';

/** Event subscriptions: an operator's endpoints for the tenant's events (docs/subscriptions.md). */
export const subscriptionsRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/subscriptions',
    summary: 'Subscribe an https endpoint to events; the signing secret is returned this once',
    tag: TAG,
    scope: 'events:manage',
    body: CreateSubscriptionBody,
    responses: { 201: CreatedSubscription, ...COMMON_ERRORS, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { subscriptions }, { body }) {
      const principal = c.get('principal');
      return c.json(await subscriptions.create(principal.tenantId, body, principal.actor), 201);
    },
  }),
  {
    method: 'get',
    path: '/subscriptions',
    summary: "List the tenant's subscriptions (secrets are never shown)",
    tag: TAG,
    scope: 'events:read',
    responses: { 200: Type.Object({ subscriptions: Type.Array(SubscriptionView) }), ...COMMON_ERRORS },
    async handler(c, { subscriptions }) {
      return c.json({ subscriptions: await subscriptions.list(c.get('principal').tenantId) });
    },
  },
  {
    method: 'get',
    path: '/subscriptions/{id}',
    summary: 'Read one subscription',
    tag: TAG,
    scope: 'events:read',
    responses: { 200: SubscriptionView, ...COMMON_ERRORS },
    async handler(c, { subscriptions }) {
      return c.json(await subscriptions.get(c.get('principal').tenantId, idParam(c)));
    },
  },
  defineRoute({
    method: 'patch',
    path: '/subscriptions/{id}',
    summary:
      'Change a subscription: URL, description, event types, agents, retry schedule (null: the default)',
    tag: TAG,
    scope: 'events:manage',
    body: PatchSubscriptionBody,
    responses: { 200: SubscriptionView, ...COMMON_ERRORS, 413: ErrorBody, 422: ErrorBody },
    async handler(c, { subscriptions }, { body }) {
      const principal = c.get('principal');
      return c.json(await subscriptions.update(principal.tenantId, idParam(c), body, principal.actor));
    },
  }),
  {
    method: 'delete',
    path: '/subscriptions/{id}',
    summary: 'Delete a subscription; its queued events are not sent',
    tag: TAG,
    scope: 'events:manage',
    responses: { 204: 'Deleted', ...COMMON_ERRORS },
    async handler(c, { subscriptions }) {
      const principal = c.get('principal');
      await subscriptions.remove(principal.tenantId, idParam(c), principal.actor);
      return c.body(null, 204);
    },
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/pause',
    summary: 'Pause a subscription: no new events are queued for it, queued ones wait',
    tag: TAG,
    scope: 'events:manage',
    responses: { 200: SubscriptionView, ...COMMON_ERRORS },
    async handler(c, { subscriptions }) {
      const principal = c.get('principal');
      return c.json(await subscriptions.setPaused(principal.tenantId, idParam(c), true, principal.actor));
    },
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/resume',
    summary: 'Resume a paused subscription, or one disabled after its receiver answered 410 Gone',
    tag: TAG,
    scope: 'events:manage',
    responses: { 200: SubscriptionView, ...COMMON_ERRORS },
    async handler(c, { subscriptions }) {
      const principal = c.get('principal');
      return c.json(await subscriptions.setPaused(principal.tenantId, idParam(c), false, principal.actor));
    },
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/signing-secret/rotate',
    summary: 'Issue a new signing secret; the old one keeps signing (a second signature) for 24 hours',
    tag: TAG,
    scope: 'events:manage',
    responses: { 200: RotatedSecret, ...COMMON_ERRORS },
    async handler(c, { subscriptions }) {
      const principal = c.get('principal');
      return c.json(await subscriptions.rotateSigningSecret(principal.tenantId, idParam(c), principal.actor));
    },
  },
  {
    method: 'post',
    path: '/subscriptions/{id}/test',
    summary:
      'Queue a subscription.test event to this subscription (one attempt; its result shows in the deliveries)',
    tag: TAG,
    scope: 'events:manage',
    responses: {
      202: Type.Object({ deliveryId: Type.String() }),
      ...COMMON_ERRORS,
      409: ErrorBody,
    },
    async handler(c, { subscriptions, events, db }) {
      const { tenantId } = c.get('principal');
      const subscription = await subscriptions.get(tenantId, idParam(c));
      const deliveryId = await events.sendTest(db, tenantId, subscription.id);
      if (deliveryId === null)
        throw new ApiError('conflict', 'this server runs no delivery queue: events cannot be sent');
      return c.json({ deliveryId }, 202);
    },
  },
];
