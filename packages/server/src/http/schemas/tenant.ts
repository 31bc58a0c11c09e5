import { Type } from '@sinclair/typebox';
import { closed } from './shared.js';

/** The schemas of the tenant's settings. */
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
