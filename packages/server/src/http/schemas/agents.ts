import { Type } from '@sinclair/typebox';
import { MODEL_PROVIDERS } from '../../stores/agent-settings.js';
import { allowed } from '../plain-issues.js';
import { closed, literals } from './shared.js';

const ModelInput = Type.Object(
  {
    provider: literals(MODEL_PROVIDERS),
    model: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'The model id, e.g. gpt-4o-mini.' }),
    ),
    baseUrl: Type.Optional(
      Type.String({
        format: 'uri',
        description: 'Required for openai-compatible (Ollama, vLLM, LM Studio...).',
      }),
    ),
    apiKey: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()], {
        description: 'Write-only. A string replaces, null removes, absent keeps the stored key.',
      }),
    ),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1_000, maximum: 120_000 })),
  },
  closed,
);

const Limits = Type.Object(
  {
    maxCallsPerConversation: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    maxStepsPerTurn: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    maxResultChars: Type.Optional(Type.Integer({ minimum: 200, maximum: 20_000 })),
  },
  closed,
);

/** In a PATCH: each limit can also be null (back to the default). */
const LimitsPatch = Type.Object(
  {
    maxCallsPerConversation: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]),
    ),
    maxStepsPerTurn: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10 }), Type.Null()])),
    maxResultChars: Type.Optional(Type.Union([Type.Integer({ minimum: 200, maximum: 20_000 }), Type.Null()])),
  },
  closed,
);

const WebhookTrigger = Type.Object(
  {
    url: Type.String({ format: 'uri', description: 'Where the events are POSTed (https).' }),
    description: Type.Optional(
      Type.String({
        maxLength: 1_000,
        description: 'When the model should fire it (added to the tool description).',
      }),
    ),
  },
  closed,
);

const agentFields = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'Unique per tenant.' }),
  systemPrompt: Type.Optional(Type.String({ maxLength: 20_000 })),
  model: Type.Optional(ModelInput),
  actions: Type.Optional(
    Type.Union(
      [Type.Array(Type.String({ minLength: 1 }), { maxItems: 200, uniqueItems: true }), Type.Null()],
      { description: 'Action ids or names the agent may use; null or absent: every enabled action.' },
    ),
  ),
  limits: Type.Optional(Limits),
  fallbackText: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000 })),
  greeting: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000 })),
  language: Type.Optional(
    Type.String({
      pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
      ...allowed('a language tag like en or de-CH'),
      description: 'e.g. en, de-CH',
    }),
  ),
  phoneRegion: Type.Optional(
    Type.String({
      pattern: '^[A-Z]{2}$',
      ...allowed('a two-letter country code in capitals, like US or DE'),
      description: 'Default region for phone numbers, e.g. US.',
    }),
  ),
  timezone: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin.' }),
  ),
  webhookTrigger: Type.Optional(Type.Union([WebhookTrigger, Type.Null()])),
};

export const CreateAgentBody = Type.Object(agentFields, closed);

export const PatchAgentBody = Type.Object(
  {
    ...agentFields,
    name: Type.Optional(agentFields.name),
    systemPrompt: Type.Optional(Type.Union([agentFields.systemPrompt, Type.Null()])),
    fallbackText: Type.Optional(Type.Union([agentFields.fallbackText, Type.Null()])),
    greeting: Type.Optional(Type.Union([agentFields.greeting, Type.Null()])),
    language: Type.Optional(Type.Union([agentFields.language, Type.Null()])),
    phoneRegion: Type.Optional(Type.Union([agentFields.phoneRegion, Type.Null()])),
    timezone: Type.Optional(Type.Union([agentFields.timezone, Type.Null()])),
    limits: Type.Optional(
      Type.Union([LimitsPatch, Type.Null()], {
        description:
          'Merged into the stored limits: a number sets one, null resets one; null for the whole object resets all.',
      }),
    ),
  },
  closed,
);

export const AgentView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    systemPrompt: Type.Optional(Type.String()),
    model: Type.Object({
      provider: literals(MODEL_PROVIDERS),
      model: Type.Optional(Type.String()),
      baseUrl: Type.Optional(Type.String()),
      timeoutMs: Type.Optional(Type.Integer()),
      apiKeySet: Type.Boolean({ description: 'Whether a key is stored; the key itself is never shown.' }),
    }),
    actions: Type.Union([Type.Array(Type.String()), Type.Null()]),
    limits: Limits,
    fallbackText: Type.Optional(Type.String()),
    greeting: Type.Optional(Type.String()),
    language: Type.Optional(Type.String()),
    phoneRegion: Type.Optional(Type.String()),
    timezone: Type.Optional(Type.String()),
    webhookTrigger: Type.Union([WebhookTrigger, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Agent' },
);

export const CreatedAgent = Type.Object({
  agent: AgentView,
  signingSecret: Type.String({ description: 'Signs the webhook trigger events; shown this once.' }),
});

export const CreateConversationBody = Type.Object(
  {
    agentId: Type.String({ minLength: 1 }),
    contactId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    referenceTime: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'The conversation\'s clock: relative dates ("next Friday", "tomorrow at 3pm") are read from this time in every turn, so a transcript replays the same. Default: the time of each message.',
      }),
    ),
  },
  closed,
);

export const MAX_MESSAGE_CHARS = 4_000;
export const SendMessageBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_MESSAGE_CHARS }) },
  closed,
);

export const ConversationEventBody = Type.Object(
  {
    type: literals(['button_click', 'lead_captured', 'manual'] as const),
    action: Type.String({ minLength: 1, description: 'The action id or name.' }),
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    confirmationId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          "Confirms the call the agent proposed (the approval-requested event's confirmationId), with the parameters it read back. Through a widget key, the only way to run an action that asks for confirmation, unless the action allows direct widget events.",
      }),
    ),
  },
  closed,
);

export const ConversationView = Type.Object(
  {
    id: Type.String(),
    agentId: Type.String(),
    contactId: Type.Union([Type.String(), Type.Null()]),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    messageCount: Type.Integer(),
    greeting: Type.Optional(
      Type.String({ description: "The agent's greeting, its first message (on creation)." }),
    ),
    agentName: Type.Optional(
      Type.String({ description: "The agent's name (on creation), e.g. for a chat window's title." }),
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Conversation' },
);

const TranscriptEntry = Type.Object({
  seq: Type.Integer(),
  role: literals(['user', 'assistant', 'tool', 'event'] as const),
  text: Type.Optional(Type.String()),
  toolCalls: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), name: Type.String(), arguments: Type.Unknown() })),
  ),
  toolName: Type.Optional(Type.String()),
  content: Type.Optional(Type.Unknown()),
  call: Type.Optional(
    Type.Union([
      Type.Object({
        id: Type.String(),
        href: Type.String({ description: 'The execution log record.' }),
        outcome: Type.Union([Type.String(), Type.Null()]),
        status: Type.Union([Type.Integer(), Type.Null()]),
        durationMs: Type.Union([Type.Number(), Type.Null()]),
      }),
      Type.Null(),
    ]),
  ),
  at: Type.String({ format: 'date-time' }),
});

export const Transcript = Type.Object({
  conversation: ConversationView,
  messages: Type.Array(TranscriptEntry),
  nextAfterSeq: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as afterSeq for the next page.',
  }),
});

export const TurnEventView = Type.Object({ type: Type.String() }, { additionalProperties: true });

export const TurnReply = Type.Object({
  reply: Type.String(),
  events: Type.Array(TurnEventView),
});

export const ConversationListQuery = Type.Object(
  {
    agentId: Type.Optional(Type.String()),
    contactId: Type.Optional(Type.String()),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
    cursor: Type.Optional(Type.String()),
  },
  closed,
);
