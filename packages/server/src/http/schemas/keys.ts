import { Type } from '@sinclair/typebox';
import { SCOPES } from '../../auth/scopes.js';
import { allowed } from '../plain-issues.js';
import { closed, literals } from './shared.js';

/** The schemas of API keys (and their scopes). */
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
