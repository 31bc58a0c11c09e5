import { Type } from '@sinclair/typebox';
import { CALL_TRIGGERS, FAILURE_KINDS } from '@toolgate/core';
import { allowed } from '../plain-issues.js';
import { closed, literals } from './shared.js';

/** The schemas of the calls log. */
const SentRequestView = Type.Object({
  method: Type.String(),
  url: Type.String(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Type.Optional(Type.String()),
});

export const CallRecordView = Type.Object(
  {
    id: Type.String(),
    actionId: Type.Union([Type.String(), Type.Null()]),
    actionName: Type.String(),
    conversationId: Type.Union([Type.String(), Type.Null()]),
    contactId: Type.Union([Type.String(), Type.Null()]),
    trigger: literals(CALL_TRIGGERS),
    idempotencyKey: Type.String(),
    request: Type.Union([SentRequestView, Type.Null()]),
    status: Type.Union([Type.Integer(), Type.Null()]),
    response: Type.Union([
      Type.Object({
        headers: Type.Record(Type.String(), Type.String()),
        bodyPreview: Type.String(),
        truncated: Type.Boolean(),
      }),
      Type.Null(),
    ]),
    result: Type.Record(Type.String(), Type.Unknown(), {
      description: 'The normalized result, as the model sees it.',
    }),
    outcome: literals(['ok', 'failed'] as const),
    failureKind: Type.Union([literals(FAILURE_KINDS), Type.Null()]),
    durationMs: Type.Number(),
    createdAt: Type.String({ format: 'date-time' }),
    callback: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
      description:
        "An async action's late answer: {state: 'answered', result, at} or {state: 'expired', at}; null for others.",
    }),
  },
  { $id: 'Call' },
);

export const CallListQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ description: 'An action id or name.' })),
    outcome: Type.Optional(literals(['ok', 'failed'] as const)),
    conversation: Type.Optional(Type.String()),
    trigger: Type.Optional(literals(CALL_TRIGGERS)),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(
      Type.String({
        pattern: '^[0-9]+$',
        ...allowed('a whole number from 1 to 200'),
        description: '1-200, default 50.',
      }),
    ),
    cursor: Type.Optional(Type.String()),
  },
  closed,
);
