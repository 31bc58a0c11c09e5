import type { ApiClient } from '../api/api-client';
import { type ActionRow, toActionRows } from './action-rows';

/** `GET /actions`: every action of the tenant, as list rows. */
export async function listActions(client: ApiClient): Promise<ActionRow[]> {
  return toActionRows(await client.request('GET', '/actions'));
}
