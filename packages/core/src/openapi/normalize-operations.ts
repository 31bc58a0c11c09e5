import { isRecord } from '../is-record.js';
import {
  type NormalizedOperation,
  type OpenApiFormat,
  type OperationParameter,
  PATH_ITEM_METHODS,
} from './import-types.js';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Path-level parameters apply to every operation; an operation's own one with the same name and place wins. */
function mergeParameters(pathLevel: unknown, operationLevel: unknown): Json[] {
  const merged = new Map<string, Json>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const parameter of list) {
      if (isRecord(parameter)) merged.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
    }
  }
  return [...merged.values()];
}

/** 3.x: `{var}` in a server URL takes the variable's default. */
function expandServer(server: Json): string | undefined {
  const url = text(server.url);
  if (url === undefined) return undefined;
  const variables = record(server.variables);
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const fallback = record(variables[name]).default;
    return typeof fallback === 'string' ? fallback : whole;
  });
}

function servers3(...levels: unknown[]): string[] {
  for (const level of levels) {
    if (Array.isArray(level) && level.length > 0) {
      return level.filter(isRecord).flatMap((server) => expandServer(server) ?? []);
    }
  }
  return [];
}

/** 2.0: scheme + host + basePath, https first; without a host the base is relative. */
function servers2(document: Json, operation: Json): string[] {
  const host = text(document.host);
  const basePath = text(document.basePath) ?? '';
  const schemes = (Array.isArray(operation.schemes) ? operation.schemes : document.schemes) as unknown;
  const list = Array.isArray(schemes)
    ? schemes.filter((scheme): scheme is string => typeof scheme === 'string')
    : [];
  if (host === undefined) return basePath === '' ? [] : [basePath];
  if (list.length === 0) return [`//${host}${basePath}`];
  const ordered = [...list].sort((a, b) => Number(b === 'https') - Number(a === 'https'));
  return ordered.map((scheme) => `${scheme}://${host}${basePath}`);
}

function examplesOf(parameter: Json): unknown[] {
  const found: unknown[] = [];
  if (parameter.example !== undefined) found.push(parameter.example);
  for (const example of Object.values(record(parameter.examples))) {
    if (isRecord(example) && example.value !== undefined) found.push(example.value);
  }
  return found;
}

function parameter3(parameter: Json): OperationParameter {
  const content = record(parameter.content);
  const firstMedia = Object.values(content).find(isRecord);
  const schema = isRecord(parameter.schema) ? parameter.schema : record(firstMedia?.schema);
  const description = text(parameter.description);
  return {
    name: String(parameter.name),
    in: parameter.in as OperationParameter['in'],
    required: parameter.required === true || parameter.in === 'path',
    ...(description ? { description } : {}),
    schema,
    examples: examplesOf(parameter),
  };
}

/** 2.0 non-body parameters carry their schema keywords on themselves. */
function parameter2(parameter: Json): OperationParameter {
  const { name, in: where, required, description, schema: _schema, ...keywords } = parameter;
  const trimmed = text(description);
  return {
    name: String(name),
    in: where as OperationParameter['in'],
    required: required === true || where === 'path',
    ...(trimmed ? { description: trimmed } : {}),
    schema: where === 'body' ? record(parameter.schema) : keywords,
    examples: keywords['x-example'] === undefined ? [] : [keywords['x-example']],
  };
}

function operation3(document: Json, path: string, pathItem: Json, method: string): NormalizedOperation {
  const operation = record(pathItem[method]);
  const body = isRecord(operation.requestBody) ? operation.requestBody : undefined;
  const content: Record<string, Json> = {};
  for (const [mediaType, media] of Object.entries(record(body?.content))) {
    content[mediaType.toLowerCase()] = record(record(media).schema);
  }
  return {
    ...common(operation, method, path),
    parameters: mergeParameters(pathItem.parameters, operation.parameters).map(parameter3),
    ...(body ? { requestBody: { required: body.required === true, content } } : {}),
    servers: servers3(operation.servers, pathItem.servers, document.servers),
    security: securityOf(operation, document),
    securitySchemes: recordOfRecords(record(document.components).securitySchemes),
  };
}

function operation2(document: Json, path: string, pathItem: Json, method: string): NormalizedOperation {
  const operation = record(pathItem[method]);
  const all = mergeParameters(pathItem.parameters, operation.parameters).map(parameter2);
  const bodyParameter = all.find((parameter) => parameter.in === 'body');
  const consumes = (Array.isArray(operation.consumes) ? operation.consumes : document.consumes) as unknown;
  const mediaTypes =
    Array.isArray(consumes) && consumes.length > 0 ? consumes.map(String) : ['application/json'];
  const content: Record<string, Json> = {};
  if (bodyParameter)
    for (const mediaType of mediaTypes) content[mediaType.toLowerCase()] = bodyParameter.schema;
  const formData = all.filter((parameter) => parameter.in === 'formData');
  if (formData.length > 0) {
    const formType = mediaTypes.find((type) => type.includes('form')) ?? 'application/x-www-form-urlencoded';
    content[formType.toLowerCase()] = {
      type: 'object',
      properties: Object.fromEntries(formData.map((parameter) => [parameter.name, parameter.schema])),
    };
  }
  const hasBody = bodyParameter !== undefined || formData.length > 0;
  return {
    ...common(operation, method, path),
    parameters: all.filter((parameter) => parameter.in !== 'body' && parameter.in !== 'formData'),
    ...(hasBody
      ? {
          requestBody: {
            required: (bodyParameter?.required ?? false) || formData.some((parameter) => parameter.required),
            content,
          },
        }
      : {}),
    servers: servers2(document, operation),
    security: securityOf(operation, document),
    securitySchemes: recordOfRecords(document.securityDefinitions),
  };
}

function common(operation: Json, method: string, path: string) {
  const operationId = text(operation.operationId);
  const summary = text(operation.summary);
  const description = text(operation.description);
  return {
    method,
    path,
    ...(operationId ? { operationId } : {}),
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    deprecated: operation.deprecated === true,
  };
}

function securityOf(operation: Json, document: Json): Json[] {
  const security = Array.isArray(operation.security) ? operation.security : document.security;
  return Array.isArray(security) ? security.filter(isRecord) : [];
}

function recordOfRecords(value: unknown): Record<string, Json> {
  return Object.fromEntries(Object.entries(record(value)).filter(([, entry]) => isRecord(entry))) as Record<
    string,
    Json
  >;
}

/**
 * Every operation of a dereferenced document in one shape for all three formats: merged path
 * and operation parameters, the request body by media type (2.0 `body` and `formData` folded in),
 * the candidate servers, the security alternatives and schemes. Webhooks (3.1) are not
 * operations Toolgate calls and are not listed.
 */
export function normalizeOperations(document: Json, format: OpenApiFormat): NormalizedOperation[] {
  const operations: NormalizedOperation[] = [];
  for (const [path, pathItem] of Object.entries(record(document.paths))) {
    if (!isRecord(pathItem)) continue;
    for (const method of PATH_ITEM_METHODS) {
      if (!isRecord(pathItem[method])) continue;
      operations.push(
        format === 'swagger-2.0'
          ? operation2(document, path, pathItem, method)
          : operation3(document, path, pathItem, method),
      );
    }
  }
  return operations;
}
