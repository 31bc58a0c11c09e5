import type { TSchema } from '@sinclair/typebox';
import type { ApiRoute } from './api-route.js';
import { NAMED_SCHEMAS } from './schemas/named-schemas.js';

const NAMED = new Set(NAMED_SCHEMAS.map((schema) => schema.$id as string));

/**
 * A schema as plain JSON, with named schemas replaced by `$ref`s to the components; `definition`
 * is set for a component's own definition, which must not refer to itself.
 */
function toDocumentSchema(schema: unknown, definition = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toDocumentSchema(item));
  if (schema === null || typeof schema !== 'object') return schema;
  const record = schema as Record<string, unknown>;
  if (!definition && typeof record.$id === 'string' && NAMED.has(record.$id)) {
    return { $ref: `#/components/schemas/${record.$id}` };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === '$id') continue;
    copy[key] = toDocumentSchema(value);
  }
  return copy;
}

function queryParameters(schema: TSchema) {
  const properties = (schema.properties ?? {}) as Record<string, TSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(property.description ? { description: property.description } : {}),
    schema: toDocumentSchema(property),
  }));
}

/** The OpenAPI 3.1 document of the REST API, generated from the routes and their schemas. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, schema]) => [
        status,
        typeof schema === 'string'
          ? { description: schema }
          : {
              description: status.startsWith('2') ? 'Success' : 'Error',
              content: { 'application/json': { schema: toDocumentSchema(schema) } },
            },
      ]),
    );
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      ...(route.scope === null ? { security: [] } : {}),
      ...(route.scope !== null && route.scope !== 'any' ? { 'x-required-scope': route.scope } : {}),
      parameters: [...pathParameters, ...(route.query ? queryParameters(route.query) : [])],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toDocumentSchema(route.body) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Toolgate API',
      version,
      description:
        'Manage actions, test them and read their execution log. Errors share one shape: {"error": {"code", "message", "details", "field", "requestId"}}. Every response carries X-Request-Id: the one sent (letters, digits and . _ : / + = @ -, at most 128) or a new one.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: tg_...' },
        session: { type: 'apiKey', in: 'cookie', name: 'toolgate_session' },
      },
      schemas: Object.fromEntries(
        NAMED_SCHEMAS.map((schema) => [schema.$id as string, toDocumentSchema(schema, true)]),
      ),
    },
    paths,
  };
}
