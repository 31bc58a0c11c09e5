/**
 * `@toolgate/core/openapi`: the OpenAPI importer (Swagger 2.0, OpenAPI 3.0 and 3.1 to actions). A
 * subpath of its own so that the root import `@toolgate/core` does not load Swagger Parser.
 */
export { applySecrets } from './apply-secrets.js';
export { THIN_DESCRIPTION_LENGTH } from './build-action.js';
export { diffImport, type FieldChange, type ImportDiff } from './diff-import.js';
export { type ImportOpenApiOptions, importOpenApi } from './import-openapi.js';
export type {
  AuthRequirement,
  ImportedOperation,
  OpenApiFormat,
  OpenApiImport,
  SchemeSecret,
  ServerCandidate,
} from './import-types.js';
export { MAX_DOCUMENT_BYTES, parseDocumentText } from './read-document.js';
