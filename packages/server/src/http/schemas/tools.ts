import { Type } from '@sinclair/typebox';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../agents/tool-call-service.js';
import { TOOL_FORMATS } from '../../calls/tool-formats.js';
import { closed, literals } from './shared.js';

/** `?format=openai|anthropic&strict=true`. */
export const ToolListQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union(
        TOOL_FORMATS.map((format) => Type.Literal(format)),
        {
          description: 'The tool format: openai (function calling, the default) or anthropic (Messages API).',
        },
      ),
    ),
    strict: Type.Optional(literals(['true', 'false'] as const)),
  },
  closed,
);

const ParametersSchema = Type.Object(
  {
    type: Type.Literal('object'),
    properties: Type.Record(Type.String(), Type.Unknown()),
    required: Type.Array(Type.String()),
    additionalProperties: Type.Literal(false),
  },
  { additionalProperties: true },
);

const OpenAITool = Type.Object({
  type: Type.Literal('function'),
  function: Type.Object({
    name: Type.String(),
    description: Type.String(),
    parameters: ParametersSchema,
    strict: Type.Optional(Type.Literal(true)),
  }),
});

const AnthropicTool = Type.Object({
  name: Type.String(),
  description: Type.String(),
  input_schema: ParametersSchema,
});

export const ToolList = Type.Object({
  format: literals(TOOL_FORMATS),
  tools: Type.Array(Type.Union([OpenAITool, AnthropicTool])),
});

export const ToolCallBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: "The tool's name (the action's name)." }),
    arguments: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'The arguments as the model gave them; validated and normalized like a conversation call.',
      }),
    ),
    agentId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Call as this agent: only its actions, with its limits, phone region and time zone.',
      }),
    ),
    conversationId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          "The caller's conversation: the call limits (calls per conversation, an action's rate limit) count per id.",
      }),
    ),
    idempotencyKey: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
        description:
          'A retry with the same key answers the first call and sends nothing (also the Idempotency-Key header).',
      }),
    ),
    confirmed: Type.Optional(
      Type.Boolean({ description: 'The user agreed: needed for an action that asks for confirmation.' }),
    ),
  },
  closed,
);

const Question = Type.Object({ parameter: Type.String(), question: Type.String() });

/** Every outcome of a call attempt, as a model may read it. */
export const ToolCallResult = Type.Object(
  {
    ok: Type.Boolean(),
    status: Type.Union([Type.Integer(), Type.Null()], {
      description: "The endpoint's HTTP status; null when nothing was sent.",
    }),
    callId: Type.Union([Type.String(), Type.Null()], {
      description: 'The call in the execution log (GET /calls/{id}); null when nothing was sent.',
    }),
    data: Type.Optional(Type.Unknown()),
    message: Type.Optional(Type.String()),
    dataPreview: Type.Optional(Type.String()),
    truncated: Type.Optional(Type.Literal(true)),
    replayed: Type.Optional(
      Type.Literal(true, { description: 'Answered from the first call with this idempotency key.' }),
    ),
    error: Type.Optional(
      Type.Object({
        kind: Type.String({
          description:
            "A call failure's kind (timeout, http_error, ...), or why nothing was sent: invalid_arguments, limit_reached, confirmation_required.",
        }),
        message: Type.String(),
      }),
    ),
    ask: Type.Optional(
      Type.String({ description: 'invalid_arguments: the first question to ask the user.' }),
    ),
    missing: Type.Optional(Type.Array(Question)),
    invalid: Type.Optional(Type.Array(Type.Object({ ...Question.properties, message: Type.String() }))),
    confirmation: Type.Optional(
      Type.Object({
        question: Type.String(),
        arguments: Type.Record(Type.String(), Type.Unknown()),
      }),
    ),
  },
  { $id: 'ToolCallResult' },
);
