import { Type } from '@sinclair/typebox';
import { closed } from './shared.js';

/** The schema of signing in. */
export const LoginBody = Type.Object(
  {
    // Bounded: the throttle keeps `tenant/email` of every attempt in memory for its window.
    tenant: Type.Optional(Type.String({ maxLength: 100 })),
    email: Type.String({ maxLength: 254 }),
    password: Type.String(),
  },
  { ...closed, $id: 'Login' },
);
