import { Type } from '@sinclair/typebox';

/**
 * What every schema file of the API shares: the closed-object option, literal unions, and the
 * error body. Request bodies are checked against these schemas and the OpenAPI document is
 * generated from them, so the two cannot disagree.
 */
export const closed = { additionalProperties: false } as const;
export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
      field: Type.Optional(
        Type.String({
          description: 'The input at fault, by location: body.metadata.note, query.status, path.id.',
        }),
      ),
      requestId: Type.Optional(
        Type.String({
          description: "The request's X-Request-Id (also a response header and in the server log).",
        }),
      ),
    }),
  },
  { $id: 'Error' },
);

/** The error responses most routes can give, for their `responses` in the OpenAPI document. */
export const COMMON_ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;
