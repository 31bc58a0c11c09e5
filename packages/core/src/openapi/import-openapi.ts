import { buildImportedOperation } from './build-action.js';
import type { OpenApiImport } from './import-types.js';
import { normalizeOperations } from './normalize-operations.js';
import { dereferenceDocument, detectFormat, parseDocumentText } from './read-document.js';
import { operationName, UniqueNames } from './snake-name.js';

/** Options of {@link importOpenApi}. */
export interface ImportOpenApiOptions {
  /** Where the document was fetched from: relative server URLs are resolved against it. */
  documentUrl?: string;
}

/**
 * Reads an OpenAPI 3.0, 3.1 or Swagger 2.0 document (parsed, or JSON/YAML text), dereferences it
 * with Swagger Parser (internal references only) and lists every operation: whether it can
 * become an action, why not, what was left out, and for convertible ones the action definition
 * and the credential it needs. Names come from `operationId` in snake_case, unique in the
 * document. Throws a `ValidationError` for a document it cannot read.
 *
 * @example
 * const report = await importOpenApi(await readFile('petstore.yaml', 'utf8'));
 * report.operations.filter((operation) => operation.convertible).map((operation) => operation.name);
 */
export async function importOpenApi(
  input: string | Record<string, unknown>,
  options: ImportOpenApiOptions = {},
): Promise<OpenApiImport> {
  const parsed = typeof input === 'string' ? parseDocumentText(input) : input;
  const format = detectFormat(parsed);
  const document = await dereferenceDocument(parsed);
  const info = (document.info ?? {}) as Record<string, unknown>;
  const names = new UniqueNames();
  const operations = normalizeOperations(document, format).map((operation) =>
    buildImportedOperation(
      operation,
      names.claim(operationName(operation.method, operation.path, operation.operationId)),
      options.documentUrl,
    ),
  );
  return {
    format,
    title: typeof info.title === 'string' ? info.title : '',
    version: typeof info.version === 'string' ? info.version : '',
    operations,
  };
}
