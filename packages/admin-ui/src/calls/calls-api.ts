import type { ApiClient } from '../api/api-client';
import { type CallFilters, callListQuery } from './call-filters';
import { type CallPage, type CallRecord, toCallPage, toCallRecord } from './call-record';

/** `GET /calls`: one page of the execution log, newest first; `cursor` for the pages after the first. */
export async function listCalls(client: ApiClient, filters: CallFilters, cursor?: string): Promise<CallPage> {
  return toCallPage(await client.request('GET', '/calls', { query: callListQuery(filters, cursor) }));
}

/** `GET /calls/{id}`: one call with its request, response preview and normalized result. */
export async function getCall(client: ApiClient, id: string): Promise<CallRecord> {
  return toCallRecord(await client.request('GET', `/calls/${encodeURIComponent(id)}`));
}
