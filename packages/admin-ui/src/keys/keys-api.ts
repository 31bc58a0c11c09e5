import type { ApiClient } from '../api/api-client';
import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';
import type { CreateKeyBody } from './key-draft';
import { type ApiKeyRow, type CreatedKey, toApiKeyRow, toApiKeyRows, toCreatedKey } from './key-view';

/** `GET /api-keys`: every key of the tenant, prefixes only. */
export async function listKeys(client: ApiClient): Promise<ApiKeyRow[]> {
  return toApiKeyRows(await client.request('GET', '/api-keys'));
}

/** `POST /api-keys`: the key and its value, which the server shows this once. */
export async function createKey(client: ApiClient, body: CreateKeyBody): Promise<CreatedKey> {
  return toCreatedKey(await client.request('POST', '/api-keys', { body }));
}

/** `DELETE /api-keys/{id}`: the key, revoked. */
export async function revokeKey(client: ApiClient, id: string): Promise<ApiKeyRow> {
  const row = toApiKeyRow(await client.request('DELETE', `/api-keys/${encodeURIComponent(id)}`));
  if (row === undefined)
    throw new ApiError(
      200,
      UNEXPECTED_RESPONSE,
      'the server answered with a key this app does not understand',
    );
  return row;
}
