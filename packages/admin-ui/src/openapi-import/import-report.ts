import { isRecord } from '../actions/json-values';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';

/** The credential an operation needs, by the document's security scheme (never its value). */
export type AuthNeed =
  | { scheme: string; type: 'bearer'; description?: string }
  | { scheme: string; type: 'basic'; description?: string }
  | { scheme: string; type: 'api_key'; in: 'header' | 'query'; name: string; description?: string };

/** One operation of the document, as `POST /actions/import/openapi` lists it. */
export interface ImportOperation {
  method: string;
  path: string;
  operationId?: string;
  /** The action name it gets (unique in the document): what the wizard sends to create it. */
  name: string;
  convertible: boolean;
  reasons: string[];
  warnings: string[];
  /** The URL of the action it would become. */
  url?: string;
  auth?: AuthNeed;
}

/** A server URL of the document and whether an action can be built on it. */
export interface ServerCandidate {
  url: string;
  usable: boolean;
  reason?: string;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** The document against the tenant's stored actions of the same API, by name. */
export interface ImportDiff {
  added: string[];
  changed: Array<{ name: string; changes: FieldChange[] }>;
  unchanged: string[];
  removed: string[];
}

/** What the import route answered: the document's operations, the diff, what it created or skipped. */
export interface ImportReport {
  format: string;
  title: string;
  version: string;
  servers: ServerCandidate[];
  /** The base URL the actions were built on, when one was chosen. */
  baseUrl?: string;
  operations: ImportOperation[];
  diff: ImportDiff;
  created: Array<{ id: string; name: string; signingSecret: string }>;
  skipped: Array<{ name: string; reason: string }>;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function toAuth(value: unknown): AuthNeed | undefined {
  if (!isRecord(value) || typeof value.scheme !== 'string') return undefined;
  const description = typeof value.description === 'string' ? { description: value.description } : {};
  if (value.type === 'bearer' || value.type === 'basic')
    return { scheme: value.scheme, type: value.type, ...description };
  if (value.type === 'api_key' && (value.in === 'header' || value.in === 'query'))
    return { scheme: value.scheme, type: 'api_key', in: value.in, name: text(value.name), ...description };
  return undefined;
}

function toOperation(value: Record<string, unknown>): ImportOperation {
  const action = isRecord(value.action) ? value.action : {};
  const auth = toAuth(value.auth);
  return {
    method: text(value.method),
    path: text(value.path),
    ...(typeof value.operationId === 'string' ? { operationId: value.operationId } : {}),
    name: text(value.name),
    convertible: value.convertible === true,
    reasons: strings(value.reasons),
    warnings: strings(value.warnings),
    ...(typeof action.url === 'string' ? { url: action.url } : {}),
    ...(auth ? { auth } : {}),
  };
}

function toDiff(value: unknown): ImportDiff {
  const diff = isRecord(value) ? value : {};
  return {
    added: strings(diff.added),
    changed: records(diff.changed).map((entry) => ({
      name: text(entry.name),
      changes: records(entry.changes).map((change) => ({
        path: text(change.path),
        before: change.before,
        after: change.after,
      })),
    })),
    unchanged: strings(diff.unchanged),
    removed: strings(diff.removed),
  };
}

/** Reads the route's answer; throws an `ApiError` when it is not the import's shape. */
export function toImportReport(value: unknown): ImportReport {
  if (!isRecord(value) || !Array.isArray(value.operations) || typeof value.format !== 'string') {
    throw new ApiError(
      200,
      UNEXPECTED_RESPONSE,
      'the server answered with an import this app does not understand',
    );
  }
  return {
    format: value.format,
    title: text(value.title),
    version: text(value.version),
    servers: records(value.servers).map((server) => ({
      url: text(server.url),
      usable: server.usable === true,
      ...(typeof server.reason === 'string' ? { reason: server.reason } : {}),
    })),
    ...(typeof value.baseUrl === 'string' ? { baseUrl: value.baseUrl } : {}),
    operations: records(value.operations).map(toOperation),
    diff: toDiff(value.diff),
    created: records(value.created).flatMap((entry) => {
      const action = isRecord(entry.action) ? entry.action : {};
      const definition = isRecord(action.definition) ? action.definition : {};
      if (typeof action.id !== 'string') return [];
      return [{ id: action.id, name: text(definition.name), signingSecret: text(entry.signingSecret) }];
    }),
    skipped: records(value.skipped).map((entry) => ({ name: text(entry.name), reason: text(entry.reason) })),
  };
}
