import { Type } from '@sinclair/typebox';
import { ScopeList } from './keys.js';
import { closed } from './shared.js';

/** The schemas of operators. */
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
