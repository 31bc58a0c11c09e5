import { Type } from '@sinclair/typebox';
import { ActionView } from './actions.js';
import { closed } from './shared.js';

/** Largest request of the import route: a document sent inline (larger ones: pass `url`). */
export const MAX_IMPORT_BODY_BYTES = 2 * 1024 * 1024;

const SchemeSecretInput = Type.Union([
  Type.Object({ token: Type.String({ minLength: 1 }) }, closed),
  Type.Object({ username: Type.String({ minLength: 1 }), password: Type.String({ minLength: 1 }) }, closed),
  Type.Object({ value: Type.String({ minLength: 1 }) }, closed),
]);

export const ImportOpenApiBody = Type.Object(
  {
    document: Type.Optional(
      Type.Union(
        [Type.Record(Type.String(), Type.Unknown()), Type.String({ maxLength: MAX_IMPORT_BODY_BYTES })],
        {
          description: 'The OpenAPI 3.0/3.1 or Swagger 2.0 document: parsed, or JSON or YAML text.',
        },
      ),
    ),
    url: Type.Optional(
      Type.String({
        maxLength: 2048,
        description: 'An https URL to fetch the document from (outbound policy).',
      }),
    ),
    baseUrl: Type.Optional(
      Type.String({
        maxLength: 2048,
        description:
          "An https base URL every action is built on instead of the document's servers (one of `servers`, or another).",
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'List operations and the diff; create nothing.' })),
    operations: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), {
        maxItems: 500,
        description: 'operationIds (or action names) to create.',
      }),
    ),
    all: Type.Optional(
      Type.Boolean({ description: 'Create every convertible operation not already stored.' }),
    ),
    secrets: Type.Optional(
      Type.Record(Type.String(), SchemeSecretInput, {
        description: 'Credentials by security scheme name: {token}, {username, password} or {value}.',
      }),
    ),
  },
  { ...closed, $id: 'OpenApiImportInput' },
);

const ImportedOperationView = Type.Object({
  method: Type.String(),
  path: Type.String(),
  operationId: Type.Optional(Type.String()),
  name: Type.String(),
  convertible: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  warnings: Type.Array(Type.String()),
  action: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  auth: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

const FieldChangeView = Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() });

export const OpenApiImportResult = Type.Object(
  {
    format: Type.String(),
    title: Type.String(),
    version: Type.String(),
    servers: Type.Array(
      Type.Object({ url: Type.String(), usable: Type.Boolean(), reason: Type.Optional(Type.String()) }),
    ),
    baseUrl: Type.Optional(Type.String()),
    operations: Type.Array(ImportedOperationView),
    diff: Type.Object({
      added: Type.Array(Type.String()),
      changed: Type.Array(Type.Object({ name: Type.String(), changes: Type.Array(FieldChangeView) })),
      unchanged: Type.Array(Type.String()),
      removed: Type.Array(Type.String()),
    }),
    created: Type.Array(Type.Object({ action: ActionView, signingSecret: Type.String() })),
    skipped: Type.Array(Type.Object({ name: Type.String(), reason: Type.String() })),
  },
  { $id: 'OpenApiImportResult' },
);
