import { isRecord } from '../actions/json-values';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';

/** One operator of the list (`OperatorView`). */
export interface OperatorRow {
  id: string;
  email: string;
  scopes: string[];
  createdAt: string;
  disabledAt: string | null;
}

/** The tenant's settings (`TenantView`). */
export interface Tenant {
  id: string;
  name: string;
  maxActions: number;
}

/** One entry of the audit log: who changed what (field names, never values) and when. */
export interface AuditEntry {
  id: string;
  actor: string;
  /** Who, for people: an email, a key's name, "deleted operator (id)" (the actor when absent). */
  actorLabel: string;
  event: string;
  targetType: string;
  targetId: string;
  fields: string[];
  at: string;
}

function unexpected(what: string): ApiError {
  return new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    `the server answered with ${what} this app does not understand`,
  );
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** One `OperatorView`, or `undefined` without an id or an email. */
export function toOperatorRow(value: unknown): OperatorRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.email !== 'string') return undefined;
  return {
    id: value.id,
    email: value.email,
    scopes: strings(value.scopes),
    createdAt: str(value.createdAt),
    disabledAt: typeof value.disabledAt === 'string' ? value.disabledAt : null,
  };
}

/** The answer of a call that returns one operator. */
export function toOperator(value: unknown): OperatorRow {
  const row = toOperatorRow(value);
  if (row === undefined) throw unexpected('an operator');
  return row;
}

/** The rows of `GET /operators` (`{ operators }`): active ones first, then by email. */
export function toOperatorRows(body: unknown): OperatorRow[] {
  if (!isRecord(body) || !Array.isArray(body.operators)) throw unexpected('an operator list');
  const rows = body.operators.flatMap((item: unknown) => {
    const row = toOperatorRow(item);
    return row === undefined ? [] : [row];
  });
  return rows.sort(
    (a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null) || a.email.localeCompare(b.email),
  );
}

/** The answer of `GET` and `PATCH /tenant`. */
export function toTenant(body: unknown): Tenant {
  if (
    !isRecord(body) ||
    typeof body.id !== 'string' ||
    typeof body.name !== 'string' ||
    typeof body.maxActions !== 'number'
  ) {
    throw unexpected('a tenant');
  }
  return { id: body.id, name: body.name, maxActions: body.maxActions };
}

/** The entries of `GET /audit` (`{ entries }`), newest first. */
export function toAuditEntries(body: unknown): AuditEntry[] {
  if (!isRecord(body) || !Array.isArray(body.entries)) throw unexpected('an audit log');
  const entries = body.entries.flatMap((item: unknown): AuditEntry[] =>
    isRecord(item) && typeof item.id === 'string'
      ? [
          {
            id: item.id,
            actor: str(item.actor),
            actorLabel: str(item.actorLabel) || str(item.actor),
            event: str(item.event),
            targetType: str(item.targetType),
            targetId: str(item.targetId),
            fields: strings(item.fields),
            at: str(item.at),
          },
        ]
      : [],
  );
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

/** Whether the signed-in actor (`operator:<id>`) is this operator. */
export function isSelf(actor: string, operatorId: string): boolean {
  return actor === `operator:${operatorId}`;
}
