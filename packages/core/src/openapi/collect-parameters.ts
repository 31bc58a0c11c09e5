import type { ActionMethod, ParameterSchema } from '../actions/action-definition.js';
import { MAX_PARAMETERS, PARAMETER_NAME_PATTERN } from '../actions/validate-parameters-schema.js';
import { isRecord } from '../is-record.js';
import { convertSchema, flattenSchema, type SchemaProblem, schemaType } from './convert-schema.js';
import type { AuthRequirement, NormalizedOperation, OperationParameter } from './import-types.js';
import { toSnakeName, UniqueNames } from './snake-name.js';

type Json = Record<string, unknown>;

/** What an operation's parameters and body become. */
export interface CollectedParameters {
  properties: Record<string, ParameterSchema>;
  required: string[];
  /** The path with each `{original}` placeholder renamed to its parameter. */
  pathTemplate: string;
  bodyTemplate?: Record<string, string>;
  reasons: string[];
  warnings: string[];
}

const BODY_METHODS: ReadonlySet<ActionMethod> = new Set(['POST', 'PUT', 'PATCH']);

function problemReason(what: string, problem: SchemaProblem): string {
  if (problem.kind === 'object')
    return `${what} is a nested object (bodies nested beyond one level are not supported)`;
  if (problem.kind === 'array')
    return `${what} is an array (arrays cannot be asked for one question at a time)`;
  if (problem.kind === 'file') return `${what} is a file upload (file uploads are not supported)`;
  return `${what} ${problem.message}`;
}

/** Why a non-JSON body cannot be sent: actions send JSON only. */
function mediaTypeReason(mediaType: string): string {
  if (mediaType.startsWith('multipart/')) {
    return `the request body is ${mediaType} (file uploads and multipart bodies are not supported; actions send JSON)`;
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    return 'the request body is form-encoded (application/x-www-form-urlencoded); actions send JSON';
  }
  if (mediaType === 'application/octet-stream' || /^(image|audio|video)\//.test(mediaType)) {
    return `the request body is a binary upload (${mediaType}); file uploads are not supported`;
  }
  return `the request body is ${mediaType}, not JSON`;
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType.startsWith('application/json') || /\+json(;|$)/.test(mediaType) || mediaType === '*/*';
}

class Collector {
  readonly names = new UniqueNames();
  readonly properties: Record<string, ParameterSchema> = {};
  readonly required: string[] = [];
  readonly reasons: string[] = [];
  readonly warnings: string[] = [];

  /** Adds a converted parameter, or records why it was refused (required) or left out (optional). */
  add(name: string, label: string, required: boolean, schema: Json, parameter?: OperationParameter): boolean {
    const converted = convertSchema(schema, {
      ...(parameter?.description ? { description: parameter.description } : {}),
      examples: parameter?.examples ?? [],
    });
    if (!converted.ok) {
      this.skip(label, required, problemReason(label, converted.problem));
      return false;
    }
    this.properties[name] = converted.schema;
    if (required) this.required.push(name);
    for (const warning of converted.warnings) this.warnings.push(`${label}: ${warning}`);
    return true;
  }

  skip(label: string, required: boolean, reason: string): void {
    if (required) this.reasons.push(reason);
    else
      this.warnings.push(
        `optional ${label} left out: ${reason.startsWith(label) ? reason.slice(label.length).trim() : reason}`,
      );
  }
}

function isAuthParameter(parameter: OperationParameter, auth: AuthRequirement | undefined): boolean {
  if (!auth) return false;
  const name = parameter.name.toLowerCase();
  if (auth.type === 'api_key') return parameter.in === auth.in && name === auth.name.toLowerCase();
  return parameter.in === 'header' && name === 'authorization';
}

function collectPath(operation: NormalizedOperation, collector: Collector): string {
  const renamed = new Map<string, string>();
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    const name = collector.names.claim(toSnakeName(parameter.name));
    if (collector.add(name, `path parameter "${parameter.name}"`, true, parameter.schema, parameter)) {
      renamed.set(parameter.name, name);
    }
  }
  return operation.path.replace(/\{([^{}]*)\}/g, (whole, original: string) => {
    const name = renamed.get(original);
    if (name !== undefined) return `{${name}}`;
    if (!collector.reasons.some((reason) => reason.includes(`"${original}"`))) {
      collector.reasons.push(`the path placeholder {${original}} is not declared as a parameter`);
    }
    return whole;
  });
}

function collectQuery(
  operation: NormalizedOperation,
  method: ActionMethod,
  auth: AuthRequirement | undefined,
  collector: Collector,
): void {
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path' || isAuthParameter(parameter, auth)) continue;
    const label = `${parameter.in} parameter "${parameter.name}"`;
    if (parameter.in === 'header' || parameter.in === 'cookie') {
      collector.skip(
        label,
        parameter.required,
        `${label} cannot change per call (an action's headers are fixed)`,
      );
    } else if (BODY_METHODS.has(method)) {
      collector.skip(
        label,
        parameter.required,
        `${label} cannot be sent: ${method} actions send their parameters in the body`,
      );
    } else if (!PARAMETER_NAME_PATTERN.test(parameter.name) || collector.names.has(parameter.name)) {
      collector.skip(
        label,
        parameter.required,
        `${label} cannot keep its name (${method} sends each parameter under its own name, and parameter names are lower-case snake_case)`,
      );
    } else {
      collector.names.claim(parameter.name);
      collector.add(parameter.name, label, parameter.required, parameter.schema, parameter);
    }
  }
}

function collectBody(
  operation: NormalizedOperation,
  method: ActionMethod,
  collector: Collector,
): Record<string, string> | undefined {
  const body = operation.requestBody;
  if (!BODY_METHODS.has(method)) {
    if (body) collector.skip('request body', body.required, `a request body cannot be sent with ${method}`);
    return undefined;
  }
  if (!body) return {};
  const mediaTypes = Object.keys(body.content);
  const jsonType = mediaTypes.find(isJsonMediaType);
  if (jsonType === undefined) {
    if (mediaTypes.length === 0) return {};
    collector.reasons.push(mediaTypeReason(mediaTypes[0] as string));
    return {};
  }
  const schema = flattenSchema(body.content[jsonType] ?? {});
  const type = schemaType(schema);
  if (type === 'array') {
    collector.reasons.push('the request body is an array (arrays are not supported)');
    return {};
  }
  if (type !== undefined && type !== 'object') {
    collector.reasons.push(`the request body is a bare ${type}, not an object of fields`);
    return {};
  }
  const properties = isRecord(schema.properties) ? schema.properties : {};
  if (Object.keys(properties).length === 0) {
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
      collector.reasons.push('the request body is a free-form object (it declares no fields)');
    } else if (jsonType && Object.keys(schema).length > 0) {
      collector.warnings.push('the request body declares no fields; the action sends {}');
    }
    return {};
  }
  const requiredFields = new Set(Array.isArray(schema.required) ? schema.required : []);
  const template: Record<string, string> = {};
  for (const [field, fieldSchema] of Object.entries(properties)) {
    if (!isRecord(fieldSchema) || fieldSchema.readOnly === true) continue;
    const base = toSnakeName(field);
    const name = collector.names.claim(collector.names.has(base) ? `body_${base}` : base);
    // The body is always sent, so a field the schema requires is required even when the body is optional.
    const required = requiredFields.has(field);
    if (collector.add(name, `body field "${field}"`, required, fieldSchema)) {
      template[field] = `{{parameters.${name}}}`;
    }
  }
  return template;
}

/**
 * The parameters of one operation: path placeholders (renamed to snake_case), query parameters
 * (GET/DELETE send them under their own name, so that name must already be a valid parameter
 * name), and the fields of a flat JSON body (each mapped in the body template). A required input
 * that cannot be a parameter (an array, a nested object, a file, a header set per call, a query
 * parameter of a POST) makes the operation unconvertible; an optional one is left out with a
 * warning. The API key's own parameter is the credential, not a parameter.
 */
export function collectParameters(
  operation: NormalizedOperation,
  method: ActionMethod,
  auth: AuthRequirement | undefined,
): CollectedParameters {
  const collector = new Collector();
  const pathTemplate = collectPath(operation, collector);
  collectQuery(operation, method, auth, collector);
  const bodyTemplate = collectBody(operation, method, collector);
  const count = Object.keys(collector.properties).length;
  if (count > MAX_PARAMETERS) {
    collector.reasons.push(`it has ${count} parameters; an action takes at most ${MAX_PARAMETERS}`);
  }
  return {
    properties: collector.properties,
    required: collector.required,
    pathTemplate,
    ...(bodyTemplate === undefined ? {} : { bodyTemplate }),
    reasons: collector.reasons,
    warnings: collector.warnings,
  };
}
