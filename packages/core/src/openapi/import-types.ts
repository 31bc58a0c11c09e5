import type { ActionDefinition, ActionMethod } from '../actions/action-definition.js';

/** The document formats the importer reads. */
export type OpenApiFormat = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

/**
 * The credential an imported action needs: which scheme of the document it comes from and how it
 * is sent. The value itself is never read from the document; it is asked for at import.
 */
export type AuthRequirement =
  | { scheme: string; type: 'bearer'; description?: string }
  | { scheme: string; type: 'basic'; description?: string }
  | { scheme: string; type: 'api_key'; in: 'header' | 'query'; name: string; description?: string };

/** What the operator supplies for one scheme at import. */
export type SchemeSecret = { token: string } | { username: string; password: string } | { value: string };

/** One operation of the document, convertible or not. */
export interface ImportedOperation {
  method: string;
  path: string;
  operationId?: string;
  /** The action name this operation gets (from `operationId`, snake_case, unique in the document). */
  name: string;
  convertible: boolean;
  /** Why it cannot become an action (empty when convertible). */
  reasons: string[];
  /** What was dropped or looks weak (a thin description, an optional array parameter left out). */
  warnings: string[];
  /** The action, without credentials: they are added by {@link applySecrets}. */
  action?: ActionDefinition;
  /** The credential the action needs, if the operation is secured. */
  auth?: AuthRequirement;
}

/**
 * A server URL of the document, as a base URL an operator may choose: resolved against the
 * document's URL, with why it cannot be used when it cannot (http, relative without a URL).
 */
export interface ServerCandidate {
  /** The URL as resolved (or as written, when it cannot be resolved). */
  url: string;
  usable: boolean;
  reason?: string;
}

/** What the importer found in a document. */
export interface OpenApiImport {
  format: OpenApiFormat;
  title: string;
  version: string;
  /** Every distinct server URL of the document (document, path and operation level), in order. */
  servers: ServerCandidate[];
  /** The base URL every action was built on, when the caller chose one (`baseUrl`). */
  baseUrl?: string;
  operations: ImportedOperation[];
}

/** A request body or parameter reduced to what conversion needs. */
export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'body' | 'formData';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
  /** `example` / `examples` given on the parameter itself (3.x). */
  examples: unknown[];
}

/** An operation in a version-neutral shape, after dereferencing. */
export interface NormalizedOperation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: OperationParameter[];
  /** Media type to schema; `undefined` when the operation takes no body. */
  requestBody?: { required: boolean; content: Record<string, Record<string, unknown>> };
  /** Candidate base URLs in document order, unresolved (may be relative or http). */
  servers: string[];
  /** Alternatives (OR) of scheme sets (AND); `[]` or an empty alternative means no auth. */
  security: Array<Record<string, unknown>>;
  securitySchemes: Record<string, Record<string, unknown>>;
}

/** Methods an action may use, lower-case as OpenAPI spells them. */
export const IMPORTABLE_METHODS: ReadonlyMap<string, ActionMethod> = new Map([
  ['get', 'GET'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
]);

/** Every method a path item may hold. */
export const PATH_ITEM_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;
