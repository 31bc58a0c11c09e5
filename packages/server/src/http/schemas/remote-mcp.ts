import { Type } from '@sinclair/typebox';
import { FAILURE_KINDS } from '@toolgate/core';
import { allowed } from '../plain-issues.js';
import { closed, literals } from './shared.js';

/** A server's name: the prefix of its tools' names (`<name>__<tool>`), so never `__` inside. */
export const REMOTE_MCP_NAME_PATTERN = '^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$';

const name = Type.String({
  pattern: REMOTE_MCP_NAME_PATTERN,
  maxLength: 30,
  ...allowed('lower-case letters and digits, words joined by a single _, up to 30, starting with a letter'),
  description:
    "The prefix of the server's tools as the agent sees them (`<name>__<tool>`); unique per agent.",
});
const url = Type.String({
  format: 'uri',
  maxLength: 2_000,
  description:
    'The Streamable HTTP endpoint (https; checked by the outbound policy at save and at every connection).',
});
const headerName = Type.String({
  pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$",
  maxLength: 100,
  ...allowed("an HTTP header name: letters, digits and !#$%&'*+.^_`|~-"),
});
const secretValue = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: 4_000,
    pattern: '^[^\\r\\n]*$',
    ...allowed('text without line breaks'),
    description,
  });

const HeaderAuth = Type.Object(
  {
    type: Type.Literal('header'),
    name: headerName,
    value: Type.Optional(
      secretValue(
        'Write-only: the header value (`Bearer ...`). Left out on a change of the same type, the old one is kept.',
      ),
    ),
  },
  closed,
);
const OAuth2Auth = Type.Object(
  {
    type: Type.Literal('oauth2_client_credentials'),
    tokenUrl: url,
    clientId: Type.String({ minLength: 1, maxLength: 500 }),
    clientSecret: Type.Optional(
      secretValue(
        'Write-only: the client secret. Left out on a change of the same type, the old one is kept.',
      ),
    ),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
  },
  closed,
);
const auth = Type.Union([Type.Object({ type: Type.Literal('none') }, closed), HeaderAuth, OAuth2Auth], {
  description: 'How Toolgate authenticates to the server; secrets are write-only.',
});
const tools = Type.Union(
  [Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 100 }), Type.Null()],
  {
    description:
      "The remote tool names the agent may use (without the prefix); null: all the server's tools.",
  },
);
const timeoutMs = Type.Integer({
  minimum: 1_000,
  maximum: 30_000,
  description: 'Each connection, listing and call must end within this (default 10000).',
});

export const CreateRemoteMcpServerBody = Type.Object(
  {
    name,
    url,
    auth: Type.Optional(auth),
    enabled: Type.Optional(Type.Boolean()),
    tools: Type.Optional(tools),
    timeoutMs: Type.Optional(timeoutMs),
  },
  closed,
);

export const PatchRemoteMcpServerBody = Type.Object(
  {
    url: Type.Optional(url),
    auth: Type.Optional(auth),
    enabled: Type.Optional(Type.Boolean()),
    tools: Type.Optional(tools),
    timeoutMs: Type.Optional(timeoutMs),
  },
  closed,
);

const set = Type.Object({ set: Type.Literal(true) });

export const RemoteMcpServerView = Type.Object({
  id: Type.String(),
  agentId: Type.String(),
  name: Type.String(),
  url: Type.String(),
  auth: Type.Union([
    Type.Object({ type: Type.Literal('none') }),
    Type.Object({ type: Type.Literal('header'), name: Type.String(), value: set }),
    Type.Object({
      type: Type.Literal('oauth2_client_credentials'),
      tokenUrl: Type.String(),
      clientId: Type.String(),
      clientSecret: set,
      scopes: Type.Optional(Type.Array(Type.String())),
    }),
  ]),
  enabled: Type.Boolean(),
  tools: Type.Union([Type.Array(Type.String()), Type.Null()]),
  timeoutMs: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const RemoteToolsAnswer = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    tools: Type.Array(
      Type.Object({
        name: Type.String({ description: 'The name the agent sees: `<server>__<tool>`.' }),
        remoteName: Type.String(),
        description: Type.String(),
        inputSchema: Type.Object({}, { additionalProperties: true }),
      }),
    ),
    skipped: Type.Array(Type.Object({ name: Type.String(), reason: Type.String() }), {
      description: 'Tools the server lists that the agent is not offered, and why.',
    }),
  }),
  Type.Object({
    ok: Type.Literal(false),
    failure: Type.Object({
      kind: literals(FAILURE_KINDS),
      message: Type.String({
        description:
          'Why the server could not be listed: blocked, timeout, auth_failed, invalid_response (not an MCP server)...',
      }),
    }),
  }),
]);
