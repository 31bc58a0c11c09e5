import { type ActionDefinition, LimitReachedError } from '@toolgate/core';
import { applySecrets, diffImport, type ImportedOperation, importOpenApi } from '@toolgate/core/openapi';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import { ImportOpenApiBody, MAX_IMPORT_BODY_BYTES, OpenApiImportResult } from '../schemas/openapi-import.js';
import { COMMON_ERRORS, ErrorBody } from '../schemas/shared.js';

function originOf(url: unknown): string | undefined {
  try {
    return typeof url === 'string' ? new URL(url.replace(/[{}]/g, '')).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The operations a request asks to create, by operationId or action name; unknown ones are a 422. */
function selectOperations(
  operations: readonly ImportedOperation[],
  wanted: readonly string[] | undefined,
  all: boolean,
): ImportedOperation[] {
  if (all) return operations.filter((operation) => operation.convertible);
  const selected: ImportedOperation[] = [];
  const issues: Array<{ path: string; message: string }> = [];
  for (const [index, key] of (wanted ?? []).entries()) {
    const found = operations.find((operation) => operation.operationId === key || operation.name === key);
    if (!found)
      issues.push({ path: `/operations/${index}`, message: `no operation "${key}" in the document` });
    else if (!found.convertible) {
      issues.push({
        path: `/operations/${index}`,
        message: `"${key}" cannot become an action: ${found.reasons.join('; ')}`,
      });
    } else if (!selected.includes(found)) selected.push(found);
  }
  if (issues.length > 0) throw new ApiError('validation_failed', 'some operations cannot be created', issues);
  return selected;
}

/** `POST /actions/import/openapi`: list a document's operations, diff them, create the chosen ones. */
export const importOpenApiRoute: ApiRoute = defineRoute({
  method: 'post',
  path: '/actions/import/openapi',
  summary:
    'Import actions from an OpenAPI 3.0/3.1 or Swagger 2.0 document (inline or by URL): list, diff, create chosen operations',
  tag: 'actions',
  scope: 'webhooks:manage',
  body: ImportOpenApiBody,
  maxBodyBytes: MAX_IMPORT_BODY_BYTES,
  responses: {
    200: OpenApiImportResult,
    201: OpenApiImportResult,
    ...COMMON_ERRORS,
    413: ErrorBody,
    422: ErrorBody,
  },
  async handler(c, services, { body }) {
    const principal = c.get('principal');
    if ((body.document === undefined) === (body.url === undefined)) {
      throw new ApiError('bad_request', 'send exactly one of "document" and "url"');
    }
    const source = body.url === undefined ? body.document : (await services.fetchDocument(body.url)).text;
    const report = await importOpenApi(source as string | Record<string, unknown>, {
      ...(body.url === undefined ? {} : { documentUrl: body.url }),
      ...(body.baseUrl === undefined ? {} : { baseUrl: body.baseUrl }),
    });
    const origins = new Set(
      report.operations.map((operation) => originOf(operation.action?.url)).filter(Boolean),
    );
    const stored = await services.actions.list(principal.tenantId);
    const storedOfThisApi = stored
      .map((action) => action.definition as unknown as ActionDefinition)
      .filter((definition) => origins.has(originOf(definition.url)));
    const diff = diffImport(report.operations, storedOfThisApi);
    const storedNames = new Set(stored.map((action) => String(action.definition.name)));

    const creating = body.dryRun
      ? []
      : selectOperations(report.operations, body.operations, body.all === true);
    const skipped = creating
      .filter((operation) => storedNames.has(operation.name))
      .map((operation) => ({
        name: operation.name,
        reason: 'an action with this name exists (see the diff)',
      }));
    // Every credential is checked before anything is created, so a missing one creates nothing.
    const definitions = creating
      .filter((operation) => !storedNames.has(operation.name))
      .map((operation) => applySecrets(operation, body.secrets ?? {}));
    const created = [];
    for (const [index, definition] of definitions.entries()) {
      try {
        created.push(await services.actions.create(principal.tenantId, definition, principal.actor));
      } catch (error) {
        // A limit reached part way keeps what was created and says what was not, and why.
        if (!(error instanceof LimitReachedError)) throw error;
        for (const rest of definitions.slice(index)) {
          skipped.push({ name: rest.name, reason: `not created: ${error.message}` });
        }
        break;
      }
    }
    return c.json({ ...report, diff, created, skipped }, created.length > 0 ? 201 : 200);
  },
});
