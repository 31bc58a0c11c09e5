import { Type } from '@sinclair/typebox';
import { EVENT_TYPES } from '../../deliveries/event-types.js';
import { closed, literals } from './shared.js';

/** The largest delay of a per-subscription retry schedule: one day. */
const MAX_DELAY_MS = 86_400_000;

const RetrySchedule = Type.Array(Type.Integer({ minimum: 0, maximum: MAX_DELAY_MS }), {
  minItems: 0,
  maxItems: 20,
  description: 'Delays before each retry, in ms; the first attempt is immediate. null: the server default.',
});

const subscriptionFields = {
  url: Type.String({ format: 'uri', maxLength: 2_000, description: 'Where events are POSTed (https).' }),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  eventTypes: Type.Optional(
    Type.Array(literals(EVENT_TYPES), {
      uniqueItems: true,
      description: 'Event types to receive; empty or absent: every type.',
    }),
  ),
  agentIds: Type.Optional(
    Type.Array(Type.String({ pattern: '^agt_[0-9a-f]{32}$' }), {
      uniqueItems: true,
      maxItems: 100,
      description: 'Only events of these agents; empty or absent: every agent.',
    }),
  ),
  retryScheduleMs: Type.Optional(Type.Union([RetrySchedule, Type.Null()])),
};

export const CreateSubscriptionBody = Type.Object(subscriptionFields, closed);

export const PatchSubscriptionBody = Type.Object(
  {
    ...subscriptionFields,
    url: Type.Optional(subscriptionFields.url),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  closed,
);

export const SubscriptionView = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    eventTypes: Type.Array(Type.String()),
    agentIds: Type.Array(Type.String()),
    status: literals(['active', 'paused', 'disabled'] as const),
    disabledReason: Type.Union([Type.String(), Type.Null()]),
    retryScheduleMs: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Subscription' },
);

export const CreatedSubscription = Type.Object({
  subscription: SubscriptionView,
  signingSecret: Type.String({ description: 'Signs every event sent to the subscription; shown this once.' }),
});

export const RotatedSecret = Type.Object({
  signingSecret: Type.String(),
  previousValidUntil: Type.String({ format: 'date-time' }),
});

export const DELIVERY_KINDS = ['event', 'webhook_trigger', 'channel_reply', 'async_deadline'] as const;

export const DeliveryView = Type.Object(
  {
    id: Type.String({ description: 'Also the webhook-id of every attempt.' }),
    /** event (a subscription's), webhook_trigger (an agent's), channel_reply, async_deadline. */
    kind: Type.Optional(literals(DELIVERY_KINDS)),
    eventType: Type.Union([Type.String(), Type.Null()]),
    status: literals(['pending', 'delivered', 'dead', 'cancelled'] as const),
    attempts: Type.Integer(),
    nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastStatus: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Delivery' },
);

export const AttemptView = Type.Object(
  {
    attempt: Type.Integer(),
    startedAt: Type.String({ format: 'date-time' }),
    durationMs: Type.Number(),
    outcome: Type.String({
      description:
        'delivered, retry, failed, gone, released (a shutdown gave it back) or deferred (the subscription was paused; not counted).',
    }),
    status: Type.Union([Type.Integer(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    responseExcerpt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'DeliveryAttempt' },
);

export const DeliveryListQuery = Type.Object(
  {
    status: Type.Optional(literals(['pending', 'delivered', 'dead', 'cancelled'] as const)),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  closed,
);

/** The tenant's whole queue: by status and kind. */
export const TenantDeliveryListQuery = Type.Object(
  {
    status: Type.Optional(literals(['pending', 'delivered', 'dead', 'cancelled'] as const)),
    kind: Type.Optional(literals(DELIVERY_KINDS)),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  closed,
);

export const ReplayRangeBody = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
  },
  closed,
);
