import { ValidationError } from '../errors.js';
import { buildImportedOperation } from './build-action.js';
import type { NormalizedOperation, OpenApiImport, ServerCandidate } from './import-types.js';
import { normalizeOperations } from './normalize-operations.js';
import { dereferenceDocument, detectFormat, parseDocumentText } from './read-document.js';
import { resolveBaseUrl } from './resolve-base-url.js';
import { operationName, UniqueNames } from './snake-name.js';

/** Options of {@link importOpenApi}. */
export interface ImportOpenApiOptions {
  /** Where the document was fetched from: relative server URLs are resolved against it. */
  documentUrl?: string;
  /**
   * The base URL every action is built on instead of the document's servers (an absolute
   * `https` URL): the operator's choice among `servers`, or another (a document that names only
   * an http server, or a staging host).
   */
  baseUrl?: string;
}

/** Each distinct server of the operations, resolved, in the order first met. */
function serverCandidates(
  operations: readonly NormalizedOperation[],
  documentUrl?: string,
): ServerCandidate[] {
  const candidates = new Map<string, ServerCandidate>();
  for (const server of operations.flatMap((operation) => operation.servers)) {
    const choice = resolveBaseUrl([server], documentUrl);
    const url = choice.ok ? choice.url : server;
    if (candidates.has(url)) continue;
    candidates.set(url, choice.ok ? { url, usable: true } : { url, usable: false, reason: choice.reason });
  }
  return [...candidates.values()];
}

/** The chosen base URL, checked: absolute https without a query, or a `ValidationError` at `/baseUrl`. */
function checkedBaseUrl(baseUrl: string): string {
  const choice = resolveBaseUrl([baseUrl]);
  if (choice.ok) return choice.url;
  const message = `the base URL is not usable: ${choice.reason}`;
  throw new ValidationError(message, [{ path: '/baseUrl', message }]);
}

/**
 * Reads an OpenAPI 3.0, 3.1 or Swagger 2.0 document (parsed, or JSON/YAML text), dereferences it
 * with Swagger Parser (internal references only) and lists every operation: whether it can
 * become an action, why not, what was left out, and for convertible ones the action definition
 * and the credential it needs. Names come from `operationId` in snake_case, unique in the
 * document. Throws a `ValidationError` for a document it cannot read, or a `baseUrl` that is
 * not an absolute https URL.
 *
 * @example
 * const report = await importOpenApi(await readFile('petstore.yaml', 'utf8'));
 * report.operations.filter((operation) => operation.convertible).map((operation) => operation.name);
 */
export async function importOpenApi(
  input: string | Record<string, unknown>,
  options: ImportOpenApiOptions = {},
): Promise<OpenApiImport> {
  const baseUrl = options.baseUrl === undefined ? undefined : checkedBaseUrl(options.baseUrl);
  const parsed = typeof input === 'string' ? parseDocumentText(input) : input;
  const format = detectFormat(parsed);
  const document = await dereferenceDocument(parsed);
  const info = (document.info ?? {}) as Record<string, unknown>;
  const names = new UniqueNames();
  const normalized = normalizeOperations(document, format);
  const operations = normalized.map((operation) =>
    buildImportedOperation(
      baseUrl === undefined ? operation : { ...operation, servers: [baseUrl] },
      names.claim(operationName(operation.method, operation.path, operation.operationId)),
      options.documentUrl,
    ),
  );
  return {
    format,
    title: typeof info.title === 'string' ? info.title : '',
    version: typeof info.version === 'string' ? info.version : '',
    servers: serverCandidates(normalized, options.documentUrl),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    operations,
  };
}
