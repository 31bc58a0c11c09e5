import { Type } from '@sinclair/typebox';
import {
  ACTION_METHODS,
  MAX_ASYNC_DEADLINE_SECONDS,
  MAX_CODE_LIMITS,
  MAX_CODE_SOURCE_CHARS,
  MAX_PENDING_MESSAGE_LENGTH,
  MAX_RETRY_ATTEMPTS,
  MAX_TIMEOUT_MS,
  MIN_ASYNC_DEADLINE_SECONDS,
  MIN_TIMEOUT_MS,
  OAUTH2_CLIENT_AUTH_METHODS,
} from '@toolgate/core';
import { allowed } from '../plain-issues.js';
import { closed, literals } from './shared.js';

/** The schemas of actions and the test console. */
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
  Type.Object(
    {
      type: Type.Literal('oauth2_client_credentials'),
      tokenUrl: Type.String({
        format: 'uri',
        description:
          'https only; checked against the outbound policy at save time and at every token request.',
      }),
      clientId: Type.String(),
      clientSecret: Type.Optional(
        Type.String({
          description: 'Write-only; left out of a PATCH of the same type, the stored one is kept.',
        }),
      ),
      scopes: Type.Optional(Type.Array(Type.String(), { description: 'Sent as one space-separated scope.' })),
      audience: Type.Optional(Type.String()),
      tokenEndpointAuthMethod: Type.Optional(literals(OAUTH2_CLIENT_AUTH_METHODS)),
    },
    {
      ...closed,
      description:
        'OAuth2 client credentials: a bearer token from tokenUrl, fetched through the outbound policy and cached until shortly before it expires (default client_secret_basic).',
    },
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
  async: Type.Optional(
    Type.Object(
      {
        deadlineSeconds: Type.Optional(
          Type.Integer({ minimum: MIN_ASYNC_DEADLINE_SECONDS, maximum: MAX_ASYNC_DEADLINE_SECONDS }),
        ),
        pendingMessage: Type.Optional(Type.String({ maxLength: MAX_PENDING_MESSAGE_LENGTH })),
      },
      {
        ...closed,
        description:
          'The endpoint may answer 202 and POST the result later to context.callback_url, within deadlineSeconds (default 300).',
      },
    ),
  ),
  retry: Type.Optional(
    Type.Object(
      {
        attempts: Type.Integer({ minimum: 2, maximum: MAX_RETRY_ATTEMPTS }),
        nonIdempotent: Type.Optional(Type.Boolean()),
      },
      {
        ...closed,
        description:
          'Retries on network errors, timeouts, 429 and 502/503/504 within timeoutMs, with one Idempotency-Key; POST and PATCH need nonIdempotent: true.',
      },
    ),
  ),
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

const codeLimits = Type.Optional(
  Type.Object(
    {
      memoryBytes: Type.Optional(Type.Integer({ minimum: 1_048_576, maximum: MAX_CODE_LIMITS.memoryBytes })),
      cpuMs: Type.Optional(Type.Integer({ minimum: 10, maximum: MAX_CODE_LIMITS.cpuMs })),
      maxRequests: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_CODE_LIMITS.maxRequests })),
    },
    closed,
  ),
);
const CODE_DESCRIPTION =
  'A code action: JavaScript that defines async function handler({ parameters, context }), run in a QuickJS sandbox; its fetch goes through the outbound policy; credentials are write-only and reach requests only as secret(name).';

/** `POST /actions`: a whole definition; header values and credentials are write-only. */
export const CreateActionBody = Type.Object(
  {
    ...actionFields,
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    auth: Type.Optional(AuthInput),
    code: Type.Optional(
      Type.Object(
        {
          source: Type.String({ maxLength: MAX_CODE_SOURCE_CHARS }),
          credentials: Type.Optional(Type.Record(Type.String(), Type.String())),
          limits: codeLimits,
        },
        { ...closed, description: CODE_DESCRIPTION },
      ),
    ),
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
    code: Type.Optional(
      Type.Union([
        Type.Object(
          {
            source: Type.Optional(Type.String({ maxLength: MAX_CODE_SOURCE_CHARS })),
            credentials: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]))),
            limits: codeLimits,
          },
          {
            ...closed,
            description:
              'Fields given replace; each credential: a string replaces, null removes, absent keeps.',
          },
        ),
        Type.Null(),
      ]),
    ),
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
        code: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
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
