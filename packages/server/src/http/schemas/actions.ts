import { type TSchema, Type } from '@sinclair/typebox';
import { ACTION_METHODS, CALL_TRIGGERS, FAILURE_KINDS, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '@toolgate/core';
import { SCOPES } from '../../auth/scopes.js';
import { allowed } from '../plain-issues.js';

/**
 * The API's own schemas: request bodies are checked against them and the OpenAPI document is
 * generated from them, so the two cannot disagree.
 */
const closed = { additionalProperties: false } as const;
const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
      field: Type.Optional(
        Type.String({
          description: 'The input at fault, by location: body.metadata.note, query.status, path.id.',
        }),
      ),
      requestId: Type.Optional(
        Type.String({
          description: "The request's X-Request-Id (also a response header and in the server log).",
        }),
      ),
    }),
  },
  { $id: 'Error' },
);

const ParametersJsonSchema = Type.Object(
  {
    type: Type.Literal('object'),
    properties: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
    required: Type.Optional(Type.Array(Type.String())),
    additionalProperties: Type.Optional(Type.Literal(false)),
  },
  {
    description:
      'A JSON Schema object: string, number, integer, boolean, enum; formats email, date, date-time, phone.',
  },
);

const AuthInput = Type.Union([
  Type.Object({ type: Type.Literal('none') }, closed),
  Type.Object({ type: Type.Literal('bearer'), token: Type.Optional(Type.String()) }, closed),
  Type.Object(
    { type: Type.Literal('basic'), username: Type.String(), password: Type.Optional(Type.String()) },
    closed,
  ),
  Type.Object(
    {
      type: Type.Literal('api_key'),
      in: literals(['header', 'query'] as const),
      name: Type.String(),
      value: Type.Optional(Type.String()),
    },
    closed,
  ),
]);

const actionFields = {
  name: Type.String({
    pattern: '^[a-z][a-z0-9_]{0,63}$',
    ...allowed(
      'lower-case letters, digits and underscores, starting with a letter (at most 64 characters), e.g. check_order_status',
    ),
    description: 'Unique per tenant; the tool name the model sees.',
  }),
  displayName: Type.Optional(Type.String()),
  description: Type.String({ description: 'Tells the model when to use the action. Be specific.' }),
  url: Type.String({
    format: 'uri',
    description: 'https only; checked against the outbound policy at save time and at every call.',
  }),
  method: Type.Optional(literals(ACTION_METHODS)),
  timeoutMs: Type.Optional(Type.Integer({ minimum: MIN_TIMEOUT_MS, maximum: MAX_TIMEOUT_MS })),
  parameters: Type.Optional(ParametersJsonSchema),
  bodyTemplate: Type.Optional(
    Type.Unknown({ description: 'JSON with {{parameters.x}} / {{context.x}} placeholders.' }),
  ),
  followRedirects: Type.Optional(Type.Boolean()),
  signing: Type.Optional(Type.Object({ hexSignatureHeader: Type.Optional(Type.Boolean()) }, closed)),
  enabled: Type.Optional(Type.Boolean()),
  conversation: Type.Optional(
    Type.Object(
      {
        confirmation: Type.Optional(literals(['never', 'always', 'auto'] as const)),
        messages: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        responseFields: Type.Optional(Type.Array(Type.String())),
        triggers: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        rateLimit: Type.Optional(Type.Object({ calls: Type.Integer(), windowMs: Type.Integer() })),
        allowDirectWidgetEvents: Type.Optional(
          Type.Boolean({
            description:
              'Let widget events call this action directly although it asks for confirmation (default false: through a widget key it runs only as the confirmation of what the agent proposed).',
          }),
        ),
      },
      {
        ...closed,
        description:
          'How conversations use the action: confirmation (default auto: ask for non-GET), latency messages, the fields the model may see, triggers, a per-conversation rate limit.',
      },
    ),
  ),
};

/** `POST /actions`: a whole definition; header values and credentials are write-only. */
export const CreateActionBody = Type.Object(
  {
    ...actionFields,
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    auth: Type.Optional(AuthInput),
  },
  { ...closed, $id: 'ActionInput' },
);

/**
 * `PATCH /actions/{id}`: any subset. Each header value: a string replaces, `null` removes, absent
 * keeps. `auth`: an object replaces (a credential left out is kept when the type is unchanged),
 * `null` removes. `displayName`, `parameters` and `bodyTemplate` may be `null` to remove them.
 */
export const PatchActionBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(actionFields).map(([key, schema]) => [key, Type.Optional(schema)])),
    displayName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    parameters: Type.Optional(Type.Union([ParametersJsonSchema, Type.Null()])),
    bodyTemplate: Type.Optional(Type.Unknown()),
    conversation: Type.Optional(Type.Union([actionFields.conversation, Type.Null()])),
    headers: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]))),
    auth: Type.Optional(Type.Union([AuthInput, Type.Null()])),
  },
  { ...closed, $id: 'ActionPatch' },
);

const SetMarker = Type.Object(
  { set: Type.Literal(true) },
  { description: 'A secret value is stored; it is never shown.' },
);

export const ActionView = Type.Object(
  {
    id: Type.String(),
    definition: Type.Object(
      {
        ...actionFields,
        headers: Type.Optional(Type.Record(Type.String(), SetMarker)),
        auth: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      },
      { additionalProperties: true },
    ),
    enabled: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Action' },
);

export const CreatedAction = Type.Object({
  action: ActionView,
  signingSecret: Type.String({ description: 'whsec_...: shown this once; verify requests with it.' }),
});

export const TestCallBody = Type.Object(
  {
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    mode: Type.Optional(literals(['dry_run', 'live'] as const)),
    confirm: Type.Optional(Type.Boolean({ description: 'Required for a live test of a non-GET action.' })),
  },
  { ...closed, $id: 'TestCall' },
);

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

export const ScopeList = Type.Array(literals(SCOPES), { minItems: 1, uniqueItems: true });

const WidgetRestriction = Type.Object(
  {
    agentId: Type.String({ minLength: 1, description: 'The one agent (id or name) the key may talk to.' }),
    origins: Type.Array(
      Type.String({
        pattern: '^https?://[^/?#]+$',
        ...allowed('an origin like https://shop.example.com, without a path'),
        description: 'e.g. https://shop.example.com',
      }),
      {
        minItems: 1,
        maxItems: 20,
        uniqueItems: true,
        description: 'Web pages allowed to use the key (the Origin header must be one of these).',
      },
    ),
  },
  closed,
);

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: ScopeList,
    widget: Type.Optional(WidgetRestriction),
  },
  { ...closed, $id: 'ApiKeyInput' },
);

export const ApiKeyView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    widget: Type.Optional(WidgetRestriction),
  },
  { $id: 'ApiKey' },
);

export const CreateOperatorBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 12, maxLength: 200 }),
    scopes: ScopeList,
  },
  { ...closed, $id: 'OperatorInput' },
);

/** The body of `PATCH /operators/{id}`: the operator's new scopes, replacing the old ones. */
export const PatchOperatorBody = Type.Object({ scopes: ScopeList }, { ...closed, $id: 'OperatorPatch' });

export const OperatorView = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Operator' },
);

export const LoginBody = Type.Object(
  {
    // Bounded: the throttle keeps `tenant/email` of every attempt in memory for its window.
    tenant: Type.Optional(Type.String({ maxLength: 100 })),
    email: Type.String({ maxLength: 254 }),
    password: Type.String(),
  },
  { ...closed, $id: 'Login' },
);

export const TenantView = Type.Object(
  { id: Type.String(), name: Type.String(), maxActions: Type.Integer() },
  { $id: 'Tenant' },
);

export const PatchTenantBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    maxActions: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  closed,
);

/** Schemas named in the OpenAPI document's components. */
export const NAMED_SCHEMAS: TSchema[] = [
  ErrorBody,
  ActionView,
  CallRecordView,
  ApiKeyView,
  OperatorView,
  TenantView,
];
