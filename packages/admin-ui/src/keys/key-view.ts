import { isRecord } from '../actions/json-values';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';

/** A widget key's restriction: the one agent it may talk to and the pages that may use it. */
export interface WidgetRestriction {
  agentId: string;
  origins: string[];
}

/** What the keys list shows of one API key (`ApiKeyView`; the value itself is never listed). */
export interface ApiKeyRow {
  id: string;
  name: string;
  /** The first characters of the value, to recognise it. */
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  widget: WidgetRestriction | undefined;
}

/** A key just created: its view and its value, which the server shows this once. */
export interface CreatedKey {
  key: ApiKeyRow;
  value: string;
}

function unexpected(what: string): ApiError {
  return new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    `the server answered with ${what} this app does not understand`,
  );
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function toWidget(value: unknown): WidgetRestriction | undefined {
  if (!isRecord(value) || typeof value.agentId !== 'string') return undefined;
  return { agentId: value.agentId, origins: strings(value.origins) };
}

/** One `ApiKeyView`, or `undefined` when it lacks an id or a name. */
export function toApiKeyRow(value: unknown): ApiKeyRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return undefined;
  return {
    id: value.id,
    name: value.name,
    prefix: typeof value.prefix === 'string' ? value.prefix : '',
    scopes: strings(value.scopes),
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
    lastUsedAt: stringOrNull(value.lastUsedAt),
    revokedAt: stringOrNull(value.revokedAt),
    widget: toWidget(value.widget),
  };
}

/**
 * The rows of `GET /api-keys` (`{ keys }`): keys in use first, each group newest first.
 */
export function toApiKeyRows(body: unknown): ApiKeyRow[] {
  if (!isRecord(body) || !Array.isArray(body.keys)) throw unexpected('a key list');
  const rows = body.keys.flatMap((item: unknown) => {
    const row = toApiKeyRow(item);
    return row === undefined ? [] : [row];
  });
  return rows.sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
}

/** The answer of `POST /api-keys` (`{ key, value }`). */
export function toCreatedKey(body: unknown): CreatedKey {
  const key = isRecord(body) ? toApiKeyRow(body.key) : undefined;
  if (!isRecord(body) || key === undefined || typeof body.value !== 'string' || body.value === '') {
    throw unexpected('a new key');
  }
  return { key, value: body.value };
}
