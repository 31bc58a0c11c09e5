import type { ApiClient } from '../api/api-client';
import type { PatchTenantBody } from '../settings/tenant-draft';
import type { CreateOperatorBody } from './operator-draft';
import type { PatchOperatorBody } from './operator-scopes';
import {
  type AuditEntry,
  type OperatorRow,
  type Tenant,
  toAuditEntries,
  toOperator,
  toOperatorRows,
  toTenant,
} from './operator-view';

/** `GET /operators`. */
export async function listOperators(client: ApiClient): Promise<OperatorRow[]> {
  return toOperatorRows(await client.request('GET', '/operators'));
}

/** `POST /operators`. */
export async function createOperator(client: ApiClient, body: CreateOperatorBody): Promise<OperatorRow> {
  return toOperator(await client.request('POST', '/operators', { body }));
}

/** `DELETE /operators/{id}`: disables the operator and ends their sessions. */
export async function disableOperator(client: ApiClient, id: string): Promise<OperatorRow> {
  return toOperator(await client.request('DELETE', `/operators/${encodeURIComponent(id)}`));
}

/** `PATCH /operators/{id}`: replaces the operator's scopes; their sessions get them at once. */
export async function patchOperatorScopes(
  client: ApiClient,
  id: string,
  body: PatchOperatorBody,
): Promise<OperatorRow> {
  return toOperator(await client.request('PATCH', `/operators/${encodeURIComponent(id)}`, { body }));
}

/** `GET /tenant`. */
export async function getTenant(client: ApiClient): Promise<Tenant> {
  return toTenant(await client.request('GET', '/tenant'));
}

/** `PATCH /tenant`. */
export async function patchTenant(client: ApiClient, body: PatchTenantBody): Promise<Tenant> {
  return toTenant(await client.request('PATCH', '/tenant', { body }));
}

/** `GET /audit`. */
export async function listAudit(client: ApiClient): Promise<AuditEntry[]> {
  return toAuditEntries(await client.request('GET', '/audit'));
}
