import { Type } from '@sinclair/typebox';
import { allowed } from '../plain-issues.js';
import { closed, literals } from './shared.js';

/** A channel's name: the `{channel}` path segment. */
export const CHANNEL_NAME_PATTERN = '^[a-z0-9][a-z0-9_-]{0,62}$';
export const CHANNEL_KINDS = ['generic', 'twilio_sms'] as const;
export const REPLY_MODES = ['inline', 'outbound'] as const;
/** The largest message text a channel accepts (like the conversations API). */
export const MAX_CHANNEL_TEXT_CHARS = 4_000;

const name = Type.String({
  pattern: CHANNEL_NAME_PATTERN,
  ...allowed('lower-case letters, digits, _ and -, up to 63, starting with a letter or digit'),
  description: 'The {channel} segment of the inbound URL; unique per agent.',
});
const replyMode = literals(REPLY_MODES);
const outboundUrl = Type.Union([Type.String({ format: 'uri', maxLength: 2_000 }), Type.Null()], {
  description:
    'outbound mode: where replies are POSTed (https, the outbound policy), signed with the channel secret.',
});
const authToken = Type.String({
  minLength: 16,
  maxLength: 200,
  description: "twilio_sms only, write-only: the account's auth token, which signs Twilio's requests.",
});

export const CreateChannelBody = Type.Object(
  {
    name,
    kind: literals(CHANNEL_KINDS),
    replyMode: Type.Optional(replyMode),
    outboundUrl: Type.Optional(outboundUrl),
    authToken: Type.Optional(authToken),
  },
  closed,
);

export const PatchChannelBody = Type.Object(
  { replyMode: Type.Optional(replyMode), outboundUrl: Type.Optional(outboundUrl) },
  closed,
);

export const RotateChannelSecretBody = Type.Object({ authToken: Type.Optional(authToken) }, closed);

export const ChannelView = Type.Object(
  {
    id: Type.String(),
    agentId: Type.String(),
    name: Type.String(),
    kind: literals(CHANNEL_KINDS),
    replyMode,
    outboundUrl: Type.Union([Type.String(), Type.Null()]),
    inboundPath: Type.String({ description: "POST here, after the server's public URL." }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Channel' },
);

export const CreatedChannel = Type.Object({
  channel: ChannelView,
  signingSecret: Type.Optional(
    Type.String({
      description: 'generic channels: the whsec_ secret the sender signs with; shown this once.',
    }),
  ),
});

export const RotatedChannelSecret = Type.Object({
  signingSecret: Type.Optional(
    Type.String({ description: 'generic channels: the new secret, shown this once.' }),
  ),
  previousValidUntil: Type.String({ format: 'date-time' }),
});

/** A generic channel's inbound message. */
export const ChannelMessageBody = Type.Object(
  {
    contactId: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "The platform's id of the customer.",
    }),
    text: Type.String({ minLength: 1, maxLength: MAX_CHANNEL_TEXT_CHARS }),
    metadata: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "Kept as the conversation's metadata when this message starts it.",
      }),
    ),
  },
  closed,
);

export const ChannelReply = Type.Object({
  conversationId: Type.String(),
  messageId: Type.String({ description: 'The webhook-id of the message answered.' }),
  reply: Type.Optional(Type.String({ description: 'inline mode: the agent reply.' })),
  status: literals(['answered', 'accepted'] as const),
});
